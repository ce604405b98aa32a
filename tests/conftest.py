"""Shared fixtures: a tiny but complete project tree to break in tests."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from filelock import FileLock

if TYPE_CHECKING:
    from site_builder.core.problems import ProblemList
    from site_builder.derive.project import Project

ROOT = Path(__file__).resolve().parent.parent
pytest_plugins = ["browser"]  # real-browser fixtures: tests/browser.py


LONGEST_FIRST = (
    "test_hostile_data.py", "test_accessibility.py", "test_hostile_corpus.py", "test_units.py", "test_browser.py",
    "test_embed.py", "test_deps.py", "test_cms.py", "test_preview.py", "test_build.py", "test_editors.py",
    "test_searchindex.py", "test_build_output.py", "test_reliability.py", "test_site.py", "test_cli_fuzz.py",
)
"""The test files that take longest, longest first (``--durations``)."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Start the longest files first. ``make test`` hands whole files to one worker per
    core; a long file started last keeps one worker busy while the others are done,
    whereas started first it runs beside all the short ones. The tests of a file keep
    their order."""
    rank = {name: position for position, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))


def made_once(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """The folder ``make(folder)`` fills, made once per test run and then shared.

    ``make test`` runs the suite in one process per core (pytest-xdist, ``-n auto``); a
    session fixture is per process, so a site every worker reads (the real corpus, a
    tiny build) would be built once per worker. The workers' temporary folders share a
    parent: the first worker to ask builds there under a lock, the others wait and read
    the same folder. Readers never change these folders (tests copy what they change).
    Without xdist it is the run's own temporary folder."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent
    folder = base / "made-once" / name
    done = folder.with_name(name + ".done")
    folder.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(folder.with_name(name + ".lock"))):
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)  # what a failed attempt left
            make(folder)
            done.touch()
    return folder

UNITS = """\
units:
  - id: viet-nam
    level: national
    name: {vi: "Trung ương", en: "Central level"}
  - id: soc-trang
    level: province
    name: {vi: "Tỉnh Sóc Trăng", en: "Sóc Trăng Province"}
    parent: viet-nam
"""

AGENCIES = """\
agencies:
  - id: soc-trang-uy-ban-nhan-dan-tinh
    name: {vi: "Ủy ban nhân dân tỉnh Sóc Trăng", en: "Sóc Trăng Provincial People's Committee"}
    kind: people-committee
    unit: soc-trang
  - id: soc-trang-so-thong-tin-va-truyen-thong
    name: {vi: "Sở Thông tin và Truyền thông", en: "Department of Information and Communications"}
    kind: department
    unit: soc-trang
"""

PLAN = """\
id: soc-trang-2022
document_type: plan
title: {vi: "Kế hoạch tuyên truyền, quảng bá ASEAN năm 2022", en: "Plan for ASEAN communication and promotion in 2022"}
short_title: {vi: "Kế hoạch năm 2022", en: "2022 plan"}
number: null
number_as_printed: "Số: /KH-UBND"
issued: 2022-04
issuer: soc-trang
issuing_agency: soc-trang-uy-ban-nhan-dan-tinh
signer: null
period: {start: 2022, end: 2022}
status: expired
legal_basis:
  - citation: {vi: "Kế hoạch số 152/KH-UBND ngày 14/10/2021", en: "Plan 152/KH-UBND of 14 October 2021"}
    number: "152/KH-UBND"
    date: 2021-10-14
    implements: true
sections:
  - ref: "I"
    heading: {vi: "Mục đích, yêu cầu", en: "Purposes and requirements"}
    kind: purposes
    items:
      - text: {vi: "Tuyên truyền để mọi bộ phận trong xã hội hiểu về Cộng đồng ASEAN.", en: "Communicate so that everyone understands the ASEAN Community."}
  - ref: "II"
    heading: {vi: "Tổ chức thực hiện", en: "Implementation"}
    kind: implementation
    items:
      - ref: "1"
        heading: {vi: "Sở Thông tin và Truyền thông", en: "Department of Information and Communications"}
        kind: assignment
        agencies: [soc-trang-so-thong-tin-va-truyen-thong]
        items:
          - text: {vi: "Mở Chuyên mục ASEAN trên Cổng thông tin điện tử tỉnh.", en: "Open the ASEAN section on the provincial web portal."}
appendix:
  title: {vi: "Danh mục hoạt động", en: "List of activities"}
  groups:
    - id: "I"
      name: {vi: "Tuyên truyền thường xuyên", en: "Ongoing communication"}
  activities:
    - id: "I.1"
      name: {vi: "Tuyên truyền về các sự kiện quan trọng của ASEAN", en: "Communicate about major ASEAN events"}
      lead:
        text: {vi: "Sở Thông tin và Truyền thông", en: "Department of Information and Communications"}
        agencies: [soc-trang-so-thong-tin-va-truyen-thong]
      partners: null
      timeline:
        text: {vi: "Thường xuyên trong năm 2022", en: "Ongoing throughout 2022"}
        kind: continuous
        start: 2022
        end: 2022
    - id: "I.2"
      name: {vi: "Duy trì thông tin thường kỳ về ASEAN trên báo, đài", en: "Keep regular ASEAN news in the press and on air"}
      lead:
        text: {vi: "Sở Thông tin và Truyền thông", en: "Department of Information and Communications"}
        agencies: [soc-trang-so-thong-tin-va-truyen-thong]
      partners: null
      timeline:
        text: {vi: "Trong năm 2022", en: "In 2022"}
        kind: year
        start: 2022
        end: 2022
source:
  file: 002_b6ce56e1c9b86a98.txt
"""  # noqa: E501 - a plan as the seeds encode it, one text a line


@dataclass
class CliResult:
    """What a run of the command line printed and returned, as ``subprocess.run`` gives it."""

    returncode: int
    stdout: str
    stderr: str


def run_cli(*argv: str) -> CliResult:
    """``python -m site_builder *argv`` in this process: the command line without the
    second or so a new interpreter takes to import the package. Tests that are about the
    process itself (signals, a killed build, the preview server) still start one."""
    from site_builder.apps import cli

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(list(argv))
        except SystemExit as exc:  # argparse's usage errors
            code = exc.code if isinstance(exc.code, int) else 1
    return CliResult(code, out.getvalue(), err.getvalue())


PROGRESS = """\
plan: soc-trang-2022
year: 2022
example: true
reported_by: soc-trang-so-thong-tin-va-truyen-thong
updated: 2022-11-15
records:
  - activity: I.1
    status: in-progress
    progress: 40
    done: {vi: "Đã đăng 12 tin", en: "12 news items published"}
    reporting_agency: soc-trang-so-thong-tin-va-truyen-thong
    updated: 2022-11-15
"""
"""A year of implementation records for the mini plan: one activity, reported in progress."""

QUIZ = """\
questions:
  - id: ke-hoach
    topic: history
    type: true-false
    question: {vi: "Sóc Trăng có kế hoạch năm 2022.", en: "Sóc Trăng has a 2022 plan."}
    correct: true
    explanation: {vi: "Xem danh sách kế hoạch.", en: "See the list of plans."}
    source: plans/
"""
"""A quiz of one question, citing the plans page."""


class MiniProject:
    """A minimal valid project in a temporary folder, with helpers to break it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "plans").mkdir(parents=True)
        self.write("plans/units.yaml", UNITS)
        self.write("plans/agencies.yaml", AGENCIES)
        self.write("plans/soc-trang-2022.yaml", PLAN)
        shutil.copytree(ROOT / "schemas", root / "schemas")
        for name in ("members", "events", "documents", "tags"):
            self.write(f"content/data/{name}.yaml", f"{name}: []\n")
        self.write("content/data/quiz.yaml", "questions: []\n")

    def write(self, rel: str, text: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def replace(self, rel: str, old: str, new: str) -> None:
        path = self.root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def mini(tmp_path: Path) -> MiniProject:
    return MiniProject(tmp_path / "project")


def no_search_index(lang_dir: Path) -> None:
    """Pagefind's step in the builds of the tiny project: left out.

    Indexing both languages costs a second per build and the tiny builds check other
    things; search is tested on the build of the real corpus (``built_site``), in
    test_site and in the browser tests. A module-level function, so that the build's
    worker processes (forked) can be handed it."""


def unit_sections(tmp_path_factory: pytest.TempPathFactory, units: Iterable[str]) -> dict[str, Path]:
    """Each unit's section built from the real corpus, without the search index (for tests
    that read its pages, not search them), each at an address of its own."""
    from site_builder.apps import build

    out = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(build, "index_search", no_search_index)
        for unit in units:
            site = tmp_path_factory.mktemp(unit) / "site"
            build.build_site(ROOT, site, site_url=f"https://portal.example.vn/{unit}/asean/", unit=unit)
            out[unit] = site
    return out


def read_page(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def before(html: str, first: str, then: str) -> bool:
    """Whether ``first`` occurs in the page, and before ``then``."""
    return first in html and then in html and html.index(first) < html.index(then)


@pytest.fixture
def tiny(mini: MiniProject, monkeypatch: pytest.MonkeyPatch) -> MiniProject:
    """The mini project with the real theme and configuration: small enough to build in
    seconds (without the search index: :func:`no_search_index`)."""
    from site_builder.apps import build

    monkeypatch.setattr(build, "index_search", no_search_index)
    return make_tiny(mini)


class TinyBuilds:
    """Builds of the tiny project, each made once per session and copied where a test asks.

    Many tests start from the same built site (the clean tiny project, the preview's
    project) and then change it; a build is deterministic and does not depend on where
    the project lies (test_reliability checks both), so a copy is that build. Tests about
    the build itself (replacing an output, failing half way) call ``build_site``."""

    INPUTS = ("mkdocs.yml", "theme", "content", "plans", "schemas")
    ENVIRONMENT = ("SITE_URL", "REPO_URL", "REPO_BRANCH")

    def __init__(self, tmp_path_factory: pytest.TempPathFactory) -> None:
        self.tmp_path_factory = tmp_path_factory

    def key(self, root: Path, options: dict[str, object]) -> str:
        """What a build's output depends on: its inputs, options and environment."""
        import hashlib
        import os

        from site_builder.apps import build

        digest = hashlib.sha256(repr(sorted(options.items())).encode())
        digest.update(build.index_search.__name__.encode())  # with or without the search index
        for name, value in sorted(os.environ.items()):
            if name in self.ENVIRONMENT or name.startswith("ASEAN_"):
                digest.update(f"{name}={value}\0".encode())
        for top in self.INPUTS:
            paths = [root / top] if (root / top).is_file() else sorted((root / top).rglob("*"))
            for path in paths:
                if path.is_file():
                    digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
        return digest.hexdigest()

    def build(self, project: MiniProject, out: Path, **options: object) -> None:
        """``build_site(project.root, out, **options)`` for an ``out`` that does not exist yet."""
        from site_builder.apps.build import build_site

        def make(folder: Path) -> None:
            build_site(project.root, folder / "site", **options)  # type: ignore[arg-type]

        built = made_once(self.tmp_path_factory, "tiny-" + self.key(project.root, options)[:24], make)
        shutil.copytree(built / "site", out, symlinks=True)


@pytest.fixture(scope="session")
def tiny_builds(tmp_path_factory: pytest.TempPathFactory) -> TinyBuilds:
    return TinyBuilds(tmp_path_factory)


def make_tiny(mini: MiniProject) -> MiniProject:
    shutil.copy(ROOT / "mkdocs.yml", mini.root / "mkdocs.yml")
    shutil.copytree(ROOT / "theme", mini.root / "theme")
    import hashlib

    source_hash = hashlib.sha256(b"# Trang ch\xe1\xbb\xa7").hexdigest()[:12]  # the Vietnamese body below
    for lang, title in (("vi", "Trang chủ"), ("en", "Home")):
        for rel in ("index.md", "asean/index.md", "tourism/index.md", "guide/index.md"):
            extra = "template: asean/home.html\n" if rel == "index.md" else ""
            extra += f"source_hash: {source_hash}\n" if lang == "en" else ""
            mini.write(f"content/{lang}/{rel}", f"---\ntitle: {title}\ndescription: {title}\n{extra}---\n\n# {title}\n")
    return mini




# ── The real corpus: checked once, built once, shared by every module that reads it ──
@pytest.fixture(scope="session")
def real_check() -> tuple[Project | None, ProblemList]:
    """``check_project`` of the repository itself (two seconds; tests read it, never change it)."""
    from site_builder.derive.project import check_project

    return check_project(ROOT)


# ── A built site, shared by the site and browser tests ──────────────────────────────
SITE_URL = "https://asean.example.org/portal/asean/"
"""A published address with a sub-path, so that every test also covers sub-path hosting."""


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from site_builder.apps.build import build_site

    return made_once(tmp_path_factory, "built", lambda folder: build_site(ROOT, folder / "site", site_url=SITE_URL)) / "site"


# ── A mini project with a little of everything the exports and the index read ───────────
def _news(day: str, slug: str, title: str, topics: str, unit: str = "") -> str:
    return (f"---\ntitle: \"{title}\"\ndescription: \"{title}.\"\nkind: news\ndate: {day}\n"
            f"topics: [{topics}]\ntags: [hop-tac]\n" + (f"unit: {unit}\n" if unit else "")
            + f"sources:\n  - {{title: \"Nguồn\", publisher: \"Sở Ngoại vụ\"}}\n---\n\n# {title}\n\nNội dung.\n")


def make_rich(mini: MiniProject) -> MiniProject:
    """The mini project with a unit that succeeded Sóc Trăng and a district below it,
    pillars, a reporting duty with three kinds of deadline, ASEAN events and news."""
    mini.replace("plans/units.yaml", "    parent: viet-nam\n", (
        "    parent: viet-nam\n"
        "    succeeded_by:\n"
        "      - to: can-tho\n"
        "        effective: 2025-07-01\n"
        "        source: {vi: \"Nghị quyết số 202/2025/QH15\", en: \"Resolution 202/2025/QH15\"}\n"
        "  - id: can-tho\n"
        "    level: province\n"
        "    name: {vi: \"Thành phố Cần Thơ\", en: \"Cần Thơ City\"}\n"
        "    parent: viet-nam\n"
        "    predecessors:\n"
        "      - unit: soc-trang\n"
        "  - id: my-xuyen\n"
        "    level: district\n"
        "    name: {vi: \"Huyện Mỹ Xuyên\", en: \"Mỹ Xuyên District\"}\n"
        "    parent: soc-trang\n"
    ))
    plan = "plans/soc-trang-2022.yaml"
    mini.replace(plan, "    kind: purposes\n", "    kind: purposes\n    pillars: [economic]\n")
    mini.replace(plan, "      - ref: \"1\"\n", (
        "      - ref: \"1\"\n"
        "        text: {vi: \"Báo cáo kết quả.\", en: \"Report on the results.\"}\n"
        "        kind: reporting\n"
        "        deadlines:\n"
        "          - what: {vi: \"Báo cáo năm\", en: \"Yearly report\"}\n"
        "            recurrence: yearly\n"
        "            month: 11\n"
        "            day: 15\n"
        "            from_agencies: [soc-trang-so-thong-tin-va-truyen-thong]\n"
        "            to_agencies: [soc-trang-uy-ban-nhan-dan-tinh]\n"
        "          - what: {vi: \"Báo cáo sơ kết\", en: \"Interim report\"}\n"
        "            recurrence: once\n"
        "            date: 2022-06-30\n"
        "          - what: {vi: \"Báo cáo đột xuất\", en: \"Ad hoc report\"}\n"
        "            recurrence: on-request\n"
        "      - ref: \"2\"\n"
    ))
    mini.replace(plan, "      partners: null\n", "      partners: null\n      pillars: [identity]\n")
    mini.replace(plan, "      partners: null\n      timeline:\n        text: {vi: \"Trong", (
        "      partners:\n"
        "        text: {vi: \"Ủy ban nhân dân tỉnh\", en: \"Provincial People's Committee\"}\n"
        "        agencies: [soc-trang-uy-ban-nhan-dan-tinh]\n"
        "      timeline:\n        text: {vi: \"Trong"
    ))
    mini.write("plans/agencies.yaml", AGENCIES + (
        "  - id: my-xuyen-uy-ban-nhan-dan-huyen\n"
        "    name: {vi: \"Ủy ban nhân dân huyện Mỹ Xuyên\", en: \"Mỹ Xuyên District People's Committee\"}\n"
        "    kind: people-committee\n"
        "    unit: my-xuyen\n"
    ))
    district = (PLAN.replace("id: soc-trang-2022", "id: my-xuyen-2022")
                .replace("issuer: soc-trang", "issuer: my-xuyen")
                .replace("issuing_agency: soc-trang-uy-ban-nhan-dan-tinh", "issuing_agency: my-xuyen-uy-ban-nhan-dan-huyen")
                .replace('    number: "152/KH-UBND"\n', '    plan: soc-trang-2022\n')
                .replace("issued: 2022-04", "issued: 2022-05"))
    mini.write("plans/my-xuyen-2022.yaml", district.split("appendix:")[0] + "source:\n  file: my-xuyen.txt\n")
    mini.write("content/data/events.yaml", (
        "events:\n"
        "  - id: ngay-asean\n"
        "    title: {vi: \"Ngày ASEAN\", en: \"ASEAN Day\"}\n"
        "    description: {vi: \"Kỷ niệm ngày thành lập ASEAN.\", en: \"ASEAN's founding day.\"}\n"
        "    recurrence: yearly\n"
        "    month: 8\n"
        "    day: 8\n"
        "    topics: [identity]\n"
        "  - id: hoi-nghi\n"
        "    title: {vi: \"Hội nghị\", en: \"Hội nghị\"}\n"
        "    description: {vi: \"Hai ngày.\", en: \"Two days.\"}\n"
        "    recurrence: once\n"
        "    date: 2022-05-10\n"
        "    end: 2022-05-11\n"
    ))
    mini.write("content/data/tags.yaml", "tags:\n  - id: hop-tac\n    name: {vi: \"Hợp tác\", en: \"Cooperation\"}\n")
    for lang, titles in (("vi", ("Tin kinh tế", "Tin Sóc Trăng")), ("en", ("Economic news", "Sóc Trăng news"))):
        mini.write(f"content/{lang}/news/tin-kinh-te.md", _news("2022-03-01", "tin-kinh-te", titles[0], "economic"))
        mini.write(f"content/{lang}/news/tin-soc-trang.md",
                   _news("2022-05-02", "tin-soc-trang", titles[1], "identity", "soc-trang"))
    return mini


@pytest.fixture
def rich(mini: MiniProject) -> MiniProject:
    return make_rich(mini)


# ── A small site with more news than one page holds ─────────────────────────────────
PAGED_NEWS = 45
"""Articles per language in :func:`paged_site`: three pages of 20 in the news list."""


def add_news(project: MiniProject, count: int = PAGED_NEWS) -> None:
    """``count`` articles in each language, one every ten days from 2023 on, alternating two
    topics; every third has the tag ``rcep`` (defined in tags.yaml)."""
    import datetime

    project.write("content/data/tags.yaml", 'tags:\n  - id: rcep\n    name: {vi: "RCEP", en: "RCEP"}\n')
    start = datetime.date(2023, 1, 1)
    for i in range(count):
        day = start + datetime.timedelta(days=10 * i)
        topic = ("economic", "identity")[i % 2]
        tags = "tags: [rcep]\n" if i % 3 == 0 else ""
        for lang, word in (("vi", "Tin số"), ("en", "Article")):
            project.write(
                f"content/{lang}/news/tin-{i:02d}.md",
                f"---\ntitle: {word} {i}\ndescription: {word} {i}.\nkind: news\ndate: {day.isoformat()}\n"
                f"topics: [{topic}]\n{tags}sources:\n  - {{title: Nguồn, publisher: Sở Ngoại vụ}}\n---\n\n"
                f"# {word} {i}\n\nNội dung {i}.\n",
            )


@pytest.fixture(scope="session")
def paged_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny project with :data:`PAGED_NEWS` articles per language, built."""
    from site_builder.apps.build import build_site

    def make(folder: Path) -> None:
        project = make_tiny(MiniProject(folder / "project"))
        add_news(project)
        build_site(project.root, folder / "site", site_url=SITE_URL)

    return made_once(tmp_path_factory, "paged", make) / "site"
