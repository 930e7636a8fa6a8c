"""The chatbot's retriever: young people's own words find the right published page, at once
after a publish or unpublish, quickly, and it says when it is not sure.

Accuracy is measured on three sets (see chat/bot/eval_sets/README.md): the contract's dev set
and our tuning set must reach 90% top-1; the held-out set, never tuned on, is printed and only
held to a loose floor so that it stays an honest measure.
"""

from __future__ import annotations

import json
import re
import statistics
import time
from pathlib import Path

import pytest

from chat.bot import retriever, textspeak
from chat.bot.retriever import Hit, index_stats, search
from offer import demo
from offer.models import EntitlementPage, OfferHomePage, OfferSectionPage
from tests import contract

EVAL_SETS = Path(retriever.__file__).resolve().parent / "eval_sets"
DEV_SET = contract.DEV_SET

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def offer(db):
    """The published demo offer (loaded once per test database, see tests/conftest.py), and an
    index built from it: each test rolls its database changes back and empties the cache,
    which restarts the offer's version number, so a previous test's index must not be used."""
    home = OfferHomePage.objects.first() or demo.load()
    retriever.rebuild()
    return home


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def dev_set() -> list[dict]:
    return load(DEV_SET)


def with_entitlement(rows: list[dict]) -> list[tuple[str, set[str]]]:
    """(question, acceptable slugs) for the questions that a page answers."""
    out = []
    for row in rows:
        wanted = row["entitlement"]
        if wanted:
            out.append((row["q"], {wanted} if isinstance(wanted, str) else set(wanted)))
    return out


def top1(rows: list[tuple[str, set[str]]], ask=None) -> tuple[float, list[tuple]]:
    ask = ask or (lambda question: [hit.slug for hit in search(question, limit=1)])
    misses = []
    for question, wanted in rows:
        found = ask(question)
        if not found or found[0] not in wanted:
            misses.append((question, sorted(wanted), found[:1]))
    return 1 - len(misses) / len(rows), misses


def slugs(question: str) -> list[str]:
    return [hit.slug for hit in search(question)]


# --- Finding the right page -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "slug"),
    [
        ("how much is the setting up home grant", "setting-up-home-grant"),
        ("do I have to pay council tax?", "council-tax-exemption"),
        ("can i stay with my foster carer after i turn 18", "staying-put"),
        ("where can I get free condoms", "sexual-health-and-contraception"),
        ("how do i join the care leavers forum", "care-leavers-forum"),
    ],
)
def test_plain_questions_find_their_page(question, slug):
    assert slugs(question)[0] == slug


@pytest.mark.parametrize(
    ("question", "slug"),
    [
        ("whats the grant for furniture when u move out", "setting-up-home-grant"),
        ("got a bill from the council for my flat tax thing", "council-tax-exemption"),
        ("im proper skint n got no food", "emergency-financial-help"),
        ("cud i get a bycicle 4 work", "travel-to-work"),
        ("wot dosh do u get 4 uni", "higher-education-bursary"),
        ("c-card pls 🙏", "sexual-health-and-contraception"),
    ],
)
def test_text_speak_and_slang_find_their_page(question, slug):
    assert slugs(question)[0] == slug


@pytest.mark.parametrize(
    ("question", "slug"),
    [
        ("counsil tax exemtion", "council-tax-exemption"),
        ("univercity bursery", "higher-education-bursary"),
        ("tennancy corse", "tenancy-readiness-course"),
        ("contraseption", "sexual-health-and-contraception"),
    ],
)
def test_misspellings_are_corrected_to_the_words_the_pages_use(question, slug):
    assert slugs(question)[0] == slug


def test_real_words_are_not_corrected_into_other_words():
    index = retriever._current_index()
    # Same first letter and at most a slip or two: "mount" is not "month", "tall" not "all".
    assert retriever._correct("mount", index) == ([], 0.0)
    assert retriever._correct("tall", index) == ([], 0.0)
    assert retriever._correct("grnat", index)[0] == ["grant"]


def test_hits_come_best_first_with_their_page_and_a_confidence():
    hits = search("how much is the setting up home grant", limit=3)
    assert len(hits) == 3
    assert all(isinstance(hit, Hit) for hit in hits)
    assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)
    assert hits[0].title == "Setting Up Home Grant"
    assert hits[0].url.endswith("/setting-up-home-grant/")
    assert all(0.0 <= hit.confidence <= 1.0 for hit in hits)
    assert hits[0].confidence >= retriever.SUGGESTED_THRESHOLD
    assert hits[0].confidence > hits[1].confidence
    assert len(search("council tax", limit=1)) == 1
    assert search("council tax", limit=0) == []


@pytest.mark.parametrize("question", ["", "   ", "🙂🙂", "asdfghjkl qwertyuiop", "lol ok thanks"])
def test_a_question_with_no_known_words_finds_nothing(question):
    assert search(question) == []


@pytest.mark.parametrize(
    "question",
    [
        "what's the weather like tomorrow",
        "what time does the chippy close",
        "can you move my appointment with my PA to friday",
    ],
)
def test_off_topic_questions_are_not_answered_confidently(question):
    hits = search(question)
    assert not hits or hits[0].confidence < retriever.SUGGESTED_THRESHOLD


# --- Always the published offer -------------------------------------------------------------


def test_an_unpublished_page_drops_out_at_once_and_comes_back_when_published():
    question = "do I have to pay council tax?"
    assert slugs(question)[0] == "council-tax-exemption"
    page = EntitlementPage.objects.get(slug="council-tax-exemption")

    page.unpublish()
    assert "council-tax-exemption" not in slugs(question)
    assert index_stats()["pages"] == 30

    page.save_revision().publish()
    assert slugs(question)[0] == "council-tax-exemption"
    assert index_stats()["pages"] == 31


def test_pages_under_an_unpublished_section_are_not_found():
    OfferSectionPage.objects.get(slug="money").unpublish()
    assert "setting-up-home-grant" not in slugs("setting up home grant furniture")


def test_a_publish_changes_the_words_searched_at_once():
    page = EntitlementPage.objects.get(slug="celebrating-achievements")
    page.search_terms += ", karaoke night"
    page.save_revision().publish()
    assert slugs("is there a karaoke night")[0] == "celebrating-achievements"


def test_an_old_index_is_rebuilt_even_if_the_version_looks_the_same(monkeypatch):
    # A cache flush restarts the version at 1; the index's age is the safety net.
    first = retriever._current_index()
    assert retriever._current_index() is first
    monkeypatch.setattr(retriever, "MAX_AGE", -1.0)
    assert retriever._current_index() is not first


def test_index_stats_describe_the_published_index():
    stats = index_stats()
    assert stats["pages"] == EntitlementPage.objects.live().public().count() == 31
    assert stats["terms"] > 500
    assert 0 < stats["bytes"] < 10_000_000


# --- Text-speak -----------------------------------------------------------------------------


def test_text_speak_is_expanded_but_amounts_and_levels_keep_their_numbers():
    assert textspeak.plain_words("wot r u on about") == ["what", "are", "you", "on", "about"]
    assert textspeak.plain_words("£2 grant, level 2, wheels 2 work") == [
        "2",
        "grant",
        "level",
        "2",
        "wheels",
        "to",
        "work",
    ]
    assert textspeak.plain_words("skint 4 real") == ["no", "money", "for", "real"]
    assert textspeak.plain_words("I\u2019m 21+ 🎉") == ["i", "am", "21", "plus"]


def test_terms_drop_stop_words_and_stem():
    assert textspeak.terms("I'm volunteering at the food bank") == ["volunt", "food", "bank"]
    assert textspeak.terms("the C-Card") == ["ccard"]


# --- Accuracy and speed ---------------------------------------------------------------------


def test_dev_and_tuning_sets_find_the_right_page_first_at_least_nine_times_in_ten():
    rows = with_entitlement(dev_set()) + with_entitlement(load(EVAL_SETS / "tuning.jsonl"))
    accuracy, misses = top1(rows)
    print(f"\ndev + tuning top-1: {accuracy:.1%} of {len(rows)}; misses: {misses}")
    assert accuracy >= 0.9, misses


def test_held_out_accuracy_is_recorded(record_property):
    """Never tuned on: the figure is printed and recorded, and only a loose floor is asserted."""
    rows = with_entitlement(load(EVAL_SETS / "held_out.jsonl"))
    accuracy, misses = top1(rows)
    record_property("held_out_top1", round(accuracy, 4))
    print(f"\nheld-out top-1: {accuracy:.1%} of {len(rows)}; misses: {misses}")
    assert accuracy >= 0.75, misses


def substring_baseline():
    """The simplest thing that could work, for comparison: count the question's words that
    appear anywhere in a page's text, and take the page with most (first in the tree on a tie)."""
    pages = [
        (page.slug, " ".join(retriever._page_fields(page).values()).lower())
        for page in EntitlementPage.objects.live().public().order_by("path")
    ]

    def ask(question: str) -> list[str]:
        words = re.findall(r"[a-z0-9]+", question.lower())
        best = max(pages, key=lambda page: sum(word in page[1] for word in words))
        return [best[0]] if any(word in best[1] for word in words) else []

    return ask


def timings(ask, questions: list[str], rounds: int = 3) -> tuple[float, float]:
    """Median and 95th percentile, in milliseconds, after one warm-up round."""
    for question in questions:
        ask(question)
    times = []
    for _ in range(rounds):
        for question in questions:
            start = time.perf_counter()
            ask(question)
            times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def test_figures_against_the_substring_baseline(record_property):
    """Accuracy of the retriever and of the substring baseline on each set, their speed, and
    the index's size. Printed (run with -s) and recorded; only the speed target is asserted."""
    sets = {
        "dev": with_entitlement(dev_set()),
        "tuning": with_entitlement(load(EVAL_SETS / "tuning.jsonl")),
        "held_out": with_entitlement(load(EVAL_SETS / "held_out.jsonl")),
    }
    baseline = substring_baseline()
    questions = [question for rows in sets.values() for question, _ in rows]
    lines = []
    for name, rows in sets.items():
        ours, _ = top1(rows)
        theirs, _ = top1(rows, baseline)
        record_property(f"{name}_top1", round(ours, 4))
        record_property(f"{name}_top1_substring_baseline", round(theirs, 4))
        lines.append(f"{name:9} n={len(rows):3}  retriever {ours:6.1%}  substring {theirs:6.1%}")
    median, p95 = timings(search, questions)
    base_median, base_p95 = timings(baseline, questions)
    stats = index_stats()
    record_property("search_ms_p95", round(p95, 3))
    lines.append(f"search ms: median {median:.3f} p95 {p95:.3f}")
    lines.append(f"substring ms: median {base_median:.3f} p95 {base_p95:.3f}")
    lines.append(f"index: {stats}")
    print("\n" + "\n".join(lines))
    assert p95 < 30.0
