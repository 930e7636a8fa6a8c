"""The one eligibility function, on its own: no database."""

from __future__ import annotations

import datetime

from hypothesis import given
from hypothesis import strategies as st

from offer.eligibility import Person, Rules, decide, is_eligible, when_eligible
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
