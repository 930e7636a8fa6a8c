"""Turning a young person's message, or a page's text, into the words the retriever compares.

Young people write the way they text ("wot r u on about", "skint till payday", "c-card pls"),
and the offer's pages are written in plain English. Both sides go through the same steps, so a
word matches whichever way it was written:

1. `words`: lowercase, fold accents and curly quotes, drop emoji and punctuation, keep the
   numbers that matter ("21", "2000"), join "c-card" into "ccard" and keep the parts too.
2. `expand`: text-speak and slang to plain words (u -> you, skint -> no money, 2 -> to but
   never in "£2" or "level 2").
3. `terms`: drop stop words and stem with Snowball (English), so "volunteering" and
   "volunteer" meet.

Spelling mistakes are corrected in the retriever, against the words its index knows.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import snowballstemmer

from chat.textspeak import TEXT_SPEAK

# Text-speak and slang, each to the plain words the offer uses: the shared table
# (`chat.textspeak`) and the chatbot's own. A value of several words replaces one token with
# several ("skint" -> "no money"). Keys are lowercase tokens as `words` leaves them
# (apostrophes already removed: "dont", "im").
SLANG: dict[str, str] = {
    **TEXT_SPEAK,
    # Pronouns and little words.
    "yr": "your",
    "da": "the",
    "dat": "that",
    "w": "with",
    "abt": "about",
    "b4": "before",
    "wut": "what",
    "wht": "what",
    "whats": "what is",
    "wots": "what is",
    "wats": "what is",
    "wer": "where",
    "wheres": "where is",
    "hw": "how",
    "cud": "could",
    "cld": "could",
    "shud": "should",
    "wud": "would",
    "cn": "can",
    "plez": "please",
    "tho": "though",
    "thx": "thanks",
    "ty": "thanks",
    "nxt": "next",
    "msg": "message",
    "txt": "text",
    "im": "i am",
    "ive": "i have",
    "dont": "do not",
    "doesnt": "does not",
    "didnt": "did not",
    "cant": "can not",
    "cannot": "can not",
    "wont": "will not",
    "isnt": "is not",
    "aint": "is not",
    "havent": "have not",
    "hasnt": "has not",
    "dunno": "do not know",
    "innit": "",
    "lol": "",
    # Places of learning and people.
    "uni": "university",
    "coll": "college",
    "ma": "mum",
    "advisor": "adviser",
    "advisers": "adviser",
    "advisors": "adviser",
    "mate": "friend",
    "mates": "friends",
    "fam": "family",
    "bro": "brother",
    "sis": "sister",
    # Money.
    "skint": "no money",
    "brassic": "no money",
    "boracic": "no money",
    "broke": "no money",
    "potless": "no money",
    "dosh": "money",
    "quid": "money",
    "cash": "money",
    "wonga": "money",
    "dough": "money",
    "dole": "benefits",
    "uc": "universal credit",
    # Home ("flat" and "rent" are already the offer's words).
    "gaff": "home",
    "yard": "home",
    "crib": "home",
    "drum": "home",
    "digs": "home",
    "chucked": "kicked",
    "booted": "kicked",
    "stressin": "stress",
    "pas": "pa",
    "1st": "first",
    "2nd": "second",
}

# Words that carry no meaning for finding a page. Deliberately short: "no", "not", "after",
# "before", "over", "under", "alone", "own" and "out" stay, because "no money", "after 21",
# "my own place" and "move out" depend on them, and BM25's inverse document frequency already
# weighs down words that are on every page.
_STOP_WORDS_TEXT = """
    a about am an and any anyone are as at be been being but by could did do does doing for
    from had has have having he her here hers him his how i if in into is it its just like me
    my myself of on or our ours please she should so some someone something such than that the
    their theirs them then there these they this those to too very was we were what when where
    which while who whom will with would you your yours yourself hi hello hey thanks thank
    ok okay yeah yes um uh really literally basically actually sorry also get got gets
    getting can need want know tell say said thing things stuff think maybe might much lot lots
    whether because each both until again once nor itself themselves ourselves herself himself
    yourselves other others same few more most only through during between against above below
"""
STOP_WORDS: frozenset[str] = frozenset(_STOP_WORDS_TEXT.split())

# "2" and "4" are text-speak for "to" and "for" unless they are a quantity: after "£",
# "level", "band", "aged", "age" or "year", or before a unit.
_NUMBER_BEFORE = frozenset({"£", "level", "band", "aged", "age", "year", "years", "over", "under"})
_NUMBER_UNITS = frozenset(
    {"pm", "am", "k", "grand", "quid", "pounds", "weeks", "week", "months", "month", "years",
     "year", "days", "day", "hours", "hour", "mins", "nights", "x", "of", "or", "and"}
)  # fmt: skip

_POUND = "£"
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
# A token: a run of letters or digits, "£" on its own, or "+" after a number ("21+").
_TOKEN = re.compile(r"£|\d+\+|[a-z0-9]+(?:[-'.][a-z0-9]+)*")

_stemmer = snowballstemmer.stemmer("english")


def _fold(text: str) -> str:
    """Lowercase, curly quotes made straight, accents removed ("café" -> "cafe")."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES).lower())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _split(token: str) -> list[str]:
    """One regex token to words: apostrophes dropped ("don't" -> "dont"); "c-card", "p.a"
    and "top-up" give the joined word and, when each is a word, the parts too."""
    if token.endswith("+"):
        return [token[:-1], "plus"]
    token = token.replace("'", "")
    if "-" not in token and "." not in token:
        return [token]
    parts = [part for part in re.split(r"[-.]", token) if part]
    joined = "".join(parts)
    if all(len(part) > 1 for part in parts):
        return [joined, *parts]
    return [joined]


def words(text: str) -> list[str]:
    """Lowercase words of `text`, with emoji and punctuation gone (see module docstring)."""
    out: list[str] = []
    for token in _TOKEN.findall(_fold(text)):
        out.extend(_split(token))
    return out


def _is_quantity(tokens: list[str], index: int) -> bool:
    before = tokens[index - 1] if index > 0 else ""
    after = tokens[index + 1] if index + 1 < len(tokens) else ""
    return before in _NUMBER_BEFORE or after in _NUMBER_UNITS or after.isdigit()


def expand(tokens: list[str]) -> list[str]:
    """Text-speak and slang to plain words. "£" is dropped once it has protected its number."""
    out: list[str] = []
    for index, token in enumerate(tokens):
        if token == _POUND:
            continue
        if token in {"2", "4"} and _is_quantity(tokens, index):
            out.append(token)
            continue
        out.extend(SLANG.get(token, token).split())
    return out


@functools.lru_cache(maxsize=20_000)
def stem(word: str) -> str:
    """Snowball's English stem, cached: the same few thousand words come up again and again."""
    return _stemmer.stemWord(word)


def plain_words(text: str) -> list[str]:
    """Words after text-speak expansion, before stop words and stemming (the vocabulary that
    spelling correction compares against)."""
    return expand(words(text))


def terms(text: str) -> list[str]:
    """The stemmed, meaningful words of `text`, in order, repeats kept (BM25 counts them)."""
    return [stem(word) for word in plain_words(text) if word not in STOP_WORDS]
