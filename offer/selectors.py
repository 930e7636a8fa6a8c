"""Reading the published offer: which entitlements exist, and which a person can get.

Only live, public pages count: an unpublished or private page is never offered. Everything that
answers "what can I get?" (the checker, My page, the `entitlements` command, the API and the
chatbot) comes here, and so does `/search/`. The offer's own pages build their context from
`offer.models` and `offer.eligibility` alone, so this module reads the models and they never
import it back.
"""

from __future__ import annotations

import datetime
import logging
import re
from dataclasses import dataclass

from django.core.cache import cache
from django.db import OperationalError
from django.utils import timezone
from wagtail.search.backends.base import BaseSearchResults

from offer.eligibility import Decision, Person, Rules, Situation, decide, when_eligible
from offer.models import EntitlementPage, OfferHomePage
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


# Searching the published offer: the one function behind `/search/`.
#
# What a visitor types is words, never a query language. Wagtail's database search hands each
# word to SQLite's full-text index (FTS5) in double quotes, so a word holding a `"` ends the
# quoted string early and FTS5 refuses the whole query ("unterminated string", "fts5: syntax
# error"). That is an error in the query, not in the database, and must read as "nothing found",
# not as the portal's "cannot reach its database" page (issue 15, finding 5). So only the words
# are searched for, and an FTS syntax error that still gets through means no results.

logger = logging.getLogger("portal.offer")

MAX_QUERY = 200  # characters read from the search box
# Letters and digits in any script (`\w` without the underscore): what a full-text index
# indexes. Quotes, brackets, `*`, `:`, `^` and the rest are query syntax to FTS5, not words.
WORD = re.compile(r"[^\W_]+")
# What SQLite says of a MATCH expression it cannot parse. Nothing here means "no database".
FTS_SYNTAX_ERRORS = ("fts5: syntax error", "unterminated string", "malformed match")


def words_in(query: str) -> str:
    """The words of a search, space-separated: `"furniture (money)` -> `furniture money`."""
    return " ".join(WORD.findall(query[:MAX_QUERY]))


def is_fts_syntax_error(error: OperationalError) -> bool:
    message = str(error).lower()
    return any(known in message for known in FTS_SYNTAX_ERRORS)


def search_offer(query: str) -> BaseSearchResults | list:
    """Live, public entitlement pages matching the words of `query`, best first.

    Pages with every word first ("furniture money" is the grant, not every page about money);
    if none has them all, any word will do. No words, or a query the index cannot parse,
    finds nothing."""
    words = words_in(query)
    if not words:
        return []
    pages = EntitlementPage.objects.live().public()
    try:
        results = pages.search(words, operator="and")
        if not len(results):
            results = pages.search(words, operator="or")
            len(results)  # run it here, where a syntax error can be told from an outage
    except OperationalError as error:
        if not is_fts_syntax_error(error):
            raise  # the database is away: the 503 page (portal/unavailable.py)
        logger.info("Search %r could not be parsed by the index: %s", words, error)
        return []
    return results
