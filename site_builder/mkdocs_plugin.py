"""The thin MkDocs plugin: hands the model to MkDocs and its templates, nothing more.

It uses public events only: ``on_config`` reads the language from the docs folder
(``content/vi`` or ``content/en``) and loads the data once; ``on_files`` adds the
generated pages with ``File.generated`` and a "not yet translated" page wherever the
other language has a page this one lacks; ``on_env`` installs gettext and the
template API; ``on_page_context`` resolves the record a page shows. Everything else
lives in the engine-neutral core.
"""

from __future__ import annotations

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

from . import LANGUAGES, urls
from .i18n import translations
from .index import SiteIndex
from .pages import PageSpec, generate
from .problems import InputError
from .project import load_project
from .view import SiteView

NAV: list[tuple[str, str]] = [
    ("Home", "index.md"),
    ("About ASEAN", "asean/index.md"),
    ("Member states", urls.src_uri(urls.INDEXES["members"])),
    ("Pillars and topics", urls.src_uri(urls.INDEXES["pillars"])),
    ("Plans", urls.src_uri(urls.INDEXES["plans"])),
    ("News", urls.src_uri(urls.INDEXES["news"])),
    ("Local tourism", "tourism/index.md"),
    ("Agencies", urls.src_uri(urls.INDEXES["agencies"])),
    ("Units", urls.src_uri(urls.INDEXES["units"])),
    ("Calendar", urls.src_uri(urls.INDEXES["calendar"])),
    ("Documents", urls.src_uri(urls.INDEXES["documents"])),
    ("ASEAN quiz", urls.src_uri(urls.INDEXES["quiz"])),
    ("Editors' guide", "guide/index.md"),
]
"""The navigation: a fixed list, so that no page's HTML grows with the data."""


class AseanConfig(Config):
    """Options of the ``asean`` plugin in ``mkdocs.yml``."""

    root = c.Optional(c.Type(str))
    """Project root holding ``plans/`` and ``content/``; default: the folder of ``mkdocs.yml``."""
    unit = c.Optional(c.Type(str))
    """Build the section branded for this unit (``plans/units.yaml``); none: the national build."""
    strict_data = c.Type(bool, default=True)
    """Refuse data with warnings (a missing English text) as MkDocs' strict mode does."""


class AseanPlugin(BasePlugin[AseanConfig]):
    """Adds the pages generated from ``plans/`` and the template API to a language build."""

    def __init__(self) -> None:
        self.lang = "vi"
        self.view: SiteView | None = None
        self.specs: list[PageSpec] = []

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        docs = Path(config.docs_dir)
        self.lang = docs.name
        if self.lang not in LANGUAGES:
            raise PluginError(
                f"docs_dir must be content/<lang> with <lang> one of {', '.join(LANGUAGES)}; got {docs}"
            )
        root = Path(self.config.root or Path(config.config_file_path).parent)
        self.root = root
        try:
            project = load_project(root, strict=self.config.strict_data and bool(config.strict))
        except InputError as exc:
            raise PluginError("\n" + exc.report()) from None
        index = SiteIndex(project.data)
        unit = self.config.unit
        if unit and unit not in project.data.units:
            raise PluginError(f"unknown unit '{unit}' (plans/units.yaml: {', '.join(project.data.units)})")
        self.view = SiteView(index, self.lang, project.content, unit)
        t = translations(self.lang).gettext
        config.theme["language"] = self.lang
        config.site_name = t("ASEAN section")
        self.unit_css: str | None = None
        branding = project.data.units[unit].branding if unit else None
        if branding is not None:
            name = branding.display_name.get(self.lang) or branding.display_name.vi
            config.site_name = name
            if branding.logo:
                config.theme["logo"] = branding.logo
            if branding.colors:
                self.unit_css = unit_stylesheet(branding.colors.primary, branding.colors.accent)
        repo = dict(config.extra.get("repository") or {})
        if branding is not None and branding.repository is not None:
            repo.update(url=branding.repository.url, branch=branding.repository.branch)
        config.extra["repository"] = repo if repo.get("url") else None
        config.extra["unit"] = unit
        config.extra["unit_css"] = self.unit_css is not None
        suffix = f"{self.lang}/"
        site_url = config.site_url or ""
        config.extra["root_url"] = site_url[: -len(suffix)] if site_url.endswith(suffix) else site_url
        # Built for a preview address (no SITE_URL): the "Embed this" and API pages say so.
        config.extra["preview_address"] = urls.is_preview_address(config.extra["root_url"])
        config.extra["lang"] = self.lang
        config.extra["other_lang"] = self.view.other_lang
        self.specs = generate(index, project.content, self.lang, t)
        available = {spec.src_uri for spec in self.specs} | {
            page.rel for page in project.content.in_lang(self.lang)
        }
        # A page the data does not produce (no quiz questions yet, say) is left out of the nav.
        config.nav = [{t(title): path} for title, path in NAV if path in available]
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for spec in self.specs:
            if files.get_file_from_path(spec.src_uri) is not None:
                raise PluginError(
                    f"content/{self.lang}/{spec.src_uri} claims the URL of a generated page /{self.lang}/{spec.url}"
                )
            files.append(File.generated(config, spec.src_uri, content=spec.markdown()))
        self._add_untranslated_notices(files, config)
        if self.unit_css is not None:
            files.append(File.generated(config, "assets/unit.css", content=self.unit_css))
        return files

    def _add_untranslated_notices(self, files: Files, config: MkDocsConfig) -> None:
        """A page in the other language only gets a notice here, not a 404."""
        assert self.view is not None
        other = self.root / "content" / self.view.other_lang
        t = translations(self.lang).gettext
        for path in sorted(other.rglob("*.md")):
            rel = path.relative_to(other).as_posix()
            if files.get_file_from_path(rel) is not None:
                continue
            title = _front_title(path) or rel
            spec = PageSpec(
                urls.from_src_uri(rel),
                t("Not yet translated: %(title)s") % {"title": title},
                "asean/notice.html",
                "notice",
                rel,
                extra={"source_title": title},
            )
            files.append(File.generated(config, spec.src_uri, content=spec.markdown()))

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self.fragments = Fragments(nav)
        return nav

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        # Our templates (theme/asean/) render data, so they are autoescaped; Material's
        # own templates expect no autoescaping and keep it off.
        env.autoescape = _autoescape
        # A build renders thousands of pages from the same templates; without this Jinja
        # stats every template file again for each include (a tenth of the build time).
        # The preview rebuilds with a new environment, so edits to templates still show.
        env.auto_reload = False
        env.add_extension("jinja2.ext.i18n")
        env.install_gettext_translations(translations(self.lang), newstyle=True)
        env.globals["asean"] = self.view
        # Material's own templates, reachable as "material/..." from an override that
        # wraps them (theme/partials/nav.html): every theme folder but our custom_dir.
        theme_dirs = [d for d in config.theme.dirs if d != config.theme.custom_dir]
        env.loader = jinja2.ChoiceLoader([
            env.loader, jinja2.PrefixLoader({"material": jinja2.FileSystemLoader(theme_dirs)}),
        ])
        env.globals["asean_fragment"] = self.fragments
        return env

    @event_priority(-50)
    def on_page_context(self, context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        assert self.view is not None
        context["record"] = self.view.record(page.meta)
        return context


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

    def __init__(self, nav: Navigation) -> None:
        self.nav_pages = list(nav.pages)
        self.targets = ["", "assets/", *(page.url for page in self.nav_pages)]
        self.enabled = os.environ.get("ASEAN_NO_FRAGMENT_CACHE") != "1"
        self.store: dict[tuple[str, ...], Markup] = {}

    def __call__(self, name: str, page: Page | None, caller: Any) -> Any:
        if not self.enabled or page is None or page in self.nav_pages:
            return caller()
        top = page.url.split("/", 1)[0] + "/"
        key = (name, *(get_relative_url(target or ".", page.url) for target in [top, *self.targets]))
        if key not in self.store:
            self.store[key] = Markup(caller())
        return self.store[key]


def _autoescape(template_name: str | None) -> bool:
    return template_name is not None and template_name.startswith("asean/")


def unit_stylesheet(primary: str, accent: str) -> str:
    """The colours of a unit's build, as overrides of the theme's variables."""
    return (
        ":root {\n"
        f"  --md-primary-fg-color: {primary};\n"
        f"  --md-primary-fg-color--dark: {primary};\n"
        f"  --asean-blue: {primary};\n"
        f"  --asean-blue-dark: {primary};\n"
        f"  --asean-yellow: {accent};\n"
        "}\n"
    )


def _front_title(path: Path) -> str | None:
    """The ``title`` of a Markdown file's front matter, or its first heading."""
    text = path.read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith("title:"):
            return line.split(":", 1)[1].strip().strip('"')
        if line.startswith("# "):
            return line[2:].strip()
    return None
