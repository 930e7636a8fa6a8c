"""Is a question one only a person can deal with?

"Can you move my appointment to Friday", "can my PA ring me", "my bursary hasn't come in": the
bot cannot do these, and a page about the offer would not help. They go to the young person's
PA. Questions *about* things ("who is my PA", "can you help with rent") are for the pages.

Deliberately a short list of patterns: when it is unsure, the bot answers from a page and
offers the PA anyway, so a miss costs little.
"""

from __future__ import annotations

import re

# Asking someone to do something for them: an action verb aimed at the bot, their PA or "you".
_ACTION = (
    r"(?:move|change|rearrange|re-?arrange|reschedule|re-?book|cancel|book|arrange|sort out|"
    r"chase|check on|call|ring|phone|text|email|e-mail|visit|come round|come over|meet)"
)
_PATTERNS = [
    rf"\b(?:can|could|will|would)\s+(?:you|u|ya|my pa|my (?:personal )?adviser|sam|someone|"
    rf"somebody)\s+(?:please\s+|pls\s+|plz\s+)?{_ACTION}\b",
    rf"\b(?:please|pls|plz)\s+{_ACTION}\b",
    r"\b(?:my|the|our)\s+(?:appointment|appt|meeting|visit|review)\b",
    r"\b(?:call|ring|phone|text)\s+(?:me|me back)\b",
    r"\b(?:need|want|like)\s+to\s+(?:speak|talk)\s+to\s+(?:my pa|my adviser|someone|a person|"
    r"a human|a real person|sam)\b",
    r"\b(?:tell|ask)\s+my\s+(?:pa|adviser|worker)\b",
    r"\b(?:need|want|have|got)\s+to\s+(?:change|update|cancel|rearrange|move)\s+my\b",
    r"\b(?:hasn'?t|has not|havent|haven'?t|have not|didn'?t|did not|never)\s+"
    r"(?:come|came|arrived|been paid|got paid|gone in|went in|received|had)\b",
    r"\bwhere(?:'s| is)\s+my\s+(?:money|payment|grant|bursary|allowance)\b",
    r"\b(?:when|why)\s+(?:will|is|has|hasn'?t|isn'?t)\s+my\s+(?:money|payment|grant|bursary|"
    r"allowance)\b",
]
_COMPILED = [re.compile(pattern, re.IGNORECASE) for pattern in _PATTERNS]


def needs_a_person(question: str) -> bool:
    """True when the question asks someone to act on the asker's own case."""
    text = " ".join(question.replace("\u2019", "'").split())  # curly apostrophe
    return any(pattern.search(text) for pattern in _COMPILED)


# Words that show a question is about a care leaver's life and the council's offer, so a
# question the pages cannot match goes to a person rather than being turned away.
_ABOUT_THE_OFFER = re.compile(
    r"\b(?:money|cash|pay|paid|payment|grant|bursary|allowance|benefits?|universal credit|rent|"
    r"bills?|tax|debt|arrears|skint|broke|flat|house|housing|home|homeless|tenancy|landlord|"
    r"council|college|coll|uni|university|school|course|exam|job|work|apprenticeship|training|"
    r"pa|adviser|advisor|social worker|leaving care|care leaver|in care|foster|staying put|"
    r"health|doctor|gp|dentist|therapy|counsell?ing|mental|pregnant|baby|records?|passport|"
    r"birth certificate|id|travel|bus|train|bike|forum|survey|meet the manager|food|clothes|"
    r"furniture|immigration|visa|asylum|solicitor|court|pathway plan)\b",
    re.IGNORECASE,
)


def about_the_offer(question: str) -> bool:
    """Does the question touch on what the council's leaving care team deals with?"""
    return bool(_ABOUT_THE_OFFER.search(question))
