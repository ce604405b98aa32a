"""The pins that keep a fresh install building: MkDocs below 2, and the lock as installed.

MkDocs 2 drops plugins and themes (docs/engine.md); Material's own ``mkdocs<2`` cap is
not ours to keep, so pyproject.toml states it, and requirements.lock fixes every
version. These fail when the environment resolved something else: a MkDocs 2, or a
package whose installed version is not the one the lock names.
"""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import PackageNotFoundError, version

from conftest import ROOT
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from site_builder.engine.mkdocs_build import PINNED


def lock() -> dict[str, Version]:
    """requirements.lock as {normalised name: version}."""
    pins: dict[str, Version] = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            name, _, pinned = line.partition("==")
            pins[canonicalize_name(name)] = Version(pinned)
    return pins


def our_requirements() -> list[Requirement]:
    """What pyproject.toml asks for: the dependencies and the extras ``make test`` installs."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    return [Requirement(text) for text in [*project["dependencies"], *extras["test"], *extras["engines"]]]


def test_mkdocs_is_capped_below_2_in_our_own_requirements() -> None:
    (mkdocs,) = [req for req in our_requirements() if req.name == "mkdocs"]
    assert str(mkdocs.specifier) == "<2,>=1.6"
    assert not mkdocs.specifier.contains("2.0.0")
    assert not mkdocs.specifier.contains("2.0.dev6", prereleases=True)  # the pre-releases on the registry


def test_the_resolved_mkdocs_is_1x_and_the_pinned_one() -> None:
    installed = Version(version("mkdocs"))
    assert installed.major == 1
    assert installed == lock()["mkdocs"] == Version(PINNED["mkdocs"])
    assert Version(version("properdocs")) == lock()["properdocs"] == Version(PINNED["properdocs"])


def test_every_requirement_is_locked_within_its_range() -> None:
    pins = lock()
    for req in our_requirements():
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} is not in requirements.lock"
        assert req.specifier.contains(pins[name], prereleases=True), f"{req} but the lock has {pins[name]}"


def test_what_is_installed_is_what_the_lock_says() -> None:
    drifted = []
    for name, pinned in lock().items():
        try:
            installed = Version(version(name))
        except PackageNotFoundError:
            continue  # an extra make test does not install (bench)
        if installed != pinned:
            drifted.append(f"{name}: installed {installed}, locked {pinned}")
    assert drifted == []
    for req in our_requirements():
        assert version(req.name), f"{req.name} is required but not installed"


def test_the_lock_pins_every_line() -> None:
    lines = [line for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    assert all(re.fullmatch(r"[A-Za-z0-9_.\-]+==[0-9][0-9A-Za-z.]*", line) for line in lines)
