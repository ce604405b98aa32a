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
import io
import unicodedata
import zipfile
from itertools import combinations
from typing import TYPE_CHECKING, Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

if TYPE_CHECKING:
    from site_builder.output.report.compose import Report, Section, Table

FONT = "Times New Roman"  # Appendix I, Part I, I.4

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

# Advance widths (1/1000 em) of Times New Roman Bold, the same as its metric-compatible
# Liberation Serif Bold, for printable ASCII; a letter with diacritics is as wide as its
# base letter, except the horned ones listed. Used to size the rules under centred lines.
_BOLD_WIDTHS = dict(zip(map(chr, range(32, 127)), (
    250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500,
    500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778, 778, 389,
    500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581,
    500, 333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389,
    333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
), strict=True)) | {"Ơ": 778, "Ư": 796, "ơ": 554, "ư": 600, "Đ": 722, "đ": 556, "…": 1000}
ADDRESSEES_LABEL_WIDTH = 17.6
"""Width (mm) of "Kính gửi" in Times New Roman at 14 pt: the dashes of the addressees line up under its colon."""


def text_width(text: str, size: float) -> float:
    """The width (mm) of ``text`` set in Times New Roman Bold at ``size`` points."""
    units = 0
    for ch in text:
        width = _BOLD_WIDTHS.get(ch)
        if width is None:
            width = _BOLD_WIDTHS.get(unicodedata.normalize("NFD", ch)[0], 500)
        units += width
    return units / 1000 * size * 25.4 / 72


def wrap(text: str, size: float, width: float) -> list[str]:
    """``text`` in bold broken into the fewest lines that fit ``width`` mm, the lines as even
    as possible (a centred title reads better as "SỞ THÔNG TIN VÀ / TRUYỀN THÔNG")."""
    words = text.replace(" - ", "\u00a0-\u00a0").split(" ")  # no line starts with the dash of "2021 - 2025"
    for count in range(1, min(len(words), 4) + 1):
        best: tuple[float, list[str]] | None = None
        for cuts in combinations(range(1, len(words)), count - 1):
            bounds = (0, *cuts, len(words))
            lines = [" ".join(words[a:b]).replace("\u00a0", " ") for a, b in zip(bounds, bounds[1:], strict=False)]
            widest = max(text_width(line, size) for line in lines)
            if widest <= width and (best is None or widest < best[0]):
                best = (widest, lines)
        if best is not None:
            return best[1]
    return [text]


# ── Low-level helpers ────────────────────────────────────────────────────────────────

def _fonts(rpr: Any) -> None:
    """Times New Roman for every script, replacing theme fonts."""
    for old in rpr.findall(qn("w:rFonts")):
        rpr.remove(old)
    fonts = OxmlElement("w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    rpr.insert(0, fonts)


def _restyle(document: Any, lang: str, body: float) -> None:
    """Times New Roman, black, in every style the document uses; the language of the text."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _fonts(rpr)
    rpr.find(qn("w:sz")).set(qn("w:val"), str(int(body * 2)))
    rpr.find(qn("w:szCs")).set(qn("w:val"), str(int(body * 2)))
    language = rpr.find(qn("w:lang"))
    language.set(qn("w:val"), "vi-VN" if lang == "vi" else "en-GB")
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    spacing = ppr.find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    for style in styles.findall(qn("w:style")):
        style_rpr = style.find(qn("w:rPr"))
        if style_rpr is None:
            continue
        if style_rpr.find(qn("w:rFonts")) is not None:
            _fonts(style_rpr)
        for tag in ("w:color", "w:i", "w:iCs", "w:sz", "w:szCs"):
            for el in style_rpr.findall(qn(tag)):
                style_rpr.remove(el)


def _format(paragraph: Any, *, align: Any = WD_ALIGN_PARAGRAPH.CENTER, before: float = 0, after: float = 0,
            first: float | None = None, left: float | None = None, right: float | None = None,
            line: float | None = None, keep: bool = False) -> Any:
    fmt = paragraph.paragraph_format
    fmt.alignment = align
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.first_line_indent = Mm(first or 0)
    if left is not None:
        fmt.left_indent = Mm(left)
    if right is not None:
        fmt.right_indent = Mm(right)
    if line is not None:
        fmt.line_spacing = line
    if keep:
        fmt.keep_with_next = True
    return paragraph


def _text(paragraph: Any, text: str, size: float, *, bold: bool = False, italic: bool = False) -> Any:
    """``text`` with its lines separated by line breaks, in one style."""
    for i, line in enumerate(text.split("\n")):
        run = paragraph.add_run(line)
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.italic = italic
        if i:
            run._r.insert(0, OxmlElement("w:br"))
    return paragraph


def _first(cell: Any) -> Any:
    """The cell's first paragraph (a new cell has one, empty), then new ones."""
    paragraph = cell.paragraphs[-1]
    return paragraph if not paragraph.text and not paragraph.runs else cell.add_paragraph()


def _rule(container: Any, length: float, width: float, before: float = 3) -> None:
    """A solid horizontal rule ``length`` mm long, centred in ``width`` mm: the top border of
    an empty paragraph a point high."""
    paragraph = container.add_paragraph()
    side = max((width - length) / 2, 0)
    _format(paragraph, before=before, left=side, right=side)
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(1)
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        top.set(qn(key), value)
    borders.append(top)
    ppr.insert_element_before(borders, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
                              "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
                              "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                              "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                              "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
                              "w:pPrChange")
    mark = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "2")
    mark.append(size)
    ppr.append(mark)


def _table(document: Any, widths: tuple[float, ...] | list[float], rows: int, *, borders: bool) -> Any:
    """A table of fixed column widths (mm) across the text width; without borders or cell
    margins for the header and signature blocks."""
    table = document.add_table(rows=rows, cols=len(widths))
    if borders:
        table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False  # a fixed layout
    tblpr = table._tbl.tblPr
    total = tblpr.find(qn("w:tblW"))
    total.set(qn("w:type"), "dxa")
    total.set(qn("w:w"), str(round(sum(widths) * 1440 / 25.4)))
    later = ("w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")  # the schema's order
    if not borders:
        margins = OxmlElement("w:tblCellMar")
        for side in ("w:left", "w:right"):
            el = OxmlElement(side)
            el.set(qn("w:w"), "0")
            el.set(qn("w:type"), "dxa")
            margins.append(el)
        tblpr.insert_element_before(margins, *later)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)
    return table


def _no_split(row: Any) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))


def _repeat_header(row: Any) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:tblHeader"))


def _page_number(paragraph: Any, size: float) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = paragraph.add_run("1")
    run.font.size = Pt(size)
    paragraph._p.remove(run._r)
    field.append(run._r)
    paragraph._p.append(field)


def _page(document: Any, margins: tuple[float, float, float, float], report: Report, numbered_first: bool) -> None:
    """A4 (Appendix I, Part I, I.1), the margins, the page number in the top margin from page 2
    (I.7), and the example-data mark at the foot of every page."""
    section = document.sections[0]
    section.page_width, section.page_height = Mm(PAGE_WIDTH), Mm(PAGE_HEIGHT)
    section.top_margin, section.bottom_margin, section.left_margin, section.right_margin = (Mm(m) for m in margins)
    section.header_distance = Mm(10)
    section.footer_distance = Mm(8)
    section.different_first_page_header_footer = not numbered_first
    number = _format(section.header.paragraphs[0])
    _page_number(number, PAGE_NUMBER if report.lang == "vi" else MARK)
    if not numbered_first:
        _format(section.first_page_header.paragraphs[0])  # I.7: no number on the first page
    footers = [section.footer] + ([section.first_page_footer] if not numbered_first else [])
    for footer in footers:
        paragraph = _format(footer.paragraphs[0])
        if report.footer:
            _text(paragraph, report.footer, MARK, italic=True)


def _properties(document: Any, report: Report) -> None:
    """Fixed document properties: python-docx would stamp the time of writing."""
    props = document.core_properties
    props.title = report.title
    props.subject = report.summary
    props.author = report.agency
    props.last_modified_by = report.agency
    props.comments = ""
    props.keywords = ""
    props.category = ""
    props.language = "vi-VN" if report.lang == "vi" else "en-GB"
    props.revision = 1
    when = dt.datetime.combine(report.date or dt.date(2000, 1, 1), dt.time())
    props.created = when
    props.modified = when


def _deterministic(document: Any) -> bytes:
    """The saved file with every zip entry dated 1980-01-01, so that the same inputs give the
    same bytes."""
    raw = io.BytesIO()
    document.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


# ── Body ─────────────────────────────────────────────────────────────────────────────

def _data_table(document: Any, table: Table, size: float, width: float) -> None:
    scale = width / sum(table.widths)
    out = _table(document, [w * scale for w in table.widths], len(table.rows) + 1, borders=True)
    for r, values in enumerate([table.header, *table.rows]):
        row = out.rows[r]
        if r == 0:
            _no_split(row)
            _repeat_header(row)
        for c, value in enumerate(values):
            paragraph = _format(row.cells[c].paragraphs[0], align=WD_ALIGN_PARAGRAPH.CENTER if r == 0 else
                                WD_ALIGN_PARAGRAPH.LEFT, before=1, after=1)
            _text(paragraph, value, size, bold=r == 0)


def _body(document: Any, sections: list[Section], size: float, official: bool) -> None:
    indent = FIRST_LINE_INDENT if official else 0
    align = WD_ALIGN_PARAGRAPH.JUSTIFY if official else WD_ALIGN_PARAGRAPH.LEFT
    for section in sections:
        heading = section.heading.upper() if official and section.level == 1 else section.heading
        paragraph = document.add_paragraph(style=f"Heading {section.level}")
        _format(paragraph, align=align, before=PARAGRAPH_SPACING, after=PARAGRAPH_SPACING if official else 3,
                first=indent, line=LINE_SPACING if official else None, keep=True)
        # Appendix I, Part I, Section V, row 6b: sections and titled clauses bold, points upright
        _text(paragraph, heading, size, bold=section.level < 3)
        for text in section.paragraphs + [f"- {item}" for item in section.items]:
            paragraph = document.add_paragraph()
            _format(paragraph, align=align, after=PARAGRAPH_SPACING if official else 3, first=indent,
                    line=LINE_SPACING if official else None)
            _text(paragraph, text, size)
        if section.table is not None:
            _data_table(document, section.table, TABLE if official else size - 2,
                        TEXT_WIDTH if official else PAGE_WIDTH - 50)


def _body_paragraph(document: Any, text: str, *, keep: bool = False) -> None:
    paragraph = document.add_paragraph()
    _format(paragraph, align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=PARAGRAPH_SPACING, first=FIRST_LINE_INDENT,
            line=LINE_SPACING, keep=keep)
    _text(paragraph, text, BODY)


# ── The two layouts ──────────────────────────────────────────────────────────────────

def _official(report: Report) -> Any:
    head = report.letterhead
    assert head is not None
    document = Document()
    _restyle(document, report.lang, BODY)
    _page(document, (TOP, BOTTOM, LEFT, RIGHT), report, numbered_first=False)

    # The header block: Appendix I, Part I, II.1-4, laid out as in Section IV and form 1.4
    header = _table(document, HEADER_COLUMNS, 2, borders=False)
    left, right = header.cell(0, 0), header.cell(0, 1)
    if head.superior:
        _text(_format(_first(left)), head.superior, MANAGING_BODY)
    lines = wrap(head.issuer, ISSUING_BODY, HEADER_COLUMNS[0])
    _text(_format(_first(left)), "\n".join(lines), ISSUING_BODY, bold=True)
    _rule(left, RULE_SHARE * max(text_width(x, ISSUING_BODY) for x in lines), HEADER_COLUMNS[0])
    _text(_format(_first(right)), NATIONAL_NAME_TEXT, NATIONAL_NAME, bold=True)
    _text(_format(right.add_paragraph()), MOTTO_TEXT, MOTTO, bold=True)
    _rule(right, text_width(MOTTO_TEXT, MOTTO), HEADER_COLUMNS[1])
    _text(_format(_first(header.cell(1, 0)), before=6), head.number, NUMBER)
    _text(_format(_first(header.cell(1, 1)), before=6), head.place_date, PLACE_DATE, italic=True)

    # Document type and summary: II.5
    _text(_format(document.add_paragraph(), before=18, keep=True), report.doc_type.upper(), DOC_TYPE, bold=True)
    lines = wrap(report.summary, SUMMARY, TEXT_WIDTH - 20)
    _text(_format(document.add_paragraph(), keep=True), "\n".join(lines), SUMMARY, bold=True)
    _rule(document, RULE_SHARE * max(text_width(x, SUMMARY) for x in lines), TEXT_WIDTH)

    # "Kính gửi" for a report sent up: II.9.b and II.9.d (ô 9a)
    if len(head.addressees) == 1:
        _text(_format(document.add_paragraph(), before=12, after=6), f"Kính gửi: {head.addressees[0]}", ADDRESSEES)
    elif head.addressees:
        start = 30
        _text(_format(document.add_paragraph(), align=WD_ALIGN_PARAGRAPH.LEFT, before=12, left=start),
              "Kính gửi:", ADDRESSEES)
        for i, name in enumerate(head.addressees):
            end = "." if i == len(head.addressees) - 1 else ";"
            _text(_format(document.add_paragraph(), align=WD_ALIGN_PARAGRAPH.LEFT, left=start + ADDRESSEES_LABEL_WIDTH,
                          after=6 if end == "." else 0), f"- {name}{end}", ADDRESSEES)

    if report.notice:
        paragraph = _format(document.add_paragraph(), before=6, after=6)
        _text(paragraph, report.notice, BODY - 1, bold=True, italic=True)
    if report.former:  # a body that no longer exists, named as such (not an element of the form)
        paragraph = _format(document.add_paragraph(), align=WD_ALIGN_PARAGRAPH.JUSTIFY, before=6, after=6,
                            first=FIRST_LINE_INDENT, line=LINE_SPACING)
        _text(paragraph, report.former, BODY, italic=True)
    _body_paragraph(document, report.intro)
    _body(document, report.sections, BODY, official=True)
    if report.closing:
        _body_paragraph(document, report.closing, keep=True)

    # Recipients and signature side by side: II.7 and II.9 (ô 9b, 7a-7c)
    block = _table(document, SIGNATURE_COLUMNS, 1, borders=False)
    _no_split(block.rows[0])
    left, right = block.cell(0, 0), block.cell(0, 1)
    _text(_format(_first(left), align=WD_ALIGN_PARAGRAPH.LEFT, before=6), "Nơi nhận:", RECIPIENTS_LABEL,
          bold=True, italic=True)
    for i, line in enumerate(head.copies):
        end = "." if i == len(head.copies) - 1 else ";"
        _text(_format(left.add_paragraph(), align=WD_ALIGN_PARAGRAPH.LEFT), f"- {line}{end}", RECIPIENTS)
    signer = "\n".join(x for x in (head.authority, head.position) if x)
    _text(_format(_first(right), before=6), signer, SIGNER, bold=True)
    for _ in range(4):  # room for the signature and seal (ô 7c, 8)
        _format(right.add_paragraph())
    _text(_format(right.add_paragraph()), head.signer, SIGNER, bold=True)  # the signer's name (II.7.d, ô 7b)
    return document


def _plain(report: Report) -> Any:
    document = Document()
    _restyle(document, report.lang, 12)
    _page(document, (20, 20, 25, 25), report, numbered_first=True)
    _text(_format(document.add_paragraph(), align=WD_ALIGN_PARAGRAPH.LEFT, after=6), report.title, 16, bold=True)
    for line in report.details:
        _text(_format(document.add_paragraph(), align=WD_ALIGN_PARAGRAPH.LEFT), line, 11)
    if report.notice:
        _text(_format(document.add_paragraph(), align=WD_ALIGN_PARAGRAPH.LEFT, before=6), report.notice, 12, bold=True)
    _text(_format(document.add_paragraph(), align=WD_ALIGN_PARAGRAPH.LEFT, before=6, after=3), report.intro, 12)
    _body(document, report.sections, 12, official=False)
    return document


def to_docx(report: Report) -> bytes:
    """The report's ``.docx`` bytes: official layout in Vietnamese, plain in English."""
    document = _official(report) if report.letterhead is not None else _plain(report)
    _properties(document, report)
    return _deterministic(document)
