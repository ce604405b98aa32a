"""Compare everything the kit publishes, built from two revisions of the code.

A refactoring must not change what citizens, portals and reporting officers get. This
builds the site (pages, API, CSV, calendar, feeds, sitemap, embeds, the search
index), the Sóc Trăng unit's section and the yearly reports (Markdown and .docx) from
the same inputs with the code of two revisions, and lists every file that differs.

    .venv/bin/python tools/compare_builds.py 3e1bfe0          # that commit against the working tree
    .venv/bin/python tools/compare_builds.py 3e1bfe0 HEAD     # two commits

Each revision's code is checked out into a temporary folder and run with this
virtual environment (``python -m site_builder`` imports the package of the folder it
runs in); both use the inputs (``plans/``, ``content/``, ``schemas/``) of the first, so
only the code (Python and theme) differs.

HTML pages whose only difference is whitespace between two tags (a template loop that
lays out table cells on one line instead of two) are listed apart, as such: browsers
and screen readers show them the same. The search index (``pagefind/``) is made from
the pages compared here and is left out. Exit status 1 when anything else differs.

Two built sites (the same inputs and code through two engines, MkDocs and ProperDocs:
docs/engine.md) are compared byte for byte, search index included:

    .venv/bin/python tools/compare_builds.py --sites /tmp/site-mkdocs /tmp/site-properdocs

There the one accepted difference is the ``<meta name="generator">`` line, which names
the engine and its version (listed apart, as such); any other byte differing is
reported and the exit status is 1.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ("plans", "content", "schemas")
SITE_URL = "https://cong.example.gov.vn/asean/"
REPORTS = (
    ["--plan", "bcd-asean-2021-2025", "--year", "2024"],
    ["--plan", "soc-trang-2022", "--year", "2022"],
    ["--plan", "binh-phuoc-2021-2025", "--period"],
)


def checkout(rev: str | None, into: Path, inputs: Path | None = None) -> Path:
    """The code of ``rev`` (``None``: the working tree), with the inputs of the tree at
    ``inputs`` when given."""
    if rev is None:
        shutil.copytree(ROOT, into, ignore=shutil.ignore_patterns(
            ".git", ".venv", "site", "node_modules", "__pycache__", ".*-staging-*", "reports", ".cache", "*.egg-info"))
    else:
        into.mkdir(parents=True)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    if inputs is not None:
        for name in INPUTS:
            shutil.rmtree(into / name, ignore_errors=True)
            shutil.copytree(inputs / name, into / name)
    return into


PLUGIN_SHIM = '''"""The asean plugin of whichever revision's code runs (the module moved in issue 33)."""
try:
    from site_builder.engine.mkdocs_plugin import AseanPlugin
except ImportError:
    from site_builder.mkdocs_plugin import AseanPlugin

__all__ = ["AseanPlugin"]
'''


def plugin_shim(folder: Path) -> Path:
    """A folder that, first on ``PYTHONPATH``, points MkDocs' ``asean`` plugin entry point at
    the plugin of the revision being run, wherever that revision keeps it: the virtual
    environment's own entry point names this revision's module, which an older revision
    lacks."""
    info = folder / "asean_section_kit-0.0.0.dist-info"  # the same name: it shadows the installed one
    info.mkdir(parents=True, exist_ok=True)
    (folder / "asean_plugin_shim.py").write_text(PLUGIN_SHIM, encoding="utf-8")
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: asean-section-kit\nVersion: 0.0.0\n",
                                   encoding="utf-8")
    points = "".join(f"[{group}]\nasean = asean_plugin_shim:AseanPlugin\n\n"
                     for group in ("mkdocs.plugins", "properdocs.plugins"))
    (info / "entry_points.txt").write_text(points, encoding="utf-8")
    return folder


def produce(tree: Path) -> Path:
    """Build everything into ``tree/out``: the national site, one unit's section, reports."""
    shim = plugin_shim(tree.parent / f"{tree.name}-shim")
    env = {**os.environ, "SITE_URL": SITE_URL, "PYTHONHASHSEED": "0", "PYTHONPATH": str(shim)}
    out = tree / "out"

    def run(*args: str) -> None:
        subprocess.run([sys.executable, "-m", "site_builder", *args], cwd=tree, env=env, check=True,
                       stdout=subprocess.DEVNULL)

    run("build", "--site-dir", str(out / "site"))
    run("build", "--site-dir", str(out / "unit"), "--unit", "soc-trang")
    for i, args in enumerate(REPORTS):
        try:
            run("report", *args, "--out", str(out / "reports" / str(i)))
        except subprocess.CalledProcessError:
            (out / "reports").mkdir(parents=True, exist_ok=True)
            (out / "reports" / f"{i}.failed").write_text(" ".join(args), encoding="utf-8")
    return out


def drop_failed_reports(first: Path, second: Path) -> list[str]:
    """A report that one revision could not write (a bug fixed since, say) is left out of
    the comparison on both sides; returns those reports' arguments, to be listed."""
    dropped = []
    for i, args in enumerate(REPORTS):
        if any((out / "reports" / f"{i}.failed").is_file() for out in (first, second)):
            for out in (first, second):
                shutil.rmtree(out / "reports" / str(i), ignore_errors=True)
                (out / "reports" / f"{i}.failed").unlink(missing_ok=True)
            dropped.append(" ".join(args))
    return dropped


_BETWEEN_TAGS = re.compile(rb">\s+<")


def whitespace_only(first: Path, second: Path) -> bool:
    """Two HTML files equal once the whitespace between tags is taken out."""
    if first.suffix != ".html":
        return False
    return _BETWEEN_TAGS.sub(b"><", first.read_bytes()) == _BETWEEN_TAGS.sub(b"><", second.read_bytes())


_GENERATOR = re.compile(rb'<meta name="generator" content="[^"<>]*">')


def generator_only(first: Path, second: Path) -> bool:
    """Two HTML files equal once the ``<meta name="generator">`` line (the engine's name
    and version, written by Material's base template) is taken out."""
    if first.suffix != ".html":
        return False
    return _GENERATOR.sub(b"", first.read_bytes()) == _GENERATOR.sub(b"", second.read_bytes())


def _walk(left: Path, right: Path, accepted: Callable[[Path, Path], bool], *, skip: frozenset[str] = frozenset(),
          ignore: list[str] | None = None, funny: bool = False) -> tuple[list[str], list[str]]:
    """(paths in one folder only or whose bytes differ, paths whose difference ``accepted``
    allows), below both folders, leaving out subfolders named in ``skip``; ``ignore`` is
    :class:`filecmp.dircmp`'s (its default list when ``None``); ``funny``: also report
    names that cannot be compared."""
    found: list[str] = []
    allowed: list[str] = []

    def walk(cmp: filecmp.dircmp[str], prefix: str) -> None:
        found.extend(f"only in first: {prefix}{name}" for name in cmp.left_only)
        found.extend(f"only in second: {prefix}{name}" for name in cmp.right_only)
        if funny:
            found.extend(f"not comparable: {prefix}{name}" for name in cmp.common_funny)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        for name in mismatch + errors:
            if accepted(Path(cmp.left) / name, Path(cmp.right) / name):
                allowed.append(f"{prefix}{name}")
            else:
                found.append(f"differs: {prefix}{name}")
        for name, sub in sorted(cmp.subdirs.items()):
            if name not in skip:
                walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right, ignore=ignore), "")
    return sorted(found), sorted(allowed)


def engine_differences(left: Path, right: Path) -> tuple[list[str], list[str]]:
    """(paths in one site only or whose bytes differ, HTML pages that differ in their
    generator line only) between two builds of the same inputs by two engines; every
    file compared, the search index included."""
    return _walk(left, right, generator_only, ignore=[], funny=True)


def compare_sites(first: Path, second: Path) -> int:
    """Print what differs between two built sites; 1 when anything but the generator line does."""
    found, generator = engine_differences(first, second)
    for line in found:
        print(line)
    print(f"{len(generator)} pages differ only in the generator line (the engine's name and version)")
    print(f"{len(found)} other differences between {first} and {second}")
    return 1 if found else 0


def differences(left: Path, right: Path) -> tuple[list[str], list[str]]:
    """(paths that exist in one folder only or whose bytes differ, HTML pages that differ
    in whitespace between tags only), below both folders, the search index left out."""
    return _walk(left, right, whitespace_only, skip=frozenset({"pagefind"}))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("first", help="a git revision (with --sites: the first built site)")
    parser.add_argument("second", nargs="?", default=None,
                        help="a git revision (default: the working tree; with --sites: the second built site)")
    parser.add_argument("--keep", type=Path, help="keep both outputs in this folder")
    parser.add_argument("--sites", action="store_true",
                        help="compare two built sites byte for byte (two engines), nothing built")
    args = parser.parse_args(argv)
    if args.sites:
        if args.second is None:
            parser.error("--sites takes two folders")
        return compare_sites(Path(args.first), Path(args.second))
    with tempfile.TemporaryDirectory(prefix="asean-compare-") as tmp:
        base = args.keep or Path(tmp)
        first_tree = checkout(args.first, base / "first")
        second_tree = checkout(args.second, base / "second", inputs=first_tree)
        first, second = produce(first_tree), produce(second_tree)
        dropped = drop_failed_reports(first, second)
        found, spacing = differences(first, second)
    for line in found:
        print(line)
    for report in dropped:
        print(f"not compared: report {report} (one revision could not write it)")
    name = args.second or "the working tree"
    print(f"{len(spacing)} pages differ only in whitespace between tags")
    print(f"{len(found)} differences between {args.first} and {name}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
