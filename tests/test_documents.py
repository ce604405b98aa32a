"""site_builder.inputs.documents: a PDF or Office file is published only when it is that and nothing else."""

from __future__ import annotations

import io
import zipfile

import pytest
from hostile_probe import HTML_PAYLOAD, _docx, _pdf

from site_builder.inputs.documents import MAX_UNPACKED, document_problem


def _pdf_with(root_entries: dict[str, object]) -> bytes:
    from pypdf import PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    for key, value in root_entries.items():
        if isinstance(value, dict):
            value = DictionaryObject({NameObject(k): (NameObject(v) if v.startswith("/") else TextStringObject(v))
                                      for k, v in value.items()})
        writer._root_object[NameObject(key)] = value  # noqa: SLF001 - building a hostile file on purpose
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_plain_documents_pass() -> None:
    assert document_problem(_pdf(), ".pdf") is None
    assert document_problem(_docx(), ".docx") is None


@pytest.mark.parametrize(("name", "data", "why"), [
    ("a web page after the PDF's end", _pdf() + HTML_PAYLOAD, "after the end of the PDF"),
    ("script inside the PDF", _pdf().replace(b"%%EOF", b"<script>alert(1)</script>\n%%EOF"), "HTML or JavaScript"),
    ("a PDF cut in half", _pdf()[: len(_pdf()) // 2] + b"\n%%EOF\n", "damaged"),
    ("an opening action that launches a program",
     _pdf_with({"/OpenAction": {"/S": "/Launch", "/F": "cmd.exe"}}), "program launch"),
    ("additional actions", _pdf_with({"/AA": {"/S": "/GoTo"}}), "runs an action when opened"),
    ("a web page after the container's end", _docx() + HTML_PAYLOAD, "after the end of the DOCX"),
    ("an HTML part", _docx({"word/afchunk.htm": HTML_PAYLOAD}), "web page, script or macro"),
    ("a macro project", _docx({"word/vbaProject.bin": b"\0" * 64}), "web page, script or macro"),
    ("HTML under another name", _docx({"docProps/custom.txt": HTML_PAYLOAD}), "HTML or JavaScript"),
    ("not the kind its name says", _docx(), "not the XLSX"),
])
def test_documents_that_are_more_than_a_document_are_refused(name: str, data: bytes, why: str) -> None:
    """Finding 8 of issue 30: PDF and ZIP magic bytes followed by HTML or JS were published
    as they were; only the first 16 bytes were checked."""
    suffix = ".xlsx" if "XLSX" in why else (".pdf" if data.startswith(b"%PDF") else ".docx")
    problem = document_problem(data, suffix)
    assert problem is not None, name
    vi, en = problem
    assert why in en and vi, (name, en)


def test_a_zip_bomb_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_docx())) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        target.writestr("word/media/big.bin", b"\0" * (MAX_UNPACKED + 1))
    problem = document_problem(buffer.getvalue(), ".docx")
    assert problem is not None and "unpacks too large" in problem[1]
