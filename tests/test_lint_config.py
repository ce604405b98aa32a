"""The checks CI runs before the suite (issue 33): ruff over the code, mypy --strict over
site_builder, and the markers that let ``make unit`` leave out browsers, site builds and
slow tests.

mypy runs strict on every module of site_builder but those listed in pyproject.toml's
allow-list (a ``[[tool.mypy.overrides]]`` entry that relaxes a check, with the reason beside
it). That list only shrinks: a module made clean is taken off it and off ``ALLOWED`` below;
a module added to it fails here.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from conftest import ROOT

ALLOWED: frozenset[str] = frozenset()
"""The modules mypy may not check strictly today (the committed allow-list)."""

STRICT_FLAGS = (
    "warn_unused_configs", "disallow_any_generics", "disallow_subclassing_any", "disallow_untyped_calls",
    "disallow_untyped_defs", "disallow_incomplete_defs", "check_untyped_defs", "disallow_untyped_decorators",
    "warn_redundant_casts", "warn_unused_ignores", "warn_return_any", "no_implicit_reexport", "strict_equality",
    "extra_checks",
)
"""What ``strict = true`` turns on (mypy --help): an override turning one off relaxes the check."""


def pyproject() -> dict[str, Any]:
    with (ROOT / "pyproject.toml").open("rb") as file:
        return tomllib.load(file)


def relaxing(override: dict[str, Any]) -> bool:
    return (override.get("ignore_errors") is True or bool(override.get("disable_error_code"))
            or any(override.get(flag) is False for flag in STRICT_FLAGS))


def modules(override: dict[str, Any]) -> list[str]:
    module = override["module"]
    return [module] if isinstance(module, str) else list(module)


def allow_list() -> set[str]:
    overrides = pyproject()["tool"]["mypy"].get("overrides", [])
    return {name for override in overrides if relaxing(override) for name in modules(override)}


def test_mypy_is_strict_over_site_builder_with_the_pydantic_plugin() -> None:
    mypy = pyproject()["tool"]["mypy"]
    assert mypy["strict"] is True
    assert mypy["files"] == ["site_builder"]
    assert "pydantic.mypy" in mypy["plugins"]
    assert not any(mypy.get(flag) is False for flag in STRICT_FLAGS), "strictness is relaxed per module, never for all"


def test_the_allow_list_only_shrinks() -> None:
    listed = allow_list()
    added = sorted(listed - ALLOWED)
    assert not added, f"modules added to mypy's allow-list in pyproject.toml: {added}; fix their types instead"
    gone = sorted(ALLOWED - listed)
    assert not gone, f"taken off mypy's allow-list, well done: take {gone} off ALLOWED in this file too"


def test_the_allow_list_names_modules_that_exist() -> None:
    for name in ALLOWED:
        path = ROOT / Path(*name.split("."))
        assert path.with_suffix(".py").is_file() or (path / "__init__.py").is_file(), name


def test_libraries_without_types_are_only_other_peoples() -> None:
    """``ignore_missing_imports`` is for third-party packages that ship no types; none of ours."""
    for override in pyproject()["tool"]["mypy"].get("overrides", []):
        if override.get("ignore_missing_imports"):
            assert not any(name.startswith("site_builder") for name in modules(override)), override


def test_ci_runs_lint_and_types_before_the_suite() -> None:
    run = (ROOT / ".ci/run").read_text(encoding="utf-8")
    assert "make lint types" in run and "make test" in run
    assert run.index("make lint types") < run.index("make test")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "ruff check site_builder tests tools bench" in makefile
    assert "\ntypes: $(STAMP)\n\t$(VENV)/bin/mypy\n" in makefile


def test_the_fast_lane_leaves_out_every_marked_test() -> None:
    options = pyproject()["tool"]["pytest"]["ini_options"]
    assert "--strict-markers" in options["addopts"]
    assert {line.split(":")[0] for line in options["markers"]} == {"browser", "site", "slow"}
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert '-m "not browser and not site and not slow"' in makefile
