"""Who can get what: the one eligibility function.

Pure and database-free, so the pages, the checker, the `entitlements` command, the API and the
chatbot all give the same answer, and it can be tested on its own. The rules are the contract's
(`../shared/contract/entitlements.json`): ages are completed years, both ends inclusive
(max_age 24 means until the 25th birthday); `requires_any` needs at least one of its
circumstances, `requires_all` needs every one.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from portal.people.choices import CIRCUMSTANCE_SAID_TO_YOU, LeavingCareStatus
from portal.people.models import age_on

# At 18 an eligible or relevant young person becomes former relevant (Children (Leaving Care)
# Act 2000); the other statuses stay as they are.
STATUS_AT_18 = {
    LeavingCareStatus.ELIGIBLE: LeavingCareStatus.FORMER_RELEVANT,
    LeavingCareStatus.RELEVANT: LeavingCareStatus.FORMER_RELEVANT,
}
OLDEST = 25  # duties to care leavers run to the 25th birthday


@dataclass(frozen=True)
class Rules:
    min_age: int
    max_age: int
    statuses: frozenset[str]
    requires_any: frozenset[str] = frozenset()
    requires_all: frozenset[str] = frozenset()

    @classmethod
    def of(
        cls,
        *,
        min_age: int,
        max_age: int,
        statuses: Iterable[str],
        requires_any: Iterable[str] = (),
        requires_all: Iterable[str] = (),
    ) -> Rules:
        return cls(
            min_age, max_age, frozenset(statuses), frozenset(requires_any), frozenset(requires_all)
        )


@dataclass(frozen=True)
class Person:
    age: int
    status: str
    circumstances: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def born(
        cls,
        date_of_birth: datetime.date,
        *,
        status: str,
        circumstances: Iterable[str] = (),
        on: datetime.date,
    ) -> Person:
        """A person as they are on `on`: the age is worked out on the day asked."""
        return cls(age_on(date_of_birth, on), status, frozenset(circumstances))


@dataclass(frozen=True)
class Decision:
    eligible: bool
    reasons: tuple[str, ...]  # why it applies (when eligible) in plain words
    missing: tuple[str, ...]  # what is not met (when not)


def _ages(rules: Rules) -> str:
    if rules.max_age >= OLDEST - 1:
        return f"from {rules.min_age} until your 25th birthday"
    return f"from {rules.min_age} until your {rules.max_age + 1}th birthday"


def _status_name(code: str) -> str:
    return LeavingCareStatus(code).label.split(":")[0].lower()


def _circumstance(code: str) -> str:
    return CIRCUMSTANCE_SAID_TO_YOU.get(code, code.replace("_", " "))


def decide(rules: Rules, person: Person) -> Decision:
    """Can this person get it, and why (or why not)? The one eligibility function."""
    reasons: list[str] = []
    missing: list[str] = []
    if rules.min_age <= person.age <= rules.max_age:
        reasons.append(f"You are {person.age}: this is {_ages(rules)}.")
    else:
        missing.append(f"This is {_ages(rules)}; you are {person.age}.")
    if person.status in rules.statuses:
        reasons.append(f"It is for young people who are {_status_name(person.status)}.")
    else:
        missing.append(f"It is not for young people who are {_status_name(person.status)}.")
    if rules.requires_any:
        met = sorted(rules.requires_any & person.circumstances)
        if met:
            reasons.extend(f"It is for you if {_circumstance(code)}, and you do." for code in met)
        else:
            options = ", or ".join(_circumstance(c) for c in sorted(rules.requires_any))
            missing.append(f"It is for you if {options}.")
    unmet = sorted(rules.requires_all - person.circumstances)
    if rules.requires_all:
        if unmet:
            missing.extend(f"It is only for you if {_circumstance(code)}." for code in unmet)
        else:
            both = " and ".join(_circumstance(c) for c in sorted(rules.requires_all))
            reasons.append(f"It is for you if {both}, and you do.")
    return Decision(not missing, tuple(reasons), tuple(missing))


def is_eligible(rules: Rules, person: Person) -> bool:
    return decide(rules, person).eligible


def when_eligible(rules: Rules, person: Person) -> int | None:
    """The next age (above today's, under 25) at which this person would qualify, if their
    circumstances stay the same and their status moves on at 18 as the law says; else None."""
    if is_eligible(rules, person):
        return None
    for age in range(person.age + 1, OLDEST):
        status = STATUS_AT_18.get(person.status, person.status) if age >= 18 else person.status
        if is_eligible(rules, Person(age, status, person.circumstances)):
            return age
    return None
