"""The theme loader: the same files for MkDocs to copy as Jinja's own loader gives, hidden
folders left unwalked, and every template still loadable by name."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from site_builder.engine.theme_loader import VisibleFilesLoader, visible_files_env

ROOT = Path(__file__).resolve().parent.parent


def copied_theme_files(wrap: bool) -> list[tuple[str, str]]:
    """What MkDocs' own ``Files.add_files_from_theme`` copies from the repository's theme
    (ours over Material's), with the theme's environment as MkDocs makes it or wrapped."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    config = load_config(str(ROOT / "mkdocs.yml"))
    get_env = visible_files_env(config.theme.get_env) if wrap else config.theme.get_env
    files = Files([])
    files.add_files_from_theme(get_env(), config)
    return [(file.src_uri, file.abs_src_path or "") for file in files]


def test_mkdocs_copies_the_same_files_from_the_real_themes() -> None:
    after = copied_theme_files(wrap=True)
    assert after == copied_theme_files(wrap=False)
    assert len(after) > 20 and not [uri for uri, _ in after if uri.startswith(".") or "/." in uri]


def test_hidden_files_and_folders_are_not_listed_but_load(tmp_path: Path) -> None:
    (tmp_path / ".icons" / "set").mkdir(parents=True)
    (tmp_path / ".icons" / "set" / "star.svg").write_text("<svg/>", encoding="utf-8")
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "site.css").write_text("p{}", encoding="utf-8")
    (tmp_path / "assets" / ".draft.css").write_text("p{}", encoding="utf-8")
    (tmp_path / "main.html").write_text('{% include ".icons/set/star.svg" %}', encoding="utf-8")
    env = jinja2.Environment(loader=VisibleFilesLoader([str(tmp_path)]))
    assert env.list_templates() == ["assets/site.css", "main.html"]
    assert env.get_template("main.html").render() == "<svg/>"


def test_a_later_folder_adds_only_what_an_earlier_one_lacks(tmp_path: Path) -> None:
    first, second = tmp_path / "ours", tmp_path / "material"
    for folder, names in ((first, ["main.html"]), (second, ["main.html", "base.html"])):
        folder.mkdir()
        for name in names:
            (folder / name).write_text(folder.name, encoding="utf-8")
    loader = VisibleFilesLoader([str(first), str(second)])
    assert loader.list_templates() == ["base.html", "main.html"]
    assert jinja2.Environment(loader=loader).get_template("main.html").render() == "ours"


def test_the_theme_environment_keeps_its_folders_and_settings(tmp_path: Path) -> None:
    made = jinja2.Environment(loader=jinja2.FileSystemLoader([str(tmp_path)], encoding="latin-1", followlinks=True),
                              autoescape=True)
    env = visible_files_env(lambda: made)()
    assert isinstance(env.loader, VisibleFilesLoader)
    assert env.loader.searchpath == [str(tmp_path)]
    assert env.loader.encoding == "latin-1" and env.loader.followlinks
    assert env.autoescape is True


@pytest.mark.parametrize("loader", [jinja2.DictLoader({"a.html": "a"}), None])
def test_other_loaders_are_left_alone(loader: jinja2.BaseLoader | None) -> None:
    made = jinja2.Environment(loader=loader)
    assert visible_files_env(lambda: made)().loader is loader
