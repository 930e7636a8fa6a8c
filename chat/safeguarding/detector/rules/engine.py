"""The shared machinery of the safeguarding rules: how a message is read and how a rule matches.

The rules themselves are data, one module per category beside this one (suicide.py, self_harm.py,
sexual_exploitation.py, abuse.py, domestic_abuse.py, forced.py, violence.py, homelessness.py).
`rules.match(text)` runs them all. Split out of chat/bot/safeguarding.py (issue 16); the matching
behaviour is the same, rule for rule.

Why rules at all
----------------
Safeguarding favours recall over precision: missing "i wanna kms" is far worse than a worker
reading one needless alert. So a rule is broad within its risk, allows for text-speak and
misspellings, and fires where an ambiguous phrase could hide a real risk ("he's going to kill me if
he finds out"). But everyday speech must not fire, or alerts stop being read: "kill", "dead", "cut",
"hit" or "kicked out" are never enough alone. Every rule is a phrase whose shape says something
about the young person's own safety ("cut myself", "hit me", "nowhere to sleep"), with exceptions
for the everyday uses ("cut myself shaving", "hit me up", "kicked out of the pub"). Rules are
transparent (a worker can read why a message fired), testable and fast; the learned model beside
them (issue 16) catches wording no rule knows.

Adding a phrasing: the rules
----------------------------
1. Where it goes: the module of the category the words are about (see
   chat/safeguarding/detector/__init__.py CATEGORIES): who does it and what it is, not which word
   it uses. Grooming, pictures, sex as a trade: sexual_exploitation. Carers, hosts, placement staff,
   family (not a partner): abuse. A partner or ex, or control at home: domestic_abuse. Being made
   to carry, sell, work or marry: forced. Someone outside the home: violence.
2. Its shape: `phrasing(name, severity, *patterns, soft=, context=, unless=)` in that module's
   PHRASINGS. `name` is short snake_case, unique in the module; staff see it as the evidence
   ("rule: homelessness.sleeping_rough"). Several patterns under one name are alternative wordings
   of the same rule.
3. Severity: IMMEDIATE when the words themselves say it is happening now, the means are at hand or
   someone is there ("took loads of pills", "theyre waiting outside my flat", "sleeping rough
   tonight"); HIGH for a serious risk not described as this minute (thoughts, ongoing abuse, a
   plan); CONCERN for a worry to see soon but no emergency (an eviction notice). If a rule's words
   mix both, split it into two phrasings rather than guess.
4. Patterns are written against the *normalised* text (see `_normalise`): lower case, no
   apostrophes ("dont", "im", "theyre"), text-speak already mapped ("u" -> "you", "2nite" ->
   "tonight", "kms" -> "kill myself", "bf" -> "boyfriend"), one space between words, " ," for a
   clause break. Each is wrapped in word boundaries. `<NAME>` expands to a shared alternation in
   MACROS (<W> is any one word, <PARTNER>, <FAMILY>, <OTHERS>, <PRON>, <NOWHERE>, <INTENT>, <QTY>,
   <DRUGS>, <VENUES>).
5. Name the risk words `(?P<core>...)`. Negation is looked for in the few words *before* the core
   (see `_negated`): "i would never kill myself" does not fire. Put a negation that is itself the
   risk inside the core ("(?P<core>dont) want to be here anymore"). The core's first words are also
   the rule's speed gate (below), so start the core with words the risk cannot do without.
6. The speed gate: a rule's regex only runs when one of its core's first words is in the message
   (read from the compiled pattern; never listed by hand). If the core starts with everyday words
   ("got my blades out", "asking for pics"), mark a later part the match can never do without as
   `(?P<also>...)` (also2, ...); its first words must be there too. An `also` group must not sit
   inside anything optional or one side of an alternation (test_the_speed_gate_never_changes_a_
   result checks).
7. `context`: words that must ALSO be somewhere in the message for the rule to count ("relapsed"
   is self-harm only when the message mentions cutting, sh, scars...). `unless`: words anywhere in
   the message that give the everyday reading and drop the match ("said my goodbyes" with "last
   day"; "sleeping in a tent" with "festival"). Both are regexes over the normalised message,
   wrapped in word boundaries, with macros.
8. `soft=True`: a phrase people commonly use as hyperbole ("cant take this anymore", "theyre going
   to kill me", "kicked out"), so a joke marker (lol, lmao, haha, jk, kidding, 😂 🤣 😆 😹 💀 😅)
   within about 60 characters drops it. Never mark soft an explicit statement about the young
   person's own life or body ("i want to kill myself lol", "cut myself again lol"): young people
   mask distress with humour and a worker judges a joke more safely than the bot. "not joking"
   and "no joke" are not joke markers.
9. Every phrasing needs, in tests/safeguarding/test_rules.py, a *firing* test (a message in the
   young person's words that it catches, with its category) and a *contrast* test (an everyday
   message with the same trigger words that must not fire: football, exams, games, lyrics,
   coursework, cooking, "2 years clean"). Run the whole file: a new rule often fires on some other
   contrast case.

How a message is read
---------------------
1. Normalise (above). Every normalised word remembers where it came from, so a hit's phrase is
   always the young person's original words.
2. Match each rule whose gate is open; drop matches whose `context` is missing or whose `unless`
   is present.
3. Negation, per clause: a match is dropped when a negation cue ("not", "never", "dont", "wont",
   "didnt", "havent", "no longer", "stopped", "without"...) comes shortly before the core in the
   same clause, with only see-through words between ("going to", "ever", "really", "want to",
   "be", "i"...; at most five words). "cant" is deliberately not a cue ("i cant stop cutting
   myself" must fire). So "im not going to hurt myself but he hit me last night" still fires on
   its second clause.
4. Jokes: soft rules give way to a nearby joke marker (above).
5. "kill me now", "this is killing me", "im dead", "dying to..." are matched by no rule at all:
   idioms aimed at a situation, not a wish to die.
6. One hit per category and span: when matches of one category overlap so that one lies inside
   another, the longer one is kept ("unalive me" over "unalive"); the hit keeps the most urgent
   severity of the matches it stands for.

Past experiences are not filtered out unless denied ("my foster carer used to hit me" fires: a
disclosure is something a worker must see). Risks to someone else fire too.

It finds what is said in words it knows; indirect wording it has never seen passes it by. It is a
safety net in front of the bot, not a substitute for a worker reading their young people's messages.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from chat.textspeak import TEXT_SPEAK

try:  # CPython's own regex parser, used only to read each rule's first words (see _gate)
    import re._constants as sre
    import re._parser as sre_parse
except ImportError:  # pragma: no cover - without it every rule is simply always tried
    sre = sre_parse = None  # type: ignore[assignment]

# The same codes as chat.safeguarding.crisis (kept free of Django here; a test checks they agree).
IMMEDIATE = "immediate"
HIGH = "high"
CONCERN = "concern"
SEVERITIES = (IMMEDIATE, HIGH, CONCERN)  # most urgent first
_URGENCY = {code: index for index, code in enumerate(SEVERITIES)}

# --- Normalisation ------------------------------------------------------------------------------

# Words (letters/digits, with inner apostrophes), joke emoji, and clause-ending punctuation.
_TOKEN = re.compile(
    r"(?P<word>[^\W_]+(?:['\u2019\u2018`\u00b4][^\W_]+)*)"
    r"|(?P<joke>[\U0001F602\U0001F923\U0001F606\U0001F639\U0001F480\U0001F605])"
    r"|(?P<brk>[.,;:!?\u2026]+|\n|(?<=\s)[-\u2013\u2014]+(?=\s))"
)
_APOSTROPHES = re.compile(r"['\u2019\u2018`\u00b4]")
_RUNS = re.compile(r"(.)\1{2,}")  # "sooo" -> "soo", "killll" -> "kill"
_REPEATS = re.compile(r"(.)\1+")
_STRETCHED = frozenset({"die", "lol", "kms", "help"})  # "diiie", "loool", "kmsss" -> the word

# The text-speak everyone shares (`chat.textspeak`), then the rules' own.
_TEXT_SPEAK: dict[str, str] = {
    **TEXT_SPEAK,
    "b": "be",
    "2b": "to be",
    "2nite": "tonight",
    "2nyt": "tonight",
    "2night": "tonight",
    "2nit": "tonight",
    "tonite": "tonight",
    "tonigt": "tonight",
    "toniht": "tonight",
    "tonihgt": "tonight",
    "tnite": "tonight",
    "tnight": "tonight",
    "nite": "night",
    "tmr": "tomorrow",
    "tomoz": "tomorrow",
    "wana": "want to",
    "wan2": "want to",
    "wnna": "want to",
    "wna": "want to",
    "wnt": "want",
    "wan": "want",
    "gona": "going to",
    "gunna": "going to",
    "gna": "going to",
    "finna": "going to",
    "hafta": "have to",
    "dnt": "dont",
    "dont": "dont",
    "didn": "didnt",
    "cnt": "cant",
    "carnt": "cant",
    "wudnt": "wouldnt",
    "wouldn": "wouldnt",
    "cus": "because",
    "bcoz": "because",
    "becuz": "because",
    "sumone": "someone",
    "somone": "someone",
    "no1": "no one",
    "noone": "no one",
    "every1": "everyone",
    "evry1": "everyone",
    "nowere": "nowhere",
    "nowhre": "nowhere",
    "nowher": "nowhere",
    "nowear": "nowhere",
    "anywere": "anywhere",
    "anywer": "anywhere",
    "neware": "anywhere",
    "bfs": "boyfriends",
    "gfs": "girlfriends",
    "stepdad": "step dad",
    "stepmum": "step mum",
    "stepmom": "step mum",
    "mom": "mum",
    "wid": "with",
    "thnk": "think",
    "fink": "think",
    "agen": "again",
    "agn": "again",
    "agian": "again",
    "agin": "again",
    "anymor": "anymore",
    "nemore": "anymore",
    "nomore": "no more",
    "rn": "right now",
    "idk": "i dont know",
    "idc": "i dont care",
    "kms": "kill myself",
    "kmsf": "kill myself",
    "myslef": "myself",
    "mysef": "myself",
    "mysefl": "myself",
    "myslf": "myself",
    "mysel": "myself",
    "meself": "myself",
    "selfharm": "self harm",
    "selfharming": "self harming",
    "selfharmed": "self harmed",
    "slefharm": "self harm",
    "sewerslide": "suicide",
    "suicdal": "suicidal",
    "suicidle": "suicidal",
    "suicidel": "suicidal",
    "sucidal": "suicidal",
    "suisidal": "suicidal",
    "suiscidal": "suicidal",
    "sucide": "suicide",
    "suicde": "suicide",
    "suiside": "suicide",
    "suacide": "suicide",
    "od": "overdose",
    "oded": "overdosed",
    "pils": "pills",
    "tabs": "tablets",
    "paracetemol": "paracetamol",
    "paracetomol": "paracetamol",
    "unalive": "unalive",
    "lolol": "lol",
    "lool": "lol",
    "loool": "lol",
    "jks": "jk",
    "xd": "lol",
}

# Two words that are one for matching purposes.
_MERGES: dict[tuple[str, str], str] = {
    ("my", "self"): "myself",
    ("any", "more"): "anymore",
    ("no", "where"): "nowhere",
    ("any", "where"): "anywhere",
    ("to", "night"): "tonight",
    ("to", "nite"): "tonight",
    ("un", "alive"): "unalive",
    ("sewer", "slide"): "suicide",
    ("some", "one"): "someone",
    ("some", "body"): "somebody",
    ("no", "body"): "nobody",
}


# "thinkin" -> "thinking": only for words the patterns care about.
def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ING_WORDS = _words(
    "thinking going sleeping cutting harming hurting feeling living dying killing beating "
    "hitting selling staying trying doing nothing something being getting having kicking "
    "making taking planning ending wanting starting threatening following stalking forcing "
    "burning punching touching messaging sending dealing carrying crying struggling coping "
    "telling saying coming kipping abusing raping choking slapping pushing grabbing "
    "overdosing starving scratching"
)


@dataclass(frozen=True)
class _Normalised:
    text: str
    offsets: tuple[int, ...]  # where each normalised word starts in `text`
    origin: tuple[tuple[int, int], ...]  # each normalised word's (start, end) in the original


@lru_cache(maxsize=8192)
def _normalise_word(raw: str) -> str:
    word = _APOSTROPHES.sub("", raw.lower())
    word = _RUNS.sub(r"\1\1", word)
    squeezed = _REPEATS.sub(r"\1", word)
    if squeezed != word and squeezed in _STRETCHED:
        word = squeezed
    if word in _TEXT_SPEAK:
        return _TEXT_SPEAK[word]
    if word.endswith("in") and word + "g" in _ING_WORDS:
        return word + "g"
    return word


def _tokens(text: str) -> list[tuple[str, int, int]]:
    """(normalised word or "," or "lol", start, end in the original) for each token."""
    tokens: list[tuple[str, int, int]] = []
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        if match.lastgroup == "word":
            for part in _normalise_word(match.group()).split():
                tokens.append((part, start, end))
        elif match.lastgroup == "joke":
            tokens.append(("lol", start, end))
        elif tokens and tokens[-1][0] != ",":
            tokens.append((",", start, end))
    merged: list[tuple[str, int, int]] = []
    for token in tokens:
        if merged and (merged[-1][0], token[0]) in _MERGES:
            merged[-1] = (_MERGES[(merged[-1][0], token[0])], merged[-1][1], token[2])
        else:
            merged.append(token)
    return merged


def _normalise(text: str) -> _Normalised:
    tokens = _tokens(text)
    offsets: list[int] = []
    position = 0
    for word, _, _ in tokens:
        offsets.append(position)
        position += len(word) + 1
    text_out = " ".join(word for word, _, _ in tokens)
    return _Normalised(text_out, tuple(offsets), tuple((s, e) for _, s, e in tokens))


def _original_phrase(text: str, norm: _Normalised, start: int, end: int) -> str:
    """The original words behind normalised text[start:end]."""
    first = bisect_right(norm.offsets, start) - 1
    last = bisect_right(norm.offsets, end - 1) - 1
    return text[norm.origin[first][0] : norm.origin[last][1]]


# --- Macros ------------------------------------------------------------------------------------
# Written against the normalised text: lower case, no apostrophes, words separated by one space,
# "," for a clause break. Each pattern may name the risk words `core`: negation is looked for in
# the words just before it. `<NAME>` expands to a shared alternation from MACROS.

MACROS: dict[str, str] = {
    "W": r"(?:[^\W_]+ )",  # one word and its space (never a clause break)
    "PARTNER": (
        r"(?:boyfriend|girlfriend|partner|husband|wife|fiance|fiancee|ex|ex boyfriend|"
        r"ex girlfriend|ex partner|babys dad|babys father|baby dad|babys mum|baby mum|"
        r"other half|fella|missus)"
    ),
    "FAMILY": (
        r"(?:(?:mums|dads|carers|nans|sisters|brothers|aunties) (?:boyfriend|girlfriend|"
        r"partner|husband|wife|mate|mates|friend)|mum|mother|mummy|dad|father|daddy|step dad|"
        r"step father|step mum|step mother|brother|sister|step brother|step sister|uncle|aunt|"
        r"auntie|aunty|cousin|nan|nana|gran|grandma|grandad|grandpa|grandfather|grandmother|"
        r"carer|carers|foster carer|foster carers|foster mum|foster dad|foster parent|"
        r"foster parents|parents|family|flatmate|housemate|landlord|landlady)"
    ),
    # People outside the home. Pronouns are listed separately where they are wanted.
    "OTHERS": (
        r"(?:someone|somebody|a man|a guy|a bloke|a lad|some lads|lads|the lads|these lads|"
        r"a gang|gang|the gang|people|some people|these people|a group|this guy|this man|"
        r"this woman|a woman|a girl|some guy|some man|some girl|a stranger|strangers|dealer|"
        r"dealers|the dealer|these guys|men|boys|girls|a boy|his mates|her mates|his friends|"
        r"her friends|neighbour|my neighbour)"
    ),
    "PRON": r"(?:he|she|they|hes|shes|theyre|hed|shed|theyd|hell|shell|theyll)",
    "NOWHERE": (
        r"(?:nowhere|no place|no safe place|not anywhere|not got anywhere|havent got anywhere|"
        r"havent anywhere|dont have anywhere|do not have anywhere|dont have any place|"
        r"dont have a place|got no place|have no place|no roof)"
    ),
    "INTENT": (
        r"(?:want to|wanted to|wanting to|going to|about to|ready to|trying to|tried to|"
        r"try to|plan to|planning to|planning on|thinking of|thinking about|think about|"
        r"thought about|thought of|might|will|could|should|need to|feel like|decided to|"
        r"tempted to|im|i am|ill|i will|just)"
    ),
    "QTY": (
        r"(?:all|all of|all my|all the|all of my|loads|loads of|lots|lots of|a lot of|a load of|"
        r"a bunch of|a handful of|handfuls of|a whole|whole|a box of|a pack of|a packet of|"
        r"a bottle of|a full|the whole|too many|so many|heaps of|tons of|a ton of|\d\d+|twenty|"
        r"thirty|forty|fifty)"
    ),
    "DRUGS": (
        r"(?:pills|tablets|paracetamol|paracetamols|meds|medication|medicine|sleeping pills|"
        r"antidepressants|painkillers|ibuprofen|aspirin|co codamol|codeine|sertraline|"
        r"fluoxetine|citalopram|mirtazapine|insulin)"
    ),
    # Places you can be thrown out of without losing your home.
    "VENUES": (
        r"(?:pub|club|college|school|class|lesson|uni|university|course|group|shop|game|chat|"
        r"team|bar|cinema|lecture|exam|library|gym|party|match|ground|stadium|nightclub|"
        r"hospital|job|work|groupchat|group chat|lobby|server|band|house party|car|restaurant|"
        r"bus|train|taxi|cafe|mcdonalds|maccies|tesco|asda|spoons|wetherspoons|lecture|halls "
        r"bar|meeting|call|queue)"
    ),
}
_MACRO = re.compile(r"<([A-Z_]+)>")


def _expand(pattern: str) -> str:
    return _MACRO.sub(lambda m: MACROS[m.group(1)], pattern)


NOT_AFTER_ME = (
    # What after "<verb> me" turns violence into something harmless ("hit me up", "beat me at fifa",
    # "pushed me to apply", "grabbed me a coffee"; "kicked me out" is housing, not violence).
    # Shared by domestic_abuse and violence.
    r"(?! (?:at|in (?:fifa|a game|chess|the race|the game)|to (?:it|the|apply|go|do|try|get)|"
    r"into|out|off|with (?:eviction|court)|around the|a|an|some|one|lunch|food|\d)\b)"
)


# --- Rules as data, and compiled ------------------------------------------------------------------


@dataclass(frozen=True)
class Phrasing:
    """One rule as its category module writes it (see the module docstring, "Adding a phrasing")."""

    name: str
    severity: str  # IMMEDIATE, HIGH or CONCERN
    patterns: tuple[str, ...]  # alternative wordings of the same rule
    soft: bool = False  # a nearby joke marker drops it
    context: str = ""  # must also occur somewhere in the message
    unless: str = ""  # if this occurs anywhere in the message: no match


def phrasing(
    name: str,
    severity: str,
    *patterns: str,
    soft: bool = False,
    context: str = "",
    unless: str = "",
) -> Phrasing:
    return Phrasing(name, severity, patterns, soft, context, unless)


@dataclass(frozen=True)
class _Gate:
    words: frozenset[str]  # whole words
    prefixes: frozenset[str]  # " " + the start of a word, when the rest is not a plain word

    @property
    def keys(self) -> frozenset[str]:
        """Words and prefixes in one set (a prefix starts with a space, so never clashes)."""
        return self.words | self.prefixes


@dataclass(frozen=True)
class Rule:
    category: str
    name: str
    severity: str
    regex: re.Pattern[str]
    soft: bool
    context: re.Pattern[str] | None
    gate: _Gate | None  # words one of which must be in the message, or None: always try
    unless: re.Pattern[str] | None = None
    also: tuple[_Gate, ...] = ()  # further gates, read from the groups named also, also2...


def compile_rules(category: str, phrasings: Iterable[Phrasing]) -> tuple[Rule, ...]:
    """Compile a category module's PHRASINGS, once, at import."""
    rules: list[Rule] = []
    for item in phrasings:
        if item.severity not in SEVERITIES:
            raise ValueError(f"{category}.{item.name}: unknown severity {item.severity!r}")
        ctx = re.compile(rf"\b(?:{_expand(item.context)})\b") if item.context else None
        not_if = re.compile(rf"\b(?:{_expand(item.unless)})\b") if item.unless else None
        for pattern in item.patterns:
            source = rf"\b(?:{_expand(pattern)})\b"
            gate, also = _gates(source)
            rules.append(
                Rule(
                    category,
                    item.name,
                    item.severity,
                    re.compile(source),
                    item.soft,
                    ctx,
                    gate,
                    not_if,
                    also,
                )
            )
    return tuple(rules)


# --- The gate: only try a rule's regex when its first risk word is in the message -----------------
# Trying ~240 regexes on every message costs ~0.7 ms; most messages contain none of the words
# that can start a rule's `core`, so those rules are skipped. The words are read from the compiled
# pattern itself (never listed by hand, so they cannot drift from it). Anything the reader does not
# understand, or too many alternatives, means no gate: the rule is always tried.
# When a rule's core starts with everyday words ("got my blades out", "asking for pics"), a group
# named `also` (or also2...) marks a later part the match can never do without ("blades", "pics");
# its first words must be in the message too. Such a group must not sit inside anything optional
# or any one side of an alternation (test_the_speed_gate_never_changes_a_result checks the cases).

_GATE_LIMIT = 400
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)


def _gates(source: str) -> tuple[_Gate | None, tuple[_Gate, ...]]:
    """The core's gate, and the gates of any `also` groups."""
    if sre_parse is None:
        return None, ()
    try:
        tree = sre_parse.parse(source)
    except (ValueError, TypeError, AttributeError, RecursionError):
        return None, ()
    groups = tree.state.groupdict
    also = (_gate(tree, index) for name, index in sorted(groups.items()) if name.startswith("also"))
    return _gate(tree, groups.get("core")), tuple(gate for gate in also if gate is not None)


def _gate(tree: object, group: int | None) -> _Gate | None:
    try:
        nodes = list(tree.data)  # type: ignore[attr-defined]
        sequence = _from_group(nodes, group, []) if group else nodes
        starts = _first_words(sequence or [], "")
    except (ValueError, TypeError, AttributeError, RecursionError, _TooMany):
        return None
    if any(not word for word, _ in starts):
        return None
    words = frozenset(word for word, complete in starts if complete)
    prefixes = frozenset(" " + word for word, complete in starts if not complete)
    return _Gate(words, prefixes)


class _TooMany(Exception):
    pass


def _from_group(nodes: list, group: int, after: list) -> list | None:
    """The node sequence from capturing group `group` to the end of the pattern."""
    for index, (op, av) in enumerate(nodes):
        rest = nodes[index + 1 :] + after
        if op is sre.SUBPATTERN:
            if av[0] == group:
                return nodes[index:] + after
            found = _from_group(list(av[-1].data), group, rest)
        elif op is sre.BRANCH:
            found = next(
                (f for b in av[1] if (f := _from_group(list(b.data), group, rest)) is not None),
                None,
            )
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            found = _from_group(list(av[2].data), group, rest)
        else:
            found = None
        if found is not None:
            return found
    return None


def _first_words(nodes: list, typed: str) -> set[tuple[str, bool]]:
    """(first word, complete?) for every way `nodes` can start; incomplete = only its start."""
    for index, (op, av) in enumerate(nodes):
        rest = nodes[index + 1 :]
        if op is sre.LITERAL:
            if chr(av) == " ":
                return {(typed, True)}
            typed += chr(av)
        elif op in _ZERO_WIDTH:
            continue
        elif op is sre.SUBPATTERN:
            return _first_words(list(av[-1].data) + rest, typed)
        elif op is sre.BRANCH:
            return _union(_first_words(list(b.data) + rest, typed) for b in av[1])
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] == 0 and av[1] == 1:
            return _union([_first_words(rest, typed), _first_words(list(av[2].data) + rest, typed)])
        else:
            return {(typed, False)}
    return {(typed, False)}


def _union(parts: object) -> set[tuple[str, bool]]:
    result: set[tuple[str, bool]] = set()
    for part in parts:  # type: ignore[attr-defined]
        result |= part
        if len(result) > _GATE_LIMIT:
            raise _TooMany
    return result


# --- Negation and jokes -------------------------------------------------------------------------

_NEGATION_CUES = _words(
    "not never dont doesnt didnt wont wouldnt couldnt shouldnt isnt arent wasnt werent aint "
    "havent hasnt hadnt nor stopped quit without neither"
)
# Words that can sit between a negation cue and the risk words without ending its reach.
_SEE_THROUGH = _words(
    "going to gonna want wanna ever really actually even be been being have has had do did "
    "would will could should i im ive id am is was think thinking about of plan planning on "
    "try trying feel feeling anything like just any honestly seriously literally definitely "
    "totally intend intending wanting get got currently at all a the"
)
_NEGATION_REACH = 5

_JOKE = re.compile(
    r"\b(?:lol|lols|lmao|lmfao|rofl|roflmao|ha(?:ha)+h?|a?ha(?:ha)+|he(?:he)+|jk|joking|jokin|"
    r"jokes|kidding|kiddin|banter|bants)\b"
)
_NOT_A_JOKE = re.compile(r"\b(?:not|no|aint|isnt|im not|i am not|wasnt) (?:even )?$")
_JOKE_REACH = 60  # characters of normalised text either side of the match


def _negated(words_before: list[str]) -> bool:
    """Is the risk phrase that follows `words_before` (same clause) negated?"""
    reach = words_before[-_NEGATION_REACH:]
    for distance, word in enumerate(reversed(reach)):
        if word in _NEGATION_CUES:
            return True
        if word == "no" and distance == 0:
            return True
        if word == "longer" and len(reach) > distance + 1 and reach[-distance - 2] == "no":
            return True
        if word not in _SEE_THROUGH:
            return False
    return False


def _clause_words_before(text: str, position: int) -> list[str]:
    clause = text[:position].rsplit(",", 1)[-1]
    return clause.split()


def _joke_nearby(text: str, start: int, end: int) -> bool:
    window_start = max(0, start - _JOKE_REACH)
    for match in _JOKE.finditer(text, window_start, min(len(text), end + _JOKE_REACH)):
        if not _NOT_A_JOKE.search(text, window_start, match.start()):
            return True
    return False


# --- Matching -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RuleHit:
    category: str  # one of the categories' codes
    phrase: str  # the words in the message that matched, as written
    severity: str  # IMMEDIATE, HIGH or CONCERN
    rule_name: str  # the phrasing's name in its category module


class RuleSet:
    """All categories' compiled rules, with the word index the speed gate uses."""

    def __init__(self, rules: Sequence[Rule], categories: Sequence[str]) -> None:
        self.rules = tuple(rules)
        self.order = {code: index for index, code in enumerate(categories)}
        # Which rules each word can open, so a message only looks at the rules its words name.
        self.by_word: dict[str, list[int]] = {}
        for index, rule in enumerate(self.rules):
            for word in rule.gate.words if rule.gate is not None else ():
                self.by_word.setdefault(word, []).append(index)
        # Every prefix any gate has, so a message tests each once. A rule found through a word of
        # its core's gate is open on that gate; rules with a prefix (or no gate) are checked here,
        # and `also` gates always are.
        gates = [((rule.gate,) if rule.gate is not None else ()) + rule.also for rule in self.rules]
        self.prefixes = frozenset(p for each in gates for gate in each for p in gate.prefixes)
        self.core_keys = tuple(
            rule.gate.keys if rule.gate is not None else None for rule in self.rules
        )
        self.also_keys = tuple(tuple(gate.keys for gate in rule.also) for rule in self.rules)
        self.always = tuple(
            index
            for index, rule in enumerate(self.rules)
            if rule.gate is None or rule.gate.prefixes
        )

    def opened(self, words: frozenset[str], padded: str) -> list[int]:
        """The rules (by index, in order) whose gates are all open for this message."""
        present = words | {prefix for prefix in self.prefixes if prefix in padded}
        found: set[int] = set()
        for word in words:
            found.update(self.by_word.get(word, ()))
        for index in self.always:
            keys = self.core_keys[index]
            if keys is None or not keys.isdisjoint(present):
                found.add(index)
        also = self.also_keys
        return sorted(
            i for i in found if not also[i] or all(not k.isdisjoint(present) for k in also[i])
        )

    def match(self, text: str, *, gated: bool = True) -> list[RuleHit]:
        """Every risk the rules find in `text`, in message order (then category order).

        `gated=False` tries every rule; it exists so a test can show the gate is only a speed-up."""
        if not text or not text.strip():
            return []
        norm = _normalise(text)
        if not norm.text:
            return []
        words = frozenset(norm.text.split())
        padded = " " + norm.text
        indices = self.opened(words, padded) if gated else list(range(len(self.rules)))
        # One entry per (span, category): the most urgent severity, the first rule that gave it.
        spans: dict[tuple[int, int, str], tuple[str, str]] = {}
        for index in indices:
            rule = self.rules[index]
            for start, end in _matches(rule, norm):
                key = (start, end, rule.category)
                if key not in spans or _more_urgent(rule.severity, spans[key][0]):
                    spans[key] = (rule.severity, rule.name)
        kept: list[tuple[int, int, int, str, str, str]] = []
        for (start, end, category), (severity, name) in spans.items():
            inside = [
                other
                for other in spans
                if other[2] == category
                and other[0] <= start
                and end <= other[1]
                and (other[0], other[1]) != (start, end)
            ]
            if inside:
                continue
            kept.append((start, self.order[category], end, category, severity, name))
        kept.sort()
        hits: list[RuleHit] = []
        about_a_subject = _ABOUT_A_SUBJECT.search(norm.text) is not None
        for start, _, end, category, severity, name in kept:
            # A shorter match of the same category inside this one lends its urgency.
            for (s, e, c), (other_severity, _) in spans.items():
                if (
                    c == category
                    and start <= s
                    and e <= end
                    and _more_urgent(other_severity, severity)
                ):
                    severity = other_severity
            if about_a_subject and not _FIRST_PERSON.search(norm.text[start:end]):
                continue  # "revising county lines", "a character who self harms": a topic
            hit = RuleHit(category, _original_phrase(text, norm, start, end), severity, name)
            same = next(
                (i for i, h in enumerate(hits) if (h.category, h.phrase) == (category, hit.phrase)),
                None,
            )
            if same is None:
                hits.append(hit)
            elif _more_urgent(severity, hits[same].severity):
                hits[same] = RuleHit(category, hit.phrase, severity, hits[same].rule_name)
        return hits

    def denied(self, text: str) -> bool:
        """Does the message deny a risk in words a rule knows ("I'm not going to hurt myself")?
        True when some rule's phrase is there but every match of it is negated. The detector
        uses it to ask more of the learned model, which reads meaning but not negation well."""
        if not text or not text.strip():
            return False
        norm = _normalise(text)
        if not norm.text:
            return False
        padded = " " + norm.text
        for index in self.opened(frozenset(norm.text.split()), padded):
            rule = self.rules[index]
            if rule.context is not None and not rule.context.search(norm.text):
                continue
            if rule.unless is not None and rule.unless.search(norm.text):
                continue
            for match in rule.regex.finditer(norm.text):
                core = match.start("core") if "core" in rule.regex.groupindex else match.start()
                if _negated(_clause_words_before(norm.text, max(core, match.start()))):
                    return True
        return False


# Study, training, fiction and games: when a message is about one of these, a risk phrase that
# does not speak of the young person themselves ("county lines", "overdosed", "homeless") names
# a topic, not their life. A phrase in the first person ("cut myself", "hit me") still fires.
_ABOUT_A_SUBJECT = re.compile(
    r"\b(?:essay|coursework|assignment|course|module|lecture|dissertation|presentation|exam|"
    r"revising|revision|documentary|training|first aid|tutorial|lesson|level [1-4]|series|"
    r"show|film|movie|episode|book|novel|play|rehearsals?|character|sims|minecraft|fortnite|"
    r"gta|game|gaming|storyline)\b"
)
_FIRST_PERSON = re.compile(r"\b(?:i|im|me|my|myself|mine|ive|id|ill)\b")


def _more_urgent(severity: str, than: str) -> bool:
    return _URGENCY[severity] < _URGENCY[than]


def _matches(rule: Rule, norm: _Normalised) -> list[tuple[int, int]]:
    """Spans of `rule`'s matches that survive negation and (for soft rules) jokes."""
    if rule.context is not None and not rule.context.search(norm.text):
        return []
    if rule.unless is not None and rule.unless.search(norm.text):
        return []
    spans: list[tuple[int, int]] = []
    for match in rule.regex.finditer(norm.text):
        core = match.start("core") if "core" in rule.regex.groupindex else match.start()
        if core < 0:
            core = match.start()
        if _negated(_clause_words_before(norm.text, core)):
            continue
        if rule.soft and _joke_nearby(norm.text, match.start(), match.end()):
            continue
        spans.append(match.span())
    return spans
