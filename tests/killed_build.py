"""A build that dies at a chosen step, for tests/test_build_output.py.

:func:`main` (in a process of its own: the test forks one for each kill; by hand,
``python tests/killed_build.py ROOT SITE_DIR LABEL KILL_AT FALLBACK``) runs
:func:`site_builder.apps.build.build_site` with the data check and the MkDocs build replaced by
a small tree named after ``LABEL`` (the test is about publishing, not about rendering),
and ends the process with ``os._exit`` at step ``KILL_AT``: no clean-up handler, no
``finally``, as with ``kill -9`` or a power cut. Steps are counted before and after each
file-system step of the build (clean-up, staging, marker, every file written, the swap,
and every file and folder deleted afterwards); ``KILL_AT`` 0 never kills. With
``FALLBACK`` 1 the swap behaves as where ``renameat2`` is missing.

Exit status: 0 when the build ran to its end, 137 when it was killed.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

KILLED = 137
label = "new"
"""The tree the next build writes (tests in-process switch it between builds)."""


def fake_tree(label: str) -> dict[str, str]:
    """The files a build labelled ``label`` writes: every file differs between labels, and
    each label has a file the other lacks."""
    return {
        "index.html": f"<p>home {label}</p>\n",
        "vi/index.html": f"<p>trang chủ {label}</p>\n",
        "vi/assets/site.css": f"/* {label} */\n",
        f"en/only-{label}.html": f"<p>{label}</p>\n",
    }


def install(step: Callable[[], None] = lambda: None, fallback: bool = False) -> None:
    """Replace the data check and the rendering with ``fake_tree(label)``, and call ``step``
    around every file-system step of the build."""
    from site_builder.apps import build, site_folder
    from site_builder.engine.deps import Inputs

    def fake_build(folder: Path, *args: Any) -> dict[str, list[str]]:
        for rel, text in fake_tree(label).items():
            path = folder / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            step()
        return {}

    def traced(function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            step()
            result = function(*args, **kwargs)
            step()
            return result
        return wrapper

    build._checked = lambda root, strict, jobs=1, publishing=False: object()  # type: ignore[assignment]
    # No real project to fingerprint: the dependency record describes an empty one.
    build.inputs_of = lambda project: Inputs("", {}, {}, "")  # type: ignore[assignment]
    build._build_into = fake_build  # type: ignore[assignment]
    if fallback:
        site_folder._exchange = lambda first, second: False  # type: ignore[assignment]
    for name in ("_clean_stale", "_staging", "_write_marker", "_exchange", "_rename", "_remove"):
        setattr(site_folder, name, traced(getattr(site_folder, name)))
    # Deleting the previous site is many steps: one per file and folder.
    os.unlink = traced(os.unlink)  # type: ignore[assignment]
    os.rmdir = traced(os.rmdir)  # type: ignore[assignment]


def main(argv: list[str]) -> int:
    global label
    root, site_dir, label, kill_at, fallback = argv
    count = 0

    def step() -> None:
        nonlocal count
        count += 1
        if count == int(kill_at):
            os._exit(KILLED)

    install(step, fallback == "1")
    from site_builder.apps.build import build_site

    build_site(Path(root), Path(site_dir), site_url="http://127.0.0.1:9/")
    print(f"steps: {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
