"""The project: what is derived from the input is made once per process, and shared."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from conftest import MiniProject

from site_builder.apps.build import build_site
from site_builder.derive import embeds, index, pages, tracker
from site_builder.derive.project import load_project


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How many times each expensive derivation ran in this process."""
    calls: Counter[str] = Counter()

    def count(owner: object, name: str, label: str) -> None:
        original = getattr(owner, name)

        def wrapper(*args: object, **kwargs: object) -> object:
            calls[label] += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(owner, name, wrapper)

    original_index = index.SiteIndex.__init__
    original_tracker = tracker.Tracker.__init__

    def index_init(self: index.SiteIndex, *args: object) -> None:
        calls["index"] += 1
        original_index(self, *args)

    def tracker_init(self: tracker.Tracker, *args: object) -> None:
        calls["tracker"] += 1
        original_tracker(self, *args)

    monkeypatch.setattr(index.SiteIndex, "__init__", index_init)
    monkeypatch.setattr(tracker.Tracker, "__init__", tracker_init)
    count(pages, "generate", "generate")
    count(pages, "widget_specs", "widget specs")
    count(embeds, "describe", "widget")
    return calls


@pytest.mark.site
def test_a_build_derives_index_tracker_and_pages_once(tiny: MiniProject, counted: Counter[str]) -> None:
    """One process builds both languages here (``jobs=1``): the check, both language builds
    and the exports share one index, one tracker and one set of pages per language."""
    build_site(tiny.root, tiny.root / "site", site_url="http://127.0.0.1:9/", jobs=1)
    assert counted["index"] == 1
    assert counted["tracker"] == 1
    assert counted["generate"] == 2  # one per language
    assert counted["widget specs"] == 2
    widgets = {lang: len(load_project(tiny.root).widgets(lang)) for lang in ("vi", "en")}
    assert counted["widget"] == 2 * sum(widgets.values())  # each widget described once per build (and here)


def test_derived_parts_are_cached_on_the_project(mini: MiniProject, counted: Counter[str]) -> None:
    project = load_project(mini.root)
    assert project.index is project.index and project.tracker is project.tracker
    assert project.pages("vi") is project.pages("vi")
    assert [w.url for w in project.widgets("en")] == [w.url for w in project.widgets("en")]
    assert counted["index"] == 1 and counted["tracker"] == 1 and counted["generate"] == 2  # the check made both


def test_a_pickled_project_carries_what_was_derived(mini: MiniProject, tmp_path: Path) -> None:
    """Build workers get the project by pickle: the index arrives with it, and anchors
    (keyed by object identity) are made anew on the other side."""
    import pickle

    project = load_project(mini.root)
    plan = project.data.plans["soc-trang-2022"]
    anchors = {project.index.anchors[id(p.node)] for p in project.index.placed[plan.id]}
    copy = pickle.loads(pickle.dumps(project))
    assert "index" in copy.__dict__ and "anchors" not in copy.index.__dict__
    copied = copy.data.plans["soc-trang-2022"]
    assert {copy.index.anchors[id(p.node)] for p in copy.index.placed[copied.id]} == anchors
