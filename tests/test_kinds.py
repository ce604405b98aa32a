"""site_builder/derive/kinds.py: the closed set of page kinds, each with its template, layout
and outputs; the home page recognised by its source path alone."""

from __future__ import annotations

from typing import get_args

import pytest
from conftest import ROOT, MiniProject, make_rich

from site_builder.derive.generated import Output
from site_builder.derive.kinds import (
    HOME,
    CalendarPage,
    HomePage,
    NewsList,
    NewsYearList,
    PageSpec,
    PlansIndex,
    QuizPage,
    QuizPrintPage,
    WidgetPage,
    WidgetSpec,
    page_kind,
)
from site_builder.derive.project import Project, load_project

KINDS = get_args(PageSpec)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return load_project(make_rich(MiniProject(tmp_path_factory.mktemp("kinds") / "project")).root)


def test_each_kind_has_its_own_name_a_template_in_the_theme_and_html_first() -> None:
    names = [cls.KIND for cls in KINDS]
    assert len(names) == len(set(names)) == 33
    for cls in KINDS:
        widget = issubclass(cls, WidgetPage)
        template = f"asean/embed/{cls.KIND.removeprefix('embed-')}.html" if widget else cls.TEMPLATE
        assert (ROOT / "theme" / template).is_file(), cls
        assert cls.OUTPUTS[0] is Output.HTML and cls.LAYOUT in ("list", "article", "reference")
    assert HomePage.LAYOUT == "front"


def test_outputs_are_declared_by_the_kind() -> None:
    assert CalendarPage.OUTPUTS == (Output.HTML, Output.ICS, Output.WIDGET)
    assert PlansIndex(url="plans/", title="x").outputs == (Output.HTML, Output.JSON)
    assert Output.FEED in NewsList.OUTPUTS and NewsYearList.OUTPUTS == (Output.HTML,)
    assert QuizPage(url="quiz/mixed/", title="x", quiz="mixed").outputs == (Output.HTML, Output.WIDGET)
    assert QuizPage(url="quiz/history/", title="x", quiz="history").outputs == (Output.HTML,)
    assert QuizPrintPage(url="quiz/mixed/print/", title="x", quiz="mixed").outputs == (Output.HTML,)


def test_the_home_page_is_recognised_by_its_source_path_only() -> None:
    plans = PlansIndex(url="plans/", title="x")
    assert page_kind(None, "index.md") is HOME
    assert page_kind(None, "about.md") is None and page_kind(None, None) is None
    assert page_kind(plans, "plans/index.md") is plans


def test_every_generated_page_is_of_a_kind_and_the_widgets_are_the_widget_kinds(project: Project) -> None:
    for lang in ("vi", "en"):
        generated = project.generated(lang)
        assert all(isinstance(spec, KINDS) for spec in generated.pages)
        widgets = [spec for spec in generated.pages if isinstance(spec, get_args(WidgetSpec))]
        assert sorted(generated.widgets, key=lambda w: w.url) == widgets
        assert {type(spec).KIND for spec in generated.pages} >= {"plans", "plan", "plan-text", "activity", "agency",
                                                                 "unit", "pillar", "embed-index", "embed-news"}
        assert [spec.url for spec in generated.pages] == sorted(spec.url for spec in generated.pages)
