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

The vendored bundle names a few files on other hosts (fonts, the interface strings of
languages other than English, a check for a newer version). :func:`localise_bundle`
points each one at a copy served beside the bundle, and fails when a new version no
longer contains the exact text it expects, so an upgrade can never quietly bring back
a request to another host.

Nothing here imports MkDocs.
"""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from site_builder import LANGUAGES
from site_builder.core.i18n import translations
from site_builder.core.illustrations import description as illustration_description
from site_builder.core.illustrations import names as illustration_names
from site_builder.core.slug import slugify
from site_builder.core.vocabulary import STATUSES, TOPICS
from site_builder.model import AgencyFile, UnitFile
from site_builder.model.content import DocumentFile, EventFile, FrontMatter, MemberFile, TagFile
from site_builder.model.plans import Plan
from site_builder.model.progress import ProgressFile

PACKAGE = "@sveltia/cms"
PACKAGE_DIR = Path("cms/node_modules/@sveltia/cms")
"""Where ``npm ci --prefix cms`` (``make cms``) installs the pinned package."""
INSTALL_HINT = (
    "CMS chưa được cài: chạy `make cms` (npm ci --prefix cms)\n"
    "    The CMS is not installed: run `make cms` (npm ci --prefix cms)"
)

MEDIA_FOLDER = "content/media"
"""Where photos go: :data:`site_builder.output.images.MEDIA_DIR`, one folder for both languages."""

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

NOT_IN_FORMS: dict[str, str] = {
    "FrontMatter.source_hash": "written by `translations --mark-current`, never by hand",
    "FrontMatter.translation_key": "pages pair by path; the CMS writes both languages at one path",
    "FrontMatter.template": "a layout of maintainers' pages (home, API), not of news or tourism pages",
    "FrontMatter.hide": "a layout switch of maintainers' pages",
    "FrontMatter.kind": "fixed by the collection (a hidden field with the collection's kind)",
    "Text.vi_source": "kept by maintainers when a source's own wording has a slip",
    "SourcedText.vi_source": "as Text.vi_source",
    "ProgressFile.example": "example records live in plans/examples/progress/, written by maintainers; the forms "
                            "write real reports into plans/progress/",
}
"""Model fields that editors do not own, and why; every other field is in a form
(``tests/test_cms.py`` holds the two together)."""

LABELS: dict[str, str] = {
    "title": "Tiêu đề / Title",
    "description": "Tóm tắt / Summary",
    "date": "Ngày đăng / Date",
    "updated": "Ngày cập nhật / Updated",
    "tags": "Thẻ / Tags",
    "topics": "Trụ cột, chủ đề / Pillars and topics",
    "unit": "Đơn vị / Unit",
    "sources": "Nguồn / Sources",
    "publisher": "Nơi công bố / Publisher",
    "url": "Địa chỉ (https) / Address (https)",
    "image": "Ảnh / Photo",
    "image_alt": "Mô tả ảnh cho người không nhìn thấy / Alt text",
    "image_caption": "Chú thích ảnh / Caption",
    "image_credit": "Tác giả ảnh / Photo credit",
    "image_licence": "Giấy phép ảnh / Photo licence",
    "illustration": "Hình vẽ minh họa (khi không có ảnh) / Drawing (without a photo)",
    "body": "Nội dung / Text",
    "vi": "Tiếng Việt / Vietnamese",
    "en": "Tiếng Anh / English",
    "plan": "Kế hoạch / Plan",
    "year": "Năm / Year",
    "example": "Dữ liệu ví dụ / Example data",
    "reported_by": "Cơ quan tổng hợp báo cáo / Reporting body",
    "difficulties": "Khó khăn, vướng mắc / Difficulties",
    "proposals": "Kiến nghị, đề xuất / Proposals",
    "records": "Kết quả thực hiện / Records",
    "activity": "Mã hoạt động (phụ lục) / Activity id (appendix)",
    "assignment": "Mục phân công / Assignment",
    "status": "Tình trạng / Status",
    "progress": "Tiến độ (%) / Progress (%)",
    "done": "Việc đã làm / What was done",
    "milestones": "Mốc / Milestones",
    "text": "Nội dung / Text",
    "evidence": "Minh chứng / Evidence",
    "page": "Trang của chuyên mục / Page of this site",
    "alt": "Mô tả ảnh / Alt text",
    "reporting_agency": "Cơ quan báo cáo / Reporting agency",
    "name": "Tên / Name",
    "summary": "Tóm tắt / Summary",
    "type": "Loại / Type",
    "number": "Số hiệu / Number",
    "issuer": "Cơ quan ban hành / Issuer",
    "recurrence": "Lặp lại / Recurrence",
    "end": "Ngày kết thúc / End",
    "month": "Tháng / Month",
    "day": "Ngày / Day",
    "link": "Trang của chuyên mục / Page of this site",
    "id": "Mã (chữ thường, gạch nối) / Id (lower case, hyphens)",
    "source": "Nguồn / Source",
    "end_month": "Tháng kết thúc / End month",
    "end_day": "Ngày kết thúc (trong tháng) / End day",
    "events": "Sự kiện / Events",
    "documents": "Văn bản / Documents",
    "members": "Nước thành viên / Member states",
    "iso": "Mã nước (hai chữ cái) / Country code (two letters)",
    "official_name": "Tên chính thức / Official name",
    "capital": "Thủ đô / Capital",
    "joined": "Ngày gia nhập ASEAN / Joined ASEAN",
    "founding": "Nước sáng lập / Founding member",
    "area": "Diện tích / Area",
    "km2": "Km²",
    "population": "Dân số / Population",
    "count": "Số người / Number of people",
    "approximate": "Số ước tính / Approximate figure",
    "currency": "Tiền tệ / Currency",
    "languages": "Ngôn ngữ / Languages",
    "government": "Thể chế / System of government",
    "profile": "Giới thiệu / Profile",
    "relations": "Quan hệ với Việt Nam / Relations with Viet Nam",
    "diplomatic": "Thiết lập quan hệ ngoại giao / Diplomatic relations",
    "framework": "Khuôn khổ quan hệ / Framework",
    "world_heritage": "Di sản thế giới / World Heritage",
    "sites": "Các di sản / Sites",
    "note": "Ghi chú / Note",
    "highlights": "Điểm nổi bật / Highlights",
    "read": "Ngày đọc nguồn / Read on",
    "official_responsible": "Người chịu trách nhiệm / Official responsible",
}
"""Form labels in both languages: the form shows one label whatever the interface
language. A field without an entry is labelled with its name (still in the form)."""

HINTS: dict[str, str] = {
    "description": "Một hai câu, hiện trong kết quả tìm kiếm và khi chia sẻ. / One or two sentences, shown in search "
                   "results and when the page is shared.",
    "date": "Ngày đăng bài. / The day the article is published.",
    "updated": "Ngày kiểm tra lại thông tin lần gần nhất. / The day the facts were last checked.",
    "topics": "Trụ cột, chủ đề mà bài viết nói đến. / The pillars and topics the article is about.",
    "tags": "Chọn trong danh sách thẻ có sẵn. / Pick from the existing tags.",
    "unit": "Tỉnh, thành phố mà bài viết nói đến. / The province or city the article is about.",
    "sources": "Văn bản, trang web mà bài viết dựa vào. Nhập một lần, dùng cho cả hai thứ tiếng. Mỗi nguồn cần địa chỉ "
               "hoặc nơi công bố. / What the article draws on. Entered once for both languages. Each source needs its "
               "address or who published it.",
    "publisher": "Cơ quan, tổ chức công bố, ví dụ: Ban Thư ký ASEAN. / Who published it, e.g. ASEAN Secretariat.",
    "url": "Địa chỉ bắt đầu bằng https://. / An address starting with https://.",
    "image": "Tải ảnh lên (JPEG, PNG, WebP, AVIF, rộng ít nhất 480 px). Tên tệp được viết lại không dấu. Có ảnh thì "
             "phải điền mô tả, tác giả và giấy phép. / Upload a photo (at least 480 px wide); its file name is "
             "rewritten without accents. A photo needs its description, credit and licence.",
    "image_alt": "Bắt buộc khi có ảnh: ảnh cho thấy gì. / Required with a photo: what it shows.",
    "image_caption": "Không bắt buộc: dòng chú thích dưới ảnh. / Optional: a line under the photo.",
    "image_credit": "Bắt buộc khi có ảnh, ví dụ: Ảnh: Nguyễn Văn A/TTXVN. / Required with a photo.",
    "image_licence": "Bắt buộc khi có ảnh, ví dụ: CC BY 4.0, thuộc sở hữu của đơn vị. / Required with a photo.",
    "illustration": "Chỉ dùng khi bài không có ảnh: một hình vẽ của chuyên mục. / Only without a photo: one of the "
                    "section's drawings.",
    "year": "Năm của kết quả. / The year the results are for.",
    "reported_by": "Cơ quan tổng hợp báo cáo, thường là Sở phụ trách thông tin. / The body that compiles the report.",
    "difficulties": "Khó khăn, vướng mắc trong năm. / The year's difficulties.",
    "proposals": "Kiến nghị, đề xuất. / Proposals.",
    "vi": "Bằng tiếng Việt. / In Vietnamese.",
    "en": "Bằng tiếng Anh (nên có). / In English (expected).",
    "activity": "Chọn hoạt động trong phụ lục của kế hoạch. / Pick the activity in the plan's appendix.",
    "assignment": "Với kế hoạch không có phụ lục: số mục giao nhiệm vụ, ví dụ IV.1. / For a plan without an appendix: "
                  "the number of the task's section, e.g. IV.1.",
    "progress": "Không bắt buộc: tỷ lệ hoàn thành, nếu khác mức của tình trạng. / Optional: the share done, when it "
                "differs from the status.",
    "done": "Việc đã làm; nếu chưa làm hoặc đã hủy thì ghi lý do. / What was done; if not started or cancelled, why.",
    "page": "Một trang của chuyên mục, ví dụ news/ky-niem-55-nam-thanh-lap-asean/. / A page of this section.",
    "alt": "Với ảnh: ảnh cho thấy gì. / For a photo: what it shows.",
    "reporting_agency": "Cơ quan báo cáo kết quả này. / The body reporting this result.",
    "end": "Với sự kiện kéo dài nhiều ngày: ngày cuối. / For an event of several days: its last day.",
    "link": "Một trang của chuyên mục nói về sự kiện, ví dụ asean/. / A page of this section about the event.",
    "number": "Số hiệu văn bản, ví dụ 1160/QĐ-TTg. / The document's number, e.g. 1160/QĐ-TTg.",
    "updated_report": "Ngày lưu báo cáo: tự đặt là hôm nay mỗi lần lưu. / The day the report was saved: set to today "
                      "on every save.",
}
"""Hints in plain words, both languages, for every field that needs one: written for an
editor, not taken from the models' docstrings (which speak to developers)."""

REQUIRED_BY_KIND: dict[str, frozenset[str]] = {
    "news": frozenset({"date", "sources"}),
    "tourism": frozenset({"updated", "sources", "unit"}),
}
"""Fields :class:`~site_builder.model.content.FrontMatter` requires for a kind of page
(its ``_required_by_kind``), made required in that collection's form."""

I18N_DUPLICATE = frozenset({"date", "updated", "tags", "topics", "unit", "image", "illustration"})
"""Front-matter fields that are the same in both languages: entered once, copied."""

_PARTIAL_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def option_labels() -> dict[str, str]:
    """What the form shows for a choice of the vocabulary (a status, a topic), in both
    languages: an editor picks "Đã hoàn thành / Done", the file gets ``done``."""
    vi = translations("vi").gettext
    labels = {term.id: f"{vi(term.msgid)} / {term.msgid}" for term in STATUSES}
    labels.update({topic.id: f"{topic.vi} / {topic.en}" for topic in TOPICS})
    return labels


def _options(values: Iterable[Any]) -> list[Any]:
    labels = option_labels()
    return [{"label": labels[v], "value": v} if v in labels else v for v in values]


@dataclass(frozen=True)
class PlanChoice:
    """What the progress form of one plan offers: its years and its appendix activities."""

    id: str
    title: str
    years: list[int]
    activities: list[tuple[str, str]]
    """``(id, name)`` of each appendix activity, in the appendix's order."""


@dataclass(frozen=True)
class Choices:
    """Identifiers the forms offer as choices, read from the project's data files, each
    shown by its name ("Cần Thơ", "Sở Ngoại vụ …") and stored as its id."""

    plans: list[str]
    units: list[str]
    agencies: list[str]
    tags: list[str]
    names: dict[str, dict[str, str]] = dataclasses.field(default_factory=dict)
    """For each kind (``unit``, ``agency``, ``plan``, ``tag``): id -> what the form shows."""
    plan_details: list[PlanChoice] = dataclasses.field(default_factory=list)

    @classmethod
    def read(cls, root: Path) -> Choices:
        """Read the ids straight from the YAML files (a file with an error offers no
        choices for its ids; ``check`` reports the error itself)."""

        def load(path: Path, model: type[BaseModel]) -> Any:
            try:
                return model.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
            except Exception:  # noqa: BLE001 - check names the problem; the form just offers less
                return None

        units = load(root / "plans/units.yaml", UnitFile)
        agencies = load(root / "plans/agencies.yaml", AgencyFile)
        tags = load(root / "content/data/tags.yaml", TagFile)
        unit_names = {u.id: (u.short_name or u.name).vi + ("" if u.current else " (đã sáp nhập / former)")
                      for u in units.units} if units else {}
        plain_units = {u.id: u.name.vi for u in units.units} if units else {}
        short_units = {u.id: (u.short_name or u.name).vi for u in units.units} if units else {}
        agency_names = {
            a.id: a.name.vi if a.unit == "viet-nam" or short_units.get(a.unit, "\0").casefold() in a.name.vi.casefold()
            else f"{a.name.vi} ({plain_units.get(a.unit, a.unit)})"
            for a in (agencies.agencies if agencies else [])
        }
        tag_names = {g.id: g.name.vi for g in tags.tags} if tags else {}
        details: list[PlanChoice] = []
        for path in sorted((root / "plans").glob("*.yaml")):
            if path.stem in ("units", "agencies"):
                continue
            plan = load(path, Plan)
            if plan is None:
                continue
            activities = [(a.id, a.name.vi) for a in plan.appendix.activities] if plan.appendix else []
            details.append(PlanChoice(plan.id, plan.short_title.vi, list(range(plan.period.start, plan.period.end + 1)),
                                      activities))
        return cls(
            plans=[d.id for d in details],
            units=sorted(unit_names),
            agencies=sorted(agency_names),
            tags=sorted(tag_names),
            names={"unit": unit_names, "agency": agency_names, "plan": {d.id: d.title for d in details},
                   "tag": tag_names},
            plan_details=details,
        )

    def for_field(self, name: str) -> list[Any] | None:
        """The choices for a field holding an id of one of these kinds, by its name: the id
        stored, the name shown (sorted by what the editor reads)."""
        kind = {"plan": "plan", "unit": "unit", "reporting_agency": "agency", "reported_by": "agency",
                "tags": "tag"}.get(name)
        if kind is not None:
            ids = {"plan": self.plans, "unit": self.units, "agency": self.agencies, "tag": self.tags}[kind]
            names = self.names.get(kind, {})
            return sorted(({"label": names.get(i, i), "value": i} for i in ids), key=lambda o: slugify(o["label"]))
        if name == "illustration":  # the theme's drawings, by what they show
            shown = {n: illustration_description(n, "vi").removeprefix("Hình vẽ: ") or n for n in illustration_names()}
            return [{"label": label[:1].upper() + label[1:], "value": n} for n, label in shown.items()]
        return None


class _Fields:
    """Turns a model's JSON Schema into CMS fields (one instance per model)."""

    def __init__(self, model: type[BaseModel], choices: Choices, translatable: bool) -> None:
        self.schema = model.model_json_schema(mode="validation")
        self.defs: dict[str, Any] = self.schema.get("$defs", {})
        self.choices = choices
        self.translatable = translatable
        """Front matter: fields carry an ``i18n`` mode; data files: ``{vi, en}`` objects."""

    def resolve(self, node: dict[str, Any]) -> dict[str, Any]:
        if "$ref" in node:
            return self.defs[node["$ref"].rsplit("/", 1)[1]]
        return node

    def fields(self, node: dict[str, Any], skip: Iterable[str] = (), required_extra: Iterable[str] = ()) -> list[dict[str, Any]]:
        node = self.resolve(node)
        required = set(node.get("required", [])) | set(required_extra)
        forced = set(required_extra)
        skipped = set(skip)
        return [
            self.field(name, prop, name in required, forced=name in forced)
            for name, prop in node.get("properties", {}).items()
            if name not in skipped
        ]

    def field(self, name: str, prop: dict[str, Any], required: bool, forced: bool = False) -> dict[str, Any]:
        """One form field; ``forced``: required by the collection although the model
        allows it empty (a news article's date)."""
        options = [p for p in prop.get("anyOf", []) if p.get("type") != "null"]
        if "anyOf" in prop:
            required = forced
            inner = options[0] if len(options) == 1 else prop
        else:
            inner = prop
        meta = {k: prop[k] for k in ("description", "default") if k in prop}
        inner = {**self.resolve(inner), **{k: v for k, v in inner.items() if k != "$ref"}}
        out: dict[str, Any] = {"name": name, "label": LABELS.get(name, name), "required": required}
        if name in HINTS:
            out["hint"] = HINTS[name]
        out.update(self.widget(name, inner))
        if "default" in meta and meta["default"] not in (None, [], False):
            out["default"] = meta["default"]
        if self.translatable:
            out["i18n"] = "duplicate" if name in I18N_DUPLICATE else True
        return out

    def widget(self, name: str, node: dict[str, Any]) -> dict[str, Any]:
        kind = node.get("type")
        choices = self.choices.for_field(name)
        if "enum" in node or "const" in node:
            return {"widget": "select", "options": _options(node.get("enum", [node.get("const")]))}
        if kind == "array":
            items = self.resolve(node.get("items", {}))
            bounds = {"min": node["minItems"]} if "minItems" in node else {}
            if "enum" in items or choices is not None:
                options = _options(items["enum"]) if "enum" in items else choices
                return {"widget": "select", "multiple": True, "options": options, **bounds}
            if items.get("type") == "object":
                return {"widget": "list", "fields": self.fields(items), **bounds}
            field = {"name": name, "label": LABELS.get(name, name), **self.widget("", items)}
            return {"widget": "list", "field": field, **bounds}
        if kind == "object" or "properties" in node:
            if set(node.get("properties", {})) >= {"vi", "en"}:
                return {"widget": "object", "fields": self.fields(node, skip=["vi_source"])}
            return {"widget": "object", "fields": self.fields(node)}
        if kind == "boolean":
            return {"widget": "boolean"}
        if kind in ("integer", "number"):
            out: dict[str, Any] = {"widget": "number", "value_type": "int" if kind == "integer" else "float"}
            for key, target in (("minimum", "min"), ("maximum", "max")):
                if key in node:
                    out[target] = node[key]
            if "exclusiveMinimum" in node:
                out["min"] = node["exclusiveMinimum"] + (1 if kind == "integer" else 0)
            return out
        if choices is not None:
            return {"widget": "select", "options": choices}
        out = {"widget": "string"}
        pattern = node.get("pattern")
        if pattern == _PARTIAL_DATE_PATTERN:
            out["pattern"] = [pattern, "YYYY-MM-DD (hoặc / or YYYY-MM, YYYY)"]
        elif pattern:
            out["pattern"] = [pattern, f"không đúng dạng / does not match {pattern}"]
        if "maxLength" in node:
            out["maxlength"] = node["maxLength"]
        if "minLength" in node and node["minLength"] > 1:
            out["minlength"] = node["minLength"]
        return out


def _duplicate(field: dict[str, Any]) -> None:
    """Make a field and all its sub-fields entered once, in Vietnamese, and copied to
    the English page (a page's sources are the same documents in both languages)."""
    field["i18n"] = "duplicate"
    for sub in field.get("fields", []):
        _duplicate(sub)


def _page_collection(name: str, label: str, folder: str, kind: str, choices: Choices) -> dict[str, Any]:
    """A folder collection of Markdown pages of one kind, both languages side by side,
    at the same path below ``content/vi/`` and ``content/en/``."""
    fields = _Fields(FrontMatter, choices, translatable=True).fields(
        FrontMatter.model_json_schema(), skip=[k.split(".", 1)[1] for k in NOT_IN_FORMS if k.startswith("FrontMatter.")],
        required_extra=REQUIRED_BY_KIND.get(kind, ()))
    for field in fields:
        if field["name"] == "image":
            field.pop("maxlength", None)
            field.update(widget="image", media_folder=f"/{MEDIA_FOLDER}", public_folder="", choose_url=False,
                         accept="image/jpeg,image/png,image/webp,image/avif")
        if field["name"] == "sources":
            _duplicate(field)
            # check wants an address or a publisher; every source of the section names its
            # publisher, so the form asks for it (the form cannot require one of two fields).
            next(f for f in field["fields"] if f["name"] == "publisher")["required"] = True
        if field["name"] in ("date", "updated"):
            field.update(widget="datetime", type="date", format="YYYY-MM-DD", time_format=False)
            field.pop("pattern", None)
        if field["name"] == "description":
            field["widget"] = "text"
    fields.insert(0, {"name": "kind", "widget": "hidden", "default": kind, "i18n": "duplicate"})
    fields.append({"name": "body", "label": LABELS["body"], "widget": "markdown", "i18n": True, "required": True,
                   "modes": ["rich_text", "raw"]})
    return {
        "name": name,
        "label": label,
        "folder": f"content/{{{{locale}}}}/{folder}",
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


def _data_collection(name: str, label: str, file: str, model: type[BaseModel], choices: Choices) -> dict[str, Any]:
    """A file collection: one data file of ``content/data/`` edited as a whole."""
    return {
        "name": name,
        "label": label,
        "files": [{
            "name": name,
            "label": label,
            "file": file,
            "format": "yaml",
            "fields": _Fields(model, choices, translatable=False).fields(model.model_json_schema()),
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
    out = []
    for plan in choices.plan_details:
        fields = _Fields(ProgressFile, choices, translatable=False).fields(
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
                            hint=HINTS["updated_report"])
                item.pop("pattern", None)
            elif item["name"] == "records":
                records = item["fields"]
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
        out.append({
            "name": f"progress-{plan.id}",
            "label": f"Kết quả thực hiện: {plan.title} / Implementation records",
            "label_singular": f"Kết quả thực hiện một năm: {plan.title}",
            "folder": "plans/progress",
            "extension": "yaml",
            "format": "yaml",
            "create": True,
            "delete": False,
            "filter": {"field": "plan", "value": plan.id},
            "identifier_field": "year",
            "slug": "{{fields.plan}}-{{fields.year}}",
            "summary": "{{year}}",
            "fields": fields,
        })
    return out


def config(root: Path, backend: str = "github", repo: str = "OWNER/REPO", branch: str = "main",
           base_url: str | None = None, site_url: str | None = None) -> dict[str, Any]:
    """The CMS configuration (``/admin/config.yml``) for the project at ``root``.

    ``backend`` is the Git host the published ``/admin/`` signs in to (``github``,
    ``gitlab`` or ``gitea``; ``base_url`` for a self-hosted GitLab or Gitea). On
    127.0.0.1 the CMS also offers to work on the editor's own clone, whatever the
    backend, without signing in."""
    if backend not in BACKENDS:
        raise ValueError(f"backend must be one of {', '.join(BACKENDS)}, not {backend!r}")
    choices = Choices.read(root)
    back: dict[str, Any] = {"name": backend, "repo": repo, "branch": branch, "commit_messages": COMMIT_MESSAGES}
    if base_url:
        host = base_url.rstrip("/")
        back["base_url"] = host
        back["api_root"] = f"{host}/api/v1" if backend == "gitea" else f"{host}/api/v4"
    out: dict[str, Any] = {
        "backend": back,
        "media_folder": MEDIA_FOLDER,
        "public_folder": "",
        "media_libraries": MEDIA_LIBRARIES,
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "output": {"omit_empty_optional_fields": True},
        "i18n": {"structure": "multiple_folders", "locales": list(LANGUAGES), "default_locale": LANGUAGES[0]},
        "collections": [
            _page_collection("news", "Tin bài / News", "news", "news", choices),
            _page_collection("tourism", "Trang du lịch / Tourism pages", "tourism", "tourism", choices),
            *_progress_collections(choices),
            _data_collection("events", "Sự kiện / Events", "content/data/events.yaml", EventFile, choices),
            _data_collection("documents", "Văn bản / Documents", "content/data/documents.yaml", DocumentFile, choices),
            _data_collection("members", "Hồ sơ nước thành viên / Member profiles", "content/data/members.yaml",
                             MemberFile, choices),
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


# --- the vendored bundle --------------------------------------------------------------

FONTS = {
    "https://cdn.jsdelivr.net/fontsource/fonts/source-sans-3:vf@5.3.0/latin-wght-normal.woff2":
        ("source-sans-3-latin-wght-normal", "source-sans-3.LICENSE.txt"),
    "https://cdn.jsdelivr.net/fontsource/fonts/noto-mono@5.3.0/latin-400-normal.woff2":
        ("noto-mono-latin-400-normal", "noto-mono.LICENSE.txt"),
    "https://cdn.jsdelivr.net/fontsource/fonts/material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2":
        ("material-symbols-outlined-latin-wght-normal", "material-symbols-outlined.LICENSE.txt"),
}
"""Fonts the bundle's stylesheet loads from a CDN, and the same files in the package
(``npm/assets/<stem>-<hash>.woff2``), served from ``/admin/fonts/`` instead."""

REWRITES: tuple[tuple[str, str], ...] = (
    ("USe=`${iP}@${rP}/locales`", "USe=`locales`"),
    ("NSe=`${iP}/package.json`", "NSe=`version.json`"),
    ("MQ=()=>{let e=pne();return e&&jQ.includes(e)?e:AQ}", "MQ=()=>`vi`"),
    ("YW=async(e,t)=>hk(()=>import(`${JW(e)}/${t}`),void 0)",
     "YW=async(e,t)=>hk(()=>import(e===`immutable`?new URL(`vendor/immutable.es.js`,document.baseURI).href:"
     "`${JW(e)}/${t}`),void 0)"),
)
"""Exact texts of the pinned bundle pointed at files served beside it: the interface
strings of each language (only English is built in) and the newest-version check (a
fetch of the package's ``package.json`` from unpkg, answered by the pinned version), and the
interface language: Vietnamese unless the editor picks another in the CMS's settings (the
bundle would follow the browser's language, so an English-language browser got an English CMS),
and Immutable.js, which the bundle imports from unpkg when a save hook is registered
(:data:`ADMIN_JS`): the copy npm installed beside the package (``cms/node_modules/immutable``)."""

INTERFACE_LOCALES = ("vi", "en-US", "en-GB")
"""Interface languages served: Vietnamese, and English for the editors who prefer it."""


class VendorError(Exception):
    """The installed package is missing or is not the version :func:`localise_bundle` knows."""


def localise_bundle(text: str) -> str:
    """The bundle with every address on another host that it loads at view time
    replaced by a file of ``/admin/``; each replaced text must occur exactly as expected."""
    for url, (stem, _) in FONTS.items():
        if text.count(url) != 1:
            raise VendorError(f"the bundle no longer loads {url} once: review site_builder/apps/cms.py for this version")
        text = text.replace(url, f"fonts/{stem}.woff2")
    for old, new in REWRITES:
        if text.count(old) != 1:
            raise VendorError(f"the bundle no longer contains {old!r}: review site_builder/apps/cms.py for this version")
        text = text.replace(old, new)
    return text


INDEX_HTML = """<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Biên tập Chuyên mục ASEAN / ASEAN section editor</title>
<link href="config.yml" type="application/yaml" rel="cms-config-url">
<link rel="icon" href="data:,">
</head>
<body>
<script src="sveltia-cms.js"></script>
<script src="admin.js"></script>
</body>
</html>
"""
"""The page: the bundle is a classic script (``document.currentScript`` tells it where
its chunks are), then :data:`ADMIN_JS`; no inline script or style of ours."""

PREVIEW_CSS = """/* Written by site_builder/apps/cms.py: a previewed page in the section's type, colours and
   layout (theme/assets/asean.css and Material's article); every rule is below .md-typeset,
   so nothing reaches the CMS's own buttons and fields. */
@font-face { font-family: "Be Vietnam Pro"; font-weight: 400; src: url("fonts/be-vietnam-pro-400.woff2") format("woff2"); }
@font-face { font-family: "Be Vietnam Pro"; font-weight: 700; src: url("fonts/be-vietnam-pro-700.woff2") format("woff2"); }
.md-typeset { font: 400 17px/1.65 "Be Vietnam Pro", system-ui, sans-serif; color: #1b1f29; max-width: 42rem;
  padding: 1rem 1.25rem; }
.md-typeset h1 { font-size: 2em; line-height: 1.3; font-weight: 700; color: #0e2a66; letter-spacing: -0.01em;
  margin: 0 0 1.25rem; }
.md-typeset h2 { font-size: 1.5em; font-weight: 700; color: #0e2a66; margin: 1.6em 0 0.6em; }
.md-typeset h3 { font-size: 1.2em; font-weight: 700; margin: 1.4em 0 0.5em; }
.md-typeset p, .md-typeset ul, .md-typeset ol { margin: 0 0 1em; }
.md-typeset a { color: #1a4aa8; text-decoration: underline; }
.md-typeset .asean-photo { margin: 0 0 1.2rem; display: block; }
.md-typeset .asean-photo img { display: block; width: 100%; height: auto; border-radius: 0.2rem; }
.md-typeset .asean-photo figcaption { margin: 0.4rem 0 0; font-size: 0.8em; font-style: italic; color: #4d5563; }
.md-typeset .asean-meta { color: #4d5563; font-size: 0.92em; }
"""
"""The preview pane's style sheet (``/admin/preview/page.css``): the site's own sheets set
rules on every ``button`` and ``:root``, which reached the CMS's interface around the pane."""

ADMIN_JS = """// Written by site_builder/apps/cms.py: what the configuration file cannot say.
(() => {
  // The preview pane in the site's own style sheets, so an article looks as it will be published.
  CMS.registerPreviewStyle(new URL('preview/page.css', document.baseURI).href);
  // A page previewed as the site shows it: title, photo with its credit, text, date, topics.
  const h = window.h;
  const TOPICS = __TOPICS__;
  const page = ({ entry, widgetFor }) => {
    const data = entry.get('data');
    const text = (name) => data.get(name) || '';
    const image = text('image');
    const credit = [text('image_credit'), text('image_licence')].filter(Boolean).join(' · ');
    const photo = image && h('figure', { className: 'asean-photo' }, widgetFor('image'),
      (text('image_caption') || credit) && h('figcaption', null, [text('image_caption'), credit].filter(Boolean).join(' — ')));
    const chosen = data.get('topics');
    const topics = (chosen && chosen.toJS ? chosen.toJS() : chosen || []).map((id) => TOPICS[id] || id);
    return h('div', { className: 'md-typeset' },
      h('article', { className: 'md-content__inner md-typeset' },
        h('h1', null, text('title')), photo || null, widgetFor('body'),
        text('date') && h('p', { className: 'asean-meta' }, text('date')),
        topics.length ? h('p', { className: 'asean-meta' }, topics.join(' · ')) : null));
  };
  CMS.registerPreviewTemplate('news', page);
  CMS.registerPreviewTemplate('tourism', page);
  // A progress report carries the day it was saved: set to today on every save.
  const today = () => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  };
  CMS.registerEventListener({
    name: 'preSave',
    handler: ({ entry }) => {
      if (!String(entry.get('collection') || '').startsWith('progress-')) return undefined;
      return entry.get('data').set('updated', today());
    },
  });
})();
"""
"""The page's own script (``/admin/admin.js``, allowed by ``script-src 'self'``): the
section's look in the preview pane (:data:`PREVIEW_CSS` and the theme's fonts, in
``/admin/preview/``, so the pane works before the site is built and on a host that serves
``/admin/`` alone) with a page template for news and tourism pages, and ``updated`` set on
save (the CMS's hooks are the only way to change a value at save time)."""


def admin_js() -> str:
    """:data:`ADMIN_JS` with the topics' names (what the preview shows for a page's topics)."""
    names = {topic: label for topic, label in option_labels().items() if topic in {t.id for t in TOPICS}}
    return ADMIN_JS.replace("__TOPICS__", json.dumps(names, ensure_ascii=False, sort_keys=True))


def installed_version(root: Path) -> str:
    package = root / PACKAGE_DIR / "package.json"
    if not package.is_file():
        raise VendorError(INSTALL_HINT)
    return str(json.loads(package.read_text(encoding="utf-8"))["version"])


def write_admin(root: Path, out: Path, cfg: dict[str, Any]) -> list[Path]:
    """Write ``/admin/`` into ``out``: the page, the configuration, the localised bundle
    and the files it loads (chunks, fonts, interface strings). Returns the files written."""
    version = installed_version(root)
    package = root / PACKAGE_DIR
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def put(rel: str, data: bytes | str) -> None:
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
        written.append(path)

    put("index.html", INDEX_HTML)
    put("config.yml", render_config(cfg))
    put("admin.js", admin_js())
    put("sveltia-cms.js", localise_bundle((package / "dist/sveltia-cms.js").read_text(encoding="utf-8")))
    for chunk in sorted((package / "dist/chunks").glob("*.js")):
        put(f"chunks/{chunk.name}", chunk.read_bytes())
    assets = package / "npm/assets"
    for stem, licence in FONTS.values():
        found = sorted(assets.glob(f"{stem}-*.woff2"))
        if len(found) != 1:
            raise VendorError(f"{PACKAGE} {version}: no single {stem}-*.woff2 in npm/assets/")
        put(f"fonts/{stem}.woff2", found[0].read_bytes())
        put(f"fonts/{licence}", (assets / licence).read_bytes())
    for locale in INTERFACE_LOCALES:
        put(f"locales/{locale}.json", (package / "locales" / f"{locale}.json").read_bytes())
    put("version.json", json.dumps({"version": version}) + "\n")
    theme = root / "theme/assets"
    put("preview/page.css", PREVIEW_CSS)
    for font in [*sorted((theme / "fonts").glob("*.woff2")), theme / "fonts/OFL.txt"]:  # the fonts with their licence
        put(f"preview/fonts/{font.name}", font.read_bytes())
    immutable = root / "cms/node_modules/immutable"
    put("vendor/immutable.es.js", (immutable / "dist/immutable.es.js").read_bytes())
    put("vendor/immutable.LICENSE.txt", (immutable / "LICENSE").read_bytes())
    put("LICENSE.txt", (package / "LICENSE.txt").read_bytes())
    return written


def replace_admin(root: Path, out: Path, cfg: dict[str, Any]) -> list[Path]:
    """:func:`write_admin` into a fresh folder: one the kit wrote before (it carries the
    build's marker file) or a new or empty one, never a link, the project, its sources or a
    folder that holds them (the same guard as the build's output, since this one is deleted
    and written anew)."""
    from site_builder.apps.build import MARKER, MARKER_TEXT, check_output

    if out.is_symlink():
        raise VendorError(f"{out} is a symbolic link")
    out = out.resolve()
    check_output(root.resolve(), out)
    if out.exists():
        shutil.rmtree(out)
    written = write_admin(root, out, cfg)
    (out / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    return written


# --- headers ---------------------------------------------------------------------------

def admin_policy(git_hosts: Iterable[str] = ()) -> str:
    """The Content-Security-Policy of ``/admin/`` only (the site keeps its own, stricter one).

    - ``style-src 'unsafe-inline'``: the CMS (Svelte) puts its styles in ``<style>``
      elements and ``style=`` attributes; no script can be inlined (``script-src 'self'``).
    - ``img-src blob: data:`` and ``media-src blob:``: previews of photos being uploaded.
    - ``worker-src blob:``: the CMS runs its image encoders in workers made from blobs.
    - ``connect-src``: ``data:`` and ``blob:`` (the CMS reads its own logo and photos
      being uploaded with ``fetch``), the site itself (the configuration, the interface strings) and
      the API of the Git host the published ``/admin/`` signs in to.
    - ``manifest-src blob:``: the CMS offers to install itself as an app with a manifest it
      makes as a blob (without it every load logs a policy error).
    - ``frame-ancestors 'none'``: the editor is never framed (clickjacking).
    """
    connect = " ".join(["'self'", "data:", "blob:", *git_hosts])
    return (
        "default-src 'self'; "
        "script-src 'self'; "
        "style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data: blob:; "
        "media-src 'self' blob:; "
        "font-src 'self'; "
        f"connect-src {connect}; "
        "worker-src 'self' blob:; "
        "frame-src 'self' blob:; "
        "manifest-src 'self' blob:; "
        "object-src 'none'; "
        "base-uri 'self'; "
        "form-action 'self'; "
        "frame-ancestors 'none'"
    )


GIT_HOSTS: dict[str, tuple[str, ...]] = {
    "github": ("https://api.github.com", "https://www.githubstatus.com"),
    "gitlab": ("https://gitlab.com",),
    "gitea": ("https://git.example.gov.vn",),
}
"""What ``connect-src`` adds for each backend (a self-hosted GitLab or Gitea: its address)."""

ADMIN_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".yml": "application/yaml; charset=utf-8",
    ".woff2": "font/woff2",
    ".txt": "text/plain; charset=utf-8",
}


def admin_file(admin_dir: Path, url_path: str) -> tuple[int, str, bytes]:
    """The response to ``GET url_path`` (below ``/admin/``) from a written admin folder:
    status, content type and body. Only the files :func:`write_admin` writes, by name."""
    rel = url_path.split("?", 1)[0].removeprefix("/admin").lstrip("/") or "index.html"
    if not re.fullmatch(r"[a-zA-Z0-9_-]+(/[a-zA-Z0-9_.-]+)*\.[a-z0-9]+|[a-zA-Z0-9_.-]+", rel) or ".." in rel:
        return 404, "text/plain; charset=utf-8", b"not found\n"
    path = admin_dir / rel
    if path.suffix not in ADMIN_TYPES or not path.is_file() or path.is_symlink():
        return 404, "text/plain; charset=utf-8", b"not found\n"
    return 200, ADMIN_TYPES[path.suffix], path.read_bytes()


# --- /admin/ in the live preview ---------------------------------------------------------

PREVIEW_DIR = Path(".cache/admin")
"""Where the preview writes ``/admin/`` (in the project, beside ``.cache/preview``)."""


def preview_config(root: Path) -> dict[str, Any]:
    """The configuration ``make serve`` serves: on 127.0.0.1 the editor works on the
    clone itself ("Work with Local Repository"); the sign-in of a Git host is for the
    published ``/admin/`` (``python -m site_builder cms``), so none is named here."""
    return config(root, backend="gitea", repo=f"local/{root.resolve().name}", base_url="http://127.0.0.1")


def preview_response(root: Path, url_path: str, written: dict[Path, bool]) -> tuple[int, dict[str, str], bytes]:
    """Answer a request below ``/admin`` in the live preview: status, headers, body.

    The folder is written on the first request of a run (``written`` remembers it), so
    that ``make serve`` starts as fast as before and works without the CMS installed."""
    headers = {"Content-Security-Policy": admin_policy(), "X-Content-Type-Options": "nosniff",
               "Referrer-Policy": "same-origin", "Cache-Control": "no-store"}
    if url_path.split("?", 1)[0] == "/admin":
        return 301, {**headers, "Location": "/admin/", "Content-Type": "text/plain; charset=utf-8"}, b""
    out = root / PREVIEW_DIR
    if not written.get(root):
        from site_builder.apps.build import OutputError

        try:
            replace_admin(root, out, preview_config(root))
        except (VendorError, OutputError) as exc:
            return 503, {**headers, "Content-Type": "text/plain; charset=utf-8"}, f"{exc}\n".encode()
        written[root] = True
    status, content_type, body = admin_file(out, url_path)
    return status, {**headers, "Content-Type": content_type}, body
