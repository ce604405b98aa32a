"""The command line's arguments: one function per command, each adding its parser.

The commands themselves are in :mod:`.cli`; they are handed in by name, so that this
module describes what each command accepts and nothing else.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Mapping
from typing import TypeAlias

from site_builder.inputs.freshness import FIGURE_YEARS, parse_day
from site_builder.model.common import PILLARS

Handler = Callable[[argparse.Namespace], int]
Subcommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
"""What ``add_subparsers`` returns: each command adds its parser to it."""


def whole(low: int, high: int | None = None) -> Callable[[str], int]:
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


def build_parser(handlers: Mapping[str, Handler]) -> argparse.ArgumentParser:
    """The parser of ``python -m site_builder``; ``handlers`` runs each command by its name."""
    parser = argparse.ArgumentParser(
        prog="python -m site_builder",
        description="Bộ công cụ Chuyên mục ASEAN / ASEAN section kit",
    )
    parser.add_argument("--root", default=".", help="thư mục dự án / project root (default: .)")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, add in COMMANDS.items():
        add(sub).set_defaults(func=handlers[name])
    return parser


def _check_command(sub: Subcommands) -> argparse.ArgumentParser:
    """``check``: validate plans/ and content/."""
    check = sub.add_parser("check", help="kiểm tra dữ liệu / validate plans and content")
    check.add_argument("--strict", action="store_true", help="cảnh báo cũng là lỗi / fail on warnings")
    check.add_argument("--links", action="store_true",
                       help="liệt kê liên kết ra ngoài, không tải / list links to other sites (offline)")
    check.add_argument("--format", choices=["text", "github", "gitlab"], default="text",
                       help="thêm chú thích cho máy chủ CI / also write annotations: github (workflow "
                            "commands in the log), gitlab (Code Quality report, see --report)")
    check.add_argument("--report", default="gl-code-quality-report.json",
                       help="tệp báo cáo GitLab / GitLab report file (default: gl-code-quality-report.json)")
    return check


def _build_command(sub: Subcommands) -> argparse.ArgumentParser:
    """``build``: the site, one unit's section or every unit's."""
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
    build.add_argument("--jobs", type=whole(1), default=None, help="số tiến trình / processes (default: cores)")
    build.add_argument("--precompress", action="store_true", help="ghi thêm bản .gz / also write .gz copies")
    build.add_argument("--engine", choices=["mkdocs", "properdocs"], default=None,
                       help="trình dựng / the runner: mkdocs (default) or properdocs (default: $ASEAN_ENGINE; "
                            "docs/engine.md)")
    build.add_argument("--incremental", action="store_true",
                       help="chỉ dựng lại các trang có đầu vào đã đổi / render again only the pages whose inputs "
                            "changed (a full build when code, theme, mkdocs.yml, translations, data or the page set changed)")
    return build


def _serve_command(sub: Subcommands) -> argparse.ArgumentParser:
    """``serve``: the editors' live preview."""
    serve = sub.add_parser("serve", help="xem trước trực tiếp / live preview on 127.0.0.1")
    serve.add_argument("--port", type=whole(1, 65535), default=os.environ.get("PORT", "8000"),
                       help="cổng / port (default: $PORT or 8000)")
    return serve


def _translations_command(sub: Subcommands) -> argparse.ArgumentParser:
    """``translations``: what lacks a translation."""
    tr = sub.add_parser("translations", help="báo cáo bản dịch / missing and outdated translations")
    tr.add_argument("--mark-current", nargs="+", metavar="content/en/PAGE.md",
                    help="ghi nhận bản dịch đã cập nhật / record that these translations are up to date")
    tr.add_argument("--fail", action="store_true", help="thoát mã 1 khi còn thiếu / exit 1 when anything is missing")
    return tr


def _new_command(sub: Subcommands) -> argparse.ArgumentParser:
    """``new``: start an article, a plan, a unit or an event."""
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
    return new


def _report_command(sub: Subcommands) -> argparse.ArgumentParser:
    """``report``: the implementation report."""
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
    return rep


def _units_command(sub: Subcommands) -> argparse.ArgumentParser:
    """``units``: the units that get a section."""
    units = sub.add_parser("units", help="các đơn vị có chuyên mục / the units that get a section")
    units.add_argument("--today", action="store_true",
                       help="chỉ các đơn vị hiện nay / only the units of today (not the former ones)")
    units.add_argument("--json", action="store_true", help="danh sách JSON / a JSON list (a CI matrix)")
    units.add_argument("--index", metavar="DIR",
                       help="ghi DIR/index.html dẫn tới chuyên mục của từng đơn vị đã dựng trong DIR / write "
                            "DIR/index.html linking to each unit's section built in DIR")
    return units


def _cms_command(sub: Subcommands) -> argparse.ArgumentParser:
    """``cms``: write the web editor (/admin/)."""
    cms = sub.add_parser("cms", help="ghi trang biên tập /admin/ / write the CMS (/admin/)")
    cms.add_argument("--out", default="site/admin", help="thư mục / folder (default: site/admin)")
    cms.add_argument("--backend", choices=["github", "gitlab", "gitea"], default="github")
    cms.add_argument("--repo", default=os.environ.get("CMS_REPO", "OWNER/REPO"), help="owner/name ($CMS_REPO)")
    cms.add_argument("--branch", default="main")
    cms.add_argument("--base-url", default=None, help="GitLab/Gitea tự quản / self-hosted GitLab or Gitea address")
    cms.add_argument("--site-url", default=None, help="địa chỉ công bố / published address ($SITE_URL)")
    return cms


def _schemas_command(sub: Subcommands) -> argparse.ArgumentParser:
    """``schemas``: write the JSON Schemas."""
    schemas = sub.add_parser("schemas", help="ghi lược đồ JSON / write the JSON Schemas")
    return schemas


def _freshness_command(sub: Subcommands) -> argparse.ArgumentParser:
    """``freshness``: what is past its review date (site_builder/inputs/freshness.py)."""
    fresh = sub.add_parser("freshness", help="nội dung quá hạn kiểm tra lại / content past its review date")
    fresh.add_argument("--today", type=parse_day, default=None,
                       help="ngày kiểm tra, YYYY-MM-DD / the day to check for (default: today)")
    fresh.add_argument("--strict", action="store_true",
                       help="quá thời gian gia hạn là lỗi / an error once past the grace period")
    fresh.add_argument("--years", type=whole(1), default=FIGURE_YEARS,
                       help="tuổi tối đa của số liệu, năm / figures older than this many years (default: 5)")
    return fresh


COMMANDS: dict[str, Callable[[Subcommands], argparse.ArgumentParser]] = {
    "check": _check_command,
    "build": _build_command,
    "serve": _serve_command,
    "translations": _translations_command,
    "new": _new_command,
    "report": _report_command,
    "units": _units_command,
    "cms": _cms_command,
    "schemas": _schemas_command,
    "freshness": _freshness_command,
}
"""Every command, in the order ``--help`` lists them."""
