"""The CMS configuration (``/admin/config.yml``), generated from the models: one form per
kind of page, per plan's implementation records and per data file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from site_builder import LANGUAGES
from site_builder.apps.cms.choices import Choices, PlanChoice
from site_builder.apps.cms.fields import NOT_IN_FORMS, REQUIRED_BY_KIND, Fields, duplicate
from site_builder.apps.cms.labels import hints, labels, words, words_in
from site_builder.model.content import DocumentFile, EventFile, FrontMatter
from site_builder.model.members import MemberFile
from site_builder.model.progress import ProgressFile

MEDIA_FOLDER = "content/media"
"""Where photos go: :data:`site_builder.inputs.photos.MEDIA_DIR`, one folder for both languages."""

BACKENDS = ("github", "gitlab", "gitea")

COMMIT_MESSAGES = {
    "create": "Thêm {{collection}}: {{slug}} / Add",
    "update": "Sửa {{collection}}: {{slug}} / Edit",
    "delete": "Xóa {{collection}}: {{slug}} / Delete",
    "uploadMedia": "Tải lên / Upload {{path}}",
    "deleteMedia": "Xóa / Delete {{path}}",
}
"""What each save writes as its commit message, in Vietnamese first (the CMS adds "+N" when a
save changes more files than one, e.g. both languages and a photo)."""

MEDIA_LIBRARIES: dict[str, Any] = {
    "default": {"config": {"slugify_filename": True}},
    "stock_assets": False,
}
"""Only the site's own pictures: an uploaded file is renamed by the slug rules
("Ảnh Hội nghị ASEAN 2026.JPG" -> ``anh-hoi-nghi-asean-2026.jpg``, a name ``check``
accepts), and the stock photo services (Lorem Picsum, Pexels, Pixabay, Unsplash), whose
pictures a government site has no licence record for, are switched off."""

def _page_collection(kind: str, choices: Choices) -> dict[str, Any]:
    """A folder collection of Markdown pages of one kind, both languages side by side,
    at the same path below ``content/vi/<kind>/`` and ``content/en/<kind>/``."""
    fields = Fields(FrontMatter, choices, translatable=True).fields(
        FrontMatter.model_json_schema(), skip=[k.split(".", 1)[1] for k in NOT_IN_FORMS if k.startswith("FrontMatter.")],
        required_extra=REQUIRED_BY_KIND.get(kind, ()))
    for field in fields:
        if field["name"] == "image":
            field.pop("maxlength", None)
            field.update(widget="image", media_folder=f"/{MEDIA_FOLDER}", public_folder="", choose_url=False,
                         accept="image/jpeg,image/png,image/webp,image/avif")
        if field["name"] == "sources":
            duplicate(field)
            # check wants an address or a publisher; every source of the section names its
            # publisher, so the form asks for it (the form cannot require one of two fields).
            next(f for f in field["fields"] if f["name"] == "publisher")["required"] = True
        if field["name"] in ("date", "updated"):
            field.update(widget="datetime", type="date", format="YYYY-MM-DD", time_format=False)
            field.pop("pattern", None)
        if field["name"] == "description":
            field["widget"] = "text"
    fields.insert(0, {"name": "kind", "widget": "hidden", "default": kind, "i18n": "duplicate"})
    fields.append({"name": "body", "label": labels()["body"], "widget": "markdown", "i18n": True, "required": True,
                   "modes": ["rich_text", "raw"]})
    return {
        "name": kind,
        "label": words()[kind],
        "folder": f"content/{{{{locale}}}}/{kind}",
        "extension": "md",
        "format": "yaml-frontmatter",
        "create": True,
        "delete": False,
        "i18n": True,
        "slug": "{{title}}",
        "summary": "{{title}} ({{date}})" if kind == "news" else "{{title}}",
        "sortable_fields": {"fields": ["date", "title"], "default": {"field": "date", "direction": "descending"}}
        if kind == "news" else ["title"],
        "filter": {"field": "kind", "value": kind},
        "fields": fields,
    }


def _data_collection(name: str, model: type[BaseModel], choices: Choices) -> dict[str, Any]:
    """A file collection: one data file, ``content/data/<name>.yaml``, edited as a whole."""
    label = words()[name]
    return {
        "name": name,
        "label": label,
        "files": [{
            "name": name,
            "label": label,
            "file": f"content/data/{name}.yaml",
            "format": "yaml",
            "fields": Fields(model, choices, translatable=False).fields(model.model_json_schema()),
        }],
    }


def _shorten(text: str, limit: int = 90) -> str:
    """An activity's name cut at a word to fit one line of a list (its number says which)."""
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _progress_collections(choices: Choices) -> list[dict[str, Any]]:
    """Implementation records, one file per plan and year (``plans/progress/<plan>-<year>.yaml``),
    one form per plan: the form of a plan offers that plan's years and its appendix
    activities by number and name (or, for a plan without an appendix, the number of an
    assignment), so a record always names a task the plan has."""
    return [{
        "name": f"progress-{plan.id}",
        "label": f"{words_in('vi')['records']}: {plan.title} / {words_in('en')['records']}",
        "label_singular": f"{words_in('vi')['records_of_a_year']}: {plan.title}",
        "folder": "plans/progress",
        "extension": "yaml",
        "format": "yaml",
        "create": True,
        "delete": False,
        "filter": {"field": "plan", "value": plan.id},
        "identifier_field": "year",
        "slug": "{{fields.plan}}-{{fields.year}}",
        "summary": "{{year}}",
        "fields": _progress_fields(plan, choices),
    } for plan in choices.plan_details]


def _progress_fields(plan: PlanChoice, choices: Choices) -> list[dict[str, Any]]:
    """The fields of one plan's report: the plan fixed, its years to pick from, the day saved."""
    fields = Fields(ProgressFile, choices, translatable=False).fields(
        ProgressFile.model_json_schema(), skip=[k.split(".", 1)[1] for k in NOT_IN_FORMS if k.startswith("ProgressFile.")])
    for item in fields:
        if item["name"] == "plan":
            item.clear()
            item.update(name="plan", widget="hidden", default=plan.id)
        elif item["name"] == "year":
            item.update(widget="select", options=[{"label": str(y), "value": y} for y in plan.years])
            for key in ("value_type", "min", "max"):
                item.pop(key, None)
        elif item["name"] == "updated":
            item.update(widget="datetime", type="date", format="YYYY-MM-DD", time_format=False, default="{{now}}",
                        hint=hints()["updated_report"])
            item.pop("pattern", None)
        elif item["name"] == "records":
            _task_field(item["fields"], plan)
    return fields


def _task_field(records: list[dict[str, Any]], plan: PlanChoice) -> None:
    """What a record reports on: the plan's appendix activities to pick from, or, for a plan
    without an appendix, the number of an assignment (required either way)."""
    if plan.activities:
        records[:] = [f for f in records if f["name"] != "assignment"]
        activity = next(f for f in records if f["name"] == "activity")
        activity.update(widget="select", required=True, dropdown_threshold=0,
                        options=[{"label": f"{i} — {_shorten(name)}", "value": i} for i, name in plan.activities])
        for key in ("pattern", "maxlength", "minlength"):
            activity.pop(key, None)
    else:
        records[:] = [f for f in records if f["name"] != "activity"]
        next(f for f in records if f["name"] == "assignment")["required"] = True


@dataclass(frozen=True)
class GitBackend:
    """The Git host the published ``/admin/`` signs in to: its kind (``github``, ``gitlab``
    or ``gitea``), the repository and branch, and ``base_url`` for a self-hosted GitLab or Gitea."""

    name: str = "github"
    repo: str = "OWNER/REPO"
    branch: str = "main"
    base_url: str | None = None


def config(root: Path, backend: GitBackend = GitBackend(), site_url: str | None = None) -> dict[str, Any]:
    """The CMS configuration (``/admin/config.yml``) for the project at ``root``, signing in
    to ``backend``. On 127.0.0.1 the CMS also offers to work on the editor's own clone,
    whatever the backend, without signing in."""
    if backend.name not in BACKENDS:
        raise ValueError(f"backend must be one of {', '.join(BACKENDS)}, not {backend.name!r}")
    choices = Choices.read(root)
    back: dict[str, Any] = {"name": backend.name, "repo": backend.repo, "branch": backend.branch,
                            "commit_messages": COMMIT_MESSAGES}
    if backend.base_url:
        host = backend.base_url.rstrip("/")
        back["base_url"] = host
        back["api_root"] = f"{host}/api/v1" if backend.name == "gitea" else f"{host}/api/v4"
    out: dict[str, Any] = {
        "backend": back,
        "media_folder": MEDIA_FOLDER,
        "public_folder": "",
        "media_libraries": MEDIA_LIBRARIES,
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "output": {"omit_empty_optional_fields": True},
        "i18n": {"structure": "multiple_folders", "locales": list(LANGUAGES), "default_locale": LANGUAGES[0]},
        "collections": [
            _page_collection("news", choices),
            _page_collection("tourism", choices),
            *_progress_collections(choices),
            _data_collection("events", EventFile, choices),
            _data_collection("documents", DocumentFile, choices),
            _data_collection("members", MemberFile, choices),
        ],
    }
    if site_url:
        out["site_url"] = site_url
    return out


def render_config(cfg: dict[str, Any]) -> str:
    """The configuration as YAML, keys in the order written (stable for review)."""
    head = "# Generated by `python -m site_builder cms` from site_builder/model: do not edit by hand.\n"
    return head + yaml.dump(cfg, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=120)


class _NoAliases(yaml.SafeDumper):
    """Writes a list shared by two fields twice rather than as a YAML alias."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def form_fields(cfg: dict[str, Any]) -> set[str]:
    """Every field name of every form of a configuration, at any depth."""
    names: set[str] = set()

    def walk(fields: list[dict[str, Any]]) -> None:
        for field in fields:
            names.add(field["name"])
            walk(field.get("fields", []))
            if "field" in field:
                walk([field["field"]])

    for collection in cfg["collections"]:
        walk(collection.get("fields", []))
        for file in collection.get("files", []):
            walk(file["fields"])
    return names
