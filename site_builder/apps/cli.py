"""The ``python -m site_builder`` command line.

Messages to editors are in Vietnamese first, English second, like the errors.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from site_builder.derive.project import Project, check_project
from site_builder.model.common import PILLARS
from site_builder.output.schemas import stale_schemas, write_schemas


def _whole(low: int, high: int | None = None) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` (to ``high``), or a usage error in
    both languages (a bad ``--jobs`` or ``--port`` would otherwise end in a traceback)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = low - 1
        if value < low or (high is not None and value > high):
            vi, en = (f"từ {low} đến {high}", f"from {low} to {high}") if high is not None else (
                f"từ {low} trở lên", f"from {low} up")
            raise argparse.ArgumentTypeError(f"cần một số nguyên {vi} / a whole number {en} expected: '{text}'")
        return value

    return parse


def _root(args: argparse.Namespace) -> Path:
    return Path(args.root).resolve()


def _checked(root: Path) -> Project | None:
    """The checked project, or ``None`` after printing its errors."""
    project, problems = check_project(root)
    for problem in problems.errors:
        print(problem.format())
    return project


def cmd_check(args: argparse.Namespace) -> int:
    """Validate every data file and print every problem at once."""
    root = _root(args)
    if args.links:
        from site_builder.inputs.links import external_links

        links = external_links(root)
        for link in links:
            print(link.format())
        hosts = sorted({link.url.split("/")[2] for link in links})
        print(f"\n{len(links)} liên kết ra ngoài tới {len(hosts)} máy chủ / "
              f"{len(links)} external link(s) to {len(hosts)} host(s): {', '.join(hosts)}")
        return 0
    _, problems = check_project(root, jobs=os.cpu_count() or 1)
    for problem in problems.sorted():
        print(problem.format())
    if args.format == "github":
        from site_builder.apps.annotations import github

        for problem in problems.sorted():
            print(github(problem))
    elif args.format == "gitlab":
        from site_builder.apps.annotations import gitlab

        try:
            Path(args.report).write_text(gitlab(problems.sorted()), encoding="utf-8")
        except OSError as exc:  # a folder, a path that cannot be written: said, not a traceback
            print(f"Không ghi được báo cáo / could not write the report {args.report}: {exc.strerror or exc}")
            return 1
    errors, warnings, notices = len(problems.errors), len(problems.warnings), len(problems.notices)
    failed = errors > 0 or (args.strict and warnings > 0)
    if problems:
        print()
    verdict = "KHÔNG ĐẠT / FAILED" if failed else "ĐẠT / OK"
    print(
        f"{verdict}: {errors} lỗi, {warnings} cảnh báo, {notices} lưu ý / "
        f"{errors} error(s), {warnings} warning(s), {notices} note(s)"
    )
    stale = stale_schemas(root / "schemas")
    if stale:
        print(
            f"Lược đồ JSON cũ, chạy `python -m site_builder schemas`: {', '.join(stale)}\n"
            f"    JSON Schemas out of date, run `python -m site_builder schemas`: {', '.join(stale)}"
        )
        failed = True
    return 1 if failed else 0


def cmd_build(args: argparse.Namespace) -> int:
    """Build both languages into ``site/`` (or ``--site-dir``), atomically.

    Without a published address (``SITE_URL`` or ``--site-url``) the build is a preview:
    it goes ahead and ends with a warning naming what points at the preview address;
    ``--strict``, the build for publishing, refuses it before writing anything."""
    from site_builder.apps.address import preview_warning
    from site_builder.apps.build import build_all_units, build_site
    from site_builder.apps.errors import AddressError, BuildError
    from site_builder.core.urls import base_url
    from site_builder.core.problems import InputError
    from site_builder.engine.mkdocs_build import EngineError, use_engine, version_notice

    try:
        notice = version_notice(use_engine(args.engine))
    except EngineError as exc:
        print(f"KHÔNG DỰNG / NOT BUILT: {exc}")
        return 1
    if notice:
        print(notice, file=sys.stderr)
    root = _root(args)
    if args.include_former and not args.all_units:
        print("--include-former chỉ dùng với --all-units / --include-former goes with --all-units")
        return 1
    try:
        if args.all_units:
            built = build_all_units(root, Path(args.site_dir), site_url=args.site_url, strict=not args.no_strict,
                                    jobs=args.jobs, compress=args.precompress, include_former=args.include_former,
                                    publishing=args.strict, workshop=args.workshop)
            print(f"đã dựng / built {len(built)} đơn vị / units: {', '.join(built)}")
            warning = preview_warning(base_url(args.site_url))
            if warning:
                print(f"\n{warning}")
            return 0
        result = build_site(root, Path(args.site_dir), site_url=args.site_url, strict=not args.no_strict,
                            unit=args.unit, jobs=args.jobs, compress=args.precompress, publishing=args.strict,
                            incremental=args.incremental, workshop=args.workshop)
    except AddressError as exc:
        print(f"KHÔNG DỰNG / NOT BUILT: {exc}\nsite/ không thay đổi / site/ left unchanged")
        return 1
    except InputError as exc:
        print(exc.report())
        print(f"\nKHÔNG ĐẠT / FAILED: {len(exc.problems)} lỗi / error(s); site/ không thay đổi / site/ left unchanged")
        return 1
    except BuildError as exc:
        print(f"Lỗi khi dựng trang / build failed:\n{exc}\nsite/ không thay đổi / site/ left unchanged")
        return 1
    except OSError as exc:  # a folder that cannot be written, a full disk: said, not a traceback
        print(f"Không đọc/ghi được tệp / could not read or write a file: {exc}\n"
              "site/ không thay đổi / site/ left unchanged")
        return 1
    print(f"đã dựng / built {result.site_dir}")
    if args.incremental:
        print(f"  {result.rebuilt}")
    if result.address_warning:
        print(f"\n{result.address_warning}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Live preview on 127.0.0.1."""
    from site_builder.apps.preview import serve

    serve(_root(args), args.port)
    return 0


def cmd_translations(args: argparse.Namespace) -> int:
    """Report missing and outdated translations; ``--mark-current`` records a finished one."""
    from site_builder.derive.translation_status import TranslationError, format_table, gaps, mark_current

    root = _root(args)
    project = _checked(root)
    if project is None:
        return 1
    if args.mark_current:
        failed = False
        for name in args.mark_current:
            try:
                print(f"{name}: source_hash {mark_current(root, project, name)}")
            except TranslationError as exc:
                print(exc)
                failed = True
        return 1 if failed else 0
    found = gaps(project)
    print(format_table(found))
    return 1 if found and args.fail else 0


def cmd_new(args: argparse.Namespace) -> int:
    """Create an article pair, a plan, a unit or an event that passes ``check``."""
    from site_builder.apps import scaffold

    root = _root(args)
    try:
        if args.what == "article":
            created = scaffold.new_article(root, args.title_vi, args.title_en, args.topic, args.source,
                                           args.source_url, args.date, args.slug, args.unit, args.source_publisher)
        elif args.what == "plan":
            created = scaffold.new_plan(root, args.id, args.unit, args.issuing_agency, args.title_vi,
                                        args.title_en, args.start, args.end)
        elif args.what == "unit":
            branding = scaffold.BrandingArgs(
                display_vi=args.display_name_vi, display_en=args.display_name_en, primary=args.primary,
                accent=args.accent, portal=args.portal, office_vi=args.office_vi, office_en=args.office_en,
                email=args.email, phone=args.phone, address_vi=args.address_vi, address_en=args.address_en)
            created = scaffold.new_unit(root, args.id, args.name_vi, args.name_en, args.level, args.parent, branding)
        else:
            created = scaffold.new_event(root, args.id, args.title_vi, args.title_en, args.date, args.yearly,
                                         args.description_vi, args.description_en)
    except scaffold.ScaffoldError as exc:
        print(exc)
        return 1
    for path in created.paths:
        print(f"đã tạo / wrote {path.relative_to(root)}")
    _, problems = check_project(root)
    for problem in problems.errors:
        print(problem.format())
    print("\nTiếp theo / next:")
    for step in created.next_steps:
        print(f"  - {step}")
    return 1 if problems.errors else 0


def cmd_report(args: argparse.Namespace) -> int:
    """Write the yearly (or whole-period) implementation report of a plan, by one agency."""
    import difflib

    from site_builder.derive.tracker import plan_years
    from site_builder.output.report.compose import agency_tasks, agency_today, reporting_duty, successor_unit, write_reports
    from site_builder.render.dates import format_date

    root = _root(args)
    project = _checked(root)
    if project is None:
        return 1
    data = project.data
    if args.plan not in data.plans:
        print(f"không có kế hoạch / unknown plan '{args.plan}' ({', '.join(data.plans)})")
        return 1
    plan = data.plans[args.plan]
    if args.year is not None and not plan.period.start <= args.year <= plan.period.end:
        print(f"năm ngoài giai đoạn / year outside the plan's period {plan.period.start}–{plan.period.end}")
        return 1
    years = plan_years(plan) if args.period else [args.year]
    agency_id = args.agency or plan.issuing_agency
    tracker = project.tracker
    involved = sorted({a for task in tracker.tasks(plan) for a in task.agencies
                       if a in data.agencies and data.agencies[a].kind != "collective"})
    if agency_id not in data.agencies:
        close = [a for a in data.agencies if a.startswith(agency_id)][:1] \
            or difflib.get_close_matches(agency_id, list(data.agencies), n=1, cutoff=0.6)
        print(f"không có cơ quan '{agency_id}' trong plans/agencies.yaml" + (f" (có phải '{close[0]}'?)" if close else "")
              + f"\n    unknown agency '{agency_id}' in plans/agencies.yaml"
              + (f" (did you mean '{close[0]}'?)" if close else ""))
        return 1
    if data.agencies[agency_id].kind == "collective":
        print(f"'{agency_id}' là một nhóm cơ quan, không ký được báo cáo: chọn một cơ quan ({', '.join(involved)})"
              f"\n    '{agency_id}' names a group of agencies, which cannot sign a report: choose one ({', '.join(involved)})")
        return 1
    if not agency_tasks(tracker, plan, agency_id, years):
        print(f"cơ quan '{agency_id}' không có nhiệm vụ và không có báo cáo nào trong kế hoạch {plan.id}; "
              f"các cơ quan có nhiệm vụ: {', '.join(involved)}"
              f"\n    agency '{agency_id}' has no task and no record in plan {plan.id}; "
              f"agencies with tasks: {', '.join(involved)}")
        return 1
    unit_id = data.agencies[agency_id].unit
    successor = successor_unit(data, unit_id)
    if args.as_unit is not None and args.as_unit != successor:
        print(f"'{args.as_unit}' không phải đơn vị kế thừa {unit_id}"
              + (f" (đơn vị kế thừa: {successor})" if successor else " (đơn vị này vẫn còn)")
              + f"\n    '{args.as_unit}' did not take over {unit_id}"
              + (f" (its successor is {successor})" if successor else " (that unit still exists)"))
        return 1
    for path in write_reports(data, args.plan, None if args.period else args.year, Path(args.out), agency_id,
                              tracker, args.as_unit):
        print(f"đã ghi / wrote {path}")
    if args.as_unit:
        body = agency_today(data, data.agencies[agency_id], args.as_unit).name
        print(f"ban hành dưới tên / issued as: {body.vi} / {body.en}")
    elif successor is not None:
        print(f"lưu ý: {data.agencies[agency_id].name.vi} là cơ quan trước đây ({data.units[unit_id].name.vi} không còn); "
              f"để ban hành dưới tên cơ quan kế thừa, thêm --as {successor}"
              f"\n    note: {data.agencies[agency_id].name.en} is a former body ({data.units[unit_id].name.en} no longer "
              f"exists); to issue the report in its successor's name, add --as {successor}")
    duty = reporting_duty(data, plan, agency_id, years)
    names = "; ".join((agency_today(data, data.agencies[a]) if args.as_unit else data.agencies[a]).name.vi
                      for a in duty.recipients)
    print(f"gửi / to: {names or 'kế hoạch không quy định, điền vào báo cáo / not set by the plan, fill it in'}")
    if duty.deadline:
        print(f"hạn / due: {format_date(duty.deadline, 'vi')} / {format_date(duty.deadline, 'en')}")
    else:
        print("hạn / due: kế hoạch không quy định / not set by the plan")
    if duty.source is not None and duty.source.id != plan.id:
        print(f"    theo chế độ báo cáo của kế hoạch / under the reporting duty of plan {duty.source.id}")
    elif duty.source is None and duty.recipients:
        print("    kế hoạch không giao chế độ báo cáo cho cơ quan này: gửi cơ quan ban hành kế hoạch\n"
              "    the plan sets this agency no reporting duty: sent to the body that issued the plan")
    return 0


def cmd_cms(args: argparse.Namespace) -> int:
    """Write ``/admin/`` (the CMS and its configuration, generated from the models)."""
    from site_builder.apps.errors import OutputError
    from site_builder.apps.cms import VendorError, config, replace_admin
    from site_builder.core.urls import configured_address

    root = _root(args)
    cfg = config(root, backend=args.backend, repo=args.repo, branch=args.branch, base_url=args.base_url,
                 site_url=configured_address(args.site_url))
    try:
        written = replace_admin(root, Path(args.out), cfg)
    except (VendorError, OutputError) as exc:
        print(exc)
        return 1
    print(f"đã ghi / wrote {len(written)} tệp / files into {args.out}")
    return 0


def cmd_units(args: argparse.Namespace) -> int:
    """The units that get a section of their own (``--today``: the units of today, as the
    pipelines' build matrix: one id a line, or ``--json``), or, with ``--index DIR``, the
    root page of a folder that holds one built section per unit (``DIR/<unit-id>/``)."""
    import json

    from site_builder.apps.build import section_units
    from site_builder.output.publish import write_units_index
    from site_builder.output.writer import Writer

    project = _checked(_root(args))
    if project is None:
        return 1
    if args.index:
        folder = Path(args.index)
        built = [u for u in section_units(project, include_former=True) if (folder / u / "vi" / "index.html").is_file()]
        if not built:
            print(f"không có chuyên mục đơn vị nào trong {folder} (cần {folder}/<mã đơn vị>/vi/index.html)\n"
                  f"    no unit's section in {folder} (expected {folder}/<unit-id>/vi/index.html)")
            return 1
        write_units_index(Writer(folder), project, built)
        print(f"đã ghi / wrote {folder / 'index.html'}: {', '.join(built)}")
        return 0
    units = section_units(project, include_former=not args.today)
    print(json.dumps(units) if args.json else "\n".join(units))
    return 0


def cmd_schemas(args: argparse.Namespace) -> int:
    """Regenerate ``schemas/*.json`` from the models."""
    for path in write_schemas(_root(args) / "schemas"):
        print(f"đã ghi / wrote {path.relative_to(_root(args))}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m site_builder",
        description="Bộ công cụ Chuyên mục ASEAN / ASEAN section kit",
    )
    parser.add_argument("--root", default=".", help="thư mục dự án / project root (default: .)")
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="kiểm tra dữ liệu / validate plans and content")
    check.add_argument("--strict", action="store_true", help="cảnh báo cũng là lỗi / fail on warnings")
    check.add_argument("--links", action="store_true",
                       help="liệt kê liên kết ra ngoài, không tải / list links to other sites (offline)")
    check.add_argument("--format", choices=["text", "github", "gitlab"], default="text",
                       help="thêm chú thích cho máy chủ CI / also write annotations: github (workflow "
                            "commands in the log), gitlab (Code Quality report, see --report)")
    check.add_argument("--report", default="gl-code-quality-report.json",
                       help="tệp báo cáo GitLab / GitLab report file (default: gl-code-quality-report.json)")
    check.set_defaults(func=cmd_check)

    build = sub.add_parser("build", help="dựng trang / build the bilingual site")
    build.add_argument("--site-dir", default="site", help="thư mục đích / output folder (default: site)")
    build.add_argument("--site-url", default=None, help="địa chỉ công bố / published address (default: $SITE_URL)")
    strictness = build.add_mutually_exclusive_group()
    strictness.add_argument("--no-strict", action="store_true", help="không coi cảnh báo là lỗi / allow warnings")
    strictness.add_argument("--strict", action="store_true",
                            help="bản dựng để đăng: từ chối khi chưa có địa chỉ công bố (SITE_URL) / "
                                 "build for publishing: refuse a build without the published address (SITE_URL)")
    strictness.add_argument("--workshop", action="store_true",
                            help="bản xem thử cho biên tập viên, như make serve: hiện ghi chú về văn bản gốc, tên tệp, "
                                 "lệnh và hướng dẫn / the editors' preview, as make serve: also show notes on the source "
                                 "text, file names, commands and the guide")
    which = build.add_mutually_exclusive_group()
    which.add_argument("--unit", help="dựng cho một đơn vị / build the section branded for one unit")
    which.add_argument("--all-units", action="store_true",
                       help="mỗi đơn vị hiện nay vào site/<unit-id>/ / every unit of today, each into site/<unit-id>/")
    build.add_argument("--include-former", action="store_true",
                       help="với --all-units: cả các đơn vị trước sắp xếp / with --all-units: the former units too")
    build.add_argument("--jobs", type=_whole(1), default=None, help="số tiến trình / processes (default: cores)")
    build.add_argument("--precompress", action="store_true", help="ghi thêm bản .gz / also write .gz copies")
    build.add_argument("--engine", choices=["mkdocs", "properdocs"], default=None,
                       help="trình dựng / the runner: mkdocs (default) or properdocs (default: $ASEAN_ENGINE; "
                            "docs/engine.md)")
    build.add_argument("--incremental", action="store_true",
                       help="chỉ dựng lại các trang có đầu vào đã đổi / render again only the pages whose inputs "
                            "changed (a full build when code, theme, mkdocs.yml, translations, data or the page set changed)")
    build.set_defaults(func=cmd_build)

    serve = sub.add_parser("serve", help="xem trước trực tiếp / live preview on 127.0.0.1")
    serve.add_argument("--port", type=_whole(1, 65535), default=os.environ.get("PORT", "8000"),
                       help="cổng / port (default: $PORT or 8000)")
    serve.set_defaults(func=cmd_serve)

    tr = sub.add_parser("translations", help="báo cáo bản dịch / missing and outdated translations")
    tr.add_argument("--mark-current", nargs="+", metavar="content/en/PAGE.md",
                    help="ghi nhận bản dịch đã cập nhật / record that these translations are up to date")
    tr.add_argument("--fail", action="store_true", help="thoát mã 1 khi còn thiếu / exit 1 when anything is missing")
    tr.set_defaults(func=cmd_translations)

    new = sub.add_parser("new", help="tạo mới / start an article, plan, unit or event")
    kinds = new.add_subparsers(dest="what", required=True)
    art = kinds.add_parser("article", help="một bài tin hai ngôn ngữ / a news article in both languages")
    art.add_argument("--title-vi", required=True)
    art.add_argument("--title-en", required=True)
    art.add_argument("--topic", action="append", required=True,
                     choices=PILLARS)
    art.add_argument("--source", required=True, help="nguồn tin / where the facts come from")
    art.add_argument("--source-url", help="địa chỉ của nguồn / the source's address (https://...)")
    art.add_argument("--source-publisher", help="nơi công bố nguồn, khi không có địa chỉ / who published the source, "
                                                "when it has no address")
    art.add_argument("--date", help="YYYY-MM-DD (mặc định hôm nay / default today)")
    art.add_argument("--slug")
    art.add_argument("--unit")
    plan = kinds.add_parser("plan", help="một kế hoạch / a plan file")
    plan.add_argument("--id", help="mặc định / default: <unit>-<start>-<end>")
    plan.add_argument("--unit", required=True)
    plan.add_argument("--issuing-agency",
                      help="mặc định: UBND của đơn vị, thêm vào agencies.yaml nếu chưa có / "
                           "default: the unit's People's Committee, added to agencies.yaml when missing")
    plan.add_argument("--title-vi", required=True)
    plan.add_argument("--title-en", required=True)
    plan.add_argument("--start", type=int, required=True)
    plan.add_argument("--end", type=int, required=True)
    unit = kinds.add_parser(
        "unit", help="một đơn vị, hoặc tên, màu, liên hệ của một đơn vị đã có / "
                     "a unit, or the name, colours and contact of one already in units.yaml")
    unit.add_argument("--id", required=True)
    unit.add_argument("--name-vi", help="đơn vị mới / a new unit")
    unit.add_argument("--name-en", help="đơn vị mới / a new unit")
    unit.add_argument("--level", choices=["national", "province", "district"], help="đơn vị mới / a new unit")
    unit.add_argument("--parent")
    unit.add_argument("--display-name-vi", help="tên chuyên mục trên đầu trang / the name in the site header")
    unit.add_argument("--display-name-en")
    unit.add_argument("--primary", help="màu chính #rrggbb, tương phản 4.5:1 với chữ trắng / "
                                        "primary colour, 4.5:1 against white text")
    unit.add_argument("--accent", help="màu nhấn #rrggbb, tương phản 3:1 với màu chính / accent, 3:1 against the primary")
    unit.add_argument("--portal", help="địa chỉ cổng thông tin / the web portal's https address")
    unit.add_argument("--office-vi", help="cơ quan trả lời bạn đọc / the office answering readers")
    unit.add_argument("--office-en")
    unit.add_argument("--email")
    unit.add_argument("--phone")
    unit.add_argument("--address-vi")
    unit.add_argument("--address-en")
    event = kinds.add_parser("event", help="một sự kiện / a calendar event")
    event.add_argument("--id", required=True)
    event.add_argument("--title-vi", required=True)
    event.add_argument("--title-en", required=True)
    event.add_argument("--description-vi", required=True)
    event.add_argument("--description-en", required=True)
    event.add_argument("--date", help="YYYY-MM-DD: một lần / once")
    event.add_argument("--yearly", help="MM-DD: hằng năm / every year")
    new.set_defaults(func=cmd_new)

    rep = sub.add_parser("report", help="báo cáo kết quả thực hiện / the yearly implementation report")
    rep.add_argument("--plan", required=True)
    when = rep.add_mutually_exclusive_group(required=True)
    when.add_argument("--year", type=int)
    when.add_argument("--period", action="store_true", help="cả giai đoạn / the whole period")
    rep.add_argument("--agency", help="cơ quan báo cáo / the reporting agency, an id in plans/agencies.yaml "
                     "(mặc định: cơ quan ban hành kế hoạch / default: the body that issued the plan)")
    rep.add_argument("--out", default="reports", help="thư mục / folder (default: reports)")
    rep.add_argument("--as", dest="as_unit", metavar="UNIT",
                     help="ban hành dưới tên cơ quan kế thừa thuộc đơn vị này (vd. can-tho) / issue the report in "
                          "the name of the successor body of this unit of today (e.g. can-tho)")
    rep.set_defaults(func=cmd_report)

    units = sub.add_parser("units", help="các đơn vị có chuyên mục / the units that get a section")
    units.add_argument("--today", action="store_true",
                       help="chỉ các đơn vị hiện nay / only the units of today (not the former ones)")
    units.add_argument("--json", action="store_true", help="danh sách JSON / a JSON list (a CI matrix)")
    units.add_argument("--index", metavar="DIR",
                       help="ghi DIR/index.html dẫn tới chuyên mục của từng đơn vị đã dựng trong DIR / write "
                            "DIR/index.html linking to each unit's section built in DIR")
    units.set_defaults(func=cmd_units)

    cms = sub.add_parser("cms", help="ghi trang biên tập /admin/ / write the CMS (/admin/)")
    cms.add_argument("--out", default="site/admin", help="thư mục / folder (default: site/admin)")
    cms.add_argument("--backend", choices=["github", "gitlab", "gitea"], default="github")
    cms.add_argument("--repo", default=os.environ.get("CMS_REPO", "OWNER/REPO"), help="owner/name ($CMS_REPO)")
    cms.add_argument("--branch", default="main")
    cms.add_argument("--base-url", default=None, help="GitLab/Gitea tự quản / self-hosted GitLab or Gitea address")
    cms.add_argument("--site-url", default=None, help="địa chỉ công bố / published address ($SITE_URL)")
    cms.set_defaults(func=cmd_cms)

    schemas = sub.add_parser("schemas", help="ghi lược đồ JSON / write the JSON Schemas")
    schemas.set_defaults(func=cmd_schemas)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
