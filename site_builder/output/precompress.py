"""Pre-compressed copies of text files (``file.html.gz`` beside ``file.html``).

Static servers send them as they are (nginx ``gzip_static``, Apache rewrite rules,
S3 objects uploaded with ``Content-Encoding: gzip``), so no page is compressed on
every request. The gzip header carries no name and no time, so the files are the
same from one build to the next.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from site_builder.output.writer import Writer

SUFFIXES = {".html", ".css", ".js", ".json", ".xml", ".svg", ".csv", ".ics", ".txt", ".map"}
MIN_BYTES = 512


def precompress(site: Path, writer: Writer | None = None) -> int:
    """Write ``.gz`` copies of text files worth compressing, through ``writer`` (one for
    ``site`` when none is given); return how many."""
    writer = writer or Writer(site)
    count = 0
    for path in sorted(site.rglob("*")):
        if path.suffix not in SUFFIXES or not path.is_file() or path.stat().st_size < MIN_BYTES:
            continue
        data = path.read_bytes()
        packed = gzip.compress(data, compresslevel=9, mtime=0)
        if len(packed) < len(data):
            writer.bytes(path.relative_to(writer.root).as_posix() + ".gz", packed, "precompressed copies")
            count += 1
    return count
