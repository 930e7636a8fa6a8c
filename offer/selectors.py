"""Reading the published offer: which entitlements exist, and which a person can get.

Only live, public pages count: an unpublished or private page is never offered. Everything that
answers "what can I get?" (pages, checker, command, API, and later the chatbot) comes here.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from offer.eligibility import Decision, Person, decide, when_eligible
from offer.models import EntitlementPage, OfferHomePage, OfferSectionPage


@dataclass(frozen=True)
class Offered:
    page: EntitlementPage
    section: OfferSectionPage
    decision: Decision


@dataclass(frozen=True)
class Soon:
    page: EntitlementPage
    section: OfferSectionPage
    age: int
    on: datetime.date | None  # the birthday, when the date of birth is known


def live_sections() -> list[OfferSectionPage]:
    return list(OfferSectionPage.objects.live().public().order_by("path"))


def live_entitlements() -> list[tuple[EntitlementPage, OfferSectionPage]]:
    """Every published entitlement with its section, in the order editors put them. 2 queries."""
    sections = {s.path: s for s in live_sections()}
    pairs = []
    for page in EntitlementPage.objects.live().public().order_by("path"):
        section = sections.get(page.path[: -EntitlementPage.steplen])
        if section is not None:  # under an unpublished section, it is not offered
            pairs.append((page, section))
    return pairs


def sections_with_entitlements() -> list[tuple[OfferSectionPage, list[EntitlementPage]]]:
    grouped: dict[int, tuple[OfferSectionPage, list[EntitlementPage]]] = {}
    for section in live_sections():
        grouped[section.pk] = (section, [])
    for page, section in live_entitlements():
        grouped[section.pk][1].append(page)
    return list(grouped.values())


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
    return sorted(soon, key=lambda s: (s.age, s.page.path))


def person_for_profile(profile, *, on: datetime.date | None = None) -> Person:
    return Person.born(
        profile.date_of_birth,
        status=profile.leaving_care_status,
        circumstances=profile.circumstances,
        on=on or timezone.localdate(),
    )


def decision_for_user(user, page: EntitlementPage) -> Decision | None:
    """For a signed-in young person, whether this page's entitlement looks like theirs."""
    profile = getattr(user, "young_person", None) if user.is_authenticated else None
    if profile is None:
        return None
    return decide(page.rules, person_for_profile(profile))


def offer_home() -> OfferHomePage | None:
    return OfferHomePage.objects.live().public().first()
