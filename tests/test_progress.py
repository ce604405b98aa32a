"""Implementation records: validated with located errors, summed into plan progress,
shown on the site, and compiled into the yearly report (Markdown and .docx)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import PLAN, ROOT, MiniProject

from site_builder.derive.tracker import NOT_REPORTED, Tracker, plan_years
from site_builder.inputs.loader import check_dataset
from site_builder.output.report.files import write_reports
from site_builder.output.report.request import Request

RECORDS = """plan: soc-trang-2022
year: 2022
example: true
reported_by: soc-trang-so-thong-tin-va-truyen-thong
updated: 2022-11-15
records:
  - activity: I.1
    status: done
    done: {vi: "Đã đăng tin", en: "News published"}
    reporting_agency: soc-trang-so-thong-tin-va-truyen-thong
    updated: 2022-11-15
"""


def test_parent_progress_from_children_and_not_reported_apart(mini: MiniProject) -> None:
    mini.write("plans/progress/soc-trang-2022-2022.yaml", RECORDS)
    data, problems = check_dataset(mini.root)
    assert data is not None, [p.format() for p in problems.items]
    plan = data.plans["soc-trang-2022"]
    s = Tracker(data).summary(plan, 2022)
    assert (s.total, s.counts["done"], s.not_reported) == (2, 1, 1)
    assert s.progress == 100.0  # the average of reported activities only: I.2 is not zero, it is not reported
    tracker = Tracker(data)
    task = tracker.task(plan, "I.2")
    assert task is not None
    assert [(c.year, c.record, c.example, c.status) for c in tracker.cells(task, [2022])] == [(2022, None, True, NOT_REPORTED)]
    mini.replace("plans/progress/soc-trang-2022-2022.yaml", "records:\n",
                 "records:\n  - activity: I.2\n    status: in-progress\n    progress: 20\n"
                 '    done: {vi: "Đang làm", en: "Under way"}\n'
                 "    reporting_agency: soc-trang-so-thong-tin-va-truyen-thong\n    updated: 2022-11-15\n")
    data, _ = check_dataset(mini.root)
    assert Tracker(data).summary(data.plans["soc-trang-2022"], 2022).progress == 60.0


def test_records_are_validated_with_located_errors(mini: MiniProject) -> None:
    text = RECORDS.replace("activity: I.1", "activity: I.9").replace("status: done", "status: finished")
    mini.write("plans/progress/soc-trang-2022-2021.yaml", text.replace("year: 2022", "year: 2021"))
    _, problems = check_dataset(mini.root)
    got = [p.format().split("\n")[1].strip() for p in problems.errors]
    assert "expected one of: 'not-started', 'in-progress', 'done', 'ongoing', 'cancelled'; found 'finished'" in got
    mini.write("plans/progress/soc-trang-2022-2021.yaml", RECORDS.replace("activity: I.1", "activity: I.9")
               .replace("year: 2022", "year: 2021"))
    _, problems = check_dataset(mini.root)
    assert [p.format() for p in problems.errors] == [
        "plans/progress/soc-trang-2022-2021.yaml:2:7: year: năm 2021 nằm ngoài giai đoạn của kế hoạch (2022–2022)\n"
        "    year 2021 is outside the plan's period (2022–2022)",
        "plans/progress/soc-trang-2022-2021.yaml:7:15: records[0].activity: kế hoạch soc-trang-2022 không có hoạt động "
        "'I.9' (có phải 'I.2'?)\n    plan soc-trang-2022 has no activity 'I.9' (did you mean 'I.2'?)",
    ]


def assert_sections(md: str, tasks: str) -> None:
    """Every section the plans ask for, tasks being "Activities" or "Assignments", and the example label."""
    for heading in ("## I. Results", "### 1. Overview", "### 2. Results by content area", "### 3. Results by agency",
                    f"## II. {tasks} not carried out, and why", f"## III. {tasks} not reported",
                    "## IV. Difficulties", "## V. Proposals"):
        assert heading in md
    assert "EXAMPLE DATA" in md


def test_report_has_every_section_and_opens_with_python_docx(tmp_path: Path) -> None:
    from docx import Document

    data, _ = check_dataset(ROOT)
    assert data is not None
    written = write_reports(data, Request.of(data, "soc-trang-2022", 2022), tmp_path)
    assert sorted(p.name for p in written) == sorted([
        "soc-trang-2022-2022.vi.md", "soc-trang-2022-2022.vi.docx", "soc-trang-2022-2022.en.md", "soc-trang-2022-2022.en.docx"])
    md = (tmp_path / "soc-trang-2022-2022.en.md").read_text(encoding="utf-8")
    assert_sections(md, "Activities")
    doc = Document(str(tmp_path / "soc-trang-2022-2022.vi.docx"))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:2] == ["I. KẾT QUẢ THỰC HIỆN", "1. Tổng hợp chung"]
    assert "II. CÁC HOẠT ĐỘNG CHƯA THỰC HIỆN VÀ LÝ DO" in headings
    assert doc.tables[0].rows[0].cells[1].paragraphs[0].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert doc.tables[1].rows[1].cells[0].text == "2022 (dữ liệu ví dụ)"


@pytest.mark.site
def test_site_shows_records_as_examples_and_not_reported(built_site: Path) -> None:
    plan = (built_site / "en/plans/soc-trang-2022/index.html").read_text(encoding="utf-8")
    assert 'id="implementation"' in plan and "example data" in plan
    activity = (built_site / "en/plans/soc-trang-2022/activities/i-1/index.html").read_text(encoding="utf-8")
    assert '<span class="asean-not-stated">Not reported</span>: 2022' in activity
    done = (built_site / "en/plans/soc-trang-2022/activities/i-4/index.html").read_text(encoding="utf-8")
    assert "asean-status-tag--done" in done and "example data" in done


@pytest.mark.site
def test_progress_api_and_csv(built_site: Path) -> None:
    import csv
    import io
    import json

    import jsonschema

    api = built_site / "api/v1"
    doc = json.loads((api / "progress.json").read_text(encoding="utf-8"))
    jsonschema.validate(doc, json.loads((api / "progress.schema.json").read_text(encoding="utf-8")))
    soc = next(y for y in doc["years"] if y["plan"] == "soc-trang-2022" and y["year"] == 2022)
    assert soc["example"] is True and soc["not_reported"] == 6 and soc["counts"]["done"] == 1
    national = next(y for y in doc["years"] if y["plan"] == "bcd-asean-2021-2025" and y["year"] == 2024)
    assert national["progress"] is None and national["not_reported"] == 65  # not reported is not zero
    rows = list(csv.DictReader(io.StringIO((api / "progress.csv").read_bytes().decode("utf-8-sig"))))
    assert {r["status"] for r in rows if r["plan_id"] == "bcd-asean-2021-2025"} == {"not-reported"}
    assert (built_site / "vi/embed/progress/soc-trang-2022/index.html").exists()


# ── Plans without an appendix: records on assignments ───────────────────────────────
ASSIGNMENT_PLAN = PLAN.split("sections:")[0].replace("id: soc-trang-2022", "id: soc-trang-2023").replace(
    "period: {start: 2022, end: 2022}", "period: {start: 2023, end: 2024}") + """\
sections:
  - ref: "II"
    heading: {vi: "Tổ chức thực hiện", en: "Implementation"}
    kind: implementation
    items:
      - ref: "1"
        heading: {vi: "Sở Thông tin và Truyền thông", en: "Department of Information and Communications"}
        kind: assignment
        agencies: [soc-trang-so-thong-tin-va-truyen-thong]
        items:
          - ref: "a"
            text: {vi: "Mở Chuyên mục ASEAN.", en: "Open the ASEAN section."}
          - ref: "b"
            kind: assignment
            agencies: [soc-trang-uy-ban-nhan-dan-tinh]
            text: {vi: "Tổ chức hội nghị.", en: "Hold a conference."}
      - ref: "2"
        heading: {vi: "UBND tỉnh", en: "Provincial People's Committee"}
        kind: assignment
        agencies: [soc-trang-uy-ban-nhan-dan-tinh]
        items:
          - text: {vi: "Chỉ đạo thực hiện.", en: "Direct the implementation."}
source:
  file: fixture.txt
"""

ASSIGNMENT_RECORDS = """\
plan: soc-trang-2023
year: 2023
example: true
reported_by: soc-trang-so-thong-tin-va-truyen-thong
updated: 2023-11-15
records:
  - assignment: II.1
    status: in-progress
    progress: 40
    done: {vi: "Đang làm", en: "Under way"}
    reporting_agency: soc-trang-so-thong-tin-va-truyen-thong
    updated: 2023-11-15
  - assignment: II.1.b
    status: done
    done: {vi: "Đã họp", en: "Conference held"}
    reporting_agency: soc-trang-uy-ban-nhan-dan-tinh
    updated: 2023-11-15
"""

RECORDS_FILE = "plans/progress/soc-trang-2023-2023.yaml"


def _assignment_project(mini: MiniProject, records: str = ASSIGNMENT_RECORDS) -> MiniProject:
    mini.write("plans/soc-trang-2023.yaml", ASSIGNMENT_PLAN)
    mini.write(RECORDS_FILE, records)
    return mini


def _errors(mini: MiniProject) -> list[str]:
    _, problems = check_dataset(mini.root)
    return [p.format() for p in problems.errors]


def test_assignment_records_validate_with_located_errors(mini: MiniProject) -> None:
    _assignment_project(mini)
    assert _errors(mini) == []

    # neither or both targets: the record itself is located, in both languages
    mini.replace(RECORDS_FILE, "  - assignment: II.1.b\n", "  - activity: I.1\n    assignment: II.1.b\n")
    assert _errors(mini) == [
        f"{RECORDS_FILE}:13:5: records[1]: cần đúng một trong 'activity' (mã hoạt động của phụ lục) hoặc "
        "'assignment' (số mục phân công, vd. 'IV.1')\n"
        "    give exactly one of 'activity' (an appendix activity id) or 'assignment' "
        "(an assignment's numbering, e.g. 'IV.1')",
    ]

    # an unknown assignment, with a suggestion; a duplicate; an appendix id on a plan without appendix
    _assignment_project(mini, ASSIGNMENT_RECORDS.replace("assignment: II.1.b", "assignment: II.1.c")
                        + ASSIGNMENT_RECORDS.split("records:\n")[1].replace("II.1.b", "II.1")
                        .split("  - assignment: II.1\n    status: done")[0]
                        + "  - activity: I.1\n    status: done\n    done: {vi: \"x\", en: \"x\"}\n"
                        "    reporting_agency: soc-trang-so-thong-tin-va-truyen-thong\n    updated: 2023-11-15\n")
    assert _errors(mini) == [
        f"{RECORDS_FILE}:13:17: records[1].assignment: kế hoạch soc-trang-2023 không có mục phân công 'II.1.c' "
        "(có phải 'II.1.b'?)\n    plan soc-trang-2023 has no assignment 'II.1.c' (did you mean 'II.1.b'?)",
        f"{RECORDS_FILE}:18:17: records[2].assignment: mục phân công 'II.1' đã có báo cáo trong tệp này\n"
        "    assignment 'II.1' is already reported in this file",
        f"{RECORDS_FILE}:24:15: records[3].activity: kế hoạch soc-trang-2023 không có phụ lục: báo cáo theo mục "
        "phân công ('assignment': II.1, II.1.b, II.2)\n"
        "    plan soc-trang-2023 has no appendix: report on its assignments ('assignment': II.1, II.1.b, II.2)",
    ]

    # a plan with an appendix tracks its activities, not its assignments
    mini.write("plans/progress/soc-trang-2022-2022.yaml", RECORDS.replace("activity: I.1", "assignment: II.1"))
    assert ("plans/progress/soc-trang-2022-2022.yaml:7:17: records[0].assignment: kế hoạch soc-trang-2022 có phụ lục: "
            "báo cáo theo mã hoạt động ('activity'), không theo mục phân công\n"
            "    plan soc-trang-2022 has an appendix: report on its activities ('activity'), not on assignments"
            ) in _errors(mini)


def test_parent_assignment_progress_from_its_children(mini: MiniProject) -> None:
    _assignment_project(mini)
    data, _ = check_dataset(mini.root)
    assert data is not None
    plan = data.plans["soc-trang-2023"]
    tracker = Tracker(data)
    assert [(t.key, t.parent) for t in tracker.tasks(plan)] == [("II.1", None), ("II.1.b", "II.1"), ("II.2", None)]
    # II.1 reported 40 %, its sub-assignment II.1.b is done: II.1 is (40 + 100) / 2
    assert tracker.progress(plan, 2023) == {"II.1": 70, "II.1.b": 100, "II.2": None}
    s = tracker.summary(plan, 2023)
    assert (s.total, s.counts["in-progress"], s.counts["done"], s.not_reported) == (3, 1, 1, 1)
    assert s.progress == 70  # the top-level II.1 only: II.2 is not reported, not zero, and II.1.b is inside II.1
    empty = tracker.summary(plan, 2024)
    assert (empty.not_reported, empty.progress, empty.example) == (3, None, False)

    # a parent without a record of its own still gets its children's progress, but counts as not reported
    _assignment_project(mini, ASSIGNMENT_RECORDS.replace("assignment: II.1\n", "assignment: II.2\n"))
    data, _ = check_dataset(mini.root)
    tracker = Tracker(data)
    assert tracker.progress(data.plans["soc-trang-2023"], 2023) == {"II.1": 100, "II.1.b": 100, "II.2": 40}
    s = tracker.summary(data.plans["soc-trang-2023"], 2023)
    assert (s.not_reported, s.progress) == (1, 70)


def test_agency_dashboard_counts_match_the_records() -> None:
    data, _ = check_dataset(ROOT)
    assert data is not None
    tracker = Tracker(data)
    plans = list(data.plans.values())
    checked = 0
    for agency_id in data.agencies:
        groups = tracker.agency_tasks(plans, agency_id)
        for year in sorted({y for plan, _ in groups for y in plan_years(plan)}):
            expected: dict[str, int] = {}
            total = 0
            for plan, tasks in groups:
                if not plan.period.start <= year <= plan.period.end:
                    continue
                file = data.progress.get((plan.id, year))
                reported = {r.target: r.status for r in file.records} if file else {}
                for task in tasks:
                    assert agency_id in task.agencies
                    total += 1
                    status = reported.get(task.key, NOT_REPORTED)
                    expected[status] = expected.get(status, 0) + 1
            s = tracker.summarize(year, groups)
            got = {k: v for k, v in s.counts.items() if v} | ({NOT_REPORTED: s.not_reported} if s.not_reported else {})
            assert (s.total, got) == (total, expected), (agency_id, year)
            checked += sum(expected.get(k, 0) for k in s.counts)
    assert checked >= 10  # the example records are counted on their agencies' dashboards

    radio = tracker.agency_tasks(plans, "dong-thap-dai-phat-thanh-va-truyen-hinh")
    assert [(p.id, [t.key for t in tasks]) for p, tasks in radio] == [("dong-thap-2021-2025", ["IV.7", "IV.7.c"])]
    s = tracker.summarize(2023, radio)
    assert (s.counts["in-progress"], s.counts["done"], s.not_reported, s.progress, s.example) == (1, 1, 0, 70, True)


def test_report_of_an_assignment_plan_has_every_section(tmp_path: Path) -> None:
    from docx import Document

    data, _ = check_dataset(ROOT)
    assert data is not None
    write_reports(data, Request.of(data, "dong-thap-2021-2025", 2023), tmp_path)
    md = (tmp_path / "dong-thap-2021-2025-2023.en.md").read_text(encoding="utf-8")
    assert_sections(md, "Assignments")
    assert "| 2023 (example data) | 2 | 1 | 3 | 1 | 0 | 1 | 63.3% |" in md
    assert "- 2023: IV.4 Provincial Police" in md  # not reported, listed as such
    assert "with the assignments below it: 70%" in md
    doc = Document(str(tmp_path / "dong-thap-2021-2025-2023.vi.docx"))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert "III. CÁC NHIỆM VỤ ĐƯỢC PHÂN CÔNG CHƯA BÁO CÁO" in headings
    assert [c.text for c in doc.tables[1].rows[1].cells][-2:] == ["1", "63,3\u00a0%"]
    period = write_reports(data, Request.of(data, "dong-thap-2021-2025", None), tmp_path)
    assert len(period) == 4
    report = (tmp_path / "dong-thap-2021-2025-2021-2025.en.md").read_text(encoding="utf-8")
    assert "| 2021 | 0 | 0 | 0 | 0 | 0 | 8 | — |" in report


@pytest.mark.site
def test_site_shows_assignment_records_and_dashboards(built_site: Path) -> None:
    import re

    def text(rel: str) -> str:
        html = (built_site / rel).read_text(encoding="utf-8")
        return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))

    plan_html = (built_site / "en/plans/dong-thap-2021-2025/index.html").read_text(encoding="utf-8")
    assert 'id="implementation"' in plan_html and "Example data</text>" in plan_html  # labelled inside the chart
    plan = text("en/plans/dong-thap-2021-2025/index.html")
    assert "2023 example data 2 1 3 1 0 1 63.3%" in plan
    assert "2024 0 0 0 0 0 8 not reported" in plan  # nothing reported: not 0 %
    # each assignment's status by year as a row of cells: IV.4 not reported, IV.5 not started
    card = plan_html[plan_html.index(">IV.4<"):plan_html.index(">IV.5<")]
    assert card.count("asean-year--not-reported") == 5
    assert "asean-year--not-started" in plan_html[plan_html.index(">IV.5<"):plan_html.index(">IV.6<")]
    # the record under the assignment in the plan's original text, at its anchor
    text_html = (built_site / "en/plans/dong-thap-2021-2025/text/index.html").read_text(encoding="utf-8")
    node = text_html[text_html.index('id="s-5-7"'):text_html.index('id="s-5-7-1"')]
    assert "asean-status-tag--in-progress" in node and "with the assignments below it: 70%" in node
    # not reported stays distinct from zero in the unit's matrix: IV.4 has no record, IV.5 is reported at 0 %
    unit_html = (built_site / "en/units/dong-thap/index.html").read_text(encoding="utf-8")
    row = re.search(r'<tr data-item="IV.4" data-status="([^"]*)">(.*?)</tr>', unit_html, re.S)
    assert row is not None and row.group(1) == " ".join(f"{y}:not-reported" for y in range(2021, 2026))
    assert "0 %" not in row.group(2) and "not reported" in row.group(2)
    assert re.search(r'<tr data-item="IV.5" data-status="[^"]*2023:not-started', unit_html)

    agency = text("en/agencies/dong-thap-dai-phat-thanh-va-truyen-hinh/index.html")
    assert "2023 example data 1 0 1 0 0 0 70%" in agency
    assert "2021 0 0 0 0 0 2 not reported" in agency
    unit = (built_site / "vi/units/dong-thap/index.html").read_text(encoding="utf-8")
    assert 'data-asean-filter="progress-dong-thap-2021-2025"' in unit and "assets/table.js" in unit
    assert (built_site / "en/embed/progress/dong-thap-2021-2025/index.html").exists()


@pytest.mark.site
def test_progress_api_counts_assignments(built_site: Path) -> None:
    import csv
    import io
    import json

    api = built_site / "api/v1"
    doc = json.loads((api / "progress.json").read_text(encoding="utf-8"))
    year = next(y for y in doc["years"] if y["plan"] == "dong-thap-2021-2025" and y["year"] == 2023)
    assert (year["total"], year["not_reported"], year["progress"], year["example"]) == (8, 1, 63.3, True)
    tasks = {t["id"]: t for t in year["tasks"]}
    assert tasks["IV.7"]["progress"] == 70 and tasks["IV.7.c"]["parent"] == "IV.7"
    assert (tasks["IV.4"]["status"], tasks["IV.4"]["progress"]) == ("not-reported", None)
    assert {y["plan"] for y in doc["years"]} >= {"binh-phuoc-2021-2025", "dong-son-2021-2025"}
    rows = list(csv.DictReader(io.StringIO((api / "progress.csv").read_bytes().decode("utf-8-sig"))))
    iv4 = next(r for r in rows if r["plan_id"] == "dong-thap-2021-2025" and r["year"] == "2023" and r["assignment"] == "IV.4")
    assert (iv4["status"], iv4["progress"], iv4["activity_id"]) == ("not-reported", "", "")
    iv7 = next(r for r in rows if r["plan_id"] == "dong-thap-2021-2025" and r["year"] == "2023" and r["assignment"] == "IV.7")
    assert (iv7["progress"], iv7["computed_progress"]) == ("40", "70")


@pytest.mark.browser
def test_dashboard_filter_by_year_and_status_in_a_browser(page: object, server: object) -> None:
    """Without JavaScript the dashboard is plain tables (the form is hidden); with it, the
    form filters the task rows by status in a year and hides the other years' columns."""
    p = page.page  # type: ignore[attr-defined]
    p.goto(f"{server.url}en/units/dong-thap/")  # type: ignore[attr-defined]
    name = "progress-dong-thap-2021-2025"
    p.locator(f'form[data-asean-filter="{name}"] ~ figure details summary').first.click()  # the figures under the chart
    form = p.locator(f'form[data-asean-filter="{name}"]')
    rows = p.locator(f'table[data-asean-table="{name}"] tbody tr[data-item]:visible')
    count = p.locator(f'[data-asean-count="{name}"]')
    assert form.is_visible() and rows.count() == 8
    assert count.inner_text() == "Showing 8 of 8 tasks"

    year = form.get_by_label("Year")
    year.focus()
    year.select_option("2023")
    assert p.locator(f'table[data-asean-table="{name}"] td[data-year="2021"]:visible').count() == 0
    assert p.locator(f'table[data-asean-table="{name}"] td[data-year="2023"]:visible').count() == 8
    summary_years = p.locator(f'table[data-asean-table="{name}"] tbody tr[data-year]:visible th')
    assert summary_years.all_inner_texts() == ["2023 example data"]

    form.get_by_label("Status").select_option("not-reported")
    assert rows.evaluate_all("rs => rs.map(r => r.dataset.item)") == ["IV.4"]
    assert count.inner_text() == "Showing 1 of 8 tasks"
    form.get_by_label("Status").select_option("done")
    assert rows.evaluate_all("rs => rs.map(r => r.dataset.item)") == ["IV.3", "IV.7.c"]

    year.select_option("")  # any year: done in some year
    assert rows.count() == 2
    assert p.locator(f'table[data-asean-table="{name}"] td[data-year="2021"]:visible').count() == 2
    form.get_by_role("button", name="Show all").click()
    p.wait_for_function(f"document.querySelector('[data-asean-count=\"{name}\"]').textContent.startsWith('Showing 8')")
    assert page.errors == []  # type: ignore[attr-defined]

    # the agency dashboard uses the same filter
    p.goto(f"{server.url}vi/agencies/dong-thap-dai-phat-thanh-va-truyen-hinh/")  # type: ignore[attr-defined]
    agency = p.locator('form[data-asean-filter="progress-agency"]')
    agency.get_by_label("Năm").select_option("2023")
    agency.get_by_label("Tình trạng").select_option("done")
    assert p.locator('table[data-asean-table="progress-agency"] tbody tr[data-item]:visible').evaluate_all(
        "rs => rs.map(r => r.dataset.item)") == ["IV.7.c"]
    assert page.errors == []  # type: ignore[attr-defined]
