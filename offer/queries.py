"""Turning a question (from a query string or the command line) into a `Person`.

Shared by the API and the `entitlements` command, so bad input gets the same answer from both:
a `BadQuery` that names the field.
"""

from __future__ import annotations

from collections.abc import Iterable

from offer.eligibility import Person
from portal.people.choices import Circumstance, LeavingCareStatus


class BadQuery(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def person_from(age: str | int | None, status: str | None, circumstances: Iterable[str]) -> Person:
    if age is None or str(age).strip() == "":
        raise BadQuery("age", "Give an age in years, from 0 to 120.")
    try:
        years = int(str(age).strip())
    except ValueError:
        raise BadQuery("age", f"Age must be a whole number of years, not {age!r}.") from None
    if not 0 <= years <= 120:
        raise BadQuery("age", f"Age must be from 0 to 120, not {years}.")
    if not status:
        raise BadQuery("status", f"Give a status: one of {', '.join(LeavingCareStatus.values)}.")
    if status not in LeavingCareStatus.values:
        raise BadQuery(
            "status",
            f"Unknown status {status!r}: use one of {', '.join(LeavingCareStatus.values)}.",
        )
    chosen = [c for c in circumstances if c != ""]
    unknown = sorted(set(chosen) - set(Circumstance.values))
    if unknown:
        raise BadQuery(
            "circumstance",
            f"Unknown circumstance {unknown[0]!r}: use any of {', '.join(Circumstance.values)}.",
        )
    return Person(years, status, frozenset(chosen))
