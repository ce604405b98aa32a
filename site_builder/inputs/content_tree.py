"""Load and check ``content/``: page front matter in both languages and the data files.

Pages pair by path: ``content/vi/news/x.md`` and ``content/en/news/x.md`` are one
article in two languages. A page in one language only is reported as a notice (the
site shows a "not yet translated" page in the other language); a page whose front
matter is wrong is an error with the file and line.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from site_builder import LANGUAGES
from site_builder.core import urls
from site_builder.core.problems import Problem, ProblemList
from site_builder.inputs import verified
from site_builder.inputs.checked_bodies import CheckedBodies
from site_builder.inputs.content_data import DATA_DIR, check_data_files
from site_builder.inputs.files import MAX_TEXT_BYTES, Inventory, read, scan_content
from site_builder.inputs.links import Found, LinkMemo, body_links
from site_builder.inputs.markup_check import check_body_text, check_data, check_page, policy_for
from site_builder.inputs.photos import Photo, PhotoError, probe
from site_builder.inputs.sanitize import Policy
from site_builder.inputs.validation import validate
from site_builder.inputs.verified import Verified
from site_builder.inputs.yamlsource import YamlDocument, parse_yaml, split_front_matter
from site_builder.model.content import Document, Event, FrontMatter, Question, Tag
from site_builder.model.members import Member


@dataclass
class ContentPage:
    """One Markdown page of one language."""

    lang: str
    rel: str
    """Path below ``content/<lang>/`` (``news/le-thuong-co.md``)."""
    meta: FrontMatter
    body: str
    data: dict[str, Any] = field(default_factory=dict)
    """The front matter exactly as parsed and validated: what the engine hands the
    templates as ``page.meta`` (MkDocs never parses a page's front matter itself)."""
    photo: Photo | None = None
    """The checked photo named by ``image``, measured and hashed."""
    links: tuple[tuple[int, str], ...] = ()
    """``(line, address)`` of every link and picture MkDocs resolves in the body, for
    :func:`site_builder.inputs.links.check_links`."""

    @property
    def url(self) -> str:
        return urls.from_src_uri(self.rel)

    @property
    def file(self) -> str:
        return f"content/{self.lang}/{self.rel}"

    def body_hash(self) -> str:
        """A short hash of the text, for tracking translations against their source."""
        return hashlib.sha256(self.body.strip().encode("utf-8")).hexdigest()[:12]


@dataclass
class ContentSet:
    """Every content page and data file, checked."""

    pages: dict[tuple[str, str], ContentPage] = field(default_factory=dict)
    members: list[Member] | None = None
    events: list[Event] | None = None
    documents: list[Document] | None = None
    tags: list[Tag] | None = None
    quiz: list[Question] | None = None
    media: dict[str, set[str]] = field(default_factory=dict)
    """Pictures and documents per language (paths below ``content/<lang>/``) that passed
    the file allow-list: the only files besides pages the engine may publish."""
    links: dict[tuple[str, str], tuple[tuple[int, str], ...]] = field(default_factory=dict)
    """``(line, address)`` of the links of every page whose body could be read, valid or
    not (:func:`site_builder.inputs.links.check_links`)."""
    sources: dict[str, set[str]] = field(default_factory=dict)
    """Every Markdown page found per language, valid or not: what a link may point at
    (a page refused for another reason is reported there, not at every link to it)."""

    def in_lang(self, lang: str) -> list[ContentPage]:
        return sorted((p for (pl, _), p in self.pages.items() if pl == lang), key=lambda p: p.rel)

    def news(self, lang: str) -> list[ContentPage]:
        """News of one language, newest first (ties by path, so the order is stable)."""
        items = [p for p in self.in_lang(lang) if p.meta.kind == "news"]
        return sorted(items, key=lambda p: (str(p.meta.date), p.rel), reverse=True)

    def photos(self) -> list[Photo]:
        """Every photo a page of either language shows, once."""
        found = {page.photo.rel: page.photo for page in self.pages.values() if page.photo is not None}
        return [found[rel] for rel in sorted(found)]

    def counterpart(self, page: ContentPage) -> ContentPage | None:
        other = next(lang for lang in LANGUAGES if lang != page.lang)
        return self.pages.get((other, page.rel))


def without_title(body: str) -> str:
    """The body without its ``# Title`` line, for a page with a photo: the template then
    writes the title itself and the photo right under it, so that no HTML of the page
    body (untrusted, sanitised) is ever cut in two to make room for the picture."""
    lines = body.split("\n")
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if line.startswith("# "):
            del lines[i]
        break
    return "\n".join(lines)


@dataclass(frozen=True)
class _Loader:
    """What loading a page needs besides the page: the project's root, the sanitiser's
    policy, the bodies that passed before and the links found before (``None``: not kept)."""

    root: Path
    policy: Policy
    checked: CheckedBodies | None = None
    memo: LinkMemo | None = None


def _load_page(loader: _Loader, lang: str, rel: str) -> tuple[ContentPage | None, list[Problem]]:
    root, policy, checked, memo = loader.root, loader.policy, loader.checked, loader.memo
    shown = f"content/{lang}/{rel}"
    raw = read(root / "content" / lang / rel, shown, MAX_TEXT_BYTES)
    if isinstance(raw, Problem):
        return None, [raw]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        problem = parse_yaml(raw, shown)  # gives the located UTF-8 message
        return None, [problem] if isinstance(problem, Problem) else []
    if text.startswith("\ufeff"):
        return None, [Problem(
            shown, 1, 1, "",
            "tệp bắt đầu bằng dấu BOM: hãy lưu lại dưới dạng UTF-8 không BOM",
            "the file starts with a byte order mark (BOM): save it as UTF-8 without BOM",
        )]
    parts = split_front_matter(text.replace("\r\n", "\n"))
    if parts is None:
        return None, [Problem(
            shown, 1, 1, "",
            "trang cần phần đầu (front matter) giữa hai dòng '---' với title và description",
            "the page needs front matter between two '---' lines, with title and description",
        )]
    yaml_text, body = parts
    doc = parse_yaml(yaml_text.encode("utf-8"), shown)
    if isinstance(doc, Problem):
        return None, [doc]
    if not isinstance(doc.data, dict):
        return None, [Problem(
            shown, 2, 1, "",
            "phần đầu (front matter) phải là một bảng khóa: giá trị",
            "the front matter must be a mapping of keys to values",
        )]
    meta, problems = validate(doc, FrontMatter)
    body_line = yaml_text.count("\n") + 2
    problems += check_data(doc)
    # The photo is checked even when other fields are wrong: every mistake of the page is
    # reported in one run, not one per push.
    photo, found = _check_image(root, doc, shown, {p.field for p in problems})
    problems += found
    body_problems = check_body_text(shown, body, body_line)
    problems += body_problems or _markup_problems(shown, body, body_line, policy, checked)
    if meta is None or problems:
        return None, problems
    assert isinstance(meta, FrontMatter)
    return ContentPage(lang, rel, meta, body, dict(doc.data), photo, body_links(body, body_line, memo)), []


def _links_of(root: Path, lang: str, rel: str) -> tuple[tuple[int, str], ...]:
    """The links of a page refused for another reason, so that they are checked in the
    same run (nothing when its text or front matter cannot be read at all)."""
    raw = read(root / "content" / lang / rel, f"content/{lang}/{rel}", MAX_TEXT_BYTES)
    if isinstance(raw, Problem):
        return ()
    parts = split_front_matter(raw.decode("utf-8", errors="replace").replace("\r\n", "\n"))
    if parts is None:
        return ()
    return body_links(parts[1], parts[0].count("\n") + 2)


def _markup_problems(shown: str, body: str, body_line: int, policy: Policy, checked: CheckedBodies | None) -> list[Problem]:
    """The markup check of a body, skipped when the same body passed it before."""
    if checked is None:
        return check_page(shown, body, body_line, policy)
    key = checked.key(shown, body, body_line, policy)
    if checked.passed(key):
        return []
    problems = check_page(shown, body, body_line, policy)
    if not problems:
        checked.add(key)
    return problems


IMAGE_FIELDS = ("image_alt", "image_credit", "image_licence")
"""What every photo needs besides its path: alternative text for readers who cannot see
it, and who took it and under which terms the portal publishes it (a portal that cannot
show a photo's licence must not publish it)."""


def _check_image(root: Path, doc: YamlDocument, shown: str, reported: set[str]) -> tuple[Photo | None, list[Problem]]:
    """The page's photo fields go together, and the file must be a usable photo.

    Read from the parsed front matter rather than the validated model, so that these
    problems are reported beside any other of the page; a field already ``reported``
    (a path the model refused) is not reported twice."""
    data = doc.data
    problems = []
    image = data.get("image")
    if image is None:
        for name in (*IMAGE_FIELDS, "image_caption"):
            if data.get(name) is not None:
                line, column = doc.mark((name,))
                problems.append(Problem(
                    shown, line, column, name,
                    f"'{name}' chỉ dùng cùng với 'image' (đường dẫn ảnh trong content/media/)",
                    f"'{name}' goes only with 'image' (the photo's path in content/media/)",
                ))
        return None, problems
    line, column = doc.mark(("image",))
    names = {
        "image_alt": ("lời mô tả ảnh cho người không xem được ảnh", "alternative text for readers who cannot see it"),
        "image_credit": ("tác giả hoặc nguồn của ảnh", "who took or owns it"),
        "image_licence": ("giấy phép hoặc quyền đăng ảnh", "the licence or right to publish it"),
    }
    for name, (vi, en) in names.items():
        if data.get(name) is None and name not in reported:
            problems.append(Problem(
                shown, line, column, name,
                f"ảnh cần '{name}': {vi}", f"an image needs '{name}': {en}",
            ))
    if not isinstance(image, str) or "image" in reported:
        return None, problems
    try:
        photo = probe(root, image.strip())
    except PhotoError as exc:
        problems.append(Problem(shown, line, column, "image", exc.vi, exc.en))
        return None, problems
    return photo, problems


def check_page_file(root: Path, lang: str, path: Path) -> tuple[ContentPage | None, list[Problem]]:
    """One content page on its own (front matter, text, markup), for the preview's quick
    path; cross-page checks are left to the full check."""
    rel = path.relative_to(root / "content" / lang).as_posix()
    return _load_page(_Loader(root, policy_for(root)), lang, rel)


PARALLEL_PAGES = 400
"""From this many pages on, a check with more than one job loads them in parallel processes."""


def _load_pages(
    loader: _Loader, items: list[tuple[str, str]],
) -> tuple[list[tuple[ContentPage | None, list[Problem]]], set[str], dict[str, Found], set[str]]:
    """Pages one after the other, the passed bodies seen, the links found and the photos
    decoded (a worker's share, or all)."""
    results = [_load_page(loader, lang, rel) for lang, rel in items]
    decoded = verified.CURRENT.seen if verified.CURRENT is not None else set()
    checked, memo = loader.checked, loader.memo
    return results, checked.seen if checked is not None else set(), memo.seen if memo is not None else {}, decoded


def _load_all(loader: _Loader, items: list[tuple[str, str]], jobs: int) -> list[tuple[ContentPage | None, list[Problem]]]:
    """Every page, in ``items``' order; with ``jobs`` > 1 and many pages, split over that
    many processes (forked: each gets the policy and the remembered passes in memory).

    Loading a page (its YAML, its validation, the markup check of its body) does not
    depend on any other page, and at national scale it is most of ``check``: run alone,
    it kept one core busy and the other idle at the start of every build."""
    if jobs <= 1 or len(items) < PARALLEL_PAGES:
        return _load_pages(loader, items)[0]
    from concurrent.futures import ProcessPoolExecutor

    parts = jobs * 4  # smaller shares even out pages that cost more than others
    shares = [items[i::parts] for i in range(parts)]
    results: list[tuple[ContentPage | None, list[Problem]] | None] = [None] * len(items)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        # without the compiled cleaner, which cannot be sent
        fresh = replace(loader, policy=Policy(loader.policy.iframe_hosts))
        done = pool.map(_load_pages, [fresh] * parts, shares)
        for i, (loaded, seen, links, decoded) in enumerate(done):
            results[i::parts] = loaded
            if loader.checked is not None:
                loader.checked.seen |= seen
            if loader.memo is not None:
                loader.memo.seen |= links
            if verified.CURRENT is not None:
                verified.CURRENT.seen |= decoded
    return results  # type: ignore[return-value]


def check_content(
    root: Path, unit_ids: set[str] | None, plan_ids: set[str] | None, jobs: int = 1,
) -> tuple[ContentSet, ProblemList]:
    """Check every page and data file; ``None`` id sets skip those cross-checks. ``jobs``:
    how many processes may load the pages."""
    record = verified.CURRENT = Verified.load(root)  # pictures and documents read to their end before
    try:
        return _check_content(root, unit_ids, plan_ids, jobs)
    finally:
        record.save()
        verified.CURRENT = None


def _check_content(
    root: Path, unit_ids: set[str] | None, plan_ids: set[str] | None, jobs: int,
) -> tuple[ContentSet, ProblemList]:
    """:func:`check_content` with the record of decoded files in place."""
    problems = ProblemList()
    content = ContentSet()
    inventory: Inventory = scan_content(root)
    problems.extend(inventory.problems)
    content.media = {lang: set(files) for lang, files in inventory.media.items()}
    content.sources = {lang: set(files) for lang, files in inventory.pages.items()}
    items = [(lang, rel) for lang in LANGUAGES for rel in inventory.pages[lang]]
    problems.extend(_check_pages(root, items, jobs, unit_ids, content))
    if len(content.pages) == len(items):  # a page that failed to load may name any photo
        problems.extend(_unused_photos(inventory.photos, content))
    problems.extend(_pairing(content, set(items)))
    data, found = check_data_files(root, plan_ids)
    problems.extend(found)
    content.members, content.events, content.documents = data.members, data.events, data.documents
    content.tags, content.quiz = data.tags, data.quiz
    if content.tags is not None:
        problems.extend(_undefined_tags(content))
    return content, problems


def _policy(root: Path) -> tuple[Policy, list[Problem]]:
    """The sanitiser's policy with the frame hosts ``mkdocs.yml`` allows, or none and why."""
    try:
        return policy_for(root), []
    except ValueError as exc:
        return Policy(), [Problem("mkdocs.yml", 0, 0, "plugins.asean.iframe_hosts", str(exc), str(exc))]


def _check_pages(root: Path, items: list[tuple[str, str]], jobs: int, unit_ids: set[str] | None,
                 content: ContentSet) -> list[Problem]:
    """Every page loaded and checked into ``content`` (its links kept even when it failed),
    the passes and links remembered for the next check."""
    policy, problems = _policy(root)
    checked = CheckedBodies.load(root)
    memo = LinkMemo.load(root, checked.salt)
    for (lang, rel), (page, found) in zip(items, _load_all(_Loader(root, policy, checked, memo), items, jobs), strict=True):
        problems.extend(found)
        if page is None:
            content.links[(lang, rel)] = _links_of(root, lang, rel)
            continue
        content.links[(lang, page.rel)] = page.links
        content.pages[(lang, page.rel)] = page
        if page.meta.unit and unit_ids is not None and page.meta.unit not in unit_ids:
            problems.append(Problem(
                page.file, 0, 0, "unit",
                f"không có đơn vị '{page.meta.unit}' trong plans/units.yaml",
                f"unknown unit '{page.meta.unit}' in plans/units.yaml",
            ))
    checked.save()
    memo.save()
    return problems


def _pairing(content: ContentSet, present: set[tuple[str, str]]) -> list[Problem]:
    """A page without its other-language version (a notice), or of another kind there."""
    problems = []
    for (lang, rel), page in sorted(content.pages.items()):
        other = content.counterpart(page)
        missing = next(x for x in LANGUAGES if x != lang)
        if other is None and (missing, rel) not in present:
            problems.append(Problem(
                page.file, 0, 0, "",
                f"chưa có bản {'tiếng Anh' if missing == 'en' else 'tiếng Việt'} (content/{missing}/{rel})",
                f"no {'English' if missing == 'en' else 'Vietnamese'} version yet (content/{missing}/{rel})",
                severity="notice",
            ))
        elif other is not None and lang == "en" and page.meta.kind != other.meta.kind:
            problems.append(Problem(
                page.file, 0, 0, "kind",
                f"loại trang '{page.meta.kind}' khác bản tiếng Việt ('{other.meta.kind}')",
                f"page kind '{page.meta.kind}' differs from the Vietnamese version ('{other.meta.kind}')",
            ))
    return problems


def _unused_photos(photos: list[str], content: ContentSet) -> list[Problem]:
    """A note for each photo of ``content/media/`` that no page names. A photo replaced in
    the web editor stays in the folder (the CMS uploads the new file beside it); it is never
    published, but the editor should know it can go, and where to delete it."""
    used = {photo.rel for photo in content.photos()}
    return [
        Problem(
            f"content/media/{rel}", 0, 0, "",
            "không trang nào dùng ảnh này; nếu đã thay bằng ảnh khác, hãy xóa nó (trong trình biên tập: mục "
            "Thư viện, chọn ảnh rồi Xóa)",
            "no page uses this photo; if it was replaced, delete it (in the web editor: Thư viện, the assets view, "
            "select the photo, then Delete)",
            severity="notice",
        )
        for rel in sorted(set(photos) - used)
    ]


def _undefined_tags(content: ContentSet) -> list[Problem]:
    """Every tag used in front matter must have a name in both languages in tags.yaml."""
    known = {t.id for t in content.tags or []}
    problems = []
    for page in content.pages.values():
        for tag in page.meta.tags:
            if tag not in known:
                problems.append(Problem(
                    page.file, 0, 0, "tags",
                    f"thẻ '{tag}' chưa có trong {DATA_DIR}/tags.yaml",
                    f"tag '{tag}' is not defined in {DATA_DIR}/tags.yaml",
                ))
    return problems
