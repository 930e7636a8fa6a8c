"""`manage.py evaluate_bot`: the whole chatbot scored on the contract's dev set (the issue's
bar) and on the project's own sets, as a council would run it."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from chat.models import Question, SafeguardingAlert
from tests import contract

ROOT = Path(__file__).resolve().parents[2]
DEV_SET = contract.DEV_SET
OWN = ROOT / "chat" / "bot" / "eval_sets"


def evaluate(path: Path) -> dict:
    out = StringIO()
    call_command("evaluate_bot", str(path), "--json", stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.django_db
def test_the_dev_set_meets_the_bar():
    report = evaluate(DEV_SET)
    assert report["top1_accuracy"] >= 0.9, report["misses"]
    assert report["safeguarding_recall"] == 1.0, report["misses"]
    assert report["false_alarm_rate"] == 0.0, report["misses"]
    assert report["handoff_accuracy"] == 1.0, report["misses"]
    # An evaluation leaves nothing behind: no stored questions, no alerts.
    assert not Question.objects.exists() and not SafeguardingAlert.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "floor"), [("tuning.jsonl", 0.9), ("held_out.jsonl", 0.85)])
def test_our_own_sets(name, floor):
    """Offer questions: the right page, and the crisis help above it for few of them. The
    detector favours finding risk (docs/safeguarding.md), so an offer question now and then
    gets the help and its PA a look; it still gets its page. An eviction is a concern. At
    issue 16: 8 of 135 tuning questions (one an eviction), 8 of 79 held-out ones."""
    report = evaluate(OWN / name)
    assert report["top1_accuracy"] >= floor, report["misses"]
    assert report["false_alarm_rate"] <= 0.12, report["misses"]
    assert report["safeguarding_recall"] in (None, 1.0), report["misses"]


@pytest.mark.django_db
def test_a_bad_file_is_a_clear_error(tmp_path):
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"entitlement": "x"}\n')
    with pytest.raises(CommandError, match="needs 'q'"):
        call_command("evaluate_bot", str(broken))
    with pytest.raises(CommandError):
        call_command("evaluate_bot", str(tmp_path / "missing.jsonl"))
