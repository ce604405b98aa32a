"""The yearly report as an official document: the Vietnamese .docx laid out under Decree
30/2020/NĐ-CP, checked where it counts, in the PDF that LibreOffice makes of it; the
reporting agency, its recipients and deadline; the plain English report; byte-identical
files for the same inputs.

The measurements follow Decree 30/2020/NĐ-CP, Appendix I, Part I (see
``site_builder/output/report/docx.py``): A4; margins 20-25 mm top and bottom, 30-35 mm left,
15-20 mm right; Times New Roman at the sizes of Section II; page numbers in the top
margin from page 2; "Nơi nhận" level with the signer's position.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from conftest import CliResult, run_cli
from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTContainer, LTCurve, LTPage, LTTextLine
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1

from site_builder.derive.tracker import Tracker
from site_builder.inputs.loader import Dataset, check_dataset
from site_builder.output.report.compose import build_report, task_name
from site_builder.output.report.docx import HEADER_COLUMNS, LEFT, SIGNATURE_COLUMNS, TEXT_WIDTH
from site_builder.output.report.duty import reporting_duty
from site_builder.output.report.files import write_reports
from site_builder.output.report.letterhead import letterhead_names, signing
from site_builder.output.report.request import Request

ROOT = Path(__file__).resolve().parent.parent
MM = 72 / 25.4
A4 = (210 * MM, 297 * MM)
ASCENT, DESCENT = 0.891, 0.216
"""Times New Roman's (and Liberation Serif's) ascender and descender, in em: a line's top
and bottom from its baseline."""
TIMES = {"TimesNewRomanPSMT", "TimesNewRomanPS-BoldMT", "TimesNewRomanPS-ItalicMT", "TimesNewRomanPS-BoldItalicMT"}
LIBERATION = {"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic", "LiberationSerif-BoldItalic"}


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    data, problems = check_dataset(ROOT)
    assert data is not None, [p.format() for p in problems.errors]
    return data


# ── Reading the PDF ──────────────────────────────────────────────────────────────────

@dataclass
class Line:
    """A line of text as laid out, in points from the page's top-left corner."""

    text: str
    x0: float
    x1: float
    baseline: float
    size: float
    fonts: set[str]

    @property
    def top(self) -> float:
        return self.baseline - ASCENT * self.size

    @property
    def bottom(self) -> float:
        return self.baseline + DESCENT * self.size

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class Page:
    width: float
    height: float
    lines: list[Line]
    rules: list[tuple[float, float, float]]
    """Horizontal lines as (x0, x1, y)."""

    def find(self, text: str) -> Line:
        found = [line for line in self.lines if line.text.startswith(text)]
        assert found, f"{text!r} not on the page: {[line.text for line in self.lines]}"
        return found[0]

    def has(self, text: str) -> bool:
        return any(text in line.text for line in self.lines)

    def rule_under(self, line: Line) -> tuple[float, float, float]:
        below = [r for r in self.rules if 0 < r[2] - line.baseline < 12 and r[0] < line.x1 and r[1] > line.x0]
        assert below, f"no rule under {line.text!r}"
        return min(below, key=lambda r: r[2])


def read_pdf(path: Path) -> list[Page]:
    return [_read_page(layout) for layout in extract_pages(str(path), laparams=LAParams(line_margin=0.1))]


def _read_page(layout: LTPage) -> Page:
    height = layout.height
    lines: list[Line] = []
    rules: list[tuple[float, float, float]] = []

    def walk(obj: Any) -> None:
        if isinstance(obj, LTTextLine):
            chars = [c for c in obj if isinstance(c, LTChar) and c.get_text().strip()]
            if chars:
                lines.append(Line(obj.get_text().strip(), min(c.x0 for c in chars), max(c.x1 for c in chars),
                                  height - chars[0].matrix[5], round(chars[0].size, 1),
                                  {c.fontname.split("+")[-1] for c in chars}))
        elif isinstance(obj, LTCurve) and abs(obj.y1 - obj.y0) < 1.5 and obj.x1 - obj.x0 > 5:
            rules.append((obj.x0, obj.x1, height - (obj.y0 + obj.y1) / 2))  # a horizontal line
        elif isinstance(obj, LTContainer):
            for child in obj:
                walk(child)

    walk(layout)
    return Page(layout.width, height, lines, rules)


def embedded_fonts(path: Path) -> dict[str, bool]:
    """Every font of the PDF: its name without the subset prefix, and whether it is embedded."""
    fonts: dict[str, bool] = {}
    with path.open("rb") as fh:
        document = PDFDocument(PDFParser(fh))
        for page in PDFPage.create_pages(document):
            for ref in resolve1(page.resources.get("Font", {})).values():
                font = resolve1(ref)
                descriptor = resolve1(font.get("FontDescriptor", {}))
                name = resolve1(font["BaseFont"]).name.split("+")[-1]
                fonts[name] = any(k in descriptor for k in ("FontFile", "FontFile2", "FontFile3"))
    return fonts


def times_new_roman_installed() -> bool:
    if shutil.which("fc-list") is None:
        return False
    out = subprocess.run(["fc-list", ":family=Times New Roman"], capture_output=True, text=True, check=False).stdout
    return bool(out.strip())


REPORTS: dict[str, tuple[str, int, str | None, str, str | None]] = {
    "committee": ("dong-thap-2021-2025", 2023, None, "vi", None),
    "department": ("soc-trang-2022", 2022, "soc-trang-so-thong-tin-va-truyen-thong", "vi", None),
    "english": ("dong-thap-2021-2025", 2023, None, "en", None),
    "former": ("soc-trang-2022", 2022, None, "vi", None),
    "successor": ("soc-trang-2022", 2022, None, "vi", "can-tho"),
}
"""Đồng Tháp's People's Committee (reporting up to the Ministry), Sóc Trăng's Department of
Information and Communications (a department under its People's Committee), an English
report, and Sóc Trăng's People's Committee (a former body since 1 July 2025) in its own
name and in the name of Cần Thơ's (``report --as can-tho``)."""


@dataclass
class Converted:
    pages: dict[str, list[Page]]
    fonts: dict[str, bool]
    """The fonts of the Vietnamese reports."""


@pytest.fixture(scope="module")
def pdfs(dataset: Dataset, tmp_path_factory: pytest.TempPathFactory) -> Converted:
    """The reports converted to PDF by LibreOffice headless, in one run."""
    soffice = shutil.which("soffice")
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("soffice missing in CI: `make test` should have installed Debian's libreoffice-writer-nogui")
        pytest.skip("LibreOffice not installed (apt-get install libreoffice-writer-nogui fonts-liberation2)")
    out = tmp_path_factory.mktemp("reports")
    files = {}
    for key, (plan, year, agency, lang, as_unit) in REPORTS.items():
        written = write_reports(dataset, Request.of(dataset, plan, year, agency, as_unit), out)
        files[key] = next(p for p in written if p.name.endswith(f".{lang}.docx"))
    profile = out / "profile"  # a throwaway LibreOffice profile
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out), *map(str, files.values())], check=True, capture_output=True, timeout=120)
    pdf = {key: path.with_suffix(".pdf") for key, path in files.items()}
    if os.environ.get("REPORT_PDF_DIR"):  # to look at the pages: REPORT_PDF_DIR=/tmp/x pytest …
        shutil.copytree(out, os.environ["REPORT_PDF_DIR"], dirs_exist_ok=True, ignore=shutil.ignore_patterns("profile"))
    return Converted({key: read_pdf(path) for key, path in pdf.items()},
                     embedded_fonts(pdf["committee"]) | embedded_fonts(pdf["department"]))


# ── The official layout, in the PDF ──────────────────────────────────────────────────

def bold(line: Line) -> bool:
    return all("Bold" in f and "Italic" not in f for f in line.fonts)


def italic(line: Line) -> bool:
    return all("Italic" in f and "Bold" not in f for f in line.fonts)


MARK = "DỮ LIỆU VÍ DỤ: không phải kết quả thực tế"


@pytest.mark.slow
@pytest.mark.parametrize("key", ["committee", "department"])
def test_a4_margins_and_page_numbers(pdfs: Converted, key: str) -> None:
    pages = pdfs.pages[key]
    assert len(pages) >= 2
    for number, page in enumerate(pages, 1):
        assert (round(page.width), round(page.height)) == (round(A4[0]), round(A4[1]))  # Appendix I, I.1
        numbers = [line for line in page.lines if line.text.isdigit() and line.bottom < 25 * MM]
        marks = [line for line in page.lines if line.text.startswith(MARK)]
        body = [line for line in page.lines if line not in numbers and line not in marks]
        left = min(line.x0 for line in body)
        right = page.width - max(line.x1 for line in body)
        top = min(line.top for line in body)
        bottom = page.height - max(line.bottom for line in body)
        # Appendix I, I.3: no text in the margins, and the text reaches them (left 30-35 mm,
        # right 15-20 mm, top 20-25 mm; the bottom is reached only where a page is full)
        assert 30 * MM - 0.5 <= left <= 35 * MM, (number, left / MM)
        assert 15 * MM - 0.5 <= right <= 20 * MM, (number, right / MM)
        assert 20 * MM - 0.5 <= top <= 25 * MM, (number, top / MM)
        assert bottom >= 20 * MM - 0.5, (number, bottom / MM)
        # Appendix I, I.7: the number centred in the top margin, none on the first page
        if number == 1:
            assert numbers == []
        else:
            assert [n.text for n in numbers] == [str(number)] and numbers[0].size in (13, 14)
            assert numbers[0].bottom < 20 * MM and abs(numbers[0].centre - (LEFT + TEXT_WIDTH / 2) * MM) < 2
        # figures that are example data are marked as such on every page, in the bottom margin
        assert len(marks) == 1 and marks[0].top > page.height - 20 * MM
    assert pages[0].has("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") and not any(p.has("CỘNG HÒA") for p in pages[1:])


@pytest.mark.slow
def test_fonts_are_times_new_roman_or_its_metric_twin(pdfs: Converted) -> None:
    """Appendix I, I.4 prescribes Times New Roman. Where it is not installed (Debian has no
    Times New Roman), LibreOffice substitutes its metric-compatible Liberation Serif, so the
    lines break where they would with Times New Roman; nothing else may appear (no fallback
    font for a missing Vietnamese letter), and every font is embedded."""
    fonts = pdfs.fonts
    assert all(fonts.values()), f"fonts not embedded: {fonts}"
    allowed = TIMES | (set() if times_new_roman_installed() else LIBERATION)
    assert set(fonts) <= allowed, f"fonts other than Times New Roman (or Liberation Serif where it is absent): {fonts}"
    if not times_new_roman_installed():  # all four styles are used: regular, bold, italic, bold italic
        assert set(fonts) == LIBERATION


@pytest.mark.slow
def test_header_block(pdfs: Converted) -> None:
    """Appendix I, II.1-5 and the layout of form 1.4: the issuing body left, the national
    name and motto right, with their rules; number and symbol, place and date on one line."""
    page = pdfs.pages["committee"][0]
    split = (LEFT + HEADER_COLUMNS[0]) * MM
    national = page.find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    motto = page.find("Độc lập - Tự do - Hạnh phúc")
    body = page.find("ỦY BAN NHÂN DÂN")
    body2 = page.find("TỈNH ĐỒNG THÁP")
    number = page.find("Số:")
    place = page.find("Đồng Tháp, ngày")
    assert national.x0 > split and national.size == 13 and bold(national)
    assert motto.size == 14 and bold(motto) and abs(motto.centre - national.centre) < 1.5
    assert 0 < motto.baseline - national.baseline < 20
    x0, x1, _ = page.rule_under(motto)
    assert abs(x0 - motto.x0) < 1.5 and abs(x1 - motto.x1) < 1.5  # II.1.b: as long as the motto
    assert body.x1 < split and body.size == 13 and bold(body)
    x0, x1, _ = page.rule_under(body2)
    assert 1 / 3 <= (x1 - x0) / max(body.x1 - body.x0, body2.x1 - body2.x0) <= 1 / 2  # II.2.b
    assert abs((x0 + x1) / 2 - body.centre) < 1.5
    assert number.text.replace(" ", "") == "Số:/BC-…" and number.size == 13  # II.3: number left for the clerk
    assert abs(number.centre - body.centre) < 1.5
    assert place.text == "Đồng Tháp, ngày …… tháng …… năm ……" and place.size == 14
    assert italic(place) and abs(place.baseline - number.baseline) < 2  # II.4.c
    assert abs(place.centre - national.centre) < 1.5
    kind = page.find("BÁO CÁO")
    assert kind.size == 14 and bold(kind) and abs(kind.centre - (LEFT + TEXT_WIDTH / 2) * MM) < 1.5  # II.5.b
    summary = [line for line in page.lines if kind.baseline < line.baseline < kind.baseline + 90 and line.size == 14
               and bold(line)]
    assert summary[0].text.startswith("Kết quả thực hiện Kế hoạch số …… ngày …… tháng")  # blanks: not in the source
    x0, x1, _ = page.rule_under(summary[-1])
    assert 1 / 3 <= (x1 - x0) / max(s.x1 - s.x0 for s in summary) <= 1 / 2
    # II.9.b: the People's Committee reports up to the Ministry, named after "Kính gửi"
    assert page.find("Kính gửi: Bộ Thông tin và Truyền thông").size == 14
    assert page.find("I. KẾT QUẢ THỰC HIỆN").size == 14


@pytest.mark.slow
def test_department_header_and_signature(pdfs: Converted) -> None:
    """A department under the provincial People's Committee: the managing body above it
    (II.2), recipients listed under "Nơi nhận" level with the signer's position (II.9.d), the
    position centred over a blank name (II.7)."""
    pages = pdfs.pages["department"]
    first, last = pages[0], pages[-1]
    superior = first.find("UBND TỈNH SÓC TRĂNG")
    body = first.find("SỞ THÔNG TIN VÀ")
    assert superior.fonts <= {"LiberationSerif", "TimesNewRomanPSMT"} and bold(body)
    assert abs(superior.centre - body.centre) < 1.5 and first.find("TRUYỀN THÔNG").baseline > body.baseline
    # a department reports up to its committee and the ministry (the plan, IV.1)
    assert first.find("Kính gửi:") and first.find("- Ủy ban nhân dân tỉnh Sóc Trăng;")
    assert first.find("- Bộ Thông tin và Truyền thông.")
    label = last.find("Nơi nhận:")
    position = last.find("GIÁM ĐỐC")
    assert label.size == 12 and all(f.endswith("BoldItalic") for f in label.fonts)
    assert abs(label.x0 - LEFT * MM) < 1 and abs(label.baseline - position.baseline) < 3
    recipients = [line for line in last.lines if line.x1 < (LEFT + SIGNATURE_COLUMNS[0]) * MM
                  and label.baseline < line.baseline < label.baseline + 60]
    assert [r.text for r in recipients] == ["- Như trên;", "- Lưu: VT, ……."] and {r.size for r in recipients} == {11}
    assert position.size == 14 and bold(position)
    assert abs(position.centre - (LEFT + SIGNATURE_COLUMNS[0] + SIGNATURE_COLUMNS[1] / 2) * MM) < 1.5
    assert not any(p.has("Nơi nhận") for p in pages[:-1])
    assert any(line.text.endswith("./.") for page in pages[-2:] for line in page.lines)  # form 1.4: the end of the text


def _text(pages: list[Page]) -> str:
    return " ".join(line.text for page in pages for line in page.lines)


@pytest.mark.slow
def test_report_of_a_former_body_in_the_pdf(pdfs: Converted) -> None:
    """Sóc Trăng's People's Committee, which issued the plan: the recipients and the drafting
    unit from the plan's reporting duty (IV.1: the department reports to the committee and the
    Ministry), the plan cited with its number, date and title and blanks for what the source
    leaves blank, Vietnamese numbers, the signer's name line, and the body named as a former one."""
    pages = pdfs.pages["former"]
    first, last = pages[0], pages[-1]
    text = _text(pages)
    assert first.find("ỦY BAN NHÂN DÂN") and first.find("TỈNH SÓC TRĂNG")
    assert first.find("Kính gửi: Bộ Thông tin và Truyền thông").size == 14  # II.9.b: sent up to the Ministry
    kind = first.find("BÁO CÁO")
    summary = [line for line in first.lines if kind.baseline < line.baseline < kind.baseline + 70 and line.size == 14
               and bold(line)]
    subject = " ".join(line.text for line in summary)
    assert subject.startswith("Kết quả thực hiện Kế hoạch số ……/KH-UBND ngày …… tháng 4 năm 2022 triển khai thực "
                              "hiện Chương trình hành động của Chính phủ"), subject
    assert "Thực hiện Kế hoạch số ……/KH-UBND ngày …… tháng 4 năm 2022 của Ủy ban nhân dân tỉnh Sóc Trăng triển " \
           "khai thực hiện Chương trình hành động" in text
    assert "Tỉnh Sóc Trăng nay không còn: từ ngày 01 tháng 7 năm 2025, địa bàn thuộc thành phố Cần Thơ" in text
    assert "Ủy ban nhân dân tỉnh Sóc Trăng nêu trong báo cáo này là cơ quan trước đây." in text
    assert "46,7\u00a0%" in text and "40\u00a0%" in text
    import re
    assert not re.search(r"\d\.\d\s?%", text)  # no English decimal point (\s: also the no-break space)
    assert not re.search(r",:", text)  # a task name that lost its "..." does not end on a comma
    label = last.find("Nơi nhận:")
    recipients = [line.text for line in last.lines if line.x1 < (LEFT + SIGNATURE_COLUMNS[0]) * MM
                  and label.baseline < line.baseline < label.baseline + 60]
    assert recipients == ["- Như trên;", "- Lưu: VT, Sở TT&TT."]  # II.9.d: the drafting unit
    position = last.find("CHỦ TỊCH")
    name = last.find("……………………")  # II.7.d: the signer's name, under the room for the signature
    assert bold(name) and name.size == 14 and abs(name.centre - position.centre) < 1.5
    assert 50 < name.baseline - position.baseline < 140


@pytest.mark.slow
def test_report_issued_by_the_successor_in_the_pdf(pdfs: Converted) -> None:
    """``report --as can-tho``: Cần Thơ's People's Committee reports in place of Sóc Trăng's,
    with its own heading, place and signature, to the Ministry that took over the duty."""
    pages = pdfs.pages["successor"]
    first, last = pages[0], pages[-1]
    text = _text(pages)
    assert first.find("ỦY BAN NHÂN DÂN") and first.find("THÀNH PHỐ CẦN THƠ") and not first.has("TỈNH SÓC TRĂNG")
    assert first.find("Cần Thơ, ngày …… tháng …… năm ……") and first.find("Số:").text.endswith("/BC-UBND")
    assert first.find("Kính gửi: Bộ Khoa học và Công nghệ")
    assert ("Ủy ban nhân dân thành phố Cần Thơ báo cáo thay cho Ủy ban nhân dân tỉnh Sóc Trăng, cơ quan trước đây: "
            "từ ngày 01 tháng 7 năm 2025, tỉnh Sóc Trăng thuộc thành phố Cần Thơ") in text
    assert "của Ủy ban nhân dân tỉnh Sóc Trăng triển khai" in text  # the plan is still cited as issued
    assert last.find("TM. ỦY BAN NHÂN DÂN") and last.find("- Lưu: VT, Sở Khoa học và Công nghệ.")


@pytest.mark.slow
def test_report_as_option(tmp_path: Path) -> None:
    result = run_report("--plan", "soc-trang-2022", "--year", "2022", out=tmp_path)
    assert result.returncode == 0, result.stdout
    assert "gửi / to: Bộ Thông tin và Truyền thông\n" in result.stdout
    assert "is a former body (Sóc Trăng Province no longer exists); to issue the report in its successor's name, " \
           "add --as can-tho" in result.stdout
    result = run_report("--plan", "soc-trang-2022", "--year", "2022", "--as", "vinh-long", out=tmp_path)
    assert result.returncode == 1 and "'vinh-long' did not take over soc-trang (its successor is can-tho)" in result.stdout
    result = run_report("--plan", "soc-trang-2022", "--year", "2022", "--agency", "soc-trang-so-thong-tin-va-truyen-thong",
                        "--as", "can-tho", out=tmp_path)
    assert result.returncode == 0, result.stdout
    assert "issued as: Sở Khoa học và Công nghệ thành phố Cần Thơ / Cần Thơ City Department of Science and " \
           "Technology" in result.stdout
    assert "gửi / to: Ủy ban nhân dân thành phố Cần Thơ; Bộ Khoa học và Công nghệ\n" in result.stdout
    assert (tmp_path / "soc-trang-2022-2022-soc-trang-so-thong-tin-va-truyen-thong-as-can-tho.vi.docx").exists()


def test_task_names_never_end_on_a_comma(dataset: Dataset) -> None:
    tracker = Tracker(dataset)
    names = [task_name(task, lang) for plan in dataset.plans.values() for task in tracker.tasks(plan)
             for lang in ("vi", "en")]
    assert names and not [n for n in names if n.endswith((",", ";", ":", "."))]


@pytest.mark.slow
def test_english_report_is_plain_and_defers_to_the_vietnamese(pdfs: Converted) -> None:
    pages = pdfs.pages["english"]
    text = " ".join(line.text for page in pages for line in page.lines)
    assert "CỘNG HÒA" not in text and "Nơi nhận" not in text
    assert "courtesy translation: the Vietnamese report is the authoritative text" in text
    assert "To: Ministry of Information and Communications" in text and "Due: 15 November 2023" in text
    assert all(page.has("EXAMPLE DATA: not the unit's real results") for page in pages)


# ── What goes into the document ─────────────────────────────────────────────────────

def test_recipients_and_deadline_come_from_the_reporting_duty(dataset: Dataset) -> None:
    import datetime as dt

    dong_thap = dataset.plans["dong-thap-2021-2025"]
    # a department named by "các cơ quan, đơn vị" reports to the compiling department by 15 November
    duty = reporting_duty(dataset, dong_thap, "dong-thap-so-ngoai-vu", [2023])
    assert (duty.recipients, duty.deadline, duty.upward) == (["dong-thap-so-thong-tin-va-truyen-thong"],
                                                              dt.date(2023, 11, 15), False)
    # the People's Committee that issued the plan reports under the national plan it implements
    duty = reporting_duty(dataset, dong_thap, "dong-thap-uy-ban-nhan-dan-tinh", [2023])
    assert (duty.recipients, duty.source and duty.source.id, duty.upward) == (
        ["bo-thong-tin-va-truyen-thong"], "bcd-asean-2021-2025", True)
    # the five-year report takes the one-off deadline
    binh_phuoc = dataset.plans["binh-phuoc-2021-2025"]
    duty = reporting_duty(dataset, binh_phuoc, "binh-phuoc-so-thong-tin-va-truyen-thong", list(range(2021, 2026)))
    assert (duty.recipients, duty.deadline) == (["binh-phuoc-uy-ban-nhan-dan-tinh", "bo-thong-tin-va-truyen-thong"],
                                                "2025-10-10")
    # a duty with no date (the plan, IV.1): to the People's Committee and the Ministry, no deadline
    soc_trang = dataset.plans["soc-trang-2022"]
    duty = reporting_duty(dataset, soc_trang, "soc-trang-so-thong-tin-va-truyen-thong", [2022])
    assert (duty.recipients, duty.deadline, duty.upward, duty.drafter) == (
        ["soc-trang-uy-ban-nhan-dan-tinh", "bo-thong-tin-va-truyen-thong"], None, True, None)
    # the People's Committee passes it on to the Ministry, drafted by the department
    duty = reporting_duty(dataset, soc_trang, "soc-trang-uy-ban-nhan-dan-tinh", [2022])
    assert (duty.recipients, duty.upward, duty.drafter) == (
        ["bo-thong-tin-va-truyen-thong"], True, "soc-trang-so-thong-tin-va-truyen-thong")
    # an agency the plan sets no duty: to the body that issued it
    duty = reporting_duty(dataset, soc_trang, "soc-trang-so-van-hoa-the-thao-va-du-lich", [2022])
    assert (duty.recipients, duty.source) == (["soc-trang-uy-ban-nhan-dan-tinh"], None)


def test_letterhead_elements(dataset: Dataset) -> None:
    agencies = dataset.agencies
    assert letterhead_names(dataset, agencies["dong-thap-so-ngoai-vu"]) == ("UBND TỈNH ĐỒNG THÁP", "SỞ NGOẠI VỤ")
    assert letterhead_names(dataset, agencies["dong-son-phong-van-hoa-va-thong-tin"]) == (
        "UBND HUYỆN ĐÔNG SƠN", "PHÒNG VĂN HÓA VÀ THÔNG TIN")
    assert letterhead_names(dataset, agencies["soc-trang-uy-ban-nhan-dan-tinh"]) == (None, "ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG")
    assert signing(agencies["soc-trang-uy-ban-nhan-dan-tinh"]) == ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
    assert signing(agencies["dong-thap-bao-dong-thap"]) == (None, "QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ")
    head = build_report(dataset, Request.of(dataset, "soc-trang-2022", 2022), "vi").letterhead
    assert head is not None and head.number.endswith("/BC-UBND")  # the symbol of the plan's own number
    assert head.copies == ["Như trên", "Lưu: VT, Sở TT&TT"] and head.addressees == ["Bộ Thông tin và Truyền thông"]
    assert head.signer == "……………………"
    bcd = build_report(dataset, Request.of(dataset, "bcd-asean-2021-2025", 2022, "bo-thong-tin-va-truyen-thong"), "vi").letterhead
    assert bcd is not None and bcd.number.endswith("/BC-…") and bcd.addressees == ["Thủ tướng Chính phủ"]
    national = build_report(dataset, Request.of(dataset, "bcd-asean-2021-2025", 2022), "vi").letterhead
    assert national is not None and national.number.endswith("/BC-BCĐASEAN") and national.place_date.startswith("Hà Nội, ")


def test_an_agency_reports_on_its_own_tasks(dataset: Dataset) -> None:
    request = Request.of(dataset, "dong-thap-2021-2025", 2023, "dong-thap-dai-phat-thanh-va-truyen-hinh")
    report = build_report(dataset, request, "en")
    tables = [s.table for s in report.sections if s.table is not None]
    assert [row[0].split()[0] for table in tables[1:] for row in table.rows] == ["IV.7", "IV.7.c"]
    assert not any(s.heading.endswith("Results by agency") for s in report.sections)


def run_report(*args: str, out: Path) -> CliResult:
    return run_cli("--root", str(ROOT), "report", "--out", str(out), *args)


@pytest.mark.slow
def test_report_command_agency_option(tmp_path: Path) -> None:
    result = run_report("--plan", "dong-thap-2021-2025", "--year", "2023", "--agency", "dong-thap-so-ngoai", out=tmp_path)
    assert result.returncode == 1
    assert result.stdout == (
        "không có cơ quan 'dong-thap-so-ngoai' trong plans/agencies.yaml (có phải 'dong-thap-so-ngoai-vu'?)\n"
        "    unknown agency 'dong-thap-so-ngoai' in plans/agencies.yaml (did you mean 'dong-thap-so-ngoai-vu'?)\n")
    result = run_report("--plan", "dong-thap-2021-2025", "--year", "2023", "--agency", "dong-thap-cac-co-quan-don-vi",
                        out=tmp_path)
    assert result.returncode == 1 and "names a group of agencies" in result.stdout
    result = run_report("--plan", "dong-thap-2021-2025", "--year", "2023", "--agency", "dong-thap-so-ngoai-vu", out=tmp_path)
    assert result.returncode == 0, result.stdout
    assert "gửi / to: Sở Thông tin và Truyền thông tỉnh Đồng Tháp\n" in result.stdout
    assert "hạn / due: ngày 15 tháng 11 năm 2023 / 15 November 2023\n" in result.stdout
    assert (tmp_path / "dong-thap-2021-2025-2023-dong-thap-so-ngoai-vu.vi.docx").exists()


@pytest.mark.slow
def test_docx_is_byte_identical_for_the_same_inputs(dataset: Dataset, tmp_path: Path) -> None:
    import time

    first = write_reports(dataset, Request.of(dataset, "soc-trang-2022", 2022), tmp_path / "a")
    time.sleep(2.1)  # zip timestamps have a resolution of two seconds
    second = write_reports(dataset, Request.of(dataset, "soc-trang-2022", 2022), tmp_path / "b")
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
    with zipfile.ZipFile(first[1]) as docx:
        assert {info.date_time for info in docx.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = docx.read("docProps/core.xml").decode()
    assert "2022-11-15T00:00:00Z" in core  # when the records were last updated, not when the file was written


def test_a_title_too_long_for_a_document_property_is_cut(dataset: Dataset, tmp_path: Path) -> None:
    """The national plan's title cites the Prime Minister's decision it implements: its
    report's title is longer than the 255 characters python-docx writes into a core property,
    which then holds the title cut, ending in "…", instead of the report failing."""
    report = build_report(dataset, Request.of(dataset, "bcd-asean-2021-2025", 2024), "vi")
    assert len(report.title) > 255
    written = write_reports(dataset, Request.of(dataset, "bcd-asean-2021-2025", 2024), tmp_path)
    docx = next(p for p in written if p.name.endswith(".vi.docx"))
    with zipfile.ZipFile(docx) as archive:
        core = ElementTree.fromstring(archive.read("docProps/core.xml"))
    title = core.findtext("{http://purl.org/dc/elements/1.1/}title") or ""
    assert len(title) <= 255 and title.endswith("…") and report.title.startswith(title[:-1])
