"""Who can get what: the one eligibility function, and the same rules in plain sentences.

Pure: nothing from Django is imported here or by what it imports (a test checks), so the pages,
the checker, the `entitlements` command, the API and the chatbot all give the same answer, and
it can be tested without a database. The rules are the contract's
(`../shared/contract/entitlements.json`): ages are completed years, both ends inclusive
(max_age 24 means until the 25th birthday); `requires_any` needs at least one of its
circumstances, `requires_all` needs every one.

`decide` (can this person get it, and why) and `who_can_get_it` (the rules on the page) are
written from the same phrases below, so the page can never say other than what the check does
(issue 17 found the page and the check testing the 25th birthday differently).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from portal.people.ages import age_on

# The contract's leaving-care statuses, in the order the law introduces them (and the page lists
# them). `portal.people.choices.LeavingCareStatus` holds the same codes for forms and the
# database; tests/offer/test_eligibility.py checks the two agree.
STATUSES = ("eligible", "relevant", "former_relevant", "qualifying")

# At 18 an eligible or relevant young person becomes former relevant (Children (Leaving Care)
# Act 2000); the other statuses stay as they are.
STATUS_AT_18 = {"eligible": "former_relevant", "relevant": "former_relevant"}
OLDEST = 25  # duties to care leavers run to the 25th birthday

# The contract's circumstances said to the young person, for "why this applies", "what it needs"
# and "who can get it". Keyed by the codes of `portal.people.choices.Circumstance`.
CIRCUMSTANCE_SAID_TO_YOU: dict[str, str] = {
    "own_home": "you live in your own home",
    "with_former_foster_carer": "you live with the person who cared for you",
    "in_further_education": "you are at college or sixth form",
    "in_higher_education": "you are at university",
    "in_apprenticeship": "you are doing an apprenticeship",
    "in_work": "you are working",
    "volunteering_or_training": "you are volunteering or training",
    "not_in_education_or_work": "you are not in education, training or work",
    "parent_or_pregnant": "you are a parent or expecting a baby",
    "unaccompanied_asylum_seeker": "you came to the UK alone to seek asylum",
    "at_risk_of_homelessness": "you might lose your home",
}


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


class Situation(Protocol):
    """What a young person's profile tells the rules (`YoungPersonProfile` has these)."""

    date_of_birth: datetime.date
    leaving_care_status: str
    circumstances: Iterable[str]


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

    @classmethod
    def of(cls, profile: Situation, *, on: datetime.date) -> Person:
        """A young person's profile as the rules see it on `on` (their age that day)."""
        return cls.born(
            profile.date_of_birth,
            status=profile.leaving_care_status,
            circumstances=profile.circumstances,
            on=on,
        )


@dataclass(frozen=True)
class Decision:
    eligible: bool
    reasons: tuple[str, ...]  # why it applies (when eligible) in plain words
    missing: tuple[str, ...]  # what is not met (when not)


# The phrases both `decide` and `who_can_get_it` are written from.


def _ordinal(n: int) -> str:
    """21 -> 21st, 22 -> 22nd, 25 -> 25th, 111 -> 111th."""
    if n % 100 in (11, 12, 13):
        return f"{n}th"
    return f"{n}{({1: 'st', 2: 'nd', 3: 'rd'}).get(n % 10, 'th')}"


def _until(rules: Rules) -> str:
    """The birthday on which it stops: the day after the last day of `max_age`."""
    return f"until your {_ordinal(rules.max_age + 1)} birthday"


def _ages(rules: Rules) -> str:
    return f"from {rules.min_age} {_until(rules)}"


def _status_name(code: str) -> str:
    """A status's name is its code in words, as the law names it: former_relevant is
    'former relevant' (the start of `LeavingCareStatus`'s label; a test checks)."""
    return code.replace("_", " ")


def _said(code: str) -> str:
    return CIRCUMSTANCE_SAID_TO_YOU.get(code, code.replace("_", " "))


def _in_order(statuses: frozenset[str]) -> list[str]:
    """The contract's order, whatever order an editor ticked them in."""
    return [s for s in STATUSES if s in statuses] + sorted(statuses - set(STATUSES))


def _either(words: list[str]) -> str:
    """'a', 'a or b', 'a, b or c'."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def who_can_get_it(rules: Rules) -> list[str]:
    """The rules in plain sentences, for the entitlement page's "Who can get it"."""
    # At the legal end of the duties the birthday is said too, so "24" is not read as "under 24".
    ends = f" ({_until(rules)})" if rules.max_age + 1 == OLDEST else ""
    names = [_status_name(code) for code in _in_order(rules.statuses)]
    lines = [
        f"You are {rules.min_age} to {rules.max_age}{ends}.",
        f"You are {_either(names)} (your leaving-care status).",
    ]
    if rules.requires_any:
        lines.append("And " + ", or ".join(_said(c) for c in sorted(rules.requires_any)) + ".")
    lines.extend(f"And {_said(code)}." for code in sorted(rules.requires_all))
    return lines


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
            reasons.extend(f"It is for you if {_said(code)}, and you do." for code in met)
        else:
            options = ", or ".join(_said(c) for c in sorted(rules.requires_any))
            missing.append(f"It is for you if {options}.")
    unmet = sorted(rules.requires_all - person.circumstances)
    if rules.requires_all:
        if unmet:
            missing.extend(f"It is only for you if {_said(code)}." for code in unmet)
        else:
            both = " and ".join(_said(c) for c in sorted(rules.requires_all))
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
