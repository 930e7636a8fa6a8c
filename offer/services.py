"""Changing the offer.

Editors write the offer's pages through Wagtail's admin, and `offer/demo.py` loads the demo, so
the portal's own code changes one thing only, and nothing of any young person's: when the
published offer changes, everything cached from it is forgotten at once.
"""

from __future__ import annotations

from django.core.cache import cache

from offer.page_cache import VERSION_KEY


def forget_cached_offer() -> None:
    """Move the offer's version number on, so every visitor's page kept by `page_cache`, the
    snapshot `selectors.published_offer` keeps and the chatbot's index are rebuilt from the
    pages on their next read (each has the number in its cache key).

    Called by receivers.py on publish, unpublish, slug change, move and delete."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet
        cache.set(VERSION_KEY, 2, timeout=None)
