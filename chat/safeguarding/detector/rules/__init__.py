"""The safeguarding rules, one module of phrasings per category, and `match` to run them all.

    from chat.safeguarding.detector.rules import match
    match("gotta sleep in the car tonight")
    # [RuleHit(category='homelessness', phrase='sleep in the car tonight', severity='immediate',
    #          rule_name='sleeping_outside_tonight')]

How a message is read, and the rules for adding a phrasing, are in engine.py.
"""

from __future__ import annotations

from chat.safeguarding.detector.rules import (
    abuse,
    domestic_abuse,
    forced,
    homelessness,
    self_harm,
    sexual_exploitation,
    suicide,
    violence,
)
from chat.safeguarding.detector.rules.engine import CONCERN, HIGH, IMMEDIATE, RuleHit, RuleSet

__all__ = ["CATEGORIES", "CONCERN", "HIGH", "IMMEDIATE", "RULES", "RuleHit", "match"]

_MODULES = (
    suicide,
    self_harm,
    sexual_exploitation,
    abuse,
    domestic_abuse,
    forced,
    violence,
    homelessness,
)
# The category codes in the detector's order (chat.safeguarding.detector.CATEGORIES; a test checks
# they agree). Hits at the same place in a message come in this order.
CATEGORIES: tuple[str, ...] = tuple(module.CATEGORY for module in _MODULES)
RULES = RuleSet([rule for module in _MODULES for rule in module.RULES], CATEGORIES)


def match(text: str) -> list[RuleHit]:
    """Every risk the rules find in one message, in message order; [] when none.

    Pure and fast (well under a millisecond for a typical message): no Django, no I/O."""
    return RULES.match(text)


def denied(text: str) -> bool:
    """Does the message deny, in words a rule knows, a risk it would otherwise show?"""
    return RULES.denied(text)
