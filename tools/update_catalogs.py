"""Extract interface strings and update both catalogs (`make messages`).

New strings get an empty Vietnamese translation and the msgid as English; the test
suite fails until every Vietnamese string is filled in.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "site_builder" / "locale"
sys.path.insert(0, str(ROOT))
from site_builder.mkdocs_plugin import NAV  # noqa: E402 - after the path is set

# Strings the extractor cannot see: navigation titles kept in a table.
EXTRA = [title for title, _ in NAV]


def extract() -> Catalog:
    pot = ROOT / ".cache" / "messages.pot"
    pot.parent.mkdir(exist_ok=True)
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg", "-k", "t", "-k", "_",
         "--no-location", "--sort-output", "--omit-header", "-o", str(pot), "."],
        check=True, cwd=ROOT, capture_output=True,
    )
    with pot.open("rb") as fh:
        template = read_po(fh)
    for msgid in EXTRA:
        template.add(msgid)
    return template


def update(lang: str, template: Catalog, seed: dict[str, str] | None = None) -> None:
    path = LOCALE / lang / "LC_MESSAGES" / "messages.po"
    old: dict[str, str] = {}
    if path.exists():
        with path.open("rb") as fh:
            old = {m.id: m.string for m in read_po(fh) if m.id}
    catalog = Catalog(locale=lang, project="asean-section-kit", fuzzy=False)
    for message in sorted((m for m in template if m.id), key=lambda m: m.id):
        if lang == "en":
            string = old.get(message.id) or message.id
        else:
            string = old.get(message.id) or (seed or {}).get(message.id, "")
        catalog.add(message.id, string)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        write_po(fh, catalog, omit_header=False, sort_output=True, width=0)


def main() -> None:
    template = extract()
    seed = None
    seed_file = ROOT / "tools" / "vi_strings.py"
    if seed_file.exists():
        namespace: dict[str, dict[str, str]] = {}
        exec(seed_file.read_text(encoding="utf-8"), namespace)
        seed = namespace["VI"]
    update("vi", template, seed)
    update("en", template)


if __name__ == "__main__":
    main()
