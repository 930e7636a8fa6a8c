"""The one eligibility function, on its own: no database, nothing from Django."""

from __future__ import annotations

import datetime
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from offer import demo_content
from offer.eligibility import (
    CIRCUMSTANCE_SAID_TO_YOU,
    STATUS_AT_18,
    STATUSES,
    Person,
    Rules,
    decide,
    is_eligible,
    when_eligible,
    who_can_get_it,
)
from portal.people.choices import Circumstance, LeavingCareStatus

GRANT = Rules.of(min_age=16, max_age=24, statuses=["eligible", "relevant", "former_relevant"])
COUNCIL_TAX = Rules.of(
    min_age=18, max_age=24, statuses=["former_relevant"], requires_any=["own_home"]
)
TOP_UP = Rules.of(
    min_age=16,
    max_age=24,
    statuses=["eligible", "relevant", "former_relevant"],
    requires_all=["in_apprenticeship", "own_home"],
)
AFTER_21 = Rules.of(min_age=21, max_age=24, statuses=["former_relevant"])


def test_both_ends_of_the_age_range_count():
    assert is_eligible(GRANT, Person(16, "relevant"))
    assert is_eligible(GRANT, Person(24, "former_relevant"))
    assert not is_eligible(GRANT, Person(25, "former_relevant"))
    assert not is_eligible(GRANT, Person(15, "eligible"))


def test_status_must_be_one_of_the_rules():
    assert not is_eligible(GRANT, Person(19, "qualifying"))


def test_requires_any_needs_one_and_says_why():
    decision = decide(COUNCIL_TAX, Person(19, "former_relevant", frozenset({"own_home"})))
    assert decision.eligible
    assert any("your own home" in reason for reason in decision.reasons)
    refused = decide(COUNCIL_TAX, Person(19, "former_relevant", frozenset({"in_work"})))
    assert not refused.eligible
    assert any("your own home" in reason for reason in refused.missing)


def test_requires_all_needs_every_one():
    assert not is_eligible(TOP_UP, Person(20, "former_relevant", frozenset({"in_apprenticeship"})))
    assert is_eligible(
        TOP_UP, Person(20, "former_relevant", frozenset({"in_apprenticeship", "own_home"}))
    )


def test_age_is_worked_out_on_the_day_asked():
    born = datetime.date(2005, 11, 24)
    assert Person.born(born, status="former_relevant", on=datetime.date(2026, 11, 23)).age == 20
    assert Person.born(born, status="former_relevant", on=datetime.date(2026, 11, 24)).age == 21


def test_support_after_21_is_coming_for_a_19_year_old():
    assert when_eligible(AFTER_21, Person(19, "former_relevant")) == 21


def test_a_relevant_16_year_old_becomes_former_relevant_at_18():
    assert when_eligible(COUNCIL_TAX, Person(16, "relevant", frozenset({"own_home"}))) == 18


def test_nothing_is_coming_for_someone_already_eligible_or_never():
    assert when_eligible(GRANT, Person(19, "former_relevant")) is None
    assert when_eligible(AFTER_21, Person(19, "qualifying")) is None


@given(
    age=st.integers(0, 120),
    status=st.sampled_from(LeavingCareStatus.values),
    circumstances=st.frozensets(st.sampled_from(Circumstance.values)),
    lo=st.integers(0, 30),
    span=st.integers(0, 10),
    statuses=st.frozensets(st.sampled_from(LeavingCareStatus.values), min_size=1),
    any_of=st.frozensets(st.sampled_from(Circumstance.values), max_size=3),
    all_of=st.frozensets(st.sampled_from(Circumstance.values), max_size=2),
)
def test_decision_matches_the_contracts_reading_of_the_rules(
    age, status, circumstances, lo, span, statuses, any_of, all_of
):
    rules = Rules(lo, lo + span, statuses, any_of, all_of)
    expected = (
        lo <= age <= lo + span
        and status in statuses
        and (not any_of or bool(any_of & circumstances))
        and all_of <= circumstances
    )
    decision = decide(rules, Person(age, status, circumstances))
    assert decision.eligible is expected
    assert bool(decision.missing) is not expected


def test_eligibility_imports_nothing_from_django():
    """The rules must stay testable and callable without Django (issue 17): a fresh interpreter
    that imports offer.eligibility has loaded no django module."""
    code = (
        "import json, sys, offer.eligibility; "
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'django')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": "", "PYTHONPATH": ""},
    )
    assert json.loads(done.stdout) == []


def test_the_rules_words_agree_with_the_portals_choices():
    assert list(STATUSES) == LeavingCareStatus.values
    assert set(STATUS_AT_18) | set(STATUS_AT_18.values()) <= set(STATUSES)
    assert set(CIRCUMSTANCE_SAID_TO_YOU) == set(Circumstance.values)
    for status in LeavingCareStatus:
        name = status.label.split(":")[0].lower()
        assert f"You are {name} (your leaving-care status)." in who_can_get_it(
            Rules.of(min_age=16, max_age=24, statuses=[status.value])
        )
        decision = decide(Rules.of(min_age=16, max_age=24, statuses=[]), Person(19, status))
        assert decision.missing == (f"It is not for young people who are {name}.",)


# "Who can get it" and the check, at the birthdays where the answer changes. The page's sentence
# and the check's reasons are read back as a reader would; the check must say the same.
PAGE_AGES = re.compile(
    r"You are (?P<first>\d+) to (?P<last>\d+)(?: \(until your (?P<end>\d+)(?:st|nd|rd|th) "
    r"birthday\))?\."
)
CHECK_AGES = re.compile(r"from (?P<first>\d+) until your (?P<end>\d+)(?:st|nd|rd|th) birthday")
BORN = datetime.date(2001, 3, 15)


def _birthday(age: int) -> datetime.date:
    return BORN.replace(year=BORN.year + age)


def _fitting(rules: Rules, status: str) -> Person:
    """Someone of this status who meets every circumstance the rules ask for (age 0: replaced)."""
    return Person(0, status, rules.requires_all | frozenset(sorted(rules.requires_any)[:1]))


def _around(age: int) -> list[datetime.date]:
    """The day before, the day of and the day after the birthday on which they turn `age`."""
    day = datetime.timedelta(days=1)
    return [_birthday(age) - day, _birthday(age), _birthday(age) + day]


def _agrees_at_the_birthdays(rules: Rules) -> None:
    page = PAGE_AGES.fullmatch(who_can_get_it(rules)[0])
    assert page, who_can_get_it(rules)[0]
    first, stops = int(page["first"]), int(page["last"]) + 1  # turning `stops` ends it
    if page["end"]:
        assert int(page["end"]) == stops
    for status in sorted(rules.statuses):
        fitting = _fitting(rules, status)
        for on in [*_around(first), *_around(stops)]:
            person = Person.born(BORN, status=status, circumstances=fitting.circumstances, on=on)
            decision = decide(rules, person)
            page_says = _birthday(first) <= on < _birthday(stops)
            assert decision.eligible is page_says, (rules, on)
            said = CHECK_AGES.search(" ".join(decision.reasons + decision.missing))
            assert said, decision
            check_says = _birthday(int(said["first"])) <= on < _birthday(int(said["end"]))
            assert check_says is page_says, (rules, on, said.group(0))


def _statuses_and_circumstances_agree(rules: Rules) -> None:
    lines = who_can_get_it(rules)
    listed = lines[1].removeprefix("You are ").removesuffix(" (your leaving-care status).")
    named = set(re.split(r", | or ", listed))
    for status in STATUSES:
        person = Person(rules.min_age, status, _fitting(rules, status).circumstances)
        assert is_eligible(rules, person) is (status.replace("_", " ") in named), (rules, status)
    circumstance_lines = " ".join(lines[2:])
    for code, said in CIRCUMSTANCE_SAID_TO_YOU.items():
        asked = code in rules.requires_any | rules.requires_all
        assert (said in circumstance_lines) is asked, (rules, code)


def _demo_rules() -> list[Rules]:
    return [
        Rules.of(
            min_age=e["min_age"],
            max_age=e["max_age"],
            statuses=e["statuses"],
            requires_any=e["requires_any"],
            requires_all=e["requires_all"],
        )
        for e in demo_content.ENTITLEMENTS
    ]


@pytest.mark.parametrize(
    "rules",
    [
        *_demo_rules(),
        # At, below and beyond the legal end (24 is until the 25th birthday; a rule that runs to
        # 25 must not be said to end at the 25th), and ordinals: 21st, 22nd, 23rd, 12th.
        Rules.of(min_age=18, max_age=25, statuses=["former_relevant"]),
        Rules.of(min_age=18, max_age=23, statuses=["former_relevant"]),
        Rules.of(min_age=16, max_age=20, statuses=["qualifying"]),
        Rules.of(min_age=16, max_age=21, statuses=["qualifying"]),
        Rules.of(min_age=16, max_age=22, statuses=["qualifying"]),
        Rules.of(min_age=0, max_age=11, statuses=["eligible"]),
        Rules.of(min_age=21, max_age=21, statuses=["former_relevant"]),
    ],
    ids=lambda rules: f"{rules.min_age}-{rules.max_age}-{'+'.join(sorted(rules.statuses))}",
)
def test_who_can_get_it_and_the_check_agree_for_each_rule(rules):
    _agrees_at_the_birthdays(rules)
    _statuses_and_circumstances_agree(rules)


@given(
    lo=st.integers(0, 60),
    span=st.integers(0, 40),
    statuses=st.frozensets(st.sampled_from(STATUSES), min_size=1),
    any_of=st.frozensets(st.sampled_from(sorted(CIRCUMSTANCE_SAID_TO_YOU)), max_size=3),
    all_of=st.frozensets(st.sampled_from(sorted(CIRCUMSTANCE_SAID_TO_YOU)), max_size=2),
)
def test_who_can_get_it_and_the_check_agree_for_any_rules(lo, span, statuses, any_of, all_of):
    rules = Rules(lo, lo + span, statuses, any_of, all_of)
    _agrees_at_the_birthdays(rules)
    _statuses_and_circumstances_agree(rules)


def test_who_can_get_it_says_the_legal_end_and_lists_statuses_in_the_laws_order():
    rules = Rules.of(
        min_age=16,
        max_age=24,
        statuses=["former_relevant", "eligible", "relevant"],
        requires_any=["in_work", "in_apprenticeship"],
        requires_all=["own_home"],
    )
    assert who_can_get_it(rules) == [
        "You are 16 to 24 (until your 25th birthday).",
        "You are eligible, relevant or former relevant (your leaving-care status).",
        "And you are doing an apprenticeship, or you are working.",
        "And you live in your own home.",
    ]
    assert who_can_get_it(Rules.of(min_age=18, max_age=20, statuses=["former_relevant"])) == [
        "You are 18 to 20.",
        "You are former relevant (your leaving-care status).",
    ]
    refused = decide(
        Rules.of(min_age=18, max_age=20, statuses=["former_relevant"]),
        Person(21, "former_relevant"),
    )
    assert refused.missing == ("This is from 18 until your 21st birthday; you are 21.",)
