"""The ``python -m site_builder`` command line.

Messages to editors are in Vietnamese first, English second, like the errors.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from site_builder.apps import arguments
from site_builder.apps.arguments import Handler
from site_builder.derive.project import Project, check_project
from site_builder.inputs import freshness
from site_builder.output.schemas import stale_schemas, write_schemas


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
    # What is past its review date (issue 35): warnings; under --strict errors past the unit's grace period.
    problems.extend(freshness.problems(root, strict=args.strict))
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
    from site_builder.core.problems import InputError
    from site_builder.core.urls import base_url
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
    from site_builder.apps.preview_server import serve

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
    from site_builder.apps.scaffold_args import ArticleArgs, EventArgs, PlanArgs, UnitArgs

    root = _root(args)
    try:
        if args.what == "article":
            created = scaffold.new_article(root, ArticleArgs(
                args.title_vi, args.title_en, args.topic, args.source, args.source_url, args.date, args.slug,
                args.unit, args.source_publisher))
        elif args.what == "plan":
            created = scaffold.new_plan(root, PlanArgs(args.id, args.unit, args.issuing_agency, args.title_vi,
                                                       args.title_en, args.start, args.end))
        elif args.what == "unit":
            branding = scaffold.BrandingArgs(
                display_vi=args.display_name_vi, display_en=args.display_name_en, primary=args.primary,
                accent=args.accent, portal=args.portal, office_vi=args.office_vi, office_en=args.office_en,
                email=args.email, phone=args.phone, address_vi=args.address_vi, address_en=args.address_en)
            unit = UnitArgs(args.id, args.name_vi, args.name_en, args.level, args.parent)
            created = scaffold.new_unit(root, unit, branding)
        else:
            created = scaffold.new_event(root, EventArgs(args.id, args.title_vi, args.title_en, args.date,
                                                         args.yearly, args.description_vi, args.description_en))
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
    """Write the yearly (or whole-period) implementation report of a plan, by one agency, as
    Markdown and as the Decree-30 ``.docx``, in Vietnamese and English."""
    from site_builder.output.report.files import DOCX, MARKDOWN, write_reports
    from site_builder.output.report.request import Request, RequestError, check_request, report_notes

    project = _checked(_root(args))
    if project is None:
        return 1
    data, tracker = project.data, project.tracker
    try:
        asked = Request.of(data, args.plan, None if args.period else args.year, args.agency, args.as_unit)
        request = check_request(data, tracker, asked)
    except RequestError as exc:
        print(exc)
        return 1
    for path in write_reports(data, request, Path(args.out), tracker, writers=(MARKDOWN, DOCX)):
        print(f"đã ghi / wrote {path}")
    for line in report_notes(data, request):
        print(line)
    return 0


def cmd_cms(args: argparse.Namespace) -> int:
    """Write ``/admin/`` (the CMS and its configuration, generated from the models)."""
    from site_builder.apps.cms import GitBackend, VendorError, config, replace_admin
    from site_builder.apps.errors import OutputError
    from site_builder.core.urls import configured_address

    root = _root(args)
    backend = GitBackend(args.backend, args.repo, args.branch, args.base_url)
    cfg = config(root, backend, site_url=configured_address(args.site_url))
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


def cmd_freshness(args: argparse.Namespace) -> int:
    """Pages, records and questions past their review date, events that passed still
    planned, old figures and weak sources (site_builder/inputs/freshness.py)."""
    return freshness.run(_root(args), args.today, strict=args.strict, years=args.years)


def cmd_schemas(args: argparse.Namespace) -> int:
    """Regenerate ``schemas/*.json`` from the models."""
    for path in write_schemas(_root(args) / "schemas"):
        print(f"đã ghi / wrote {path.relative_to(_root(args))}")
    return 0


HANDLERS: dict[str, Handler] = {
    "check": cmd_check,
    "build": cmd_build,
    "serve": cmd_serve,
    "translations": cmd_translations,
    "new": cmd_new,
    "report": cmd_report,
    "units": cmd_units,
    "cms": cmd_cms,
    "schemas": cmd_schemas,
    "freshness": cmd_freshness,
}


def build_parser() -> argparse.ArgumentParser:
    """The parser of every command (:mod:`.arguments`), each run by its ``cmd_*`` function."""
    return arguments.build_parser(HANDLERS)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
