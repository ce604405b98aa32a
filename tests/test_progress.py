"""Implementation records: validated with located errors, summed into plan progress,
shown on the site, and compiled into the yearly report (Markdown and .docx)."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT, MiniProject

from site_builder.loader import check_dataset
from site_builder.progress import activity_history, summary
from site_builder.report import write_reports

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
    s = summary(data, plan, 2022)
    assert (s.total, s.counts["done"], s.not_reported) == (2, 1, 1)
    assert s.progress == 100.0  # the average of reported activities only: I.2 is not zero, it is not reported
    history = activity_history(data, plan, "I.2")
    assert history == [(2022, None, True)]
    mini.replace("plans/progress/soc-trang-2022-2022.yaml", "records:\n",
                 "records:\n  - activity: I.2\n    status: in-progress\n    progress: 20\n"
                 '    done: {vi: "Đang làm", en: "Under way"}\n'
                 "    reporting_agency: soc-trang-so-thong-tin-va-truyen-thong\n    updated: 2022-11-15\n")
    data, _ = check_dataset(mini.root)
    assert summary(data, data.plans["soc-trang-2022"], 2022).progress == 60.0


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


def test_report_has_every_section_and_opens_with_python_docx(tmp_path: Path) -> None:
    from docx import Document

    data, _ = check_dataset(ROOT)
    assert data is not None
    written = write_reports(data, "soc-trang-2022", 2022, tmp_path)
    assert sorted(p.name for p in written) == sorted([
        "soc-trang-2022-2022.vi.md", "soc-trang-2022-2022.vi.docx", "soc-trang-2022-2022.en.md", "soc-trang-2022-2022.en.docx"])
    md = (tmp_path / "soc-trang-2022-2022.en.md").read_text(encoding="utf-8")
    for heading in ("## Summary", "## I. Results by content area", "## II. Results by agency",
                    "## III. Activities not carried out, and why", "## IV. Activities not reported",
                    "## V. Difficulties", "## VI. Proposals"):
        assert heading in md
    assert "EXAMPLE DATA" in md
    doc = Document(str(tmp_path / "soc-trang-2022-2022.vi.docx"))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0].startswith("Báo cáo kết quả thực hiện")
    assert "III. Các hoạt động chưa thực hiện và lý do" in headings
    assert doc.tables[0].rows[1].cells[0].text == "2022"


def test_site_shows_records_as_examples_and_not_reported(built_site: Path) -> None:
    plan = (built_site / "en/plans/soc-trang-2022/index.html").read_text(encoding="utf-8")
    assert 'id="implementation"' in plan and "example data" in plan
    activity = (built_site / "en/plans/soc-trang-2022/activities/i-1/index.html").read_text(encoding="utf-8")
    assert "not reported" in activity
    done = (built_site / "en/plans/soc-trang-2022/activities/i-4/index.html").read_text(encoding="utf-8")
    assert "asean-status-tag--done" in done and "example data" in done


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
