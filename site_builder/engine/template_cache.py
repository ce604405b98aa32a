"""Compiled templates kept between builds (Jinja's bytecode cache), in the build cache.

Each language build compiles the same fifty-odd templates (Material's and ours) again:
about a second per language, which a clean build pays twice and an incremental build
after a one-line edit pays as much as everything else it does. Jinja keeps the compiled
code per template and checks it against the template's source (a changed template is
compiled again) and against Jinja's and Python's versions. What else decides the
compiled code is the environment's settings (autoescaping, extensions, new-style
gettext), so they name the cache's folder: two environments set differently never share
an entry.
"""

from __future__ import annotations

import hashlib
import json

import jinja2

from site_builder.core.cachedir import builds as cache_dir


def bytecode_cache(env: jinja2.Environment) -> jinja2.FileSystemBytecodeCache | None:
    """The cache for ``env`` as it is now set up, or ``None`` when its folder cannot be made."""
    settings = json.dumps([
        jinja2.__version__, bool(env.autoescape) if not callable(env.autoescape) else repr(env.autoescape),
        sorted(env.extensions), bool(getattr(env, "newstyle_gettext", False)), env.trim_blocks, env.lstrip_blocks,
        env.keep_trailing_newline, env.optimized, [env.block_start_string, env.variable_start_string,
                                                  env.comment_start_string, env.line_statement_prefix],
    ])
    folder = cache_dir() / "templates" / hashlib.sha256(settings.encode()).hexdigest()[:16]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))
