"""The content boundary against the hostile corpus, in front matter and data fields.

Every payload of ``tests/hostile/payloads.yaml`` is placed in the titles, descriptions and
sources of news pages, in the free text of ``plans/`` and ``content/data/`` and in a unit's
branding; the built pages are opened in Chromium (:mod:`hostile_probe`), and the feeds,
calendar, JSON and CSV exports must carry the payloads as inert text. Then every string of
every YAML document, chosen by the project's own models, is filled with payloads: the
built site must hold exactly the elements and attributes a clean build holds. Markdown
bodies are tested in ``test_hostile_corpus.py``.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT
from hostile_probe import (
    BAD_SCHEMES,
    BY_ID,
    TEXT_PAYLOADS,
    URL_ATTRS,
    allow_iframe_host,
    build_corpus,
    inspect_pages,
    report,
    scheme,
)


# ── A richer project: every kind of data file, news with feeds, a progress record ───────
def _t(vi: str, en: str) -> dict[str, str]:
    return {"vi": vi, "en": en}


def _real_member(member_id: str) -> dict[str, Any]:
    data = yaml.safe_load((ROOT / "content/data/members.yaml").read_text(encoding="utf-8"))
    return copy.deepcopy(next(m for m in data["members"] if m["id"] == member_id))


def rich_documents() -> dict[str, Any]:
    """Every YAML document of the rich project, by path (pages as ``{"meta", "body"}``)."""
    dept = "soc-trang-so-thong-tin-va-truyen-thong"
    department = _t("Sở Thông tin và Truyền thông", "Department of Information and Communications")  # copied where used:
    # one object written twice would come out of the YAML dumper as an anchor and an alias
    committee = "soc-trang-uy-ban-nhan-dan-tinh"
    source = {"title": "Thông cáo báo chí", "publisher": "Ban Thư ký ASEAN", "url": "https://asean.org/tin/"}
    docs: dict[str, Any] = {
        "plans/units.yaml": {"units": [
            {"id": "viet-nam", "level": "national", "name": _t("Trung ương", "Central level")},
            {"id": "soc-trang", "level": "province", "name": _t("Tỉnh Sóc Trăng", "Sóc Trăng Province"),
             "short_name": _t("Sóc Trăng", "Sóc Trăng"), "parent": "viet-nam",
             "succeeded_by": [{"name": _t("Thành phố Cần Thơ", "Cần Thơ City"), "effective": "2025-07-01",
                               "source": _t("Nghị quyết số 202/2025/QH15", "Resolution 202/2025/QH15"),
                               "note": _t("Hợp nhất ba tỉnh, thành phố.", "Three provinces merged.")}],
             "branding": {"display_name": _t("Cổng thông tin điện tử tỉnh Sóc Trăng", "Sóc Trăng Provincial Portal"),
                          "portal": "https://soctrang.example.gov.vn/",
                          "contact": {"office": _t("Văn phòng Sở", "Department office"),
                                      "email": "asean@soctrang.example.gov.vn", "phone": "0299 3822 000",
                                      "address": _t("Số 1 Trần Hưng Đạo", "1 Tran Hung Dao Street")}}},
        ]},
        "plans/agencies.yaml": {"agencies": [
            {"id": committee, "name": _t("Ủy ban nhân dân tỉnh Sóc Trăng", "Sóc Trăng Provincial People's Committee"),
             "short": _t("UBND tỉnh", "PPC"), "kind": "people-committee", "unit": "soc-trang"},
            {"id": dept, "name": _t("Sở Thông tin và Truyền thông", "Department of Information and Communications"),
             "short": _t("Sở TT&TT", "DIC"), "kind": "department", "unit": "soc-trang",
             "succeeded_by": [{"name": _t("Sở Văn hóa, Thể thao và Du lịch", "Department of Culture, Sports and Tourism"),
                               "effective": "2025-03-01", "source": _t("Nghị định 55/2025/NĐ-CP", "Decree 55/2025/ND-CP")}]},
        ]},
        "plans/soc-trang-2022.yaml": {
            "id": "soc-trang-2022", "document_type": "plan",
            "title": _t("Kế hoạch tuyên truyền, quảng bá ASEAN năm 2022", "Plan for ASEAN communication in 2022"),
            "short_title": _t("Kế hoạch năm 2022", "2022 plan"),
            "number": "45/KH-UBND", "number_as_printed": "Số: 45/KH-UBND", "issued": "2022-04",
            "place": _t("Sóc Trăng", "Sóc Trăng"), "issuer": "soc-trang", "issuing_agency": committee,
            "signer": {"name": "Nguyễn Văn An", "title": _t("KT. Chủ tịch, Phó Chủ tịch", "For the Chairman, Vice Chairman")},
            "period": {"start": 2022, "end": 2022}, "status": "expired",
            "legal_basis": [{"citation": _t("Kế hoạch số 152/KH-UBND ngày 14/10/2021", "Plan 152/KH-UBND of 14 October 2021"),
                             "number": "152/KH-UBND", "date": "2021-10-14", "implements": True}],
            "sections": [
                {"ref": "I", "heading": _t("Mục đích, yêu cầu", "Purposes and requirements"), "kind": "purposes",
                 "items": [{"text": _t("Để mọi người hiểu về Cộng đồng ASEAN.",
                                       "So that everyone understands the ASEAN Community.")}]},
                {"ref": "II", "heading": _t("Tổ chức thực hiện", "Implementation"), "kind": "implementation",
                 "items": [{"ref": "1", "heading": dict(department),
                            "kind": "assignment", "agencies": [dept],
                            "items": [{"text": _t("Mở Chuyên mục ASEAN.", "Open the ASEAN section.")}]}]},
                {"ref": "III", "heading": _t("Chế độ báo cáo", "Reporting"), "kind": "reporting",
                 "items": [{"text": _t("Báo cáo kết quả trước ngày 15/12 hằng năm.", "Report by 15 December every year."),
                            "deadlines": [{"what": _t("Báo cáo năm", "Yearly report"), "recurrence": "yearly",
                                           "month": 12, "day": 15, "from_agencies": [dept], "to_agencies": [committee]}]}]},
            ],
            "recipients": [_t("Như trên", "As above")],
            "appendix": {
                "title": _t("Danh mục hoạt động", "List of activities"),
                "note": _t("Kèm theo Kế hoạch.", "Attached to the plan."),
                "groups": [{"id": "I", "name": _t("Tuyên truyền thường xuyên", "Ongoing communication")}],
                "activities": [
                    {"id": "I.1", "name": _t("Tuyên truyền về các sự kiện của ASEAN", "Communicate about ASEAN events"),
                     "lead": {"text": dict(department), "agencies": [dept]},
                     "partners": {"text": _t("Các sở, ngành", "Departments"), "agencies": [committee]},
                     "timeline": {"text": _t("Thường xuyên", "Ongoing"), "kind": "continuous", "start": 2022, "end": 2022},
                     "pillars": ["socio-cultural"],
                     "quirks": [{"field": "partners", "code": "merged-cell",
                                 "note": _t("Ô gộp trong bản gốc.", "A merged cell in the source.")}]},
                    {"id": "I.2", "name": _t("Duy trì thông tin về ASEAN trên báo, đài", "Keep ASEAN news in the press"),
                     "lead": {"text": dict(department), "agencies": [dept]},
                     "partners": None,
                     "timeline": {"text": _t("Trong năm 2022", "In 2022"), "kind": "year", "start": 2022, "end": 2022}},
                ]},
            "quirks": [{"field": "number", "code": "typo-corrected",
                        "note": _t("Số văn bản in sai.", "The number was misprinted.")}],
            "source": {"file": "002_b6ce56e1c9b86a98.txt", "note": _t("Bản quét.", "A scan.")},
        },
        "plans/progress/soc-trang-2022-2022.yaml": {
            "plan": "soc-trang-2022", "year": 2022, "example": True, "reported_by": dept, "updated": "2022-11-15",
            "difficulties": _t("Thiếu kinh phí.", "Not enough funding."), "proposals": _t("Bổ sung kinh phí.", "More funding."),
            "records": [{"activity": "I.1", "status": "done", "done": _t("Đã mở chuyên mục.", "The section is open."),
                         "milestones": [{"date": "2022-08", "text": _t("Khai trương", "Launch")}],
                         "evidence": [{"title": _t("Bài báo", "Article"), "url": "https://example.org/bai-bao"}],
                         "reporting_agency": dept, "updated": "2022-11-15"}],
        },
        # A real, complete profile (every field the model requires, each with its source),
        # so that a field added to the member model is filled as soon as the data has it.
        "content/data/members.yaml": {"members": [_real_member("viet-nam")]},
        "content/data/events.yaml": {"events": [
            {"id": "ngay-asean", "title": _t("Ngày ASEAN", "ASEAN Day"),
             "description": _t("Kỷ niệm ngày thành lập ASEAN.", "The anniversary of ASEAN's founding."),
             "recurrence": "yearly", "month": 8, "day": 8, "topics": ["identity"], "link": "asean/", "sources": [source]},
            {"id": "hoi-nghi-2022", "title": _t("Hội nghị Cấp cao ASEAN", "ASEAN Summit"),
             "description": _t("Hội nghị lần thứ 40 và 41.", "The 40th and 41st summits."),
             "recurrence": "once", "date": "2022-11-10", "end": "2022-11-13", "topics": ["political-security"]}]},
        "content/data/documents.yaml": {"documents": [
            {"id": "ke-hoach-152", "type": "plan", "number": "152/KH-UBND", "issuer": _t("UBND tỉnh Sóc Trăng", "Sóc Trăng PPC"),
             "date": "2021-10-14", "title": _t("Kế hoạch tuyên truyền giai đoạn 2021-2025", "Communication plan 2021-2025"),
             "summary": _t("Kế hoạch của tỉnh.", "The province's plan."), "url": "https://example.org/van-ban"}]},
        "content/data/tags.yaml": {"tags": [{"id": "hoi-nghi", "name": _t("Hội nghị", "Summits")}]},
        "content/data/quiz.yaml": {"questions": [
            {"id": "ngay-thanh-lap", "topic": "history", "type": "single",
             "question": _t("ASEAN được thành lập năm nào?", "When was ASEAN founded?"),
             "options": [_t("1967", "1967"), _t("1995", "1995")], "answer": [0],
             "explanation": _t("Năm 1967, tại Băng Cốc.", "In 1967, in Bangkok."), "source": "asean/"},
            {"id": "viet-nam-gia-nhap", "topic": "viet-nam", "type": "true-false",
             "question": _t("Việt Nam gia nhập ASEAN năm 1995.", "Viet Nam joined ASEAN in 1995."), "correct": True,
             "explanation": _t("Ngày 28/7/1995.", "On 28 July 1995."), "source": "asean/"}]},
    }
    for lang, title in (("vi", "Trang chủ"), ("en", "Home")):
        docs[f"content/{lang}/index.md"] = {"meta": {"title": title, "description": title, "template": "asean/home.html"},
                                           "body": f"# {title}\n"}
        for rel, name in (("asean/index.md", "ASEAN"), ("tourism/index.md", "Du lịch"), ("guide/index.md", "Hướng dẫn")):
            docs[f"content/{lang}/{rel}"] = {"meta": {"title": name, "description": name}, "body": f"# {name}\n"}
    docs["content/vi/chi-tieng-viet.md"] = {"meta": {"title": "Chỉ có tiếng Việt", "description": "Chưa dịch."},
                                           "body": "# Chỉ có tiếng Việt\n\nNội dung.\n"}
    for i, p in enumerate(TEXT_PAYLOADS):
        for lang in ("vi", "en"):
            docs[f"content/{lang}/news/n-{p['id']}.md"] = {"meta": {
                "title": f"Tin số {i}", "description": f"Tóm tắt tin số {i}.", "kind": "news", "date": "2022-05-01",
                "topics": ["economic"], "tags": ["hoi-nghi"], "unit": "soc-trang",
                "sources": [{"title": f"Nguồn tin {i}", "publisher": "Báo Sóc Trăng", "url": "https://example.org/tin"}],
            }, "body": "Nội dung bài viết.\n"}
    for rel, doc in docs.items():
        add_missing_texts(doc["meta"] if rel.endswith(".md") else doc, model_for(rel))
    return docs


ADDED_TEXT = "Văn bản thêm vào mọi trường văn bản còn trống"


def _models_in(annotation: Any) -> list[type]:
    """The pydantic models an annotation names (``Text | None``, ``list[Node]``...)."""
    from typing import get_args

    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in get_args(annotation) for m in _models_in(arg)]


def add_missing_texts(data: Any, model: type) -> None:
    """Give every optional bilingual text (a ``Text`` field, and a ``Text``'s own optional
    strings such as ``vi_source``) that ``data`` leaves out a value, wherever its model
    still validates: a text field added to a model later is then present, and filled,
    without touching this file."""
    from typing import get_origin

    from pydantic import ValidationError

    from site_builder.model import Text

    def attempt(node: dict[str, Any], name: str, value: Any) -> None:
        node[name] = value
        try:
            model.model_validate(data)
        except ValidationError:
            del node[name]

    def walk(node: Any, node_model: type) -> None:
        if not isinstance(node, dict):
            return
        if node_model is Text:
            for name, field in Text.model_fields.items():
                if name not in node and not field.is_required():
                    attempt(node, name, ADDED_TEXT)
            return
        for name, field in node_model.model_fields.items():
            models = _models_in(field.annotation)
            if name not in node and Text in models:
                text = _t(ADDED_TEXT, ADDED_TEXT)
                attempt(node, name, [text] if get_origin(field.annotation) is list else text)
            if name in node and len(models) == 1:
                for item in node[name] if isinstance(node[name], list) else [node[name]]:
                    walk(item, models[0])

    walk(data, model)


def write_project(root: Path, docs: dict[str, Any]) -> Path:
    """A buildable project (real theme and configuration) holding ``docs``."""
    root.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "theme", root / "theme")
    (root / "content").mkdir()
    allow_iframe_host(root)
    for rel, doc in docs.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if rel.endswith(".md"):
            front = yaml.safe_dump(doc["meta"], allow_unicode=True, sort_keys=False, width=10**6)
            path.write_text(f"---\n{front}---\n\n{doc['body']}", encoding="utf-8")
        else:
            path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=10**6), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def clean_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("clean")
    return build_corpus(write_project(base / "project", rich_documents()), base / "site")


# ── (c) payloads in front matter and data fields ────────────────────────────────────────
DATA_PAYLOADS = [
    "own-title-end-script", "own-description-meta-refresh", "own-attribute-break-double-quote",
    "own-attribute-break-single-quote", "own-end-script-json", "own-end-style-script", "owasp-end-title-tag",
    "ps-consuming-title", "owasp-waf-attr-break-img", "own-attribute-break-unquoted", "own-feed-cdata-break",
    "own-template-expression", "ps-polyglot-2", "own-ics-line-injection", "own-csv-hyperlink-formula",
    "own-csv-dde-plus", "own-csv-at-minus", "own-csv-minus", "own-csv-tab-leading", "owasp-csv-formula-quote-semicolon",
    "owasp-polyglot-locator", "own-md-link-js", "own-attr-list-heading-onmouseover", "owasp-meta-refresh-js",
    "ps-useful-iframe-srcdoc-raw", "dompurify-noscript-attribute", "own-description-meta-refresh-single-quote",
]
"""Payloads aimed at text contexts: head elements, attributes, inline scripts, XML, calendar
lines, spreadsheet cells, templates. They fill the data fields below in turn."""

DATA_FIELDS: list[tuple[str, tuple[Any, ...]]] = [
    ("plans/units.yaml", ("units", 1, "name", "vi")),
    ("plans/units.yaml", ("units", 1, "name", "en")),
    ("plans/units.yaml", ("units", 1, "short_name", "vi")),
    ("plans/units.yaml", ("units", 1, "branding", "display_name", "vi")),
    ("plans/units.yaml", ("units", 1, "branding", "display_name", "en")),
    ("plans/units.yaml", ("units", 1, "succeeded_by", 0, "name", "en")),
    ("plans/agencies.yaml", ("agencies", 1, "name", "vi")),
    ("plans/agencies.yaml", ("agencies", 1, "name", "en")),
    ("plans/agencies.yaml", ("agencies", 0, "short", "vi")),
    ("plans/soc-trang-2022.yaml", ("title", "vi")),
    ("plans/soc-trang-2022.yaml", ("title", "en")),
    ("plans/soc-trang-2022.yaml", ("short_title", "vi")),
    ("plans/soc-trang-2022.yaml", ("short_title", "en")),
    ("plans/soc-trang-2022.yaml", ("number_as_printed",)),
    ("plans/soc-trang-2022.yaml", ("sections", 1, "heading", "vi")),
    ("plans/soc-trang-2022.yaml", ("sections", 2, "items", 0, "deadlines", 0, "what", "vi")),
    ("plans/soc-trang-2022.yaml", ("appendix", "groups", 0, "name", "vi")),
    ("plans/soc-trang-2022.yaml", ("appendix", "activities", 0, "name", "vi")),
    ("plans/soc-trang-2022.yaml", ("appendix", "activities", 0, "name", "en")),
    ("plans/soc-trang-2022.yaml", ("appendix", "activities", 0, "lead", "text", "vi")),
    ("plans/soc-trang-2022.yaml", ("appendix", "activities", 0, "timeline", "text", "vi")),
    ("plans/soc-trang-2022.yaml", ("appendix", "activities", 1, "name", "vi")),
    ("plans/progress/soc-trang-2022-2022.yaml", ("records", 0, "done", "vi")),
    ("plans/progress/soc-trang-2022-2022.yaml", ("difficulties", "en")),
    ("content/data/members.yaml", ("members", 0, "name", "vi")),
    ("content/data/members.yaml", ("members", 0, "capital", "en")),
    ("content/data/members.yaml", ("members", 0, "profile", "vi")),
    ("content/data/events.yaml", ("events", 0, "title", "vi")),
    ("content/data/events.yaml", ("events", 0, "title", "en")),
    ("content/data/events.yaml", ("events", 1, "description", "vi")),
    ("content/data/documents.yaml", ("documents", 0, "title", "vi")),
    ("content/data/documents.yaml", ("documents", 0, "summary", "en")),
    ("content/data/tags.yaml", ("tags", 0, "name", "vi")),
    ("content/data/tags.yaml", ("tags", 0, "name", "en")),
    ("content/data/quiz.yaml", ("questions", 0, "question", "vi")),
    ("content/data/quiz.yaml", ("questions", 0, "options", 1, "en")),
    ("content/data/quiz.yaml", ("questions", 1, "explanation", "vi")),
    ("content/vi/chi-tieng-viet.md", ("meta", "title")),
]


def _set(doc: Any, path: tuple[Any, ...], value: Any) -> None:
    for key in path[:-1]:
        doc = doc[key]
    doc[path[-1]] = value


def targeted_documents() -> tuple[dict[str, Any], dict[tuple[str, tuple[Any, ...]], str]]:
    """The rich project with a payload in every news page's title, description and source,
    and the text-context payloads in the data fields of :data:`DATA_FIELDS`."""
    docs = rich_documents()
    placed: dict[tuple[str, tuple[Any, ...]], str] = {}
    for p in TEXT_PAYLOADS:
        for lang in ("vi", "en"):
            meta = docs[f"content/{lang}/news/n-{p['id']}.md"]["meta"]
            meta["title"] = meta["description"] = p["payload"]
            meta["sources"][0]["title"] = meta["sources"][0]["publisher"] = p["payload"]
    for i, (rel, path) in enumerate(DATA_FIELDS):
        payload = BY_ID[DATA_PAYLOADS[i % len(DATA_PAYLOADS)]]
        _set(docs[rel], path, payload)
        placed[(rel, path)] = payload
    return docs, placed


@pytest.fixture(scope="module")
def targeted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[tuple[str, tuple[Any, ...]], str]]:
    base = tmp_path_factory.mktemp("targeted")
    docs, placed = targeted_documents()
    return build_corpus(write_project(base / "project", docs), base / "site"), placed


DATA_PAGES = [
    "", "plans/", "plans/soc-trang-2022/", "plans/soc-trang-2022/activities/i-1/",
    "plans/soc-trang-2022/activities/i-2/", "agencies/", "agencies/soc-trang-so-thong-tin-va-truyen-thong/",
    "agencies/soc-trang-uy-ban-nhan-dan-tinh/", "units/", "units/soc-trang/", "members/", "members/viet-nam/",
    "calendar/", "documents/", "news/", "news/tags/hoi-nghi/", "pillars/", "pillars/economic/", "quiz/",
    "embed/", "embed/plans/soc-trang-2022/", "embed/events/", "embed/news/", "translations/", "chi-tieng-viet/",
]
"""Pages of each language that show data fields (and lists of the news pages)."""


def _news_kind(path: str) -> str:
    return re.sub(r"news/n-[a-z0-9-]+/$", "news/n-" + TEXT_PAYLOADS[0]["id"] + "/", path)


@pytest.mark.browser
def test_front_matter_and_data_payloads_are_inert_in_chromium(browser: Any, targeted: tuple[Path, Any],
                                                               clean_site: Path) -> None:
    site, _ = targeted
    paths = [f"{lang}/{page}" for lang in ("vi", "en") for page in DATA_PAGES if (site / lang / page).is_dir()]
    assert len(paths) > 40
    paths += [f"vi/news/n-{p['id']}/" for p in TEXT_PAYLOADS]
    results = inspect_pages(browser, site, paths, _news_kind, clean_site=clean_site)
    assert results == {}, report(results)


UNIT_PAGES = ["", "plans/soc-trang-2022/", "plans/soc-trang-2022/activities/i-1/", "units/soc-trang/",
              "agencies/soc-trang-so-thong-tin-va-truyen-thong/", "members/viet-nam/", "calendar/", "chi-tieng-viet/"]


@pytest.mark.browser
def test_unit_branding_payloads_are_inert_in_chromium(browser: Any, tmp_path: Path) -> None:
    """A unit's build shows its display name and contact in every page's header and title."""
    docs, _ = targeted_documents()
    clean_docs = rich_documents()
    for d in (docs, clean_docs):
        for rel in [rel for rel in d if "/news/n-" in rel]:
            del d[rel]
    site = build_corpus(write_project(tmp_path / "hostile", docs), tmp_path / "hostile-site", unit="soc-trang")
    clean = build_corpus(write_project(tmp_path / "clean", clean_docs), tmp_path / "clean-site", unit="soc-trang")
    paths = [f"{lang}/{page}" for lang in ("vi", "en") for page in UNIT_PAGES]
    results = inspect_pages(browser, site, paths, lambda path: path, clean_site=clean)
    assert results == {}, report(results)


def _feeds(site: Path) -> Iterator[Path]:
    return (p for p in sorted(site.rglob("*.xml")) if p.name != "sitemap.xml")


@pytest.mark.site
def test_feeds_carry_payloads_as_text(targeted: tuple[Path, Any], clean_site: Path) -> None:
    import feedparser

    site, _ = targeted
    for feed in _feeds(clean_site):
        rel = feed.relative_to(clean_site)
        clean = feedparser.parse(feed.read_bytes(), sanitize_html=False, resolve_relative_uris=False)
        hostile = feedparser.parse((site / rel).read_bytes(), sanitize_html=False, resolve_relative_uris=False)
        assert not hostile.bozo, f"{rel}: not well-formed XML ({hostile.get('bozo_exception')})"
        assert len(hostile.entries) == len(clean.entries), rel
        assert _xml_elements(site / rel) == _xml_elements(feed), f"{rel}: a payload added XML elements"
    feed = feedparser.parse((site / "vi/feed.xml").read_bytes(), sanitize_html=False, resolve_relative_uris=False)
    titles = [e.title for e in feed.entries]
    expected = sorted(p["payload"].strip() for p in TEXT_PAYLOADS)
    assert sorted(titles) == expected, "feed titles differ from the payloads: " + repr(
        sorted(set(titles) ^ set(expected))[:5])
    summaries = sorted(e.summary for e in feed.entries)
    assert summaries == expected


def _xml_elements(path: Path) -> Counter[str]:
    return Counter(el.tag for el in ET.parse(path).getroot().iter())


@pytest.mark.site
def test_calendar_carries_payloads_as_text(targeted: tuple[Path, Any], clean_site: Path) -> None:
    from icalendar import Calendar

    site, placed = targeted
    clean = Calendar.from_ical((clean_site / "calendar.ics").read_bytes())
    hostile = Calendar.from_ical((site / "calendar.ics").read_bytes())
    events = list(hostile.walk("VEVENT"))
    assert len(events) == len(list(clean.walk("VEVENT")))
    assert [sorted(e.keys()) for e in events] == [sorted(e.keys()) for e in clean.walk("VEVENT")]
    title = placed[("content/data/events.yaml", ("events", 0, "title", "vi"))].strip()
    title_en = placed[("content/data/events.yaml", ("events", 0, "title", "en"))].strip()
    summaries = [str(e.get("summary")) for e in events]
    assert f"{title} / {title_en}" in summaries, summaries
    what = placed[("plans/soc-trang-2022.yaml", ("sections", 2, "items", 0, "deadlines", 0, "what", "vi"))].strip()
    assert any(s.startswith(f"Hạn báo cáo: {what} / ") for s in summaries), summaries


def _json_shape(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _json_shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_shape(v) for v in value]
    return type(value).__name__


def _json_strings(value: Any) -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for k, v in value.items():
            if isinstance(v, str):
                yield k, v
            else:
                yield from _json_strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _json_strings(v)


@pytest.mark.site
def test_json_round_trips_payloads(targeted: tuple[Path, Any], clean_site: Path) -> None:
    site, placed = targeted
    files = sorted(p.relative_to(clean_site) for p in clean_site.rglob("*.json") if "pagefind" not in p.parts)
    assert files
    for rel in files:
        clean = json.loads((clean_site / rel).read_text(encoding="utf-8"))
        hostile = json.loads((site / rel).read_text(encoding="utf-8"))
        assert _json_shape(hostile) == _json_shape(clean), f"{rel}: a payload changed the document's structure"
        assert [danger_counts(v) for k, v in _json_strings(hostile) if k == "html"] == [
            danger_counts(v) for k, v in _json_strings(clean) if k == "html"], f"{rel}: markup in an html field"
    plan = json.loads((site / "api/v1/plans/soc-trang-2022.json").read_text(encoding="utf-8"))
    strings = {v for _, v in _json_strings(plan)}
    for (rel, _path), payload in placed.items():
        if rel == "plans/soc-trang-2022.yaml":
            assert payload.strip() in strings, f"{payload!r} does not round-trip through the plan's JSON"
    agencies = {v for _, v in _json_strings(json.loads((site / "api/v1/agencies.json").read_text(encoding="utf-8")))}
    assert placed[("plans/agencies.yaml", ("agencies", 1, "name", "vi"))].strip() in agencies
    quiz = {v for _, v in _json_strings(json.loads((site / "api/v1/quiz.json").read_text(encoding="utf-8")))}
    assert placed[("content/data/quiz.yaml", ("questions", 0, "question", "vi"))].strip() in quiz


FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
"""What a spreadsheet reads as the start of a formula (OWASP, CSV Injection)."""


def _csv_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


@pytest.mark.site
def test_csv_keeps_columns_and_neutralises_formulas(targeted: tuple[Path, Any], clean_site: Path) -> None:
    site, placed = targeted
    payloads = {p.strip() for p in placed.values()}
    for name in ("activities.csv", "progress.csv"):
        clean = _csv_rows(clean_site / "api/v1" / name)
        hostile = _csv_rows(site / "api/v1" / name)
        assert hostile[0] == clean[0], name
        assert len(hostile) == len(clean), f"{name}: a payload added or removed rows"
        assert all(len(row) == len(clean[0]) for row in hostile), f"{name}: a payload changed the columns"
        for row, clean_row in zip(hostile[1:], clean[1:], strict=True):
            for cell, clean_cell in zip(row, clean_row, strict=True):
                if cell == clean_cell:
                    continue
                assert any(p in cell for p in payloads), f"{name}: {cell!r} is not a payload"
                assert not cell.startswith(FORMULA_START), f"{name}: the cell {cell!r} is a spreadsheet formula"


# ── (d) every string of every YAML document, as the models allow ────────────────────────
def model_for(rel: str) -> Any:
    """The model the project validates ``rel`` with (``None``: not a YAML document of it)."""
    from site_builder.inputs import content_data, loader
    from site_builder.model import AgencyFile, Plan, UnitFile
    from site_builder.model.content import FrontMatter
    from site_builder.model.progress import ProgressFile

    parts = rel.split("/")
    if rel.endswith(".md") and parts[0] == "content":
        return FrontMatter
    if parts[0] == "plans" and rel.endswith(".yaml"):
        if len(parts) == 3 and parts[1] == "progress":
            return ProgressFile
        if len(parts) == 2:
            return {loader.UNITS_FILE: UnitFile, loader.AGENCIES_FILE: AgencyFile}.get(parts[1], Plan)
    if rel.startswith(content_data.DATA_DIR + "/") and len(parts) == 3:
        return content_data.DATA_FILES.get(parts[2])
    return None


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _leaves(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _leaves(v, path + (i,))


def fill_with_payloads(docs: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """Replace every string of every document by a payload wherever the project's models
    accept it. One original value gets one payload everywhere it appears, so references
    between files stay intact; a value some model refuses (an id, an enum, a date, a URL)
    is put back. Returns the documents and ``original -> payload``."""
    from pydantic import ValidationError

    hostile = copy.deepcopy(docs)
    data_of = {rel: (doc["meta"] if rel.endswith(".md") else doc) for rel, doc in hostile.items()}
    models = {rel: model_for(rel) for rel in hostile}
    assert None not in models.values(), [rel for rel, m in models.items() if m is None]
    where: dict[str, list[tuple[str, tuple[Any, ...]]]] = {}
    for rel, data in data_of.items():
        for path, value in _leaves(data):
            where.setdefault(value, []).append((rel, path))
    pool = [p["payload"] for p in TEXT_PAYLOADS]
    kept: dict[str, str] = {}
    for n, (original, places) in enumerate(where.items()):
        payload = f"{pool[n % len(pool)]} ·{n}"
        for rel, path in places:
            _set(data_of[rel], path, payload)
        try:
            for rel in {rel for rel, _ in places}:
                models[rel].model_validate(data_of[rel])
        except ValidationError:
            for rel, path in places:
                _set(data_of[rel], path, original)
            continue
        kept[original] = payload
    return hostile, kept


DANGER_TAGS = ("script", "style", "link", "meta", "base", "iframe", "frame", "frameset", "object", "embed",
               "applet", "form", "input", "button", "textarea", "select", "svg", "math", "template", "img",
               "video", "audio", "source", "picture", "portal", "fencedframe", "noscript", "xmp", "plaintext")


def danger_counts(html: str) -> Counter[str]:
    """Elements that could run, load, embed or post something, event attributes and
    script-bearing addresses in ``html``, counted after an HTML5 parse."""
    from selectolax.lexbor import LexborHTMLParser

    counts: Counter[str] = Counter()
    for el in LexborHTMLParser(html).css("*"):
        tag = (el.tag or "").lower()
        if tag in DANGER_TAGS:
            counts[f"<{tag}>"] += 1
        if tag == "meta":
            counts["meta " + " ".join(sorted(k for k in el.attributes))] += 1
        for name, value in el.attributes.items():
            name = (name or "").lower()
            if re.fullmatch(r"on[a-z]+", name) or name in ("srcdoc", "http-equiv", "formaction", "action"):
                counts[f"{name}="] += 1
            if name in URL_ATTRS and scheme(value or "") in BAD_SCHEMES:
                counts[f"{name}={scheme(value or '')}:"] += 1
    return counts


def _output_files(site: Path) -> list[Path]:
    suffixes = {".html", ".xml", ".ics", ".json", ".csv"}
    return sorted(p.relative_to(site) for p in site.rglob("*") if p.suffix in suffixes and "pagefind" not in p.parts)


@pytest.mark.site
def test_every_text_field_filled_with_payloads_stays_inert(tmp_path: Path, clean_site: Path) -> None:
    docs, kept = fill_with_payloads(rich_documents())
    filled = {rel for rel, doc in docs.items()
              if any(v in kept.values() for _, v in _leaves(doc["meta"] if rel.endswith(".md") else doc))}
    assert len(kept) > 100 and len(filled) == len(docs), "the models refused text where free text is expected"
    from site_builder.apps.errors import BuildError

    try:
        site = build_corpus(write_project(tmp_path / "project", docs), tmp_path / "site")
    except BuildError as exc:
        culprits = [original for original, payload in kept.items() if payload in str(exc)]
        pytest.fail(f"the build failed on text the models accept ({culprits} filled with a payload): {exc}")
    assert _output_files(site) == _output_files(clean_site)
    changed = {}
    for rel in _output_files(clean_site):
        hostile_text = (site / rel).read_text(encoding="utf-8-sig")
        clean_text = (clean_site / rel).read_text(encoding="utf-8-sig")
        if rel.suffix == ".html":
            if danger_counts(hostile_text) != danger_counts(clean_text):
                changed[str(rel)] = danger_counts(hostile_text) - danger_counts(clean_text)
        elif rel.suffix == ".xml":
            if _xml_elements(site / rel) != _xml_elements(clean_site / rel):
                changed[str(rel)] = _xml_elements(site / rel) - _xml_elements(clean_site / rel)
        elif rel.suffix == ".json":
            hostile, clean = json.loads(hostile_text), json.loads(clean_text)
            if _json_shape(hostile) != _json_shape(clean):
                changed[str(rel)] = "JSON structure changed"
            html = [danger_counts(v) for k, v in _json_strings(hostile) if k == "html"]
            if html != [danger_counts(v) for k, v in _json_strings(clean) if k == "html"]:
                changed[str(rel)] = "markup in an html field"
        elif rel.suffix == ".ics":
            from icalendar import Calendar

            hostile_events = [sorted(e.keys()) for e in Calendar.from_ical(hostile_text).walk("VEVENT")]
            if hostile_events != [sorted(e.keys()) for e in Calendar.from_ical(clean_text).walk("VEVENT")]:
                changed[str(rel)] = "calendar events or their properties changed"
        elif rel.suffix == ".csv":
            rows = _csv_rows(site / rel)
            clean_rows = _csv_rows(clean_site / rel)
            if len(rows) != len(clean_rows) or any(len(r) != len(clean_rows[0]) for r in rows):
                changed[str(rel)] = "CSV rows or columns changed"
            elif any(c != cc and c.startswith(FORMULA_START)
                     for r, cr in zip(rows, clean_rows, strict=True) for c, cc in zip(r, cr, strict=True)):
                changed[str(rel)] = "a cell starts a spreadsheet formula"
    assert changed == {}, f"{len(changed)} built files carry markup or structure from the payloads:\n" + "\n".join(
        f"  {rel}: {what}" for rel, what in changed.items())


def test_the_fill_reaches_every_kind_of_document() -> None:
    """The model-driven fill has something to fill in every document kind, so that a new
    free-text field is covered without touching this file."""
    _, kept = fill_with_payloads(rich_documents())
    assert {"Tỉnh Sóc Trăng", "Sở Thông tin và Truyền thông", "Kế hoạch năm 2022", "Đã mở chuyên mục.",
            "Hà Nội", "Ngày ASEAN", "Kế hoạch của tỉnh.", "Hội nghị", "Năm 1967, tại Băng Cốc.",
            "Chỉ có tiếng Việt", "Nguồn tin 3"} <= set(kept)
    assert not {"soc-trang", "2022-04", "https://asean.org/tin/", "asean/", "history", "I.1"} & set(kept)
    assert ADDED_TEXT in kept  # the optional texts the fixture leaves out are added, then filled

