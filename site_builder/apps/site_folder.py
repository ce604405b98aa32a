"""The output folder: guarded, staged and swapped in whole.

The build replaces its output folder whole, so the folder is checked before anything is
written (:func:`check_output`): it can never be, contain or sit inside the project's
sources, and only a folder this kit built itself (marked with :data:`MARKER`) is
replaced. A build writes into a staging folder beside it, swapped in in one atomic step
(:func:`staged`); a failure at any step, a kill included, leaves the previous site as it
was, and what killed builds leave behind is cleaned by the next one.
"""

from __future__ import annotations

import ctypes
import errno
import functools
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from site_builder import PACKAGE_DIR
from site_builder.apps.errors import OutputError
from site_builder.output.precompress import precompress
from site_builder.output.trees import remove_tree
from site_builder.output.writer import Writer

MARKER = ".asean-build"
"""The file that marks a folder as this kit's output: the only kind of folder a build
deletes and replaces."""
MARKER_TEXT = (
    "Thư mục này do bộ công cụ Chuyên mục ASEAN dựng; lần dựng sau sẽ xóa và thay toàn bộ nó. / "
    "This folder was built by the ASEAN section kit; the next build deletes and replaces all of it.\n"
)
SOURCES = (
    "content", "plans", "theme", "site_builder", ".git", "tests", "docs", "schemas", "tools", "bench",
    ".ci", ".venv", ".github", ".vscode", "node_modules", "mkdocs.yml", "pyproject.toml",
    "requirements.lock", "Makefile", "README.md", "babel.cfg",
)
"""What a project holds besides its output: inputs, code, history, tools. The output
folder may be none of them, nor inside one, nor hold one."""


def _within(inner: Path, outer: Path) -> bool:
    """``inner`` is ``outer`` or inside it, by name or, where both exist, by the file
    system itself (a case-insensitive file system, a bind mount or a second path to the
    same folder does not slip through)."""
    if inner == outer or outer in inner.parents:
        return True
    try:
        target = os.stat(outer)
    except OSError:
        return False
    for folder in (inner, *inner.parents):
        try:
            st = os.stat(folder)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) == (target.st_dev, target.st_ino):
            return True
    return False


def _refuse(vi: str, en: str) -> OutputError:
    return OutputError(f"{vi}\n    {en}")


def check_output(root: Path, site_dir: Path) -> None:
    """Refuse an output folder the build must not write or replace, before anything is
    written or deleted (both paths already resolved).

    The build replaces its output folder whole, so a wrong ``--site-dir`` (``.``,
    ``content``, a home folder) would delete what is there. It may therefore not be the
    project, hold it, or be or sit inside its sources (:data:`SOURCES`, and this
    package wherever it is installed); and an existing folder that is not empty must
    carry the marker of an earlier build (:data:`MARKER`).
    """
    if _within(root, site_dir):
        raise _refuse(
            f"thư mục đích {site_dir} là thư mục dự án hoặc chứa nó ({root}): dựng vào đó sẽ xóa mã nguồn",
            f"the output folder {site_dir} is the project folder or contains it ({root}): "
            "building there would delete the sources",
        )
    sources = [root / name for name in SOURCES] + [PACKAGE_DIR]
    for source in sources:
        if _within(site_dir, source) or _within(source, site_dir):
            raise _refuse(
                f"thư mục đích {site_dir} trùng, chứa hoặc nằm trong {source} (mã nguồn hoặc dữ liệu đầu vào "
                "của dự án): hãy chọn thư mục khác, ví dụ site/",
                f"the output folder {site_dir} is, contains or sits inside {source} (the project's sources "
                "or inputs): choose another folder, for example site/",
            )
    if os.path.lexists(site_dir) and not site_dir.is_dir():
        raise _refuse(
            f"{site_dir} là một tệp, không phải thư mục: hãy chọn thư mục khác",
            f"{site_dir} is a file, not a folder: choose another folder",
        )
    if site_dir.is_dir() and not (site_dir / MARKER).is_file() and any(site_dir.iterdir()):
        raise _refuse(
            f"thư mục đích {site_dir} đã có nội dung không do bộ công cụ này dựng (không có tệp {MARKER}), "
            "nên sẽ không bị xóa: hãy tự xóa thư mục đó hoặc chọn thư mục khác bằng --site-dir",
            f"the output folder {site_dir} holds files this kit did not build (no {MARKER} file), "
            "so it will not be deleted: remove that folder yourself or choose another one with --site-dir",
        )


def _leftover(site_dir: Path, kind: str) -> Path:
    """This build's staging (new site) or old (previous site) folder, beside ``site_dir``."""
    return site_dir.parent / f".{site_dir.name}-{kind}-{os.getpid()}"


def _alive(pid: int) -> bool:
    """Whether process ``pid`` still runs (its staging folder is then left alone)."""
    if pid <= 0 or pid == os.getpid():
        return False  # never a real build; our own pid: a leftover of an earlier process
    if os.name == "nt":
        return _alive_windows(pid)
    try:
        os.kill(pid, 0)  # signal 0 only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, run by someone else
    return True


def _alive_windows(pid: int) -> bool:
    """Windows has no signal 0 (``os.kill`` would end the process): ask for its exit code."""
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    kernel32.OpenProcess.argtypes = [ctypes.c_ulong, ctypes.c_int, ctypes.c_ulong]
    kernel32.OpenProcess.restype = ctypes.c_void_p
    kernel32.GetExitCodeProcess.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_ulong)]
    kernel32.CloseHandle.argtypes = [ctypes.c_void_p]
    handle = kernel32.OpenProcess(0x1000, 0, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return bool(ctypes.get_last_error() == 5)  # type: ignore[attr-defined]  # ERROR_ACCESS_DENIED: it exists
    try:
        code = ctypes.c_ulong()
        return bool(kernel32.GetExitCodeProcess(handle, ctypes.byref(code))) and code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def _clean_stale(site_dir: Path) -> None:
    """Remove what killed builds left beside ``site_dir``: ``.<name>-staging-<pid>`` and
    ``.<name>-old-<pid>`` folders whose process no longer runs. One exception: when
    ``site_dir`` is missing, the two-rename swap was killed between its renames, and the
    old folder is the previous complete site: it is put back."""
    pattern = re.compile(re.escape(f".{site_dir.name}-") + r"(staging|old)-([0-9]{1,10})")
    if not site_dir.parent.is_dir():
        return
    for path in sorted(site_dir.parent.iterdir()):
        match = pattern.fullmatch(path.name)
        if match is None or _alive(int(match[2])):
            continue
        if match[1] == "old" and not os.path.lexists(site_dir) and (path / MARKER).is_file():
            _rename(path, site_dir)
        else:
            _remove(path)


def _remove(path: Path) -> None:
    """Delete a folder of ours; a symbolic link is unlinked, never followed. What cannot be
    deleted now is left for the next build's :func:`_clean_stale`."""
    remove_tree(path)


def _rename(source: Path, target: Path) -> None:
    os.rename(source, target)


def _write_marker(folder: Path) -> None:
    Writer(folder).text(MARKER, MARKER_TEXT, "build marker")


def _staging(site_dir: Path) -> Path:
    staging = _leftover(site_dir, "staging")
    if os.path.lexists(staging):
        _remove(staging)
    staging.mkdir(parents=True)
    _write_marker(staging)
    return staging


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


@functools.cache
def _renameat2() -> Callable[..., int] | None:
    """Linux's ``renameat2`` from the C library (glibc 2.28 and later), or ``None``."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        function = libc.renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one atomic step (``renameat2(RENAME_EXCHANGE)``): ``False``, with
    nothing changed, where the C library, the kernel or the file system cannot."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(first), None, str(second))


def _publish(staging: Path, site_dir: Path) -> None:
    """Put the new site in place in one atomic step, then delete the previous one.

    When ``site_dir`` does not exist, one rename is atomic. When it does, on Linux,
    ``renameat2(RENAME_EXCHANGE)`` swaps the two folders in one step: at every instant
    ``site_dir`` is the complete old site or the complete new one, and a kill after the
    swap leaves the old site under the staging name for the next build to delete.

    Only where that call is missing (macOS, Windows, a Linux file system without it) two
    renames are used, ``site_dir`` to ``.<name>-old-<pid>`` and the staging folder to
    ``site_dir``: between them there is no ``site_dir`` for an instant, and a build
    killed right there leaves the old site aside, which the next build puts back first
    (:func:`_clean_stale`).
    """
    if not os.path.lexists(site_dir):
        _rename(staging, site_dir)
        return
    if _exchange(staging, site_dir):
        _remove(staging)  # now the previous site
        return
    old = _leftover(site_dir, "old")
    _rename(site_dir, old)
    try:
        _rename(staging, site_dir)
    except BaseException:
        _rename(old, site_dir)
        raise
    _remove(old)


@contextmanager
def staged(root: Path, site_dir: Path, compress: bool) -> Iterator[Path]:
    """A staging folder beside ``site_dir``, swapped in only if the block succeeds; on any
    failure (an exception, Ctrl-C) it is removed and ``site_dir`` stays as it was.

    The output folder is checked before anything is written, and again just before the
    swap: a build takes minutes, and someone may have put files there meanwhile. What
    killed builds left beside it is removed first.
    """
    check_output(root, site_dir)
    _clean_stale(site_dir)
    staging = _staging(site_dir)
    try:
        yield staging
        if compress:
            precompress(staging)
        check_output(root, site_dir)
        _publish(staging, site_dir)
    except BaseException:
        _remove(staging)
        raise
