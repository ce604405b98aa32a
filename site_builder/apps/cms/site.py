"""The files of ``/admin/`` besides the configuration and the vendored bundle: the page, its
script and the preview pane's style sheet; and writing the whole folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from site_builder.apps.cms.config import render_config
from site_builder.apps.cms.labels import option_labels
from site_builder.apps.cms.vendor import (
    FONTS,
    INTERFACE_LOCALES,
    PACKAGE,
    PACKAGE_DIR,
    VendorError,
    installed_version,
    localise_bundle,
)
from site_builder.core.vocabulary import TOPICS

INDEX_HTML = """<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Biên tập Chuyên mục ASEAN / ASEAN section editor</title>
<link href="config.yml" type="application/yaml" rel="cms-config-url">
<link rel="icon" href="data:,">
</head>
<body>
<script src="sveltia-cms.js"></script>
<script src="admin.js"></script>
</body>
</html>
"""
"""The page: the bundle is a classic script (``document.currentScript`` tells it where
its chunks are), then :data:`ADMIN_JS`; no inline script or style of ours."""

PREVIEW_CSS = """/* Written by site_builder/apps/cms.py: a previewed page in the section's type, colours and
   layout (theme/assets/asean.css and Material's article); every rule is below .md-typeset,
   so nothing reaches the CMS's own buttons and fields. */
@font-face { font-family: "Be Vietnam Pro"; font-weight: 400; src: url("fonts/be-vietnam-pro-400.woff2") format("woff2"); }
@font-face { font-family: "Be Vietnam Pro"; font-weight: 700; src: url("fonts/be-vietnam-pro-700.woff2") format("woff2"); }
.md-typeset { font: 400 17px/1.65 "Be Vietnam Pro", system-ui, sans-serif; color: #1b1f29; max-width: 42rem;
  padding: 1rem 1.25rem; }
.md-typeset h1 { font-size: 2em; line-height: 1.3; font-weight: 700; color: #0e2a66; letter-spacing: -0.01em;
  margin: 0 0 1.25rem; }
.md-typeset h2 { font-size: 1.5em; font-weight: 700; color: #0e2a66; margin: 1.6em 0 0.6em; }
.md-typeset h3 { font-size: 1.2em; font-weight: 700; margin: 1.4em 0 0.5em; }
.md-typeset p, .md-typeset ul, .md-typeset ol { margin: 0 0 1em; }
.md-typeset a { color: #1a4aa8; text-decoration: underline; }
.md-typeset .asean-photo { margin: 0 0 1.2rem; display: block; }
.md-typeset .asean-photo img { display: block; width: 100%; height: auto; border-radius: 0.2rem; }
.md-typeset .asean-photo figcaption { margin: 0.4rem 0 0; font-size: 0.8em; font-style: italic; color: #4d5563; }
.md-typeset .asean-meta { color: #4d5563; font-size: 0.92em; }
"""
"""The preview pane's style sheet (``/admin/preview/page.css``): the site's own sheets set
rules on every ``button`` and ``:root``, which reached the CMS's interface around the pane."""

ADMIN_JS = """// Written by site_builder/apps/cms.py: what the configuration file cannot say.
(() => {
  // The preview pane in the site's own style sheets, so an article looks as it will be published.
  CMS.registerPreviewStyle(new URL('preview/page.css', document.baseURI).href);
  // A page previewed as the site shows it: title, photo with its credit, text, date, topics.
  const h = window.h;
  const TOPICS = __TOPICS__;
  const page = ({ entry, widgetFor }) => {
    const data = entry.get('data');
    const text = (name) => data.get(name) || '';
    const image = text('image');
    const credit = [text('image_credit'), text('image_licence')].filter(Boolean).join(' · ');
    const photo = image && h('figure', { className: 'asean-photo' }, widgetFor('image'),
      (text('image_caption') || credit) && h('figcaption', null, [text('image_caption'), credit].filter(Boolean).join(' — ')));
    const chosen = data.get('topics');
    const topics = (chosen && chosen.toJS ? chosen.toJS() : chosen || []).map((id) => TOPICS[id] || id);
    return h('div', { className: 'md-typeset' },
      h('article', { className: 'md-content__inner md-typeset' },
        h('h1', null, text('title')), photo || null, widgetFor('body'),
        text('date') && h('p', { className: 'asean-meta' }, text('date')),
        topics.length ? h('p', { className: 'asean-meta' }, topics.join(' · ')) : null));
  };
  CMS.registerPreviewTemplate('news', page);
  CMS.registerPreviewTemplate('tourism', page);
  // A progress report carries the day it was saved: set to today on every save.
  const today = () => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  };
  CMS.registerEventListener({
    name: 'preSave',
    handler: ({ entry }) => {
      if (!String(entry.get('collection') || '').startsWith('progress-')) return undefined;
      return entry.get('data').set('updated', today());
    },
  });
})();
"""
"""The page's own script (``/admin/admin.js``, allowed by ``script-src 'self'``): the
section's look in the preview pane (:data:`PREVIEW_CSS` and the theme's fonts, in
``/admin/preview/``, so the pane works before the site is built and on a host that serves
``/admin/`` alone) with a page template for news and tourism pages, and ``updated`` set on
save (the CMS's hooks are the only way to change a value at save time)."""


def admin_js() -> str:
    """:data:`ADMIN_JS` with the topics' names (what the preview shows for a page's topics)."""
    names = {topic: label for topic, label in option_labels().items() if topic in {t.id for t in TOPICS}}
    return ADMIN_JS.replace("__TOPICS__", json.dumps(names, ensure_ascii=False, sort_keys=True))


def write_admin(root: Path, out: Path, cfg: dict[str, Any]) -> list[Path]:
    """Write ``/admin/`` into ``out``: the page, the configuration, the localised bundle
    and the files it loads (chunks, fonts, interface strings). Returns the files written."""
    version = installed_version(root)
    package = root / PACKAGE_DIR
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def put(rel: str, data: bytes | str) -> None:
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
        written.append(path)

    put("index.html", INDEX_HTML)
    put("config.yml", render_config(cfg))
    put("admin.js", admin_js())
    put("sveltia-cms.js", localise_bundle((package / "dist/sveltia-cms.js").read_text(encoding="utf-8")))
    for chunk in sorted((package / "dist/chunks").glob("*.js")):
        put(f"chunks/{chunk.name}", chunk.read_bytes())
    assets = package / "npm/assets"
    for stem, licence in FONTS.values():
        found = sorted(assets.glob(f"{stem}-*.woff2"))
        if len(found) != 1:
            raise VendorError(f"{PACKAGE} {version}: no single {stem}-*.woff2 in npm/assets/")
        put(f"fonts/{stem}.woff2", found[0].read_bytes())
        put(f"fonts/{licence}", (assets / licence).read_bytes())
    for locale in INTERFACE_LOCALES:
        put(f"locales/{locale}.json", (package / "locales" / f"{locale}.json").read_bytes())
    put("version.json", json.dumps({"version": version}) + "\n")
    theme = root / "theme/assets"
    put("preview/page.css", PREVIEW_CSS)
    for font in [*sorted((theme / "fonts").glob("*.woff2")), theme / "fonts/OFL.txt"]:  # the fonts with their licence
        put(f"preview/fonts/{font.name}", font.read_bytes())
    immutable = root / "cms/node_modules/immutable"
    put("vendor/immutable.es.js", (immutable / "dist/immutable.es.js").read_bytes())
    put("vendor/immutable.LICENSE.txt", (immutable / "LICENSE").read_bytes())
    put("LICENSE.txt", (package / "LICENSE.txt").read_bytes())
    return written


def replace_admin(root: Path, out: Path, cfg: dict[str, Any]) -> list[Path]:
    """:func:`write_admin` into a fresh folder: one the kit wrote before (it carries the
    build's marker file) or a new or empty one, never a link, the project, its sources or a
    folder that holds them (the same guard as the build's output, since this one is deleted
    and written anew)."""
    from site_builder.apps.site_folder import MARKER, MARKER_TEXT, check_output

    if out.is_symlink():
        raise VendorError(f"{out} is a symbolic link")
    out = out.resolve()
    check_output(root.resolve(), out)
    if out.exists():
        shutil.rmtree(out)
    written = write_admin(root, out, cfg)
    (out / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    return written
