"""Documents of ``content/<lang>/`` (PDF, Office Open XML, OpenDocument), opened by a parser.

A page may offer a plan or a report for download, and the file is published as it is
(rewriting a PDF or a Word file would change what the issuing agency signed). So
``check`` opens it the way a reader's program will, and refuses it when anything but the
document is in the file:

- bytes after the end of the document: after a PDF's last ``%%EOF``, or after a ZIP
  container's end-of-central-directory record. A file that is a PDF for a PDF reader
  and an HTML page or a script for a browser that sniffs (a *polyglot*) keeps its second
  self there;
- HTML, SVG or script: a ``<script``/``<html`` anywhere in a PDF's bytes, a PDF action
  that runs JavaScript or launches a program, a container member that is a web page, an
  SVG, a script or a macro project;
- a ZIP container whose members do not all read back (CRC), or that unpacks past
  :data:`MAX_UNPACKED` (a ZIP bomb), or that is not the kind of document its name says.

The host's ``X-Content-Type-Options: nosniff`` (docs/deploy.md) is the second line: the
kit does not rely on it.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from typing import Any, cast

MAX_UNPACKED = 200 * 1024 * 1024
"""A 20 MiB Office file that unpacks past 200 MiB is a ZIP bomb, not a report."""
MAX_MEMBERS = 5000
"""Files inside one container: a long report with many pictures has a few hundred."""

ACTIVE_MARKUP = re.compile(rb"<\s*(?:script|html|body|iframe|svg|object|embed)\b|javascript:", re.IGNORECASE)
"""Markup a browser would run or render, found in a document's own bytes."""
PDF_ACTIONS = re.compile(rb"/(?:JavaScript|JS|Launch|EmbeddedFile|RichMedia|XFA)\b")
"""PDF names that run code, start a program or carry another file."""
ACTIONS = frozenset({"/JavaScript", "/Launch", "/ImportData", "/SubmitForm", "/URI", "/GoToR", "/GoToE"})
"""What a PDF's opening action may not do: run script, start a program, read or send
data, or open another address or file."""
ACTIVE_MEMBER = re.compile(
    r"\.(?:html?|xhtml|xht|svgz?|js|mjs|vbs|wsf|hta|exe|dll|bat|cmd|ps1|jar|swf)$|vbaProject\.bin$", re.IGNORECASE,
)
"""Members of an Office container that a browser would open as a page or that run code."""

CONTAINERS: dict[str, tuple[str, str | None]] = {
    ".docx": ("word/document.xml", None),
    ".xlsx": ("xl/workbook.xml", None),
    ".pptx": ("ppt/presentation.xml", None),
    ".odt": ("content.xml", "application/vnd.oasis.opendocument.text"),
    ".ods": ("content.xml", "application/vnd.oasis.opendocument.spreadsheet"),
    ".odp": ("content.xml", "application/vnd.oasis.opendocument.presentation"),
}
"""The member every document of a kind holds, and the ``mimetype`` an OpenDocument names."""


def document_problem(data: bytes, suffix: str) -> tuple[str, str] | None:
    """Why the document ``data`` (named with ``suffix``) cannot be published, in
    Vietnamese and English, or ``None`` when it is a document and only that."""
    if suffix == ".pdf":
        return _pdf_problem(data)
    return _container_problem(data, suffix)


def _refused(vi: str, en: str) -> tuple[str, str]:
    return vi, en


def _pdf_problem(data: bytes) -> tuple[str, str] | None:
    end = data.rfind(b"%%EOF")
    if end < 0 or data[end + 5:].strip(b"\r\n\t \x00"):
        return _refused(
            "có dữ liệu sau phần kết thúc của tệp PDF (%%EOF): tệp không chỉ là một văn bản PDF; hãy xuất lại tệp",
            "there are bytes after the end of the PDF (%%EOF): the file is more than a PDF document; export it again",
        )
    if ACTIVE_MARKUP.search(data):
        return _refused(
            "tệp PDF chứa mã HTML hoặc JavaScript: hãy xuất lại tệp từ văn bản gốc",
            "the PDF holds HTML or JavaScript: export it again from the original document",
        )
    if PDF_ACTIONS.search(data):
        return _refused(
            "tệp PDF chứa mã chạy, lệnh mở chương trình hoặc tệp đính kèm: hãy xuất lại tệp thành PDF thường",
            "the PDF holds script, a program launch or an attached file: export it again as a plain PDF",
        )
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError
    from pypdf.generic import DictionaryObject

    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)  # its warnings about a damaged file become our one message
    try:
        reader = PdfReader(io.BytesIO(data), strict=True)
        for page in reader.pages:
            page.get_contents()
        root = cast(DictionaryObject, reader.trailer["/Root"].get_object())  # not a dictionary: AttributeError below
        names = root.get("/Names")
        opening: Any = root.get("/OpenAction")
        opening = opening.get_object() if opening is not None else None
        hidden = (
            "/AA" in root
            or (names is not None and "/JavaScript" in names.get_object())
            # An opening *view* (a page and a zoom, as Word writes) is fine; an action is not.
            or (hasattr(opening, "get") and opening.get("/S") in ACTIONS)
        )
    except (PyPdfError, OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return _refused(
            "tệp PDF hỏng hoặc không đọc được đến hết: hãy xuất lại tệp",
            "the PDF is damaged or cannot be read to its end: export it again",
        )
    finally:
        quiet.setLevel(level)
    if hidden:
        return _refused(
            "tệp PDF tự chạy một hành động khi mở (OpenAction, AA hoặc JavaScript): hãy xuất lại tệp thành PDF thường",
            "the PDF runs an action when opened (OpenAction, AA or JavaScript): export it again as a plain PDF",
        )
    return None


def _end_of_zip(data: bytes) -> int | None:
    """Where the ZIP container ``data`` ends: after its end-of-central-directory record
    and the comment it declares (``None`` without such a record)."""
    at = data.rfind(b"PK\x05\x06")
    if at < 0 or at + 22 > len(data):
        return None
    comment = int.from_bytes(data[at + 20:at + 22], "little")
    return at + 22 + comment


def _container_problem(data: bytes, suffix: str) -> tuple[str, str] | None:
    kind = suffix.lstrip(".").upper()
    damaged = _refused(
        f"tệp {kind} hỏng hoặc không đọc được đến hết: hãy lưu lại tệp",
        f"the {kind} file is damaged or cannot be read to its end: save it again",
    )
    end = _end_of_zip(data)
    if end is None:
        return damaged
    if end != len(data) or data[end - 22 + 20:end - 22 + 22] != b"\0\0":
        return _refused(
            f"có dữ liệu sau phần kết thúc của tệp {kind} (hoặc một lời chú thích ZIP): tệp không chỉ là một "
            "văn bản; hãy lưu lại tệp",
            f"there are bytes after the end of the {kind} file (or a ZIP comment): the file is more than a "
            "document; save it again",
        )
    required, mimetype = CONTAINERS[suffix]
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_UNPACKED:
                return _refused(
                    f"tệp {kind} giải nén ra quá lớn (tối đa {MAX_UNPACKED // 1048576} MiB, {MAX_MEMBERS} tệp)",
                    f"the {kind} file unpacks too large (at most {MAX_UNPACKED // 1048576} MiB, {MAX_MEMBERS} files)",
                )
            names = {m.filename for m in members}
            active = sorted(name for name in names if ACTIVE_MEMBER.search(name))
            if active:
                return _refused(
                    f"tệp {kind} chứa trang web, mã chạy hoặc macro ({active[0][:60]}): hãy lưu lại thành văn bản thường",
                    f"the {kind} file holds a web page, script or macro ({active[0][:60]}): save it as a plain document",
                )
            if required not in names or (mimetype is not None and archive.read("mimetype").strip() != mimetype.encode()):
                return _refused(
                    f"tệp không phải là văn bản {kind} như đuôi tên của nó",
                    f"the file is not the {kind} document its name says",
                )
            for member in members:
                with archive.open(member) as fh:
                    head = fh.read(1024)
                    while fh.read(1 << 20):
                        pass  # read to the end: the CRC is checked there
                if ACTIVE_MARKUP.search(head) and not member.filename.endswith((".xml", ".rels")):
                    return _refused(
                        f"tệp {kind} chứa mã HTML hoặc JavaScript ({member.filename[:60]}): hãy lưu lại thành "
                        "văn bản thường",
                        f"the {kind} file holds HTML or JavaScript ({member.filename[:60]}): save it as a plain document",
                    )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, KeyError, EOFError, NotImplementedError):
        return damaged
    return None
