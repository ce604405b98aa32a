"""The whole input of a build: plan data (``plans/``) and content (``content/``), checked together."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from site_builder import LANGUAGES
from site_builder.core.i18n import translations
from site_builder.core.problems import InputError, Problem, ProblemList
from site_builder.derive import embeds as widget_pages
from site_builder.derive import pages as data_pages
from site_builder.derive.embeds import Widget
from site_builder.derive.index import SiteIndex
from site_builder.derive.newsroom import Newsroom, for_language
from site_builder.derive.pages import GeneratedPages, PageSpec
from site_builder.derive.tracker import Tracker
from site_builder.inputs.content_tree import ContentSet, check_content
from site_builder.inputs.links import check_links
from site_builder.inputs.loader import Dataset, check_dataset


@dataclass
class Project:
    """The checked input and what is derived from it once per build.

    The index, the tracker, the generated pages and the widgets are computed on first use
    and kept: the check computes the pages of both languages (to find clashing URLs),
    and the build hands this object, with them, to its language workers, so no process
    computes any of them twice (a test counts)."""

    root: Path
    data: Dataset
    content: ContentSet

    @cached_property
    def index(self) -> SiteIndex:
        """Plans, agencies and topics cross-referenced for pages and exports."""
        return SiteIndex(self.data)

    @cached_property
    def tracker(self) -> Tracker:
        """Implementation status of every task by year."""
        return Tracker(self.data)

    @cached_property
    def _generated(self) -> dict[str, GeneratedPages]:
        return {}

    def generated(self, lang: str) -> GeneratedPages:
        if lang not in self._generated:
            self._generated[lang] = data_pages.generate(self, lang, translations(lang).gettext)
        return self._generated[lang]

    def pages(self, lang: str) -> list[PageSpec]:
        """The pages generated from the data in one language, in URL order."""
        return self.generated(lang).pages

    @cached_property
    def _newsrooms(self) -> dict[str, Newsroom]:
        return {}

    def newsroom(self, lang: str) -> Newsroom:
        """The news lists of one language (pages of 20, archives, related news)."""
        if lang not in self._newsrooms:
            self._newsrooms[lang] = for_language(self.content, lang)
        return self._newsrooms[lang]

    @cached_property
    def _widgets(self) -> dict[str, list[Widget]]:
        return {}

    def widgets(self, lang: str) -> list[Widget]:
        """The embeddable widgets of one language, with their heights and link cards."""
        if lang not in self._widgets:
            t = translations(lang).gettext
            self._widgets[lang] = [widget_pages.describe(spec, self, lang, t) for spec in self.generated(lang).widgets]
        return self._widgets[lang]


def check_project(root: Path, jobs: int = 1, publishing: bool = False) -> tuple[Project | None, ProblemList]:
    """Check everything; the project is ``None`` when there is any error.

    Nothing is cached in the checkout: a cache there would be an input an editor can
    commit (and a pickle there would run code). The one thing remembered is outside it,
    in the build cache: the digests of page bodies that passed the markup check
    (:mod:`site_builder.inputs.checked_bodies`, JSON). A build checks once and hands the checked
    project to its workers in memory. ``jobs``: how many processes may load the content
    pages (:func:`site_builder.inputs.content_tree.check_content`). ``publishing``: the set a
    build for publishing reads, without example records (:func:`site_builder.inputs.loader.check_dataset`).
    """
    return _check(root, jobs, publishing)


def _check(root: Path, jobs: int = 1, publishing: bool = False) -> tuple[Project | None, ProblemList]:
    dataset, problems = check_dataset(root, publishing)
    units = set(dataset.units) if dataset else None
    plans = set(dataset.plans) if dataset else None
    content, found = check_content(root, units, plans, jobs)
    problems.extend(found.items)
    if dataset is None or any(not p.file.startswith(("content/vi/", "content/en/")) for p in problems.errors):
        return None, problems
    # Pages with errors are left out of the project, but the links of every page are
    # still resolved (against every page found): all the content's problems in one run.
    # What other pages claim is checked once the pages themselves are valid.
    project = Project(root, dataset, content)
    if not problems.errors:
        problems.extend(_url_claims(project))
    generated = {lang: {spec.src_uri for spec in project.pages(lang)}
                 | {spec.src_uri for spec in project.generated(lang).widgets} for lang in LANGUAGES}
    problems.extend(check_links(root, content, generated))
    if problems.errors:
        return None, problems
    return project, problems


def _url_claims(project: Project) -> list[Problem]:
    """Two pages may not claim one URL: two content pages (``x.md`` and ``x/index.md``), or
    a content page and a page generated from the data."""
    content = project.content
    problems = []
    for lang in LANGUAGES:
        generated = {spec.url for spec in project.pages(lang)}
        known = generated | {page.url for page in content.in_lang(lang)}
        for i, question in enumerate(content.quiz or []):
            if question.source not in known:
                problems.append(Problem(
                    "content/data/quiz.yaml", 0, 0, f"questions[{i}].source",
                    f"không có trang /{lang}/{question.source} để dẫn nguồn cho câu hỏi '{question.id}'",
                    f"no page /{lang}/{question.source} to cite for question '{question.id}'",
                ))
        claimed: dict[str, str] = {}
        for page in content.in_lang(lang):
            if page.url in generated:
                problems.append(Problem(
                    page.file, 1, 1, "",
                    f"trang này trùng địa chỉ /{lang}/{page.url} với một trang được tạo từ dữ liệu",
                    f"this page claims /{lang}/{page.url}, the address of a page generated from the data",
                ))
            elif page.url in claimed:
                problems.append(Problem(
                    page.file, 1, 1, "",
                    f"hai trang cùng địa chỉ /{lang}/{page.url}: {claimed[page.url]} và tệp này",
                    f"two pages claim /{lang}/{page.url}: {claimed[page.url]} and this file",
                ))
            claimed.setdefault(page.url, page.file)
    return problems


def load_project(root: Path, strict: bool = False) -> Project:
    """The checked project, or :class:`InputError` (warnings count as errors when ``strict``)."""
    project, problems = check_project(root)
    fatal = problems.errors + (problems.warnings if strict else [])
    if project is None or fatal:
        raise InputError(sorted(fatal))
    return project
