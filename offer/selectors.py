"""Reading the published offer: which entitlements exist, and which a person can get.

Only live, public pages count: an unpublished or private page is never offered. Everything that
answers "what can I get?" (the checker, My page, the `entitlements` command, the API and the
chatbot) comes here. The offer's own pages build their context from `offer.models` and
`offer.eligibility` alone, so this module reads the models and they never import it back.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.cache import cache
from django.utils import timezone

from offer.eligibility import Decision, Person, Rules, Situation, decide, when_eligible
from offer.models import OfferHomePage
from offer.page_cache import current_version


@dataclass(frozen=True)
class Entitlement:
    """What the portal needs of a published entitlement page, without the page itself."""

    slug: str
    title: str
    summary: str
    amount_gbp: int | None
    url: str
    rules: Rules


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    intro: str
    url: str
    entitlements: tuple[Entitlement, ...]


@dataclass(frozen=True)
class Offered:
    page: Entitlement
    section: Section
    decision: Decision


@dataclass(frozen=True)
class Soon:
    page: Entitlement
    section: Section
    age: int
    on: datetime.date | None  # the birthday, when the date of birth is known


def _build_offer() -> tuple[Section, ...]:
    """Read the published offer from the database: 3 queries plus URL look-ups. The same
    pages the offer's home page lists (`OfferHomePage.published_sections`)."""
    home = OfferHomePage.objects.first()
    if home is None:
        return ()
    return tuple(
        Section(
            section.slug,
            section.title,
            section.intro,
            section.get_url(),
            tuple(
                Entitlement(
                    page.slug, page.title, page.summary, page.amount_gbp, page.get_url(), page.rules
                )
                for page in pages
            ),
        )
        for section, pages in home.published_sections()
    )


def published_offer() -> tuple[Section, ...]:
    """The published offer, sections in order, each with its entitlements.

    Kept in the cache under the offer's version number, which every publish, unpublish, move
    or delete changes (see page_cache.py), so it is never older than the pages themselves.
    """
    key = f"offer:index:{current_version()}"
    offer = cache.get(key)
    if offer is None:
        offer = _build_offer()
        cache.set(key, offer, 60 * 60 * 24)
    return offer


def live_sections() -> tuple[Section, ...]:
    return published_offer()


def live_entitlements() -> list[tuple[Entitlement, Section]]:
    return [(page, section) for section in published_offer() for page in section.entitlements]


def offered_to(person: Person) -> list[Offered]:
    """What this person can get now, in the offer's order, each with why it applies."""
    offered = []
    for page, section in live_entitlements():
        decision = decide(page.rules, person)
        if decision.eligible:
            offered.append(Offered(page, section, decision))
    return offered


def slugs_for(person: Person) -> list[str]:
    """The contract's answer: the sorted slugs of what this person can get."""
    return sorted(item.page.slug for item in offered_to(person))


def coming_up_for(person: Person, *, date_of_birth: datetime.date | None = None) -> list[Soon]:
    """What they cannot get yet but will at a later birthday (turning 18 or 21, say), soonest
    first, if their situation stays as it is."""
    soon = []
    for page, section in live_entitlements():
        age = when_eligible(page.rules, person)
        if age is None:
            continue
        on = None
        if date_of_birth is not None:
            try:
                on = date_of_birth.replace(year=date_of_birth.year + age)
            except ValueError:
                on = datetime.date(date_of_birth.year + age, 3, 1)
        soon.append(Soon(page, section, age, on))
    return sorted(soon, key=lambda s: s.age)  # stable: the offer's order within an age


def person_for_profile(profile: Situation, *, on: datetime.date | None = None) -> Person:
    """A young person as the rules see them today (or on `on`)."""
    return Person.of(profile, on=on or timezone.localdate())
