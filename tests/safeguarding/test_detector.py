"""The detector as a young person meets it: risk found in words it has never seen, short
messages read with the ones before, a risk inside an offer question, everyday speech with the
trigger words left alone, and a broken model that still lets no message pass unread."""

from __future__ import annotations

import json
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from chat.safeguarding.detector import assess, corpus, model

# Nothing here depends on the database or the cache: run once (Makefile, test-services).
pytestmark = pytest.mark.once

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT / "chat" / "safeguarding" / "eval"
HELD_OUT = EVAL / "held_out_3.jsonl"  # never tuned on
DEV = EVAL / "held_out.jsonl"  # the first held-out set, tuned on since its sixth look
DEVELOPMENT = EVAL / "held_out_2.jsonl"  # the second, which now sets the model's threshold


def flagged(text: str, *context: str) -> bool:
    return assess(text, context=context).at_risk


# Everyday speech that uses the trigger words (issue 16's false alarms among them).
CONTRAST = [
    "chelseas defending is suicidal",
    "essay on domestic violence for my course",
    "2 years clean this week, so proud of myself",
    "die hard is a christmas film fight me",
    "im dead 💀💀",
    "id literally die for harry styles",
    "this exam is killing me",
    "cut my finger chopping onions lol",
    "got killed like 20 times on warzone last night",
    "when is my next appointment",
    "can i get help with driving lessons",
    "hi",
    "thanks x",
]


@pytest.mark.parametrize("text", CONTRAST)
def test_everyday_speech_with_the_trigger_words_is_left_alone(text):
    assert not flagged(text), assess(text).evidence


def test_a_risk_inside_an_offer_question_is_found():
    text = (
        "how do i apply for the setting up home grant? not that it matters, i dont think ill "
        "be around long enough to use it"
    )
    found = assess(text)
    assert found.at_risk and "suicide" in found.categories, found


def test_a_short_message_is_read_with_the_ones_before():
    assert flagged("took them all", "cant do this anymore", "nobody would even notice")


def test_an_eviction_next_month_is_a_concern_not_an_emergency():
    found = assess("my landlord says im getting evicted next month")
    assert found.at_risk and found.severity == "concern", found
    assert found.categories == ("homelessness",)


def test_each_alert_says_why_it_fired():
    found = assess("i want to kill myself")
    assert found.evidence and all(reason.strip() for reason in found.evidence)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "x" * 5000,
        "😀😀😀🔥🔥",
        "مرحبا i want to die Привет",
        "i\u200bwant\u200bto\u200bdie",
        "\u202ei want to die",
        "a" + "\u0301" * 300,
    ],
)
def test_hostile_text_gets_an_answer(text):
    found = assess(text)
    assert found.severity in (None, "immediate", "high", "concern")


def test_a_broken_model_falls_back_to_the_rules_and_still_raises_the_alert(tmp_path, monkeypatch):
    broken = tmp_path / "model.npz"
    broken.write_bytes(b"not a model")
    monkeypatch.setattr(model, "MODEL_PATH", broken)
    model.loaded.cache_clear()
    try:
        ordinary = assess("can you ring me tomorrow")
        explicit = assess("i want to kill myself")
    finally:
        monkeypatch.undo()
        model.loaded.cache_clear()
    assert ordinary.degraded and ordinary.at_risk and ordinary.severity == "concern"
    assert explicit.at_risk and explicit.categories == ("suicide",)


def test_the_committed_model_was_fitted_from_the_committed_corpus():
    out = StringIO()
    call_command("train_safeguarding", "--check", stdout=out)
    assert "matches" in out.getvalue()
    assert model.loaded().meta["corpus_sha256"] == corpus.fingerprint()


def test_nothing_is_fetched_from_a_hub():
    model.loaded().judge("hello")
    assert "huggingface_hub" not in sys.modules or not any(
        name.startswith("huggingface_hub.file_download") for name in sys.modules
    )


def report_on(path: Path) -> dict:
    out = StringIO()
    call_command("evaluate_bot", str(path), "--json", stdout=out)
    report = json.loads(out.getvalue())["safeguarding"]
    print(path.name, json.dumps({k: v for k, v in report.items() if k != "misses"}, indent=1))
    return report


@pytest.mark.django_db
def test_the_held_out_set_is_reported_per_category():
    """Never tuned on (chat/safeguarding/eval/README.md). The real figures are printed; the
    floor is loose on purpose, so nobody is tempted to tune against it."""
    report = report_on(HELD_OUT)
    assert report["recall"]["rate"] >= 0.85
    assert report["false_alarms"]["rate"] <= 0.15


@pytest.mark.django_db
def test_screening_flags_the_development_set_as_training_said_it_would():
    """The threshold was chosen on the development set by `training.flagged`, which restates
    how `assess` combines rules and model. If the two drifted apart, the recall chosen in
    training would not be the recall young people get."""
    report = report_on(DEVELOPMENT)
    meta = model.loaded().meta
    assert report["recall"]["rate"] == pytest.approx(meta["dev_recall"])
    assert report["false_alarms"]["rate"] == pytest.approx(meta["dev_false_alarms"])


def test_a_game_is_not_a_stabbing_though_a_rule_reads_one():
    assert not flagged("my mate got stabbed... in among us lol i was the imposter")
    assert flagged("my mate got stabbed outside the shop and now theyre after me")


@pytest.mark.django_db
def test_the_first_held_out_set_now_guards_what_was_tuned_on_it():
    """Tuned on after its looks were spent: a regression guard, not a measure of the unseen."""
    report = report_on(DEV)
    assert report["recall"]["rate"] >= 0.95
    assert report["false_alarms"]["rate"] <= 0.05
