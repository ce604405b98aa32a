"""The thin MkDocs plugin: hands the model to MkDocs and its templates, nothing more.

It uses public events only: ``on_config`` reads the language from the docs folder
(``content/vi`` or ``content/en``) and takes the checked project (handed over by the
build, or checked here); ``on_files`` keeps only the pages and files the check
accepted, adds the generated pages with ``File.generated`` and a "not yet translated"
page wherever the other language has a page this one lacks; ``on_page_read_source``
and ``on_page_markdown`` give MkDocs each page's checked text and metadata, so MkDocs
never parses front matter of its own; ``on_page_content`` passes every page body
through the sanitiser; ``on_env`` autoescapes every template and installs gettext and
the template API; ``on_page_context`` resolves the record a page shows. Everything
else lives in the engine-neutral core.
"""

from __future__ import annotations

import functools
import logging
import os
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from site_builder import LANGUAGES
from site_builder.core import urls
from site_builder.core.i18n import translations
from site_builder.core.problems import InputError
from site_builder.core.reads import page_key
from site_builder.core.urls import SiteUrls
from site_builder.derive.kinds import NoticePage, page_kind
from site_builder.derive.pages import PageSpec
from site_builder.derive.project import Project, load_project
from site_builder.engine.context import BuildContext, LanguageIncrement
from site_builder.engine.deps import LanguageRecord
from site_builder.engine.template_cache import bytecode_cache
from site_builder.engine.theme_loader import visible_files_env
from site_builder.inputs.content_tree import without_title
from site_builder.inputs.files import file_kind
from site_builder.inputs.sanitize import Policy
from site_builder.inputs.siteconfig import HOST
from site_builder.output.images import published_picture
from site_builder.output.searchindex import spaced
from site_builder.output.trees import link_files
from site_builder.render.contexts import page_context
from site_builder.render.portal import Portal
from site_builder.render.sitechrome import active_item, branding, footer_links, layout, navigation, owner_unit, page_title
from site_builder.render.view import SiteView


class AseanConfig(Config):  # type: ignore[no-untyped-call]  # MkDocs' __init_subclass__ has no annotations
    """Options of the ``asean`` plugin in ``mkdocs.yml``."""

    root = c.Optional(c.Type(str))
    """Project root holding ``plans/`` and ``content/``; default: the folder of ``mkdocs.yml``."""
    unit = c.Optional(c.Type(str))
    """Build the section branded for this unit (``plans/units.yaml``); none: the national build."""
    strict_data = c.Type(bool, default=True)
    """Refuse data with warnings (a missing English text) as MkDocs' strict mode does."""
    iframe_hosts = c.ListOfItems(c.Type(str), default=[])
    """Hosts whose https pages content may frame with ``<iframe>``: the maintainers' call."""
    unit_urls = c.Type(dict, default={})
    """The published address of each unit's section (``soc-trang: https://...``): the
    maintainers' call, like the frame hosts, never ``plans/units.yaml``
    (:func:`site_builder.inputs.siteconfig.unit_urls`)."""
    base_url = c.Optional(c.Type(str))
    """The site's root address, ending in ``/`` (the build passes it); none: ``SITE_URL`` or
    the local preview address (:meth:`site_builder.core.urls.SiteUrls.configured`)."""
    freshness_grace_days = c.Type(int, default=30)
    """Days a finding of the freshness check (:mod:`site_builder.inputs.freshness`) may be
    past its date before ``check --strict`` refuses it: the unit's monthly routine. Read by
    the check from ``mkdocs.yml``; declared here so that MkDocs accepts the option."""
    workshop = c.Type(bool, default=False)
    """The editors' preview (``make serve``, ``build --workshop``): pages also show the notes on
    the source text, file names, commands and the editors' guide in the navigation
    (``asean.workshop`` in templates). Off: the public site citizens see."""


class AseanPlugin(BasePlugin[AseanConfig]):  # type: ignore[no-untyped-call]  # as above
    """Adds the pages generated from ``plans/`` and the template API to a language build."""

    def __init__(self) -> None:
        self.lang = "vi"
        self.view: SiteView | None = None
        self.specs: dict[str, PageSpec] = {}
        self.nav_items: list[tuple[str, str]] = []
        """The top navigation: (title, page source) of each item (:func:`.sitechrome.navigation`)."""
        """Every generated page of this language by ``src_uri``: its records and context."""
        self.context: BuildContext | None = None
        """The build's context, handed over whole by :func:`.mkdocs_build.build_language`
        before the first event; when MkDocs runs on its own, made in ``on_config`` from
        this plugin's options. The unit, the address and the workshop flag are read from
        it, never from the options, once it exists."""
        self.project: Project | None = None
        """The context's checked project (set in ``on_config``)."""
        self.sources: dict[str, tuple[dict[str, Any], str]] = {}
        """Metadata and Markdown body of every page of this language, by ``src_uri``."""
        self.policy = Policy()
        self.increment: LanguageIncrement | None = None
        """An incremental build's part for this language: the pages to render again; the
        others are linked from the previous site's tree."""
        self.record = LanguageRecord()
        self.markdown: SharedMarkdown | None = None
        """What each page read (filled as pages render), for the next incremental build."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        docs = Path(config.docs_dir)
        self.lang = docs.name
        if self.lang not in LANGUAGES:
            raise PluginError(
                f"docs_dir must be content/<lang> with <lang> one of {', '.join(LANGUAGES)}; got {docs}"
            )
        root = Path(self.config.root or Path(config.config_file_path).parent)
        self.root = root
        hosts = list(self.config.iframe_hosts)
        if any(not HOST.match(host) for host in hosts):
            raise PluginError(f"plugins › asean › iframe_hosts: host names only, got {hosts!r}")
        self.policy = Policy(tuple(sorted(hosts)))
        context = self.context or self._own_context(root, bool(config.strict))
        self.context = context
        project = self.project = context.project
        unit, workshop = context.unit, context.workshop
        if unit and unit not in project.data.units:
            raise PluginError(f"unknown unit '{unit}' (plans/units.yaml: {', '.join(project.data.units)})")
        self.site = context.site
        language = context.language(self.lang)
        self.increment = language.increment
        self.view = language.view()
        t = language.gettext
        config.theme["language"] = self.lang
        config.theme.get_env = visible_files_env(config.theme.get_env)  # type: ignore[method-assign]
        brand = branding(project, unit, self.lang, t, config.extra.get("repository"))
        self.portal = Portal(self.view, brand.site_name)
        config.site_name = brand.site_name
        config.extra["owner"] = brand.owner
        owner = owner_unit(project, unit)
        config.extra["owner_unit"] = owner.id if owner is not None else None
        config.extra["section"] = brand.section
        if brand.logo:
            config.theme["logo"] = brand.logo
        self.unit_css = brand.stylesheet
        config.extra["repository"] = brand.repository
        config.extra["unit_css"] = self.unit_css is not None
        config.site_url = self.site.home(self.lang)
        config.extra["lang"] = self.lang
        config.extra["other_lang"] = self.view.other_lang
        self.specs = {spec.src_uri: spec for spec in project.pages(self.lang)}
        self.nav_items = navigation(project, self.lang, t, workshop=workshop)
        config.nav = [{title: path} for title, path in self.nav_items]
        config.extra["nav_labels"] = {path: title for title, path in self.nav_items}
        config.extra["footer_links"] = footer_links(project, self.lang, t)
        return config

    def _own_context(self, root: Path, strict: bool) -> BuildContext:
        """The context of a build MkDocs runs on its own (``mkdocs build`` with this plugin):
        the project checked here, the unit, address and workshop flag from the options."""
        try:
            project = load_project(root, strict=self.config.strict_data and strict)
        except InputError as exc:
            raise PluginError("\n" + exc.report()) from None
        return BuildContext(project, SiteUrls.configured(self.config.base_url), unit=self.config.unit,
                            strict=strict, workshop=self.config.workshop)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.project is not None
        content = self.project.content
        media = content.media.get(self.lang, set())
        for file in list(files):
            if file.generated_by or file.abs_src_path is None:
                continue
            if not Path(file.abs_src_path).is_relative_to(config.docs_dir):
                continue  # the theme's own files
            page = content.pages.get((self.lang, file.src_uri))
            if page is not None:
                self.sources[file.src_uri] = (page.data, page.body)
            elif file.src_uri not in media:
                # ``check`` refused it (or it appeared since): never publish what was not checked.
                files.remove(file)
            elif file_kind(file.src_uri) == "picture":
                # A picture is published as fresh pixels only, never as the editor's bytes.
                files.remove(file)
                data = published_picture(Path(file.abs_src_path).read_bytes(), Path(file.src_uri).suffix)
                files.append(File.generated(config, file.src_uri, content=data))
        for spec in self.specs.values():
            if files.get_file_from_path(spec.src_uri) is not None:
                raise PluginError(
                    f"content/{self.lang}/{spec.src_uri} claims the URL of a generated page /{self.lang}/{spec.url}"
                )
            self._add_generated(files, config, spec)
        self._add_untranslated_notices(files, config)
        if self.unit_css is not None:
            files.append(File.generated(config, "assets/unit.css", content=self.unit_css))
        self._files = files
        if self.increment is not None:
            # MkDocs' own dirty mode then reads and renders only these pages; every other
            # file (assets, pictures) is copied as in a clean build.
            dirty = self.increment.dirty
            for file in files:
                flag = file.src_uri in dirty if file.is_documentation_page() else True
                file.is_modified = (lambda flag=flag: flag)  # type: ignore[method-assign, misc]
        return files

    def _add_generated(self, files: Files, config: MkDocsConfig, spec: PageSpec) -> None:
        body = spec.body()
        self.sources[spec.src_uri] = (spec.meta(), body)
        files.append(File.generated(config, spec.src_uri, content=body))

    def _add_untranslated_notices(self, files: Files, config: MkDocsConfig) -> None:
        """A page in the other language only gets a notice here, not a 404."""
        assert self.view is not None and self.project is not None
        t = translations(self.lang).gettext
        for page in self.project.content.in_lang(self.view.other_lang):
            if files.get_file_from_path(page.rel) is not None:
                continue
            title = page.meta.title
            spec = NoticePage(url=urls.from_src_uri(page.rel), title=t("Not yet translated: %(title)s") % {"title": title},
                              source=page.rel, extra={"source_title": title})
            self.specs[spec.src_uri] = spec
            self._add_generated(files, config, spec)
            self.record.deps[spec.src_uri] = [page_key(self.view.other_lang, page.rel)]

    def on_pre_page(self, page: Page, config: MkDocsConfig, files: Files) -> Page:
        """Convert this page with the process's one Markdown instance (:class:`SharedMarkdown`)."""
        if self.markdown is None:
            self.markdown = SharedMarkdown(config)
        page.render = functools.partial(self.markdown.render, page)  # type: ignore[method-assign]
        return page

    def on_page_read_source(self, page: Page, config: MkDocsConfig) -> str:
        """The checked body, after a blank line: MkDocs then finds no front matter to parse."""
        source = self.sources.get(page.file.src_uri)
        if source is None:
            raise PluginError(f"content/{self.lang}/{page.file.src_uri} was not checked")
        meta, body = source
        if meta.get("image") or meta.get("illustration"):
            body = without_title(body)  # the template writes the title and the picture under it
        return "\n" + body

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        page.meta = dict(self.sources[page.file.src_uri][0])
        return markdown

    @event_priority(-100)
    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> Markup:
        """Every page body through the allow-list, last, whatever ran before."""
        uri = page.file.src_uri
        self.record.anchors[uri] = sorted(a for a in page.present_anchor_ids or () if a)
        self.record.links[uri] = {target.src_uri: dict(links) for target, links in (page.links_to_anchors or {}).items()}
        return Markup(self.policy.clean(html))

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        # The navigation's short labels ("Culture") are the menus' (``nav_labels``); a page
        # keeps its own title ("Discovering ASEAN culture") in its <title>, its link
        # previews and its heading. MkDocs sets the label as the page's title: undone.
        for page in nav.pages:
            page.__dict__.pop("title", None)
        self.fragments = Fragments(nav, self.view)
        return nav

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        # Every template is autoescaped, Material's included: its base.html prints page
        # titles, descriptions and the site name, which come from content and data.
        # What is HTML on purpose is marked so: page bodies (sanitised, ``Markup``),
        # the table of contents and MkDocs' script tags.
        env.autoescape = True
        # A build renders thousands of pages from the same templates; without this Jinja
        # stats every template file again for each include (a tenth of the build time).
        # The preview rebuilds with a new environment, so edits to templates still show.
        env.auto_reload = False
        env.add_extension("jinja2.ext.i18n")
        env.install_gettext_translations(translations(self.lang), newstyle=True)
        env.bytecode_cache = bytecode_cache(env)  # compiled once, not in every build
        env.globals["asean"] = self.view
        # Material's own templates, reachable as "material/..." from an override that
        # wraps them (theme/partials/nav.html): every theme folder but our custom_dir.
        theme_dirs = [d for d in config.theme.dirs if d != config.theme.custom_dir]
        env.loader = jinja2.ChoiceLoader([
            env.loader, jinja2.PrefixLoader({"material": jinja2.FileSystemLoader(theme_dirs)}),
        ])
        env.globals["asean_fragment"] = self.fragments
        if self.increment is not None:
            self._restore_unchanged(files, self.increment)
        return env

    def _restore_unchanged(self, files: Files, increment: LanguageIncrement) -> None:
        """Pages not rendered again keep what the previous build recorded of them: what
        they read, and their anchors and links to anchors, so that MkDocs checks every
        page's anchor links as in a clean build."""
        previous = increment.previous
        for file in files.documentation_pages():
            uri = file.src_uri
            if uri in increment.dirty or file.page is None:
                continue
            if uri in previous.deps:
                self.record.deps[uri] = previous.deps[uri]
            self.record.anchors[uri] = previous.anchors.get(uri, [])
            self.record.links[uri] = previous.links.get(uri, {})
            file.page.present_anchor_ids = set(self.record.anchors[uri])
            targets = {target: files.get_file_from_path(target) for target in self.record.links[uri]}
            file.page.links_to_anchors = {linked: dict(links) for t, links in self.record.links[uri].items()
                                          if (linked := targets[t]) is not None}

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """Keep what the page read (its own source included) for the next incremental build."""
        assert self.view is not None
        uri = page.file.src_uri
        reads = set(self.view.reads) | set(self.record.deps.get(uri, ()))
        if (self.lang, uri) in self.project.content.pages:  # type: ignore[union-attr]
            reads.add(page_key(self.lang, uri))
        self.record.deps[uri] = sorted(reads)
        return spaced(output)  # words of adjacent cells kept apart in the search index

    def on_post_build(self, config: MkDocsConfig) -> None:
        """In an incremental build, the pages not rendered again are the previous site's
        files, hard-linked (copied where links are not possible): never written through,
        so the previous site stays intact until the new one replaces it."""
        increment = self.increment
        if increment is None:
            return
        site = Path(config.site_dir)
        link_files((increment.previous_dir / file.dest_uri, site / file.dest_uri)
                   for file in self._files.documentation_pages() if file.src_uri not in increment.dirty)

    @event_priority(-50)
    # MkDocs types the context as its TypedDict and the arguments as keyword-only; this plugin
    # adds keys of its own to a plain dict, and MkDocs passes the arguments by name.
    def on_page_context(  # type: ignore[override]
        self, context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any,
    ) -> dict[str, Any]:
        spec = self.specs.get(page.file.src_uri)
        assert self.view is not None
        self.view.reads = set()  # what this page reads from here on is its own
        src_uri = page.file.src_uri if page.file else None
        context["record"] = record = page_kind(spec, src_uri)
        # What its kind of page shows (:mod:`.contexts`), computed now, for this page only.
        context.update(page_context(self.portal, record, src_uri, page.meta))
        # The frame (theme/main.html): the page's layout, the navigation item it belongs to
        # and its title "<page> – <section> – <owner>" (site_builder/render/sitechrome.py).
        context["asean_layout"] = layout(record, src_uri)
        context["asean_active"] = active_item(self.nav_items, src_uri)
        context["asean_title"] = page_title(page.title, config.site_name, page.is_homepage)
        if context["listing"] is not None:
            # A page of a news list links its own previous and next pages (theme/main.html),
            # not its neighbours in the navigation as Material's <head> would.
            page.previous_page = page.next_page = None
        return context


class SharedMarkdown:
    """One Markdown converter for all the pages of a build.

    MkDocs' ``Page.render`` builds a new ``markdown.Markdown`` with every extension for
    each page, a tenth of the Markdown time of a page. This does the same conversion
    with one instance, reset between pages (Python-Markdown's documented way to convert
    several documents), registering MkDocs' per-page processors (links, anchors, title)
    afresh for each page under their own names, which replaces the previous page's. The
    result is MkDocs' own, byte for byte (the clean-build tests compare whole sites)."""

    def __init__(self, config: MkDocsConfig) -> None:
        import markdown

        self.md = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"] or {})

    def render(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        from mkdocs.structure import pages as mk
        from mkdocs.structure.toc import get_toc

        if page.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        md = self.md
        md.reset()
        raw_html = mk._RawHTMLPreprocessor()
        raw_html._register(md)
        anchors = mk._ExtractAnchorsTreeprocessor(page.file, files, config)
        anchors._register(md)
        relative = mk._RelativePathTreeprocessor(page.file, files, config)
        relative._register(md)
        title = mk._ExtractTitleTreeprocessor()
        title._register(md)
        page.content = md.convert(page.markdown)
        page.toc = get_toc(getattr(md, "toc_tokens", []))
        page._title_from_render = title.title
        page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
        if mk.log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = relative.links_to_anchors


class Fragments:
    """Theme fragments rendered once for all the pages that would get the same HTML.

    Material renders the whole navigation for every page: a fifth of a page's time. A
    page that is not itself in the navigation (an article, a plan, an activity) gets
    the same navigation as any other such page, except for its relative links, which
    depend only on where the page sits. So the fragment is kept per place: the key is
    the page's relative link to the site root, to its own top folder and to every page
    of the navigation. Pages in the navigation (they mark themselves active) are
    always rendered in full. ``ASEAN_NO_FRAGMENT_CACHE=1`` turns this off; a test
    checks that both give the same bytes.
    """

    def __init__(self, nav: Navigation, view: SiteView | None = None) -> None:
        self.view = view
        """Whose record of reads a cached fragment adds its own reads to."""
        self.nav_pages = list(nav.pages)
        self.targets = ["", "assets/", *(page.url for page in self.nav_pages)]
        self.enabled = os.environ.get("ASEAN_NO_FRAGMENT_CACHE") != "1"
        self.store: dict[tuple[str, ...], tuple[Markup, frozenset[str]]] = {}

    def __call__(self, name: str, page: Page | None, caller: Any) -> Any:
        if not self.enabled or page is None or page in self.nav_pages:
            return caller()
        top = page.url.split("/", 1)[0] + "/"
        key = (name, *(get_relative_url(target or ".", page.url) for target in [top, *self.targets]))
        if key not in self.store:
            outer = self.view.reads if self.view is not None else set()
            if self.view is not None:
                self.view.reads = set()
            html = Markup(caller())
            inner = frozenset(self.view.reads) if self.view is not None else frozenset()
            if self.view is not None:
                self.view.reads = outer | inner
            self.store[key] = (html, inner)
        html, reads = self.store[key]
        if self.view is not None:
            self.view.reads |= reads  # the page depends on what the fragment read
        return html
