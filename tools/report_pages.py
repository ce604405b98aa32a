"""Page images of a Vietnamese yearly report for the editors' guide (content/<lang>/guide/img/).

Usage: ``python tools/report_pages.py``. Writes the 2022 report of Sóc Trăng's Department
of Information and Communications from the example records, converts the Vietnamese
.docx to PDF with LibreOffice headless (a throwaway profile) and renders its first and
last pages in grey with ``pdftoppm`` (Debian's poppler-utils), framed (a white page on the
site's white background needs an edge), as small greyscale PNGs.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from site_builder.inputs.loader import check_dataset  # noqa: E402
from site_builder.output.report.files import write_reports  # noqa: E402

PLAN, YEAR, AGENCY = "soc-trang-2022", 2022, "soc-trang-so-thong-tin-va-truyen-thong"
DPI = 80
FRAME = 150
"""Grey level of the one-pixel frame."""


def framed_png(pgm: bytes) -> bytes:
    """A binary greyscale PGM (``P5``, as ``pdftoppm -gray`` writes) as a PNG with a frame."""
    magic, width, height, depth, pixels = pgm.split(maxsplit=4)
    assert magic == b"P5" and depth == b"255", "expected an 8-bit greyscale PGM"
    w, h = int(width), int(height)
    rows = [bytearray(pixels[y * w:(y + 1) * w]) for y in range(h)]
    for row in rows:
        row[0] = row[-1] = FRAME
    rows[0][:] = rows[-1][:] = bytes([FRAME]) * w
    raw = b"".join(b"\0" + bytes(row) for row in rows)  # filter type 0 on every row

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def main() -> None:
    for tool in ("soffice", "pdftoppm"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} missing: apt-get install libreoffice-writer-nogui fonts-liberation2 poppler-utils")
    data, problems = check_dataset(ROOT)
    if data is None:
        sys.exit("\n".join(p.format() for p in problems.errors))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        docx = next(p for p in write_reports(data, PLAN, YEAR, out, AGENCY) if p.name.endswith(".vi.docx"))
        subprocess.run(["soffice", f"-env:UserInstallation={(out / 'profile').as_uri()}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(out), str(docx)], check=True, capture_output=True)
        pdf = docx.with_suffix(".pdf")
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        last = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
        for name, page in (("report-page-1.png", 1), ("report-page-last.png", last)):
            base = out / f"page-{page}"
            subprocess.run(["pdftoppm", "-gray", "-r", str(DPI), "-f", str(page), "-l", str(page), "-singlefile",
                            str(pdf), str(base)], check=True)
            png = framed_png(base.with_suffix(".pgm").read_bytes())
            for lang in ("vi", "en"):
                target = ROOT / "content" / lang / "guide" / "img" / name
                target.write_bytes(png)
                print(f"wrote {target.relative_to(ROOT)} ({target.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
