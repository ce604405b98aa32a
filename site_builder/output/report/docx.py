"""The report as ``.docx``: the Vietnamese text laid out as an administrative document under
Decree 30/2020/NĐ-CP, the English courtesy translation in a plain layout.

The references are to Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ
về công tác văn thư. A báo cáo is an administrative document (Article 7); Article 8 lists
the elements of its format (thể thức) and Article 9 sends the presentation technique to
Appendix I, "Thể thức, kỹ thuật trình bày văn bản hành chính và bản sao văn bản", whose
Part I covers administrative documents, and the abbreviations of document types to
Appendix III, which also gives the model layouts (form 1.4, "Văn bản có tên loại",
applies to a báo cáo):

- Appendix I, Part I, Section I (general rules): 1. A4 paper; 3. margins 20-25 mm top and
  bottom, 30-35 mm left, 15-20 mm right; 4. Times New Roman, Unicode (TCVN 6909:2001),
  black; 7. page numbers from 1 in Arabic figures, size 13-14, upright, centred in the top
  margin, not shown on the first page.
- Section II (main elements): 1. national name (upper case, 12-13, bold, top right) and
  motto (13-14, bold, centred under it, a solid rule under it as long as the line);
  2. the issuing body (upper case, 12-13, bold, centred under its managing body, which is
  upper case, 12-13, upright; a rule of 1/3 to 1/2 of the line under it); 3. number and
  symbol ("Số" 13, symbol upper case 13, centred under the body's name); 4. place and
  date (13-14, italic, on the line of the number, centred under the national name);
  5. document type (upper case, 13-14, bold) and summary (13-14, bold, a rule of 1/3 to
  1/2 of the line under it), centred; 6. body text (13-14, justified, first line indented
  1 cm or 1.27 cm, at least 6 pt between paragraphs, line spacing from single to 1.5
  lines; sections "I." upper case bold, clauses with a title "1." bold, points "a)"
  upright); 7. authority and position of the signer (upper case, 13-14, bold) and name
  (13-14, bold, centred under them: a dotted blank here, since the records do not say who
  signs); 9. recipients: "Kính gửi" (13-14, upright) for a
  report to a superior body, "Nơi nhận:" (12, bold italic, level with the signer's
  position, at the left margin) and the list (11, upright, each line "- …;", the last
  "- Lưu: VT, …", the dots being the abbreviation of the drafting unit).
- Section V (type faces and sizes), with its footnote: sizes that may vary are chosen
  consistently (national name 13, motto 14, place and date 14).
- Appendix III, Section I: "BC" abbreviates Báo cáo in the document symbol.

The values were read from Word copies of the decree and of its Appendices I and III. The
appendix prescribes no size for tables, or for a draft mark in the footer: tables use
12 pt and the example-data mark 10 pt. Where a choice is left (sizes 13 or 14, indent 1
or 1.27 cm, margins within a range) the constants below say which was taken.

The file is deterministic: fixed zip timestamps and document properties.
"""

from __future__ import annotations

import datetime as dt

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm

from site_builder.core.language import LANGUAGE_BY_CODE
from site_builder.output.report.document import Letterhead, Report, Section, Table
from site_builder.output.report.ooxml import (
    Format,
    deterministic,
    first_paragraph,
    fixed_table,
    no_split,
    page_number,
    put_text,
    repeat_header,
    restyle,
    rule,
    set_format,
)
from site_builder.output.report.typeface import text_width, wrap

# Appendix I, Part I, I.1 and I.3 (mm): A4; the smallest margins of each range, which leave
# the most room for the tables.
PAGE_WIDTH, PAGE_HEIGHT = 210, 297
TOP, BOTTOM, LEFT, RIGHT = 20, 20, 30, 15
TEXT_WIDTH = PAGE_WIDTH - LEFT - RIGHT

# Sizes (pt) from Appendix I, Part I, Section II and Section V.
NATIONAL_NAME = 13  # II.1.a: 12-13
MOTTO = 14  # II.1.b: 13-14 (the footnote of Section V: 13 with 14)
MANAGING_BODY = 13  # II.2.b: 12-13
ISSUING_BODY = 13  # II.2.b: 12-13
NUMBER = 13  # II.3.c: 13
PLACE_DATE = 14  # II.4.c: 13-14 (the footnote of Section V: 14 with a motto of 14)
DOC_TYPE = 14  # II.5.b: 13-14
SUMMARY = 14  # II.5.b: 13-14
BODY = 14  # II.6.e: 13-14
SIGNER = 14  # II.7.đ: 13-14
ADDRESSEES = 14  # II.9.d: 13-14
RECIPIENTS_LABEL = 12  # II.9.d: 12
RECIPIENTS = 11  # II.9.d: 11
PAGE_NUMBER = 14  # I.7: 13-14
TABLE = 12  # not prescribed
MARK = 10  # not prescribed

FIRST_LINE_INDENT = 10  # mm, II.6.e: 1 cm or 1.27 cm
PARAGRAPH_SPACING = 6  # pt, II.6.e: at least 6 pt
LINE_SPACING = 1.15  # II.6.e: from single to 1.5 lines
RULE_SHARE = 0.4  # II.2.b and II.5.b: a rule of 1/3 to 1/2 of the line above it

NATIONAL_NAME_TEXT = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"  # II.1.a
MOTTO_TEXT = "Độc lập - Tự do - Hạnh phúc"  # II.1.b

HEADER_COLUMNS = (62, TEXT_WIDTH - 62)
"""The left column holds the issuing body and number, the right one the national name,
motto, place and date (the layout of Section IV and form 1.4)."""
SIGNATURE_COLUMNS = (80, TEXT_WIDTH - 80)

ADDRESSEES_LABEL_WIDTH = 17.6
"""Width (mm) of "Kính gửi" in Times New Roman at 14 pt: the dashes of the addressees line up under its colon."""


def _page(document: DocxDocument, margins: tuple[float, float, float, float], report: Report, numbered_first: bool) -> None:
    """A4 (Appendix I, Part I, I.1), the margins, the page number in the top margin from page 2
    (I.7), and the example-data mark at the foot of every page."""
    section = document.sections[0]
    section.page_width, section.page_height = Mm(PAGE_WIDTH), Mm(PAGE_HEIGHT)
    section.top_margin, section.bottom_margin, section.left_margin, section.right_margin = (Mm(m) for m in margins)
    section.header_distance = Mm(10)
    section.footer_distance = Mm(8)
    section.different_first_page_header_footer = not numbered_first
    number = set_format(section.header.paragraphs[0])
    page_number(number, PAGE_NUMBER if report.lang == "vi" else MARK)
    if not numbered_first:
        set_format(section.first_page_header.paragraphs[0])  # I.7: no number on the first page
    footers = [section.footer] + ([section.first_page_footer] if not numbered_first else [])
    for footer in footers:
        paragraph = set_format(footer.paragraphs[0])
        if report.footer:
            put_text(paragraph, report.footer, MARK, italic=True)


PROPERTY_LENGTH = 255
"""The longest text python-docx writes into a core property (it refuses longer ones)."""


def _property(text: str) -> str:
    """``text`` as a core property: cut to :data:`PROPERTY_LENGTH` characters, ending in "…",
    when longer (the title of a plan that implements another cites both)."""
    return text if len(text) <= PROPERTY_LENGTH else text[:PROPERTY_LENGTH - 1].rstrip() + "…"


def _properties(document: DocxDocument, report: Report) -> None:
    """Fixed document properties: python-docx would stamp the time of writing."""
    props = document.core_properties
    props.title = _property(report.title)
    props.subject = _property(report.summary)
    props.author = _property(report.agency)
    props.last_modified_by = _property(report.agency)
    props.comments = ""
    props.keywords = ""
    props.category = ""
    props.language = LANGUAGE_BY_CODE[report.lang].tag
    props.revision = 1
    when = dt.datetime.combine(report.date or dt.date(2000, 1, 1), dt.time())
    props.created = when
    props.modified = when


# ── Body ─────────────────────────────────────────────────────────────────────────────

def _data_table(document: DocxDocument, table: Table, size: float, width: float) -> None:
    scale = width / sum(table.widths)
    out = fixed_table(document, [w * scale for w in table.widths], len(table.rows) + 1, borders=True)
    for r, values in enumerate([table.header, *table.rows]):
        row = out.rows[r]
        if r == 0:
            no_split(row)
            repeat_header(row)
        for c, value in enumerate(values):
            paragraph = set_format(row.cells[c].paragraphs[0], Format(align=WD_ALIGN_PARAGRAPH.CENTER if r == 0 else
                                                                      WD_ALIGN_PARAGRAPH.LEFT, before=1, after=1))
            put_text(paragraph, value, size, bold=r == 0)


def _body(document: DocxDocument, sections: list[Section], size: float, official: bool) -> None:
    indent = FIRST_LINE_INDENT if official else 0
    align = WD_ALIGN_PARAGRAPH.JUSTIFY if official else WD_ALIGN_PARAGRAPH.LEFT
    for section in sections:
        heading = section.heading.upper() if official and section.level == 1 else section.heading
        paragraph = document.add_paragraph(style=f"Heading {section.level}")
        set_format(paragraph, Format(align=align, before=PARAGRAPH_SPACING, after=PARAGRAPH_SPACING if official else 3,
                                     first=indent, line=LINE_SPACING if official else None, keep=True))
        # Appendix I, Part I, Section V, row 6b: sections and titled clauses bold, points upright
        put_text(paragraph, heading, size, bold=section.level < 3)
        for text in section.paragraphs + [f"- {item}" for item in section.items]:
            paragraph = document.add_paragraph()
            set_format(paragraph, Format(align=align, after=PARAGRAPH_SPACING if official else 3, first=indent,
                                         line=LINE_SPACING if official else None))
            put_text(paragraph, text, size)
        if section.table is not None:
            _data_table(document, section.table, TABLE if official else size - 2,
                        TEXT_WIDTH if official else PAGE_WIDTH - 50)


def _body_paragraph(document: DocxDocument, text: str, *, keep: bool = False) -> None:
    paragraph = document.add_paragraph()
    set_format(paragraph, Format(align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=PARAGRAPH_SPACING, first=FIRST_LINE_INDENT,
                                 line=LINE_SPACING, keep=keep))
    put_text(paragraph, text, BODY)


# ── The two layouts ──────────────────────────────────────────────────────────────────

def _header_block(document: DocxDocument, head: Letterhead) -> None:
    """The issuing body and number beside the national name, motto, place and date: Appendix I,
    Part I, II.1-4, laid out as in Section IV and form 1.4."""
    header = fixed_table(document, HEADER_COLUMNS, 2, borders=False)
    left, right = header.cell(0, 0), header.cell(0, 1)
    if head.superior:
        put_text(set_format(first_paragraph(left)), head.superior, MANAGING_BODY)
    lines = wrap(head.issuer, ISSUING_BODY, HEADER_COLUMNS[0])
    put_text(set_format(first_paragraph(left)), "\n".join(lines), ISSUING_BODY, bold=True)
    rule(left, RULE_SHARE * max(text_width(x, ISSUING_BODY) for x in lines), HEADER_COLUMNS[0])
    put_text(set_format(first_paragraph(right)), NATIONAL_NAME_TEXT, NATIONAL_NAME, bold=True)
    put_text(set_format(right.add_paragraph()), MOTTO_TEXT, MOTTO, bold=True)
    rule(right, text_width(MOTTO_TEXT, MOTTO), HEADER_COLUMNS[1])
    put_text(set_format(first_paragraph(header.cell(1, 0)), Format(before=6)), head.number, NUMBER)
    put_text(set_format(first_paragraph(header.cell(1, 1)), Format(before=6)), head.place_date, PLACE_DATE, italic=True)


def _title_block(document: DocxDocument, report: Report) -> None:
    """Document type and summary: II.5."""
    put_text(set_format(document.add_paragraph(), Format(before=18, keep=True)), report.doc_type.upper(), DOC_TYPE, bold=True)
    lines = wrap(report.summary, SUMMARY, TEXT_WIDTH - 20)
    put_text(set_format(document.add_paragraph(), Format(keep=True)), "\n".join(lines), SUMMARY, bold=True)
    rule(document, RULE_SHARE * max(text_width(x, SUMMARY) for x in lines), TEXT_WIDTH)


def _addressees(document: DocxDocument, head: Letterhead) -> None:
    """"Kính gửi" for a report sent up: II.9.b and II.9.d (ô 9a)."""
    if len(head.addressees) == 1:
        put_text(set_format(document.add_paragraph(), Format(before=12, after=6)), f"Kính gửi: {head.addressees[0]}", ADDRESSEES)
    elif head.addressees:
        start = 30
        put_text(set_format(document.add_paragraph(), Format(align=WD_ALIGN_PARAGRAPH.LEFT, before=12, left=start)),
                 "Kính gửi:", ADDRESSEES)
        for i, name in enumerate(head.addressees):
            end = "." if i == len(head.addressees) - 1 else ";"
            put_text(set_format(document.add_paragraph(), Format(align=WD_ALIGN_PARAGRAPH.LEFT,
                                                                 left=start + ADDRESSEES_LABEL_WIDTH,
                                                                 after=6 if end == "." else 0)), f"- {name}{end}", ADDRESSEES)


def _opening(document: DocxDocument, report: Report) -> None:
    """The example-data notice, the note on a former body, and the opening paragraph."""
    if report.notice:
        paragraph = set_format(document.add_paragraph(), Format(before=6, after=6))
        put_text(paragraph, report.notice, BODY - 1, bold=True, italic=True)
    if report.former:  # a body that no longer exists, named as such (not an element of the form)
        paragraph = set_format(document.add_paragraph(), Format(align=WD_ALIGN_PARAGRAPH.JUSTIFY, before=6, after=6,
                                                                first=FIRST_LINE_INDENT, line=LINE_SPACING))
        put_text(paragraph, report.former, BODY, italic=True)
    _body_paragraph(document, report.intro)


def _signature_block(document: DocxDocument, head: Letterhead) -> None:
    """Recipients and signature side by side: II.7 and II.9 (ô 9b, 7a-7c)."""
    block = fixed_table(document, SIGNATURE_COLUMNS, 1, borders=False)
    no_split(block.rows[0])
    left, right = block.cell(0, 0), block.cell(0, 1)
    put_text(set_format(first_paragraph(left), Format(align=WD_ALIGN_PARAGRAPH.LEFT, before=6)), "Nơi nhận:", RECIPIENTS_LABEL,
             bold=True, italic=True)
    for i, line in enumerate(head.copies):
        end = "." if i == len(head.copies) - 1 else ";"
        put_text(set_format(left.add_paragraph(), Format(align=WD_ALIGN_PARAGRAPH.LEFT)), f"- {line}{end}", RECIPIENTS)
    signer = "\n".join(x for x in (head.authority, head.position) if x)
    put_text(set_format(first_paragraph(right), Format(before=6)), signer, SIGNER, bold=True)
    for _ in range(4):  # room for the signature and seal (ô 7c, 8)
        set_format(right.add_paragraph())
    put_text(set_format(right.add_paragraph()), head.signer, SIGNER, bold=True)  # the signer's name (II.7.d, ô 7b)


def _official(report: Report) -> DocxDocument:
    head = report.letterhead
    assert head is not None
    document = Document()
    restyle(document, report.lang, BODY)
    _page(document, (TOP, BOTTOM, LEFT, RIGHT), report, numbered_first=False)
    _header_block(document, head)
    _title_block(document, report)
    _addressees(document, head)
    _opening(document, report)
    _body(document, report.sections, BODY, official=True)
    if report.closing:
        _body_paragraph(document, report.closing, keep=True)
    _signature_block(document, head)
    return document


def _plain(report: Report) -> DocxDocument:
    document = Document()
    restyle(document, report.lang, 12)
    _page(document, (20, 20, 25, 25), report, numbered_first=True)
    put_text(set_format(document.add_paragraph(), Format(align=WD_ALIGN_PARAGRAPH.LEFT, after=6)), report.title, 16, bold=True)
    for line in report.details:
        put_text(set_format(document.add_paragraph(), Format(align=WD_ALIGN_PARAGRAPH.LEFT)), line, 11)
    if report.notice:
        put_text(set_format(document.add_paragraph(), Format(align=WD_ALIGN_PARAGRAPH.LEFT, before=6)), report.notice, 12,
                 bold=True)
    put_text(set_format(document.add_paragraph(), Format(align=WD_ALIGN_PARAGRAPH.LEFT, before=6, after=3)), report.intro, 12)
    _body(document, report.sections, 12, official=False)
    return document


def to_docx(report: Report) -> bytes:
    """The report's ``.docx`` bytes: official layout in Vietnamese, plain in English."""
    document = _official(report) if report.letterhead is not None else _plain(report)
    _properties(document, report)
    return deterministic(document)
