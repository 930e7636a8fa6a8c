"""Finding the published entitlement pages that answer a young person's question.

A small BM25F index over the live, public entitlement pages, held in memory in each process.
Young people write "wot grant 4 furnichure wen u move out"; `textspeak` turns both the question
and the pages into the same stemmed words, and a word the index has never seen is corrected to
the nearest word it has ("furnichure" -> "furniture"), so the page whose words match best,
weighted by field, comes first.

Why not the database's own search: the chatbot asks on every message, and the offer is a few
dozen pages, so an in-memory index answers in well under a millisecond (0.04 ms, plus the
cache get: about 0.15 ms with Redis), ranks the same on SQLite and PostgreSQL, and can be
tuned for text-speak and misspellings.

Freshness: the index is keyed by `offer.page_cache.current_version()`, which every publish,
unpublish, move or delete changes. Each `search` reads it (one cache get) and rebuilds when it
changed, so an unpublished page leaves the answers of every process at once. An index is also
rebuilt after `MAX_AGE` seconds, as a safety net: a cache flush restarts the counter at 1, so
an old index could carry the same number; and the counter is bumped inside the publishing
transaction, so a process that rebuilds in the instant before the commit indexes the old pages
under the new number (offer.selectors.published_offer shares that window).
"""

from __future__ import annotations

import html
import math
import re
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from django.utils.html import strip_tags
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA
from wagtail.rich_text import RichText

from chat.bot import textspeak
from offer.models import EntitlementPage
from offer.page_cache import current_version
from offer.selectors import live_entitlements

# How much a word counts in each field. The editors' "words young people use" is written for
# exactly this, so it counts most; the title and summary say what the page is; steps and body
# add detail but also mention many other things; "who to ask" names the PA on nearly every page.
FIELD_WEIGHTS: dict[str, float] = {
    "search_terms": 6.0,
    "title": 3.0,
    "summary": 2.0,
    "steps": 0.5,
    "body": 1.0,
    "who_to_ask": 0.3,
}
# Length normalisation per field (BM25's b): long bodies should not win by length alone, but
# a title is short by nature.
FIELD_B: dict[str, float] = {
    "search_terms": 0.5,
    "title": 0.3,
    "summary": 0.5,
    "steps": 0.75,
    "body": 0.75,
    "who_to_ask": 0.3,
}
# A word is rare, for BM25's idf, by how many pages are *about* it (title, summary, the words
# young people use), not by how many mention it: "PA" and "plan" are in the steps of nearly
# every page, yet "who is my PA" should still find the Personal Adviser page. A word in no
# page's description falls back to counting every field.
ABOUT_FIELDS = ("title", "summary", "search_terms")
# Fields whose word pairs are indexed too (see `_field_terms`), split into phrases here.
PHRASE_FIELDS = ("title", "summary", "search_terms")
_PHRASE_BREAK = re.compile(r"[,.;:!?()]")
K1 = 1.2  # how fast repeated words stop adding to a page's score

# Spelling correction: only for words of this length or more (short words are too easy to
# "correct" into something else), and only to a word at least this similar (rapidfuzz's
# normalised Indel similarity, 0-100).
FUZZY_MIN_LENGTH = 4
FUZZY_CUTOFF = 80.0
COMPOUND_TRUST = 0.9  # "setup" read as "set up": likely, but still a guess

# Confidence (see `_confidence`): a top score of SCORE_SCALE gives 63% of full strength.
SCORE_SCALE = 4.0
# The confidence below which the bot should not answer from the top page (see `_confidence`).
SUGGESTED_THRESHOLD = 0.35

MAX_AGE = 600.0  # seconds before an index is rebuilt even if the version did not change


@dataclass(frozen=True)
class Hit:
    """One page that may answer the question, best first in `search`'s answer."""

    slug: str
    title: str
    url: str
    score: float  # BM25F score: the sum over the question's words of each word's weight here
    confidence: float  # 0..1: how sure it is that this page answers (see `_confidence`)


@dataclass
class _Index:
    """Everything `search` needs, built once per offer version."""

    version: int
    built_at: float
    pages: list[tuple[str, str, str]]  # (slug, title, url), by position
    # stem, or "stem stem" for a word pair -> [(page position, its share of the page's score)]
    postings: dict[str, list[tuple[int, float]]]
    idf: dict[str, float]  # same keys -> inverse document frequency
    vocabulary_by_initial: dict[str, list[str]]  # plain words of the pages, by first letter
    known_words: frozenset[str]
    unknown_idf: float  # the weight a word no page has would have (the largest possible)
    corrections: dict[str, tuple[list[str], float]] = field(default_factory=dict)

    @property
    def terms(self) -> int:
        return len(self.postings)


# ------------------------------------------------------------------------------------------
# Reading the pages


def _plain_text(value: object) -> Iterator[str]:
    """The words of a StreamField value, whatever the blocks: headings and steps are strings,
    paragraphs and answers rich text, questions structs inside lists."""
    if value is None:
        return
    if isinstance(value, RichText):
        yield html.unescape(strip_tags(value.source))
    elif isinstance(value, str):
        yield html.unescape(strip_tags(value))
    elif isinstance(value, dict):  # StructValue is a dict
        for item in value.values():
            yield from _plain_text(item)
    elif isinstance(value, Sequence):
        # StreamValue (its items are blocks with a .value), ListValue and plain lists.
        for item in value:
            yield from _plain_text(getattr(item, "value", item))


def _page_fields(page: EntitlementPage) -> dict[str, str]:
    return {
        "title": page.title,
        "summary": page.summary,
        "search_terms": page.search_terms,
        "steps": " ".join(_plain_text(page.steps)),
        "body": " ".join(_plain_text(page.body)),
        "who_to_ask": page.who_to_ask,
    }


def published_pages() -> list[tuple[tuple[str, str, str], dict[str, str]]]:
    """The pages that are offered now, with their text: one query plus the offer's own cache.

    `live_entitlements` decides which pages count (live, public and not under an unpublished
    section, as everywhere else in the portal) and knows their URLs; one query reads their
    text. Slugs are unique within the demo offer; if an editor reused one in two sections, the
    first in the tree is indexed, as the chatbot answers with a slug.
    """
    offered = {entitlement.slug: entitlement for entitlement, _section in live_entitlements()}
    pages = (
        EntitlementPage.objects.live()
        .public()
        .filter(slug__in=offered)
        .order_by("path")
        .only("title", "slug", "summary", "search_terms", "steps", "body", "who_to_ask")
    )
    out, seen = [], set()
    for page in pages:
        if page.slug in seen:
            continue
        seen.add(page.slug)
        entitlement = offered[page.slug]
        out.append(((page.slug, entitlement.title, entitlement.url), _page_fields(page)))
    return out


# ------------------------------------------------------------------------------------------
# Building the index


def _idf(pages: int, with_term: int) -> float:
    """BM25's inverse document frequency (the +1 keeps it positive for words on most pages)."""
    return math.log(1.0 + (pages - with_term + 0.5) / (with_term + 0.5))


def _field_terms(name: str, text: str) -> list[str]:
    """A field's stems, plus its word pairs ("mental health") in the fields that are lists of
    phrases or short sentences, so a question with the same two words in a row ranks the page
    that uses them together above pages that have each somewhere."""
    found = textspeak.terms(text)
    if name in PHRASE_FIELDS:
        for phrase in _PHRASE_BREAK.split(text):
            found.extend(_pairs(textspeak.terms(phrase)))
    return found


def _pairs(stems: list[str]) -> list[str]:
    return [f"{a} {b}" for a, b in pairwise(stems) if a != b]


def _field_frequencies(docs: list[dict[str, list[str]]]) -> dict[str, dict[int, float]]:
    """BM25F's pseudo term frequency: each field's count of a term, divided by the field's
    length relative to its average (by FIELD_B) and multiplied by its weight, summed per page.
    term -> {page position: frequency}."""
    average = {
        name: (sum(len(doc[name]) for doc in docs) / len(docs) if docs else 0.0) or 1.0
        for name in FIELD_WEIGHTS
    }
    frequencies: dict[str, dict[int, float]] = {}
    for position, doc in enumerate(docs):
        for name, doc_terms in doc.items():
            b = FIELD_B[name]
            norm = 1.0 - b + b * len(doc_terms) / average[name]
            for term, count in Counter(doc_terms).items():
                per_page = frequencies.setdefault(term, {})
                per_page[position] = (
                    per_page.get(position, 0.0) + FIELD_WEIGHTS[name] * count / norm
                )
    return frequencies


def _inverse_frequencies(
    frequencies: dict[str, dict[int, float]], docs: list[dict[str, list[str]]]
) -> dict[str, float]:
    """Each term's idf, counting the pages that are about it (see ABOUT_FIELDS)."""
    about = [set().union(*(doc[name] for name in ABOUT_FIELDS)) for doc in docs]
    return {
        term: _idf(len(docs), sum(term in words for words in about) or len(per_page))
        for term, per_page in frequencies.items()
    }


def _vocabulary(texts: list[dict[str, str]]) -> list[str]:
    """Every plain (unstemmed) word of the pages, for spelling correction."""
    return sorted(
        {
            word
            for fields in texts
            for text in fields.values()
            for word in textspeak.plain_words(text)
            if word not in textspeak.STOP_WORDS and not word.isdigit()
        }
    )


def _build(version: int) -> _Index:
    """Read the published pages and index them: one query, 50 ms or so for the demo offer."""
    pages = published_pages()
    texts = [fields for _, fields in pages]
    docs = [{name: _field_terms(name, text) for name, text in f.items()} for f in texts]
    frequencies = _field_frequencies(docs)
    idf = _inverse_frequencies(frequencies, docs)
    # Each posting holds the term's whole contribution to that page's score, so a search is
    # only additions: idf * tf / (K1 + tf).
    postings = {
        term: [(pos, idf[term] * tf / (K1 + tf)) for pos, tf in sorted(per_page.items())]
        for term, per_page in frequencies.items()
    }
    vocabulary = _vocabulary(texts)
    return _Index(
        version=version,
        built_at=time.monotonic(),
        pages=[meta for meta, _ in pages],
        postings=postings,
        idf=idf,
        vocabulary_by_initial=_by_initial(vocabulary),
        known_words=frozenset(vocabulary),
        unknown_idf=_idf(len(pages), 0),
    )


def _by_initial(vocabulary: list[str]) -> dict[str, list[str]]:
    """Words grouped by their first letter: misspellings nearly always keep it ("helth",
    "counsil"), and requiring it stops real words being "corrected" into others that share
    most letters ("tall" -> "all", "mount" -> "count", "ring" -> "bring")."""
    groups: dict[str, list[str]] = {}
    for word in vocabulary:
        groups.setdefault(word[0], []).append(word)
    return groups


_index: _Index | None = None
_lock = threading.Lock()


def _current_index() -> _Index:
    """The index for the offer as published now; rebuilt (once, under a lock) when it changed."""
    global _index
    version = current_version()
    index = _index
    if index is not None and index.version == version and not _too_old(index):
        return index
    with _lock:
        index = _index
        if index is None or index.version != version or _too_old(index):
            index = _build(version)
            _index = index
    return index


def _too_old(index: _Index) -> bool:
    return time.monotonic() - index.built_at > MAX_AGE


def rebuild() -> None:
    """Build the index again now (tests, or after changing pages outside Wagtail's signals)."""
    global _index
    with _lock:
        _index = _build(current_version())


# ------------------------------------------------------------------------------------------
# Reading the question


def _split_compound(word: str, index: _Index) -> list[str]:
    """Two known words run together: "setup" is "set up", "homechoice" "home choice"."""
    for cut in range(2, len(word) - 1):
        left, right = word[:cut], word[cut:]
        if left in index.known_words and right in index.known_words:
            return [left, right]
    return []


def _edits_allowed(word: str) -> int:
    """One slip in a short word, two in a longer one, three in a long one."""
    return 1 if len(word) <= 5 else 2 if len(word) <= 9 else 3


def _nearest(word: str, index: _Index) -> tuple[str, float] | None:
    """The known word closest to `word`, with its similarity (0..1), or None.

    rapidfuzz's ratio (Indel similarity) finds candidates with the same first letter; a
    candidate must also be within a few edits counting a swap of two letters as one (OSA), so
    "grnat" -> "grant" passes but "mount" -> "month" (ratio 80, two edits) does not.
    """
    candidates = process.extract(
        word,
        index.vocabulary_by_initial.get(word[0], ()),
        scorer=fuzz.ratio,
        score_cutoff=FUZZY_CUTOFF,
        limit=3,
    )
    for candidate, similarity, _ in candidates:
        if OSA.distance(word, candidate) <= _edits_allowed(word):
            return candidate, similarity / 100.0
    return None


def _correct(word: str, index: _Index) -> tuple[list[str], float]:
    """A word no page has, as the known words it was probably meant to be, and how much to
    trust the guess (its similarity), remembered per index: the same typos come up again."""
    if word in index.corrections:
        return index.corrections[word]
    fixed: tuple[list[str], float] = ([], 0.0)
    if len(word) >= FUZZY_MIN_LENGTH and not word.isdigit():
        nearest = _nearest(word, index)
        if nearest is not None:
            fixed = ([nearest[0]], nearest[1])
        elif parts := _split_compound(word, index):
            fixed = (parts, COMPOUND_TRUST)
    if len(index.corrections) < 10_000:  # bounded: questions are free text
        index.corrections[word] = fixed
    return fixed


def _question_terms(question: str, index: _Index) -> tuple[dict[str, float], int]:
    """The question's stems and word pairs that the index knows, each with how much to trust
    it (1 when the young person wrote it, the similarity when it is a spelling guess), and how
    many meaningful words matched nothing at all (for the confidence)."""
    ordered: list[tuple[str, float]] = []
    unknown = 0
    for word in textspeak.plain_words(question):
        if word in textspeak.STOP_WORDS:
            continue
        stem = textspeak.stem(word)
        if stem in index.postings:
            ordered.append((stem, 1.0))
            continue
        fixed, trust = _correct(word, index)
        stems = [textspeak.stem(w) for w in fixed if textspeak.stem(w) in index.postings]
        unknown += not stems
        ordered.extend((fixed_stem, trust) for fixed_stem in stems)
    found: dict[str, float] = {}
    for stem, trust in ordered:
        found[stem] = max(found.get(stem, 0.0), trust)
    for (first, trust_a), (second, trust_b) in pairwise(ordered):
        pair = f"{first} {second}"
        if pair in index.postings:
            found[pair] = max(found.get(pair, 0.0), min(trust_a, trust_b))
    return found, unknown


# ------------------------------------------------------------------------------------------
# Scoring


def _scores(terms: dict[str, float], index: _Index) -> dict[int, float]:
    totals: dict[int, float] = {}
    for term, trust in terms.items():
        for position, weight in index.postings[term]:
            totals[position] = totals.get(position, 0.0) + trust * weight
    return totals


def _confidence(top: float, second: float, coverage: float) -> float:
    """How sure the top answer is, 0..1: the product of three things that must all be there.

    - strength = 1 - e^(-top / SCORE_SCALE): the top BM25F score, saturating. One rare word
      in a page's "words young people use" scores about 3, a clear two-word match 6 or more.
    - margin = (top - second) / top, counted half (0.5 + 0.5 * margin): two close pages still
      answer, a clear winner more surely.
    - sqrt(coverage): the share of the question's weight (idf) that the top page matched,
      with every word no page has counted at the largest weight. "What time does the chippy
      close" matches "close" somewhere but not "chippy", so it is not sure of anything.

    SUGGESTED_THRESHOLD (0.35), measured on the dev and tuning sets: 136 of 144 right top
    pages are above it, none of the 3 wrong ones and 1 of 16 questions no page answers. Below
    it the bot should hand over (or say what it can help with) rather than answer.
    """
    if top <= 0.0:
        return 0.0
    strength = 1.0 - math.exp(-top / SCORE_SCALE)
    margin = (top - second) / top
    return round(strength * (0.5 + 0.5 * margin) * math.sqrt(min(coverage, 1.0)), 4)


def _coverage(terms: dict[str, float], unknown: int, page: int, index: _Index) -> float:
    """The idf-weighted share of the question's words that `page` has (word pairs left out,
    so a pair does not count its words twice; unknown words at the largest idf)."""
    words = {t: trust for t, trust in terms.items() if " " not in t}
    covered = sum(
        index.idf[t] * trust
        for t, trust in words.items()
        if any(position == page for position, _ in index.postings[t])
    )
    asked = sum(index.idf[t] for t in words) + unknown * index.unknown_idf
    return covered / asked if asked else 0.0


def search(question: str, limit: int = 3) -> list[Hit]:
    """The published entitlement pages that best answer `question`, best first; [] when no
    word of the question is on any page.

    Each hit's confidence compares it with the best *other* page, so only the first can have
    a margin; the bot should look at `hits[0].confidence` (see `_confidence`).
    """
    index = _current_index()
    terms, unknown = _question_terms(question, index)
    if not terms or limit <= 0:
        return []
    ranked = sorted(_scores(terms, index).items(), key=lambda item: (-item[1], item[0]))
    hits = []
    for rank, (position, score) in enumerate(ranked[:limit]):
        others = [other for i, (_, other) in enumerate(ranked[:2]) if i != rank]
        rival = others[0] if others else 0.0
        coverage = _coverage(terms, unknown, position, index)
        slug, title, url = index.pages[position]
        confidence = _confidence(score, min(rival, score), coverage)
        hits.append(Hit(slug, title, url, round(score, 4), confidence))
    return hits


# ------------------------------------------------------------------------------------------
# Figures


def _deep_size(value: object, seen: set[int] | None = None) -> int:
    """sys.getsizeof over a structure and everything it holds, each object once."""
    seen = set() if seen is None else seen
    if id(value) in seen:
        return 0
    seen.add(id(value))
    size = sys.getsizeof(value)
    if isinstance(value, dict):
        size += sum(_deep_size(k, seen) + _deep_size(v, seen) for k, v in value.items())
    elif isinstance(value, list | tuple | set | frozenset):
        size += sum(_deep_size(item, seen) for item in value)
    return size


def index_stats() -> dict:
    """{"pages", "terms", "bytes"}: the size of the index as published now (bytes is the
    approximate memory of its structures, by sys.getsizeof, not counting shared constants)."""
    index = _current_index()
    structures = (
        index.pages,
        index.postings,
        index.idf,
        index.vocabulary_by_initial,
        index.known_words,
    )
    return {"pages": len(index.pages), "terms": index.terms, "bytes": _deep_size(structures)}
