"""Loading and cross-checking plans/: every error in one run, each located and bilingual."""

from __future__ import annotations

from conftest import MiniProject

from site_builder.inputs.loader import check_dataset


def messages(project: MiniProject) -> list[str]:
    dataset, problems = check_dataset(project.root)
    if problems.errors:
        assert dataset is None
    return [p.format() for p in problems.sorted()]


def test_mini_project_is_clean(mini: MiniProject) -> None:
    dataset, problems = check_dataset(mini.root)
    assert not problems
    assert dataset is not None
    plan = dataset.plans["soc-trang-2022"]
    assert [a.id for a in plan.appendix.activities] == ["I.1", "I.2"]
    assert plan.issued == "2022-04" and plan.issued.day is None


def test_unknown_agency_suggests_the_closest(mini: MiniProject) -> None:
    mini.replace("plans/soc-trang-2022.yaml", "agencies: [soc-trang-so-thong-tin-va-truyen-thong]\n      partners",
                 "agencies: [soc-trang-so-thong-tin-truyen-thong]\n      partners")
    assert messages(mini) == [
        "plans/soc-trang-2022.yaml:44:20: appendix.activities[0].lead.agencies[0]: "
        "không có cơ quan 'soc-trang-so-thong-tin-truyen-thong' trong plans/agencies.yaml "
        "(có phải 'soc-trang-so-thong-tin-va-truyen-thong'?)\n"
        "    unknown agency 'soc-trang-so-thong-tin-truyen-thong' in plans/agencies.yaml "
        "(did you mean 'soc-trang-so-thong-tin-va-truyen-thong'?)"
    ]


def test_unknown_unit_and_unknown_plan(mini: MiniProject) -> None:
    mini.replace("plans/soc-trang-2022.yaml", "issuer: soc-trang", "issuer: soc-trag")
    mini.replace("plans/soc-trang-2022.yaml", "    implements: true", "    implements: true\n    plan: bcd-asean-2021-2025")
    assert messages(mini) == [
        "plans/soc-trang-2022.yaml:8:9: issuer: không có đơn vị 'soc-trag' trong plans/units.yaml "
        "(có phải 'soc-trang'?)\n"
        "    unknown unit 'soc-trag' in plans/units.yaml (did you mean 'soc-trang'?)",
        "plans/soc-trang-2022.yaml:18:11: legal_basis[0].plan: không có kế hoạch 'bcd-asean-2021-2025' trong plans/\n"
        "    unknown plan 'bcd-asean-2021-2025' in plans/",
    ]


def test_wrong_types_missing_fields_and_bad_dates_all_reported(mini: MiniProject) -> None:
    mini.replace("plans/soc-trang-2022.yaml", "period: {start: 2022, end: 2022}", "period: {start: hai nghìn, end: 2022}")
    mini.replace("plans/soc-trang-2022.yaml", "status: expired\n", "")
    mini.replace("plans/soc-trang-2022.yaml", "date: 2021-10-14", "date: 2021-02-30")
    mini.replace("plans/soc-trang-2022.yaml", "kind: year\n", "kind: yearly-ish\n")
    assert messages(mini) == [
        "plans/soc-trang-2022.yaml:1:1: status: thiếu trường bắt buộc 'status'\n"
        "    missing required field 'status'",
        "plans/soc-trang-2022.yaml:11:17: period.start: cần một số nguyên, nhận được 'hai nghìn'\n"
        "    expected an integer, found 'hai nghìn'",
        "plans/soc-trang-2022.yaml:15:11: legal_basis[0].date: ngày '2021-02-30' không tồn tại\n"
        "    the date '2021-02-30' does not exist",
        "plans/soc-trang-2022.yaml:58:15: appendix.activities[1].timeline.kind: "
        "cần một trong: 'continuous', 'yearly', 'year', 'years', 'not-stated', 'other'; "
        "nhận được 'yearly-ish' (có phải 'yearly'?)\n"
        "    expected one of: 'continuous', 'yearly', 'year', 'years', 'not-stated', 'other'; "
        "found 'yearly-ish' (did you mean 'yearly'?)",
    ]


def test_examples_are_read_apart_and_refused_when_publishing(mini: MiniProject) -> None:
    """Example records live in plans/examples/progress/: read by every build but the one
    for publishing, which leaves them out and refuses any marked as one among the
    published records, naming every such file in one run."""
    from conftest import PROGRESS

    mini.write("plans/examples/progress/soc-trang-2022-2022.yaml", PROGRESS)
    data, problems = check_dataset(mini.root)
    assert data is not None and not problems.errors
    assert data.progress[("soc-trang-2022", 2022)].example
    data, problems = check_dataset(mini.root, publishing=True)
    assert data is not None and not problems.errors and not data.progress

    mini.write("plans/progress/soc-trang-2022-2022.yaml", PROGRESS)
    data, problems = check_dataset(mini.root)
    assert data is None
    assert [p.format() for p in problems.errors] == [
        "plans/examples/progress/soc-trang-2022-2022.yaml:2:7: year: báo cáo năm 2022 của kế hoạch soc-trang-2022 "
        "đã có trong plans/progress/soc-trang-2022-2022.yaml\n"
        "    the 2022 report of plan soc-trang-2022 is already in plans/progress/soc-trang-2022-2022.yaml"]
    mini.write("plans/progress/soc-trang-2022-2023.yaml", PROGRESS.replace("year: 2022", "year: 2023"))
    mini.replace("plans/soc-trang-2022.yaml", "end: 2022", "end: 2023")
    data, problems = check_dataset(mini.root, publishing=True)
    assert data is None
    found = [p for p in problems.errors]
    assert [(p.file, p.line, p.field) for p in found] == [
        ("plans/progress/soc-trang-2022-2022.yaml", 3, "example"),
        ("plans/progress/soc-trang-2022-2023.yaml", 3, "example")]
    assert "plans/examples/progress/soc-trang-2022-2023.yaml" in found[1].vi
    assert "move the file to plans/examples/progress/soc-trang-2022-2023.yaml" in found[1].en


def test_a_real_report_in_the_examples_folder_is_refused(mini: MiniProject) -> None:
    from conftest import PROGRESS

    mini.write("plans/examples/progress/soc-trang-2022-2022.yaml", PROGRESS.replace("example: true\n", ""))
    assert messages(mini) == [
        "plans/examples/progress/soc-trang-2022-2022.yaml:1:7: example: tệp trong plans/examples/ là dữ liệu ví dụ: "
        "ghi 'example: true', hoặc chuyển báo cáo thật sang plans/progress/\n"
        "    a file in plans/examples/ is example data: write 'example: true', or move a real report to plans/progress/"]
