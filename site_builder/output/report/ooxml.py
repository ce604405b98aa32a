"""The python-docx building blocks the report's layouts use: Times New Roman in every style,
paragraph format, text in one style, centred rules, tables of fixed column widths, rows kept
together or repeated, the page number field, and a saved file that is the same bytes for
the same document."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_PARAGRAPH_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

from site_builder.core.language import LANGUAGE_BY_CODE
from site_builder.output.report.typeface import FONT


def _fonts(rpr: BaseOxmlElement) -> None:
    """Times New Roman for every script, replacing theme fonts."""
    for old in rpr.findall(qn("w:rFonts")):
        rpr.remove(old)
    fonts = OxmlElement("w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    rpr.insert(0, fonts)


def restyle(document: Document, lang: str, body: float) -> None:
    """Times New Roman, black, in every style the document uses; the language of the text."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _fonts(rpr)
    rpr.find(qn("w:sz")).set(qn("w:val"), str(int(body * 2)))
    rpr.find(qn("w:szCs")).set(qn("w:val"), str(int(body * 2)))
    language = rpr.find(qn("w:lang"))
    language.set(qn("w:val"), LANGUAGE_BY_CODE[lang].tag)
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


@dataclass(frozen=True)
class Format:
    """A paragraph's format: alignment, spacing before and after (pt), indents of the first
    line, left and right (mm; ``None`` keeps the style's), line spacing, kept with the next."""

    align: WD_PARAGRAPH_ALIGNMENT = WD_ALIGN_PARAGRAPH.CENTER
    before: float = 0
    after: float = 0
    first: float | None = None
    left: float | None = None
    right: float | None = None
    line: float | None = None
    keep: bool = False


def set_format(paragraph: Paragraph, format: Format = Format()) -> Paragraph:  # noqa: A002 - what the paragraph is given
    fmt = paragraph.paragraph_format
    fmt.alignment = format.align
    fmt.space_before = Pt(format.before)
    fmt.space_after = Pt(format.after)
    fmt.first_line_indent = Mm(format.first or 0)
    if format.left is not None:
        fmt.left_indent = Mm(format.left)
    if format.right is not None:
        fmt.right_indent = Mm(format.right)
    if format.line is not None:
        fmt.line_spacing = format.line
    if format.keep:
        fmt.keep_with_next = True
    return paragraph


def put_text(paragraph: Paragraph, text: str, size: float, *, bold: bool = False, italic: bool = False) -> Paragraph:
    """``text`` with its lines separated by line breaks, in one style."""
    for i, line in enumerate(text.split("\n")):
        run = paragraph.add_run(line)
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.italic = italic
        if i:
            run._r.insert(0, OxmlElement("w:br"))
    return paragraph


def first_paragraph(cell: _Cell) -> Paragraph:
    """The cell's first paragraph (a new cell has one, empty), then new ones."""
    paragraph: Paragraph = cell.paragraphs[-1]
    if not paragraph.text and not paragraph.runs:
        return paragraph
    added: Paragraph = cell.add_paragraph()
    return added


def rule(container: Document | _Cell, length: float, width: float, before: float = 3) -> None:
    """A solid horizontal rule ``length`` mm long, centred in ``width`` mm: the top border of
    an empty paragraph a point high."""
    paragraph = container.add_paragraph()
    side = max((width - length) / 2, 0)
    set_format(paragraph, Format(before=before, left=side, right=side))
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


def fixed_table(document: Document, widths: tuple[float, ...] | list[float], rows: int, *, borders: bool) -> Table:
    """A table of fixed column widths (mm) across the text width; without borders or cell
    margins for the header and signature blocks."""
    table: Table = document.add_table(rows=rows, cols=len(widths))
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


def no_split(row: _Row) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))


def repeat_header(row: _Row) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:tblHeader"))


def page_number(paragraph: Paragraph, size: float) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = paragraph.add_run("1")
    run.font.size = Pt(size)
    paragraph._p.remove(run._r)
    field.append(run._r)
    paragraph._p.append(field)


def deterministic(document: Document) -> bytes:
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
