"""The site through two runners, MkDocs 1.6 and ProperDocs, byte for byte; the engine seam.

ProperDocs answers ``import mkdocs...`` with its own modules once loaded, for the rest
of the process (``site_builder.engine.mkdocs_build.use_engine``), so its builds run in a process of
their own: ``python -m site_builder build --engine properdocs``. The MkDocs side of the
real corpus is the shared ``built_site``; the only difference accepted is the
``<meta name="generator">`` line (docs/engine.md). Both builds of the tiny project also
show that a build prints no third-party banner.
"""

from __future__ import annotations

import os
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from conftest import ROOT, SITE_URL, MiniProject, made_once

sys.path.insert(0, str(ROOT / "tools"))
from compare_builds import engine_differences  # noqa: E402

from site_builder.derive.kinds import PlansIndex
from site_builder.engine import mkdocs_build as engine
from site_builder.engine.mkdocs_build import EngineError, MkDocsEngine, use_engine, version_notice
from site_builder.engine.seam import Engine, PageToRender

BANNERS = ("end of life", "MkDocs 2", "ProperDocs", "Zensical", "NO_MKDOCS_2_WARNING", "DISABLE_MKDOCS_2_WARNING")
"""Words of Material's end-of-life banner and of ProperDocs' plugin warning."""


def build(root: Path, site_dir: Path, engine_name: str | None, *extra: str) -> subprocess.CompletedProcess[str]:
    """``python -m site_builder build`` in a fresh process, its output captured, none of
    the third-party banners' off switches in its environment."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("NO_MKDOCS_2_WARNING", "DISABLE_MKDOCS_2_WARNING", engine.ENGINE_VARIABLE)}
    args = [sys.executable, "-m", "site_builder", "--root", str(root), "build", "--site-dir", str(site_dir),
            "--site-url", SITE_URL, *extra]
    if engine_name:
        args += ["--engine", engine_name]
    return subprocess.run(args, env=env, capture_output=True, text=True, check=False, cwd=root)


@pytest.fixture(scope="module")
def tiny_both(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[str]]:
    """The tiny project built by each runner (search index included), and both outputs."""
    from conftest import make_tiny

    root = tmp_path_factory.mktemp("engines")
    project = make_tiny(MiniProject(root / "project"))
    outputs: list[str] = []
    sites = []
    for name in ("mkdocs", "properdocs"):
        done = build(project.root, root / name, name)
        assert done.returncode == 0, done.stdout + done.stderr
        outputs.append(done.stdout + done.stderr)
        sites.append(root / name)
    return sites[0], sites[1], outputs


@pytest.mark.site
def test_the_tiny_project_is_the_same_through_both_runners(tiny_both: tuple[Path, Path, list[str]]) -> None:
    mk, pd, _ = tiny_both
    found, generator = engine_differences(mk, pd)
    assert found == []
    assert "en/index.html" in generator and "vi/index.html" in generator
    page = (pd / "vi/index.html").read_text(encoding="utf-8")
    assert '<meta name="generator" content="mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.1">' in page
    assert (pd / "vi/pagefind").is_dir()  # the search index is compared too


@pytest.mark.site
def test_a_build_prints_no_third_party_banner(tiny_both: tuple[Path, Path, list[str]]) -> None:
    for output in tiny_both[2]:
        assert not [word for word in BANNERS if word in output], output


@pytest.mark.site
def test_the_real_corpus_is_the_same_through_properdocs(built_site: Path,
                                                        tmp_path_factory: pytest.TempPathFactory) -> None:
    def make(folder: Path) -> None:
        done = build(ROOT, folder / "site", "properdocs")
        assert done.returncode == 0, done.stdout + done.stderr

    pd = made_once(tmp_path_factory, "built-properdocs", make) / "site"
    found, generator = engine_differences(built_site, pd)
    assert found == []
    assert len(generator) > 500  # every page names its engine, and only that differs


def test_the_plugin_is_registered_for_both_runners() -> None:
    for group in ("mkdocs.plugins", "properdocs.plugins"):
        assert [ep.value for ep in entry_points(group=group, name="asean")] == ["site_builder.engine.mkdocs_plugin:AseanPlugin"]


def test_an_unknown_runner_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(engine.ENGINE_VARIABLE, "mkdocs2")
    with pytest.raises(EngineError, match="not one of mkdocs, properdocs"):
        use_engine()


def test_properdocs_cannot_take_over_a_process_that_loaded_mkdocs(monkeypatch: pytest.MonkeyPatch) -> None:
    import mkdocs  # noqa: F401  (this test process builds with MkDocs)

    monkeypatch.setenv(engine.ENGINE_VARIABLE, "mkdocs")
    with pytest.raises(EngineError, match="fresh one"):
        use_engine("properdocs")
    assert os.environ[engine.ENGINE_VARIABLE] == "mkdocs"


def test_the_notice_speaks_only_when_the_runner_is_not_the_pinned_one(monkeypatch: pytest.MonkeyPatch) -> None:
    assert version_notice("mkdocs") == ""
    assert version_notice("properdocs") == ""
    monkeypatch.setattr(engine, "version", lambda name: "2.0.0")
    notice = version_notice("mkdocs")
    assert "\n" not in notice
    assert notice.endswith("mkdocs 2.0.0 is installed, the kit pins 1.6.1: see docs/engine.md")


def test_the_seam_imports_no_engine() -> None:
    code = ("import sys, site_builder.engine.seam, site_builder.apps.build, site_builder.derive.project; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'properdocs', 'material')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert done.stdout.strip() == "[]"


def test_the_mkdocs_adapter_and_the_generated_pages_meet_the_seam() -> None:
    assert isinstance(MkDocsEngine(), Engine)
    spec = PlansIndex(url="plans/", title="Plans")
    assert isinstance(spec, PageToRender)
    assert spec.meta()["template"] == "asean/plans.html" and spec.src_uri == "plans/index.md"
