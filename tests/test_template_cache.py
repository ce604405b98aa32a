"""Compiled templates kept between builds (site_builder/engine/template_cache.py): a second build
compiles nothing and writes the same bytes; environments set up differently never share."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from site_builder.engine.template_cache import bytecode_cache


def _env(folder: Path, autoescape: bool) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), autoescape=autoescape)
    env.bytecode_cache = bytecode_cache(env)
    return env


def test_compiled_once_and_the_same_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASEAN_BUILD_CACHE", str(tmp_path / "cache"))
    (tmp_path / "t.html").write_text("<p>{{ text }}</p>", encoding="utf-8")
    first = _env(tmp_path, True).get_template("t.html").render(text="<b>")
    assert first == "<p>&lt;b&gt;</p>"
    compiled: list[str] = []
    env = _env(tmp_path, True)
    monkeypatch.setattr(env, "_compile", lambda source, filename: compiled.append(filename))
    assert env.get_template("t.html").render(text="<b>") == first
    assert compiled == []
    # Not autoescaped: another folder, compiled afresh, the text as it is.
    assert _env(tmp_path, False).get_template("t.html").render(text="<b>") == "<p><b></p>"
    # A changed template is compiled again.
    (tmp_path / "t.html").write_text("<div>{{ text }}</div>", encoding="utf-8")
    assert _env(tmp_path, True).get_template("t.html").render(text="x") == "<div>x</div>"
