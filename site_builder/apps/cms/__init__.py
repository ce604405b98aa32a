"""The Git-based CMS at ``/admin/``: its configuration, generated from the models, and
its files, vendored from the npm registry.

Editors who do not use a terminal write in a web form (Sveltia CMS, pinned in
``cms/package-lock.json``); every save is still a file in ``content/`` or ``plans/``
that ``check`` validates, on the editor's own clone (the "local repository" of the
File System Access API, in Chromium-based browsers) or as a commit on GitHub, GitLab or
Gitea. Why Sveltia and not Decap CMS: ``docs/cms.md``.

The form is generated from the same pydantic models (through their JSON Schemas) as
``check`` and ``schemas/*.json``: a field added to a model appears in the form, with
its required flag, pattern, bounds, choices and docstring (as the hint). What a form
can enforce it enforces; the rules across fields (a photo needs its alt text, credit
and licence) are ``check``'s, which the pipeline runs on every commit.

The modules, from the configuration to the files served:

- :mod:`.labels`: the forms' words in both languages, from the gettext catalogs;
- :mod:`.choices`: the ids the forms offer (plans, units, agencies, tags), by name;
- :mod:`.fields`: form fields from a model's JSON Schema;
- :mod:`.config`: the configuration, one form per kind of page, plan and data file;
- :mod:`.vendor`: the installed package and the rewrites that keep it on ``/admin/``;
- :mod:`.site`: the page, its script and style sheet, and writing the folder;
- :mod:`.serve`: the Content-Security-Policy, the files by name, the live preview's copy.

Nothing here imports MkDocs.
"""

from __future__ import annotations

from site_builder.apps.cms.choices import Choices, PlanChoice
from site_builder.apps.cms.config import (
    BACKENDS,
    COMMIT_MESSAGES,
    MEDIA_FOLDER,
    MEDIA_LIBRARIES,
    GitBackend,
    config,
    form_fields,
    render_config,
)
from site_builder.apps.cms.fields import I18N_DUPLICATE, NOT_IN_FORMS, REQUIRED_BY_KIND
from site_builder.apps.cms.labels import hints, labels, option_labels
from site_builder.apps.cms.serve import (
    ADMIN_TYPES,
    GIT_HOSTS,
    PREVIEW_DIR,
    admin_file,
    admin_policy,
    preview_config,
    preview_response,
)
from site_builder.apps.cms.site import ADMIN_JS, INDEX_HTML, PREVIEW_CSS, admin_js, replace_admin, write_admin
from site_builder.apps.cms.vendor import (
    FONTS,
    INSTALL_HINT,
    INTERFACE_LOCALES,
    PACKAGE,
    PACKAGE_DIR,
    REWRITES,
    VendorError,
    installed_version,
    localise_bundle,
)

__all__ = [
    "ADMIN_JS", "ADMIN_TYPES", "BACKENDS", "COMMIT_MESSAGES", "FONTS", "GIT_HOSTS", "GitBackend", "I18N_DUPLICATE", "INDEX_HTML",
    "INSTALL_HINT", "INTERFACE_LOCALES", "MEDIA_FOLDER", "MEDIA_LIBRARIES", "NOT_IN_FORMS", "PACKAGE", "PACKAGE_DIR",
    "PREVIEW_CSS", "PREVIEW_DIR", "REQUIRED_BY_KIND", "REWRITES", "Choices", "PlanChoice", "VendorError", "admin_file",
    "admin_js", "admin_policy", "config", "form_fields", "hints", "installed_version", "labels", "localise_bundle",
    "option_labels", "preview_config", "preview_response", "render_config", "replace_admin", "write_admin",
]
