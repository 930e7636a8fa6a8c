"""Searching the published offer: the one function behind `/search/`.

What a visitor types is words, never a query language. Wagtail's database search hands each
word to SQLite's full-text index (FTS5) in double quotes, so a word holding a `"` ends the
quoted string early and FTS5 refuses the whole query ("unterminated string", "fts5: syntax
error"). That is an error in the query, not in the database, and must read as "nothing found",
not as the portal's "cannot reach its database" page (issue 15, finding 5). So only the words
are searched for, and an FTS syntax error that still gets through means no results.
"""

from __future__ import annotations

import logging
import re

from django.db import OperationalError
from wagtail.search.backends.base import BaseSearchResults

from offer.models import EntitlementPage

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
