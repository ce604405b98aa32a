"""The ASEAN quizzes: a question bank checked by `check`, quizzes taken with the keyboard."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import pytest
from browser import CspServer, StaticServer, Watched, open_settled
from conftest import MiniProject

from site_builder.inputs.content_tree import check_content

ROOT = Path(__file__).resolve().parent.parent


def test_bank_has_sixty_questions_per_language_on_every_topic(real_check) -> None:  # type: ignore[no-untyped-def]
    project, problems = real_check
    assert project is not None, "\n".join(p.format() for p in problems.errors)
    bank = project.content.quiz
    assert len(bank) >= 60
    for q in bank:
        for text in [q.question, q.explanation, *q.options]:
            assert text.vi and text.en, q.id
    topics = Counter(q.topic for q in bank)
    assert set(topics) == {"history", "pillars", "members", "covid-19", "viet-nam", "local"}
    assert {q.type for q in bank} == {"single", "multiple", "true-false"}
    assert not any("10 member" in (q.question.en or "") + (q.explanation.en or "") for q in bank)


def test_bank_has_at_least_120_questions_on_2026_asean_and_the_members(real_check) -> None:  # type: ignore[no-untyped-def]
    project, problems = real_check
    assert project is not None, "\n".join(p.format() for p in problems.errors)
    bank = project.content.quiz
    assert len(bank) >= 120
    sources = Counter(q.source for q in bank)
    assert sources["asean/asean-2026/"] >= 3
    assert sources["asean/viet-nam-trong-asean/"] >= 3
    members = {q.source for q in bank if q.source.startswith("members/") and q.source != "members/"}
    assert len(members) == 11, sorted(members)


def test_broken_questions_are_located(mini: MiniProject) -> None:
    mini.write("content/data/quiz.yaml", """questions:
  - id: q1
    topic: history
    type: single
    question: {vi: "ASEAN thành lập năm nào?", en: "When was ASEAN founded?"}
    options: [{vi: "1967", en: "1967"}, {vi: "1995", en: "1995"}]
    answer: [0, 1]
    explanation: {vi: "Năm 1967.", en: "In 1967."}
    source: asean/
  - id: q2
    topic: members
    type: true-false
    question: {vi: "ASEAN có 10 thành viên.", en: "ASEAN has 10 members."}
    correct: maybe
    explanation: {vi: "ASEAN có 11 thành viên.", en: "ASEAN has 11 members."}
    source: members/
""")
    _, problems = check_content(mini.root, None, None)
    got = [p.format() for p in problems.errors if "quiz" in p.file]
    assert got == [
        "content/data/quiz.yaml:2:5: questions[0]: câu một lựa chọn (single) cần đúng một đáp án\n"
        "    a single-choice question needs exactly one answer",
        "content/data/quiz.yaml:14:14: questions[1].correct: cần true hoặc false, nhận được 'maybe'\n"
        "    expected true or false, found 'maybe'",
    ]


@pytest.mark.site
def test_quiz_json_validates_against_its_schema(built_site: Path) -> None:
    api = built_site / "api/v1"
    doc = json.loads((api / "quiz.json").read_text(encoding="utf-8"))
    jsonschema.validate(doc, json.loads((api / "quiz.schema.json").read_text(encoding="utf-8")))
    assert len(doc["questions"]) >= 60
    for q in doc["questions"]:
        assert (built_site / "vi" / q["source"] / "index.html").exists(), q["source"]


@pytest.mark.site
def test_printable_quiz_has_an_answer_key(built_site: Path) -> None:
    html = (built_site / "en/quiz/history/print/index.html").read_text(encoding="utf-8")
    assert 'id="answer-key"' in html and html.index('id="answer-key"') > html.index("asean-print-questions")


@pytest.mark.site
def test_questions_and_answers_stay_out_of_the_search_index(built_site: Path) -> None:
    """Search results must not give answers away, and each fact is indexed on the page it
    comes from: the quiz pages are found by their title and introduction only."""
    quiz = (built_site / "en/quiz/history/index.html").read_text(encoding="utf-8")
    key = (built_site / "en/quiz/history/print/index.html").read_text(encoding="utf-8")
    assert re.search(r'<form class="asean-quiz" data-pagefind-ignore', quiz)
    assert re.search(r'<ol class="asean-print-questions" data-pagefind-ignore', key)
    assert re.search(r'<section class="asean-answer-key"[^>]*data-pagefind-ignore', key)


@pytest.mark.browser
def test_take_a_quiz_with_the_keyboard(page: Watched, server: StaticServer) -> None:
    p = page.page
    p.goto(f"{server.url}en/quiz/history/")
    questions = p.locator("fieldset.asean-question")
    total = questions.count()
    assert total >= 10
    right = 0
    for i in range(total):
        fieldset = questions.nth(i)
        answer = [int(x) for x in fieldset.get_attribute("data-answer").split(",")]
        kind = fieldset.get_attribute("data-type")
        # Answer the odd questions right and the even ones wrong, with the keyboard only.
        options = fieldset.locator("input")
        wrong_choice = next(k for k in range(options.count()) if k not in answer)
        choose = answer if i % 2 else [wrong_choice]
        for k in choose:
            options.nth(k).focus()
            p.keyboard.press("Space")
        fieldset.locator(".asean-check").focus()
        p.keyboard.press("Enter")
        feedback = fieldset.locator(".asean-feedback")
        expected = "✓ Right." if sorted(choose) == sorted(answer) else "✗ Not quite."
        assert feedback.inner_text() == expected
        assert feedback.get_attribute("aria-live") == "polite"
        assert fieldset.locator("details").get_attribute("open") is not None
        right += expected.startswith("✓")
        assert kind in ("single", "multiple", "true-false")
    score = p.locator(".asean-quiz__score")
    assert score.inner_text() == f"Your score: {right} of {total}."
    assert score.get_attribute("role") == "status"
    # Explanation links resolve.
    for href in p.locator("details.asean-answer a").evaluate_all("els => els.map(e => e.href)"):
        response = p.request.get(href)
        assert response.status == 200, href
    # Progress survives a reload (browser only), and "Try again" clears it.
    p.reload()
    assert p.locator(".asean-quiz__score").inner_text() == f"Your score: {right} of {total}."
    p.locator(".asean-quiz__again").focus()
    p.keyboard.press("Enter")
    p.wait_for_function("document.querySelector('.asean-quiz__score').textContent === ''")
    assert p.locator(".asean-feedback").first.inner_text() == ""
    assert page.errors == []


@pytest.mark.browser
def test_mixed_quiz_shows_ten_questions(page: Watched, server: StaticServer) -> None:
    page.page.goto(f"{server.url}vi/quiz/mixed/")
    assert page.page.locator("fieldset.asean-question:visible").count() == 10


@pytest.mark.browser
def test_quiz_widget_loads_its_bank_from_this_site_for_try_again(browser: object, built_site: Path) -> None:
    """The widget carries five questions and asks for nothing more on its first load; "Try
    again" fetches the whole bank from the mixed quiz page of the same site, under the
    widget's Content-Security-Policy (connect-src 'self'), and picks five questions anew.
    No request goes to another host and nothing is refused."""
    with CspServer(built_site) as server:
        context = browser.new_context(viewport={"width": 390, "height": 844})  # type: ignore[attr-defined]
        p = context.new_page()
        watched = Watched(p, server.url)
        requests: list[str] = []
        p.on("request", lambda r: requests.append(r.url))
        open_settled(p, f"{server.url}en/embed/quiz/")
        bank = f"{server.url}en/quiz/mixed/"
        carried = p.locator("fieldset.asean-question")
        assert carried.count() == 5 and p.locator("form.asean-quiz").get_attribute("data-bank") == "../../quiz/mixed/"
        assert bank not in requests
        first = carried.evaluate_all("fs => fs.map(f => f.id)")
        for i in range(5):
            carried.nth(i).locator("input").first.check()
            carried.nth(i).locator(".asean-check").click()
        again = p.locator(".asean-quiz__again")
        assert again.is_visible()
        with p.expect_response(bank) as response:
            again.click()
        assert response.value.status == 200
        p.wait_for_function("document.querySelectorAll('fieldset.asean-question').length > 5")
        p.wait_for_load_state("networkidle")
        shown = p.locator("fieldset.asean-question:visible")
        assert shown.count() == 5
        assert shown.locator(".asean-feedback").all_inner_texts() == [""] * 5
        assert p.locator("fieldset.asean-question").count() > 5  # the bank's questions, added once each
        ids = p.locator("fieldset.asean-question").evaluate_all("fs => fs.map(f => f.id)")
        assert len(ids) == len(set(ids)) and set(first) <= set(ids)
        context.close()
    assert {urlsplit(u).netloc for u in requests} == {urlsplit(server.url).netloc}
    assert watched.errors == []


@pytest.mark.site
def test_each_answer_links_its_source_page_by_name(built_site: Path) -> None:
    """"Read more" alone says nothing out of context (Lighthouse's link-text audit, WCAG
    2.4.4): each link names the page the answer comes from."""
    for lang, name in (("en", "Read more: About ASEAN"), ("vi", "Đọc thêm: Giới thiệu về ASEAN")):
        html = (built_site / lang / "quiz/mixed/index.html").read_text(encoding="utf-8")
        assert f">{name}</a>" in html
        assert ">Read more</a>" not in html and ">Đọc thêm</a>" not in html
