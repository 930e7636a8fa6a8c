"""Safeguarding detection: does a young person's message show that they may be at risk?

Every inbound message from a young person (web chat to their PA, SMS, the "ask a question" API)
passes through `assess()` before anything else looks at it. When it reports a risk, the caller
puts crisis contacts first and alerts staff, who read `Risk.phrase` (the words as the young person
wrote them) next to the plain-English label in `CATEGORIES`.

Why it is built this way
------------------------
* Safeguarding favours recall over precision: missing "i wanna kms" is far worse than a worker
  reading one needless alert. So the patterns are broad within each risk, allow for text-speak
  and common misspellings, and where a phrase is ambiguous in a way that could hide a real risk
  ("he's going to kill me if he finds out"), it fires.
* But everyday speech must not fire, or alerts stop being read. Words such as "kill", "dead",
  "cut", "hit" or "kicked out" are never enough on their own: every pattern is a phrase whose
  shape says something about the young person's own safety ("cut myself", "hit me", "kill
  myself", "nowhere to sleep"), with exceptions for the common harmless uses ("cut myself
  shaving", "hit me up", "beat me at fifa", "kicked out of the pub", "want to die of
  embarrassment", "end it with him").
* It is deliberately rule-based, not a model: transparent (a worker or auditor can read exactly
  why a message fired), testable (each phrase has a test), fast (precompiled regular
  expressions, well under a millisecond for a normal message), and nothing to download or host.

How a message is read
---------------------
1. Normalise: lower case, curly quotes straightened, apostrophes dropped ("don't" -> "dont"),
   punctuation that ends a clause (. , ; : ! ? and spaced dashes) kept as a clause break,
   other punctuation and emoji dropped, whitespace collapsed, and common text-speak mapped to
   words ("u" -> "you", "2nite" -> "tonight", "wanna" -> "want to", "kms" -> "kill myself",
   "bf" -> "boyfriend", "thinkin" -> "thinking", "my self" -> "myself"...). Every normalised
   word remembers where it came from, so `Risk.phrase` is always the original text.
2. Match each category's phrase patterns (word-bounded, precompiled at import). Some rules also
   need other words somewhere in the message (`context`: "relapsed" counts as self-harm only
   when the message mentions cutting, sh, scars...), and some are dropped when the message
   gives the everyday reading (`unless`: "said my goodbyes" with "last day" or "funeral",
   "giving my stuff away" with "charity shop", "sleeping in a tent" with "festival").
3. Negation, per clause. A match is dropped when a negation cue ("not", "never", "dont",
   "wont", "didnt", "havent", "no longer", "stopped", "without"...) comes shortly before the
   risk words in the same clause, with only "see-through" words in between ("going to",
   "ever", "really", "want to", "be", "i"...; at most five words). So "I'm not going to hurt
   myself, I just need money" and "I would never kill myself" do not fire, while "I'm not
   going to hurt myself but he hit me last night" still fires on its second clause.
   Negations that are themselves the risk ("I don't want to be here anymore", "I can't go on",
   "I'm not safe at home", "nowhere to sleep", "no reason to live") are written into the
   patterns, and the cue check only looks *before* the risk words, so they still fire.
   "cant" is deliberately not a cue ("I can't stop cutting myself" must fire).
4. Jokes. A joke marker (lol, lmao, haha, jk, "only joking", "kidding", 😂 🤣 😆 😹 💀 😅)
   within about 60 characters suppresses only the patterns marked *soft*: phrases that
   people commonly use as hyperbole ("can't take this anymore", "they're going to kill me",
   "overdosed on netflix", "kicked out" with a night-time context). It NEVER suppresses an explicit
   statement about the young person's own life or body ("i want to kill myself lol", "i wanna
   die 😂", "cut myself again lol"): young people often mask distress with humour, and a
   worker can judge a joke far more safely than the bot can. "I'm not joking" and "no joke"
   are not joke markers.
5. "kill me now" / "someone kill me" / "this is killing me" / "I'm dead" / "dying to..." are
   not matched at all, with or without a joke marker: they are idioms aimed at a situation,
   not a statement about wanting to die. If the same message also says something explicit
   ("kill me now i cant do this anymore"), that other phrase fires.

Other choices worth knowing
---------------------------
* Past experiences are not filtered out unless they are denied ("I don't self harm anymore"):
  "my foster carer used to hit me" or "I tried to kill myself last year" still fire, because
  a disclosure is itself something a worker must see.
* Risks to someone else ("my friend is suicidal") fire too: the worker will want to know.
* An overdose ("took loads of pills") is filed under "suicide", the more urgent reading.
* "homeless_tonight" needs something that says the young person has nowhere safe to sleep
  now: "kicked out" alone (e.g. "kicked out of the pub lol") does not fire; "got kicked out
  and nowhere to sleep", "sleeping rough", "I'm homeless", "sleeping in a stairwell" do.
  Sofa surfing on its own is a housing question ("I'm sofa surfing, does that count as
  homeless?"); it fires with a sign of losing the sofa ("they want me gone tonight", "my mate
  said I can't stay", "nowhere"). An eviction still to come ("evicted next month", "might get
  evicted") does not fire.
* Indirect statements (added in round 2, see "Limits"): a sign is usually needed with the act
  ("scratching my arms" + "till they bleed", "comes in my room" + "at night", "gives me money"
  + "don't tell anyone" / "his flat", "sent him pics" + "share"/"money"). Some read the young
  person's words more broadly than an everyday speaker would mean them, on purpose: "whats the
  point of anything", "I've said my goodbyes", "they're waiting outside my flat" fire unless
  the message gives the everyday reading; a worker can judge those quickly.
* Speed: a rule's regex only runs when the first word of its risk phrase is in the message
  (read automatically from the compiled pattern; a word-to-rules index finds them), and, for
  rules whose phrase starts with everyday words, when a later word it cannot do without is
  there too (the `also` groups: "blades", "pics", "stay"). About 0.1 ms for a typical message,
  a few milliseconds for 5,000 characters.

Limits
------
It finds what is said in words it knows. On a held-out list written before the patterns (round
1) it flagged about two thirds of risk messages (27 of 42) and none of the 63 everyday ones. Its
15 misses were indirect: "saving up my tablets", goodbye letters, "he comes in my room at
night", grooming with gifts, "asking for pics", sofa surfing, a tent or a stairwell, "im dead if
I show my face", "no one would care if I disappeared". Round 2 added general patterns for those
classes and their neighbours (see "Indirect statements" below), which now flag all 15, but
they were tuned on those very messages: how well they carry to new wording is unknown until a
fresh held-out set, written by someone else, is run once. Indirect wording it has never seen
will still pass it by. It is a safety net in front of the bot's answers, not a substitute for
a worker reading their young people's messages.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

try:  # CPython's own regex parser, used only to read each rule's first words (see _gate)
    import re._constants as sre
    import re._parser as sre_parse
except ImportError:  # pragma: no cover - without it every rule is simply always tried
    sre = sre_parse = None  # type: ignore[assignment]

__all__ = ["CATEGORIES", "Assessment", "Risk", "assess"]

CATEGORIES: dict[str, str] = {
    "suicide": "Thoughts of suicide or ending their life",
    "self_harm": "Self-harm",
    "abuse": "Abuse or exploitation (sexual, physical, emotional, criminal, grooming)",
    "domestic_violence": "Violence or control at home or from a partner",
    "violence": "Threatened with violence, weapons, or in danger from someone",
    "homeless_tonight": "Nowhere safe to sleep tonight",
}

_ORDER = {code: index for index, code in enumerate(CATEGORIES)}


@dataclass(frozen=True)
class Risk:
    category: str  # one of CATEGORIES' keys
    phrase: str  # the words in the message that matched, as written


@dataclass(frozen=True)
class Assessment:
    risks: tuple[Risk, ...]

    @property
    def at_risk(self) -> bool:
        return bool(self.risks)

    @property
    def categories(self) -> tuple[str, ...]:
        """Distinct categories, in CATEGORIES order."""
        return tuple(sorted({risk.category for risk in self.risks}, key=_ORDER.__getitem__))


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

_TEXT_SPEAK: dict[str, str] = {
    "u": "you",
    "ya": "you",
    "yu": "you",
    "ur": "your",
    "r": "are",
    "b": "be",
    "n": "and",
    "nd": "and",
    "2": "to",
    "4": "for",
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
    "2day": "today",
    "2moro": "tomorrow",
    "2morrow": "tomorrow",
    "tmrw": "tomorrow",
    "tmr": "tomorrow",
    "tomoz": "tomorrow",
    "wanna": "want to",
    "wana": "want to",
    "wan2": "want to",
    "wnna": "want to",
    "wna": "want to",
    "wnt": "want",
    "wan": "want",
    "gonna": "going to",
    "gona": "going to",
    "gunna": "going to",
    "gna": "going to",
    "finna": "going to",
    "gotta": "got to",
    "hafta": "have to",
    "dnt": "dont",
    "dont": "dont",
    "didn": "didnt",
    "cnt": "cant",
    "carnt": "cant",
    "wudnt": "wouldnt",
    "wouldn": "wouldnt",
    "cos": "because",
    "coz": "because",
    "cuz": "because",
    "cus": "because",
    "bc": "because",
    "bcoz": "because",
    "becuz": "because",
    "ppl": "people",
    "sum1": "someone",
    "some1": "someone",
    "sumone": "someone",
    "somone": "someone",
    "no1": "no one",
    "noone": "no one",
    "any1": "anyone",
    "ne1": "anyone",
    "every1": "everyone",
    "evry1": "everyone",
    "nowere": "nowhere",
    "nowhre": "nowhere",
    "nowher": "nowhere",
    "nowear": "nowhere",
    "anywere": "anywhere",
    "anywer": "anywhere",
    "neware": "anywhere",
    "bf": "boyfriend",
    "bfs": "boyfriends",
    "gf": "girlfriend",
    "gfs": "girlfriends",
    "stepdad": "step dad",
    "stepmum": "step mum",
    "stepmom": "step mum",
    "mam": "mum",
    "mom": "mum",
    "wiv": "with",
    "wid": "with",
    "wen": "when",
    "wat": "what",
    "wot": "what",
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
    "plz": "please",
    "pls": "please",
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


# --- Patterns -----------------------------------------------------------------------------------
# Written against the normalised text: lower case, no apostrophes, words separated by one space,
# "," for a clause break. Each pattern may name the risk words `core`: negation is looked for in
# the words just before it. `<NAME>` expands to a shared alternation from _MACROS.

_MACROS: dict[str, str] = {
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
    return _MACRO.sub(lambda m: _MACROS[m.group(1)], pattern)


@dataclass(frozen=True)
class _Rule:
    category: str
    regex: re.Pattern[str]
    soft: bool  # suppressed by a nearby joke marker
    context: re.Pattern[str] | None  # must also occur somewhere in the message
    gate: _Gate | None  # words one of which must be in the message, or None: always try
    unless: re.Pattern[str] | None = None  # if this occurs anywhere in the message: no match
    also: tuple[_Gate, ...] = ()  # further gates, read from the groups named also, also2...


@dataclass(frozen=True)
class _Gate:
    words: frozenset[str]  # whole words
    prefixes: tuple[str, ...]  # " " + the start of a word, when the rest is not a plain word


def _rules(
    category: str, *patterns: str, soft: bool = False, context: str = "", unless: str = ""
) -> list[_Rule]:
    ctx = re.compile(rf"\b(?:{_expand(context)})\b") if context else None
    not_if = re.compile(rf"\b(?:{_expand(unless)})\b") if unless else None
    rules = []
    for pattern in patterns:
        source = rf"\b(?:{_expand(pattern)})\b"
        gate, also = _gates(source)
        rules.append(_Rule(category, re.compile(source), soft, ctx, gate, not_if, also))
    return rules


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
    prefixes = tuple(sorted({" " + word for word, complete in starts if not complete}))
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


# Words after "going on" / "carrying on" that make it about an activity, not about living.
_NOT_LIFE = r"(?! (?:the|a|an|with|to|holiday|about|at|this|that|my|your|in|for|like that)\b)"

_SUICIDE = _rules(
    "suicide",
    r"(?P<core>kill|kil|killing|killed|kills|end|ending|ended|top|topping|topped|off|offing|"
    r"unalive|unaliving|unalived|hang|hanging|hanged|hung|shoot|shooting|drown|drowning|"
    r"poison|poisoning) myself(?! (?:up|out|off)\b)",
    r"(?P<core>do|did|doing) myself in",
    r"(?P<core>unalive|unaliving|unalived) me",
    r"(?P<core>unalive)(?! (?:him|her|them|you|someone|people)\b)",
    r"(?P<core>suicid(?:e|al|ally))(?! squad\b)",
    r"(?P<core>end|ending|ended|take|taking) my (?:own )?life"
    r"(?! (?:back|in|into|forward|seriously|more|easy|easier|on track)\b)",
    r"(?P<core>end|ending) it all",
    r"<INTENT> (?:just )?(?P<core>end|ending) (?:it|everything|things|my life)"
    r"(?! (?:with|between|off|early|on|for|there|here|now with|by)\b)",
    r"(?P<core>going to) die (?:tonight|today)",
    r"(?P<core>want to|wanted to|wants to|ready to|deserve to|deserves to|wish i could|"
    r"wish i would|hope i) (?:just )?die"
    r"(?! (?:(?:of|from) (?:embarrassment|shame|cringe|boredom|laughing|laughter)|laughing|"
    r"(?:my|your|her|his) (?:hair|eyebrows|beard|clothes))\b)",
    r"(?P<core>wish|wishing) (?:i was|i were|i could be|to be) dead",
    r"(?P<core>wish) i (?:wasnt|was not|werent) (?:alive|here|born|around)",
    r"(?P<core>wish) i (?:was|had been|were|had) never (?:been )?born",
    r"(?P<core>wish) i didnt exist",
    r"(?P<core>better off dead)",
    r"(?P<core>better off without me)",
    r"(?:be|been|is|are|d be|would be|will be) (?P<core>better) without me",
    r"(?P<core>dont|do not|no longer) (?:really |even )?want to (?:live|be alive|exist)"
    r"(?! (?:with|in|here|there|at|near|on|by|alone|together|like|somewhere|anywhere|far|"
    r"close|so|next|over|out|independently|back|around|under|through)\b)",
    r"(?P<core>dont|do not) (?:really |even )?want to live like this(?: anymore| any more)",
    r"(?P<core>dont|do not|no longer) (?:really |even )?want to be (?:here|around|alive)"
    r"(?: anymore| any more| no more| any longer| now|$)",
    r"(?P<core>dont|do not) (?:really |even )?want to wake up"
    r"(?! (?:early|at|before|so|for|in the)\b)",
    r"(?P<core>not sure) (?:if |that )?i (?:want to|can) (?:live|be alive|be here|carry on|"
    r"go on|keep going)" + _NOT_LIFE,
    r"(?P<core>dont care) (?:if i (?:die|live|wake up|dont wake up)|whether i live|about living)",
    r"(?:sleep|go to sleep|fall asleep) and (?P<core>never|not) wake up",
    r"(?P<core>hope|wish) i (?:dont|never|do not|wouldnt) wake up",
    r"(?P<core>no reason) to (?:live|be alive|carry on|go on|keep going|be here)" + _NOT_LIFE,
    r"(?P<core>nothing) (?:left )?to live for",
    r"(?P<core>no point) (?:in |of )?(?:living|being alive|life|going on|carrying on|existing|"
    r"being here)" + _NOT_LIFE,
    r"(?P<core>whats the point|what is the point) (?:in|of) (?:living|life|being alive|going on|"
    r"carrying on|existing|being here)" + _NOT_LIFE,
    r"(?P<core>dont see|cant see) (?:the|a|any) point (?:in|of) (?:living|life|being alive|"
    r"going on|carrying on|existing|being here|anything)" + _NOT_LIFE,
    r"(?P<core>life) (?:is not|isnt|aint|is no longer|not) worth (?:living|it)",
    r"(?P<core>not worth living|isnt worth living|no longer worth living)" + _NOT_LIFE,
    r"(?P<core>cant|can not|cannot|not able to) keep myself safe",
    r"(?P<core>dont think i can|not sure i can|not sure if i can) keep myself safe",
    r"(?P<core>jump|jumping) (?:off|from) (?:a|the|that) (?:bridge|building|roof|cliff|"
    r"car park|multi storey|balcony|tower)",
    r"(?P<core>jump|jumping|step|stepping|throw myself|walk|walking|lie|lying) "
    r"(?:in front of|under) (?:a|the) (?:train|bus|car|lorry|truck|tram)",
    r"(?P<core>throw myself|throwing myself) (?:off|from|under)",
    r"(?P<core>slit|slitting|slash|slashing) my (?:wrists|wrist|throat)",
    r"(?P<core>overdose|overdosed|overdosing|overdoses) (?:on )?(?:<QTY> )?(?:my )?<DRUGS>",
    r"(?P<core>took|taken|take|taking|swallowed|swallow|swallowing|necked|downed|popped)"
    r" <QTY> (?:<W>){0,2}<DRUGS>(?! (?:today|this morning|this week|on time|like|as|with food)\b)",
    r"(?P<core>stockpiling|stockpiled|stockpile|hoarding) (?:my )?(?:<W>)?<DRUGS>",
    r"(?P<core>thoughts|thinking) (?:of|about) (?:killing myself|ending it|ending my life|"
    r"dying|death|not being here)",
)
_SUICIDE += _rules(
    "suicide",
    r"(?P<core>overdose|overdosed|overdosing|took an overdose)"
    r"(?! on (?!(?:<QTY> )?(?:my )?(?:<DRUGS>|drugs|something|heroin|coke|ket|ketamine|mdma|"
    r"alcohol|vodka|spice)\b))",
    r"(?P<core>cant|can not|cannot) (?:go on|carry on|keep going)"
    r"(?=$| ,| like this| living| anymore| any more| any longer| no more| and\b| i\b| im\b|"
    r" with (?:life|my life|this))",
    r"(?P<core>cant|can not|cannot) (?:do|take|handle|cope with) (?:this|it|life|any of this)"
    r" (?:anymore|any more|no more|any longer)",
    r"(?P<core>cant|can not|cannot) cope (?:anymore|any more|no more|any longer)",
    r"(?P<core>want to|just want to) disappear",
    r"(?P<core>wish|hope) (?:someone|somebody|something|a car|a bus) (?:would|will) "
    r"(?:kill me|hit me|run me over)",
    r"(?P<core>tired of|sick of|done with) (?:living|life|being alive|existing)"
    r"(?! (?:with|here|in|at|there|on|off)\b| like (?!this\b))",
    soft=True,
)

_SELF_HARM = _rules(
    "self_harm",
    r"(?P<core>self) (?:harm|harming|harmed|harms|harmer|injury|injuring|injure|injured|"
    r"hurt|hurting|destruct)",
    r"(?P<core>cut|cuts|cutting|cutted|slash|slashing|slashed|carve|carving|carved|mutilate|"
    r"mutilating) (?:myself|my (?:arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach|"
    r"body|hip|hips|belly|chest))"
    r"(?! (?:shaving|on (?:a|the|some|my)|cooking|by accident|accidentally|chopping|whilst|while|"
    r"opening|making|slicing|peeling|at work|with a (?:tin|can)|in the kitchen)\b)",
    r"(?P<core>hurt|hurting|hurts|harm|harming|harmed|harms|punish|punishing|punished|bruise|"
    r"bruising|bruised|starve|starving|starved|scratch|scratching|scratched) myself"
    r"(?! (?:at|playing|in the|on the|on a|falling|when i fell|by accident|accidentally|"
    r"lifting|running|training|doing|skating|slipping|in my sleep|because of my eczema)\b)",
    r"(?P<core>burn|burning|burned|burnt) myself"
    r"(?! (?:on|cooking|making|by accident|accidentally|in the sun|with the (?:iron|oven|kettle|"
    r"pan|straighteners|tongs))\b)",
    r"(?<!could )(?P<core>hit|hitting|punch|punching|punched) myself"
    r"(?! (?:by accident|accidentally|on|with the door|in the face with)\b)",
    r"(?P<core>sh) (?:again|urges?|relapse|relapsed|scars?|cuts?|wounds?|thoughts|tonight)",
    r"(?P<core>relapsed|relapsing|relapse) (?:on |with |into |back into |back to |to )?"
    r"(?:sh|self harm|self harming|cutting)",
    r"(?:did|doing|done|want to|urge to|urges to|going to|started|start) (?P<core>sh)(?! t\b)",
    r"(?P<core>urge|urges) to (?:cut|burn myself|self harm|sh|hurt myself|harm myself)",
    r"(?:(?:been|started|start|keep|keeps|kept|still|am|im|cant stop|want to|going to|about to|"
    r"back to|i|ive|and) |^)(?P<core>cutting)(?: again)?"
    r"(?=$| ,| again| and\b| but\b| because\b| since\b| last night| tonight| every| a lot|"
    r" loads| lately| recently| more| deeper| badly| bad)",
    r"(?:going to|want to|need to|urge to|about to|have to|will|might|ill) (?P<core>cut)"
    r"(?=$| ,| tonight| again| myself| and\b| but\b| because\b| so\b)",
    r"(?P<core>sh) (?:is|has been|getting|got|gets) (?:getting |really |so )?(?:bad|worse|"
    r"out of control)",
    r"(?:i|ive|i have|i just|ive just|then i|and) (?P<core>cut) (?:again|last night|tonight)"
    r"(?! (?:my|the|your|his|her)\b)",
)

_ABUSE = _rules(
    "abuse",
    r"(?P<core>rape|raped|raping|rapes|rapist)",
    r"(?P<core>sexually|sexual) (?:abused|abuse|assaulted|assault|exploited|exploitation|"
    r"harassed|harassment)",
    r"(?P<core>molest|molested|molesting|molests)",
    r"(?P<core>groomed|grooming me|grooming her|grooming him|grooming us)",
    r"(?:been|being|was|were|am|im|got|get|getting|is|are) (?P<core>abused)",
    r"(?P<core>abuse|abuses|abused|abusing) me",
    r"(?P<core>abusive)(?! (?:relationship|partner|boyfriend|girlfriend|husband|wife|ex|"
    r"customer|customers|language|comments|reviews?)\b)",
    r"(?:<FAMILY>|<OTHERS>|<PARTNER>|he|she|they|man|guy|teacher|boss|coach|manager|worker|staff)"
    r" (?:<W>){0,2}(?P<core>touch|touched|touches|touching|grope|groped|gropes|groping|fondled)"
    r" me",
    r"(?P<core>touch|touched|touches|touching) me (?:inappropriately|down there|there|up|under|"
    r"where|in places|without|when i was)",
    r"(?P<core>touch|touched|touches|touching|grabbed|grabs|groped) my (?:privates|private parts|"
    r"private|chest|boobs|breasts|bum|bottom|arse|crotch|dick|penis|vagina|pussy|thigh|"
    r"thighs)",
    r"(?P<core>made|makes|making|forced|forces|forcing|pressured|pressuring|pressures) me "
    r"(?:to )?(?:have sex|sleep with|do sexual|watch porn|send (?:nudes|pics|photos|pictures|"
    r"videos)|give him|touch him|touch her|touch his|perform|do (?:stuff|things) (?:i didnt|"
    r"i did not|i dont|to him|to her|with him|with her))",
    r"(?P<core>forced) (?:himself|herself|themselves) on me",
    r"(?P<core>without) my consent",
    r"(?P<core>didnt|did not|never) consent",
    r"(?P<core>spiked) (?:me|my drink|my drinks)",
    r"(?:drink|drinks) (?:was|were|got|has been|had been|must have been) (?P<core>spiked)",
    r"(?:i|ive|i was|i got|got|been|think i was|think i got) (?P<core>spiked)",
    r"(?P<core>threaten|threatens|threatened|threatening) to (?:share|post|leak|send|show|"
    r"expose) (?:my )?(?:nudes|pics|photos|pictures|videos|them)",
    r"(?P<core>share|post|leak|send|show|expose) my (?:nudes|naked|private)",
    r"(?P<core>nudes|naked pics|naked photos|nude pics|nude photos)",
    r"(?P<core>older) (?:man|men|guy|guys|bloke|lad|lads|boy|boys|woman|women|boyfriend|"
    r"girlfriend) (?:<W>){0,6}(?:wants|wanted|asked|asks|keeps|meet|meeting|buys|bought|buying|"
    r"gives|gave|giving|messages|messaged|messaging|picks|picked|drive|drives|drove|sends|sent|"
    r"says|said|told)",
    r"(?:making|make|makes|made|forcing|force|forces|forced|pressuring|pressure|pressures|"
    r"pressured|using|uses|used) me (?:to )?(?P<core>sell|selling|deal|dealing|carry|carrying|"
    r"hold|holding|deliver|delivering|drop off|dropping off|stash|stashing|hide|hiding|store|"
    r"storing|transport|transporting) (?:<W>){0,2}(?:drugs|drug|gear|weed|coke|cocaine|crack|"
    r"heroin|smack|packages|package|parcels|parcel|stuff|things|bits|money|cash|phones|"
    r"a phone|burner|knives|a knife|weapons|a weapon|a gun|guns)",
    r"(?:making|make|makes|made|forcing|force|forces|forced|pressuring|pressure|pressures|"
    r"pressured|using|uses|used|got|gets|getting|telling|told|have|has|had|need|got to|"
    r"have to) (?:me )?(?:to )?(?P<core>sell|selling|deal|dealing|carry|carrying|hold|holding|"
    r"move|moving|run|running|deliver|delivering|drop|dropping|stash|stashing|hide|hiding|"
    r"store|storing|keep|keeping|take|taking|transport|cook|cooking) (?:<W>){0,2}(?:drugs|"
    r"gear|weed|coke|cocaine|crack|heroin|smack|packages|parcels|lines|a line|knives|a knife|"
    r"a gun|guns|a burner|burners)",
    r"(?:make|makes|making|made|force|forces|forcing|forced) me (?:to )?(?P<core>sell|deal|run|"
    r"work|carry) for (?:them|him|her|a gang|the gang|a dealer|dealers|the dealer)",
    r"(?:being|been|was|get|getting|got) (?P<core>made|forced|pressured) (?:in)?to (?:sell|"
    r"deal|carry|hold|run|stash|move)",
    r"(?P<core>county lines|county line|running lines|run lines|running a line|trap house|"
    r"going country|went country|go country|cuckooed|cuckooing|debt bondage)",
    r"(?P<core>work off) (?:a|the|my|their) debt",
    r"(?P<core>owe|owes|owed) (?:a dealer|dealers|the dealer|a gang|the gang)",
    r"(?P<core>using|used|use|uses) my (?:flat|house|place|home|room) (?:to|for|as) (?:sell|"
    r"deal|dealing|selling|store|stash|drugs|a base|a trap)",
    r"(?:dealers|gang|lads|these people|people|they|he|she) (?:have |has )?"
    r"(?P<core>taken over|took over|taking over) my (?:flat|house|place|home)",
    r"(?:dealers|gang|lads|these people|people i dont know|strangers) (?:are |is |keep |keeps )?"
    r"(?P<core>staying|living|dealing|sleeping) (?:at|in|from) my (?:flat|house|place|home)",
)
_ABUSE += _rules(
    "abuse",
    r"(?<!dog )(?<!pet )(?P<core>grooming)(?! (?:course|salon|business|parlour|parlor|kit|dogs|"
    r"dog|pets|pet|products|brush|routine|standards|tips)\b)",
    r"(?:said|says|told me|tells me|made me promise|warned me|telling me)"
    r" (?:that )?(?:<W>)?(?P<core>not to|to not|never to|i cant|i shouldnt|i mustnt|dont|"
    r"to never) tell (?:anyone|anybody|no one|nobody|my|the police|social services|"
    r"the social)(?! (?:my|the|your) (?:password|pin|passcode|login|details)\b)",
    r"(?P<core>our (?:little )?secret)",
    soft=True,
)

_DV_VERBS = (
    r"(?:hit(?! me up)|hits(?! me up)|hitting(?! me up)|beat|beats|beating|beaten|punch|"
    r"punches|punched|punching|kick|kicks|"
    r"kicked|kicking|slap|slaps|slapped|slapping|strangle|strangles|strangled|strangling|choke|"
    r"chokes|choked|choking|smack|smacks|smacked|smacking|shove|shoves|shoved|shoving|push|"
    r"pushes|pushed|pushing|grab|grabs|grabbed|grabbing|hurt|hurts|hurting|batter|batters|"
    r"battered|battering|attack|attacks|attacked|attacking|headbutt|headbutts|headbutted|bit|"
    r"bites|biting|burned|burnt|burns|threaten|threatens|threatened|threatening|throttle|"
    r"throttled|throttles|spat on|spits on|threw (?:<W>){0,2}at|throws (?:<W>){0,2}at|"
    r"throwing (?:<W>){0,2}at)"
)
# What after "<verb> me" turns violence into something harmless ("hit me up", "beat me at fifa",
# "pushed me to apply", "grabbed me a coffee", "kicked me out" is housing, not violence).
_NOT_AFTER_ME = (
    r"(?! (?:at|in (?:fifa|a game|chess|the race|the game)|to (?:it|the|apply|go|do|try|get)|"
    r"into|out|off|with (?:eviction|court)|around the|a|an|some|one|lunch|food|\d)\b)"
)
_DOMESTIC = _rules(
    "domestic_violence",
    rf"(?:<PARTNER>|<FAMILY>|he|she|hes|shes|him|her) (?:<W>){{0,3}}(?P<core>{_DV_VERBS}) me"
    rf"{_NOT_AFTER_ME}",
    r"(?:got|get|getting|been|was|being|were) (?P<core>hit|beaten|beat up|battered|punched|"
    r"kicked|slapped|strangled|choked|attacked|assaulted|hurt|pushed|shoved|threatened) by "
    r"(?:my |his |her |the )?(?:<PARTNER>|<FAMILY>)",
    rf"(?:<PARTNER>|<FAMILY>|he|she) (?:<W>){{0,3}}(?P<core>{_DV_VERBS}) (?:my (?:mum|mam|mom|"
    rf"mother|sister|brother|little \w+|baby|kids|son|daughter|nan)|us)(?! (?:at|in|up)\b)",
    r"(?:<PARTNER>|he|she) (?:<W>){0,2}(?P<core>wont|doesnt|will not|does not) leave me alone",
    r"(?<!\bit )(?<!\bthat )(?<!\bthis )(?<!\breality )(?<!\bwhich )(?<!\bwhat )"
    r"(?P<core>hits|beats|punches|kicks|slaps|strangles|chokes|batters|headbutts) me"
    + _NOT_AFTER_ME,
    r"(?:<PARTNER>|he|she|hes|shes) (?:is |s |has been |was |being |gets |can be )?"
    r"(?:really |so |very |super |proper |well )?(?P<core>controlling)",
    r"(?P<core>domestic) (?:violence|abuse)",
    r"(?P<core>abusive) (?:relationship|partner|boyfriend|girlfriend|husband|wife|ex)",
    r"(?P<core>coercive) control",
    r"(?:<PARTNER>|he|she) (?:<W>){0,2}(?P<core>wont|doesnt|dont|will not|does not|never|not)"
    r" let(?:ting)? me (?:leave|go out|out|see (?:my )?(?:friends|family|mates)|have (?:my )?"
    r"(?:own )?(?:phone|money|bank card|friends)|talk to (?:anyone|my friends|my family|"
    r"my mates|other)|go anywhere)"
    r"(?! (?:early|work|the job|my job|before|until|till|at work)\b)",
    r"(?:<PARTNER>|he|she) (?:<W>){0,2}(?P<core>takes|took|taking|controls|controlling|control|"
    r"checks|checking|goes through|going through|went through|monitors|tracks|tracking|keeps)"
    r" (?:all )?my (?:phone|money|bank|bank card|benefits|wages|universal credit|location|"
    r"messages|passport|keys)",
    r"(?P<core>locks|locked|locking) me (?:in|inside)\b(?! (?:mind|check)\b)",
    r"(?P<core>keeps|kept) me locked (?:in|up|inside)",
    r"(?P<core>scared|afraid|frightened|terrified|petrified|too scared) (?:to go|of going|"
    r"to be|of being|to stay|of staying) (?:back )?(?:home|in the house|in my flat|at home|"
    r"in my house|alone with (?:him|her)|(?:back )?to my (?:flat|house|place|room))",
    r"(?P<core>scared|afraid|frightened|terrified|petrified) of (?:my |his |her )?"
    r"(?:<PARTNER>|<FAMILY>|him|her|what (?:he|she|they) (?:will|might|would|ll|d) do)",
    r"(?P<core>scared|afraid|frightened|terrified|petrified) (?:that )?<PRON> (?:<W>)?"
    r"(?:will |would |might |is going to |are going to )?(?:hurt|hit|kill|come back|beat|"
    r"attack) ",
    r"(?P<core>not safe|unsafe|never safe) (?:at home|in my (?:own )?(?:home|house|flat|room)|"
    r"with (?:him|her|my)|around (?:him|her|my)|in the house|where i live|living with)",
    r"(?P<core>dont feel safe|do not feel safe) (?:anymore )?(?:at home|in my (?:own )?"
    r"(?:home|house|flat|room)|with (?:him|her|my)|around (?:him|her|my)|in the house|"
    r"where i live|living with)",
    r"(?:<PARTNER>) (?:<W>){0,2}(?P<core>following|stalking|stalks|stalked|harassing|harasses|"
    r"threatening|threatens|threatened) me",
)

_THREAT_OBJECT = r"(?:me|my \w+|us|him|her|them|you|myself|himself|herself)"
_VIOLENCE = _rules(
    "violence",
    r"(?:said|says|saying|threatened|threatening|threatens|threaten|told me|tells me|"
    r"keeps saying|messaged|texted|posted|sent me a message saying) (?:that )?(?:<W>){0,4}"
    rf"(?P<core>(?:stab|shoot|knife|slash|murder|glass|rape) {_THREAT_OBJECT}|do me in)"
    r"(?! (?:at|in|off|out|for)\b)",
    r"(?:<OTHERS>|<PRON>) (?:<W>){0,3}(?P<core>stab|stabbed|stabbing|shoot|shot|shooting|knife|"
    r"knifed|slash|slashed|murder|glass|glassed|rob|robbed|mug|mugged|jump|jumped|attack|"
    r"attacked|rape) me(?! (?:at|in|on the|to it|a|an|down)\b)",
    r"(?:<OTHERS>|they) (?:<W>){0,3}(?P<core>hit|punched|punch|kicked|kick|slapped|beat|"
    r"battered|headbutted|strangled|choked|assaulted) me" + _NOT_AFTER_ME,
    r"(?P<core>stabbed|shot|slashed|glassed|knifed|mugged|jumped) me"
    r"(?! (?:a|an|down|in the queue|at)\b)",
    r"(?:got|been|was|get|getting|were) (?P<core>stabbed|shot|slashed|glassed|knifed|jumped|"
    r"mugged|attacked|assaulted|beaten up|beat up|battered|threatened)"
    r"(?! (?:down|of|off|at dawn|by (?:a|the) (?:car|bus|ball|dog|bike)|with (?:eviction|court|"
    r"bailiffs|legal)|for)\b)",
    r"(?P<core>pulled|pulls|pulling|waved|waving|pointed|pointing|came at me with|comes at me with|"
    r"threatened me with|threatening me with|held|holding|flashed|showed me) (?:a|his|her|their|"
    r"the) (?:knife|knives|blade|machete|gun|shank|weapon|hammer|bat|zombie knife)",
    r"(?P<core>knife|blade|gun|machete) (?:to|at|against|in) my (?:throat|neck|head|face|chest|"
    r"back)",
    r"(?P<core>threaten|threatens|threatened|threatening) me"
    r"(?! (?:with (?:eviction|court|bailiffs|legal|the police)|about (?:rent|money|the bill))\b)",
    r"(?:im|i am|i feel|feel|feeling|i think im|i know im) (?P<core>in danger|not safe|unsafe)"
    r"(?! (?:of|at home|in my|with|around|in the house|where i live|living with)\b)",
    r"(?P<core>my life is in danger|fear for my life|scared for my life|afraid for my life|"
    r"in fear of my life|frightened for my life)",
    r"(?P<core>dont feel safe|do not feel safe)(?! (?:anymore )?(?:at home|in my|with|around|"
    r"in the house|where i live|living with)\b)",
    r"(?:<OTHERS>|<PRON>) (?:<W>){0,2}(?P<core>following|stalking|stalks|stalked|harassing|"
    r"harasses|hunting|coming for|coming after|came after|come after) me"
    r"(?! (?:about|for) (?:money|a debt|payment|rent|the bill|the money)\b)",
    r"(?:<OTHERS>|<PRON>) (?:is |are |were |was |been |be )?(?P<core>after) me\b(?! for\b)",
    r"<PRON> (?:<W>)?(?P<core>know|knows) where i live",
    r"(?:being|been|getting|got|get|was|im) (?P<core>followed|stalked|harassed)"
    r"(?! (?:on|back|by (?:my|the|a) (?:cat|dog|pa))\b)",
)
_VIOLENCE += _rules(
    "violence",
    r"(?:i|ive|i was|i got|we|we got|weve|we were|me) (?:been |got |was |were |just )?"
    r"(?P<core>robbed|mugged)(?! (?:off|blind)\b)",
    r"(?:said|says|saying|threatened|threatening|threatens|threaten|told me|tells me|"
    r"keeps saying|messaged|texted|posted) (?:that )?(?:<W>){0,4}"
    rf"(?P<core>(?:kill|hurt|beat|batter|attack|burn|smash|jump) {_THREAT_OBJECT}|"
    r"come for me|come after me|get me)"
    r"(?! (?:at|in|off|out|for|a|an|some|one|up)\b)",
    r"(?:(?:someone|somebody) (?:<W>){1,3}|(?:<PRON>|<PARTNER>|they|people|lads|gang|dealers|"
    r"dealer) (?:<W>){0,3})(?P<core>kill|hurt|beat|batter|smash) me"
    r"(?! (?:for|at|in|on|off|out|up|a|some|one|the|down|home|there|to the|\d)\b)",
    soft=True,
)

# A message that says the young person has lost (or is losing) somewhere to sleep.
_NIGHT_CONTEXT = (
    r"tonight|today|right now|nowhere|streets|street|rough|homeless|sleep|sleeping|bed|"
    r"kicked|thrown out|chucked out|evicted|locked out|left home|ran away|run away"
)
_HOMELESS = _rules(
    "homeless_tonight",
    r"<NOWHERE> (?:safe )?(?:to|i can|i could|for me to|that i can) "
    r"(?P<core>sleep|stay|kip|crash|spend the night|lay my head|rest my head)",
    r"(?P<core>no) (?:bed|roof|room|place to sleep|where to sleep) (?:for )?tonight",
    r"(?:need|needs|looking for|find|have to find|got to find|to find|dont have|havent got|"
    r"not got)(?: <W>)? (?P<core>somewhere|a place|anywhere|a bed|a room|a roof over my head)"
    r"(?: safe)?(?: to (?:sleep|stay|kip|crash))?(?: for)? tonight",
    r"(?P<core>sleep|sleeping|slept|sleeps|kip|kipping|kipped|stay|staying|stayed|spend the night|"
    r"spending the night|spent the night|living|live|lived|end up|ended up|ending up)"
    r"(?: tonight)? (?:rough|out on the streets?|on the streets?|on the pavement|on a bench|"
    r"on benches|on the bench|on a park bench|in (?:a|the) (?:doorway|park|shop doorway|street))",
    r"(?:be|being|im|i am|been) (?P<core>on the streets?)",
    r"(?P<core>street homeless|homeless tonight|homeless right now|homeless from tonight)",
    r"(?:im|i am|now|currently|ive been made|been made|been left|just become|just became|"
    r"made me) (?:<W>)?(?P<core>homeless)"
    r"(?! (?:in|from|after|when|next|at the end|soon|if|unless|before|by|because of the|"
    r"person|people|charity|shelter|team|officer|application|register|list|form|department)\b)",
    r"(?:going to be|will be|ill be|about to be|be) (?P<core>homeless) "
    r"(?:tonight|today|tomorrow|this weekend|right now|now)",
    r"(?:<FAMILY>|<PARTNER>|he|she|they) (?:<W>){0,2}(?P<core>kicked|threw|chucked|turfed|booted|"
    r"put|thrown) me out(?! of (?:the |my |our )?<VENUES>\b)",
    r"(?P<core>kicked|thrown|chucked|turfed|booted) out of (?:my |the |our )?(?:home|flat|house|"
    r"place|foster|hostel|supported|accommodation|room|b and b|bedsit|digs)",
    r"(?:have to|got to|going to have to|will have to|might have to|ill have to|need to) "
    r"(?P<core>sleep|stay|kip) (?:outside|out|in (?:a|the|my) (?:car|tent|van)) tonight",
    r"(?P<core>sleeping|kipping|living) in (?:a|the|my) (?:car|tent|van)(?: tonight| now)",
)
_HOMELESS += _rules(
    "homeless_tonight",
    r"<NOWHERE> (?:safe )?(?:to|i can|i could|for me to) (?P<core>go|live)",
    r"(?P<core>kicked|thrown|chucked|turfed|booted|kick|kicking|throw|throwing|chuck|chucking)"
    r" (?:me )?out(?! (?:of (?:the |my |our )?<VENUES>\b(?! (?:accommodation|halls|flat|house|"
    r"room)\b)|of my (?:head|mind|system))\b)",
    # Not a future eviction ("getting evicted next month", "might get evicted").
    r"(?<!might get )(?<!might be )(?<!could get )(?<!could be )(?<!may get )(?<!may be )"
    r"(?<!going to get )(?<!going to be )(?<!worried about getting )(?<!scared of getting )"
    r"(?P<core>evicted|evicting me|evict me|changed the locks|locked out)"
    r"(?! (?:next|in (?:a|an|\d+|two|three|four|six|a few|the new)|at the end|by the end|soon|if|"
    r"unless|when|after|before|from (?:my|the|next)|on the \d+|for (?:rent )?arrears|process|"
    r"hearing|notice|date|letter|papers|of (?:my|the) (?:<W>){0,2}(?:account|email|app|journal|"
    r"portal|phone|laptop|computer|ipad|tablet|login))\b)",
    r"(?:im|i am|been|ive been|currently|now) (?P<core>sleeping|kipping|living|staying) in "
    r"(?:a|the|my) (?:car|tent|van)",
    soft=True,
    context=_NIGHT_CONTEXT,
)

# --- Indirect statements ------------------------------------------------------------------------
# Added after the first held-out round (its fifteen misses are now tuning cases in the tests):
# what staff recognise although the young person never names the risk. Preparation and goodbyes,
# self-harm told through its marks, grooming and exploitation told as gifts, pictures, debts and
# journeys, control told as behaviour, threats told as conditions, and the places people sleep
# when they have nowhere. Most of these need two things together: an act and what makes it
# worrying ("scratching my arms" + "till they bleed", "comes in my room" + "at night", "asking
# for pics" from a person + not "of the damp"). Many carry `unless`: words anywhere in the
# message that give the everyday reading ("said my goodbyes" + "last day", "giving my stuff
# away" + "charity shop", "sleeping in a tent" + "festival").

# After "die": the harmless continuations ("die of embarrassment", "die my hair").
_NOT_DYE = (
    r"(?! (?:(?:of|from) (?:embarrassment|shame|cringe|boredom|laughing|laughter)|laughing|"
    r"(?:my|your|her|his) (?:hair|eyebrows|beard|clothes))\b)"
)
# An ordinary goodbye: moving on, a last day, someone else leaving, a funeral.
_LEAVING = (
    r"mov(?:e|es|ed|ing) (?:out|in|house|flat|to|into|away|abroad|back|home|placement|area|on to|"
    r"up)|new (?:flat|place|placement|house|home|job|school|college|area|city|town)|leaving|"
    r"last day|retir\w*|funeral|holiday|trip|graduat\w*|card|end of (?:term|year|placement)|"
    r"abroad|travelling|going away|gap year|emigrat\w*|relocat\w*|visit|visiting|party|night out|"
    r"pub|club|(?:went|go|going|headed|came) home|left (?:the (?:party|club|pub|do)|early)|"
    r"work do|christmas do"
)
# "pics of the damp", "photos of my flat": pictures of something, not of the young person.
_NOT_OF_ME = (
    r"(?! (?:of (?:the|a|an|your|his|her|their|our|this|that|my (?!(?:body|self|bum|boobs|"
    r"chest|legs|underwear|bra|tits|arse)\b)\w+)|for (?:the|my|his|her|their|a|an)|from)\b)"
)
_SEARCH = (
    r"(?:looked up|look up|looking up|googled|googling|google|searched|searching|search|"
    r"researched|researching|research|reading up on|read up on|been reading about|read about|"
    r"asked chatgpt|asking chatgpt|asked ai|checked|checking)"
)
_DEATH_WAY = (
    r"(?:die|kill (?:yourself|myself|urself|oneself|your self)|end (?:your|my|a) life|"
    r"end it all|hang (?:yourself|myself)|overdose|od|drown|suffocate|unalive|commit suicide|"
    r"not wake up|bleed out|bleed to death|stop (?:your|my|a) heart)"
)

_SUICIDE += _rules(
    "suicide",
    # Passive ideation: no one would care, might as well not exist.
    r"(?P<core>no one|nobody|not one person|not a single person|who) (?:would |will |d |"
    r"is going to |would even |will even )?(?:even |actually |really |honestly )?(?:care|notice|"
    r"miss me|be sad|cry|bother|give a (?:shit|fuck|damn|toss)|realise) (?:if|when|once|that|"
    r"whether) i (?:<W>)?(?:died|die|was dead|were dead|am dead|was gone|were gone|wasnt here|"
    r"was not here|wasnt around|wasnt alive|disappeared|disappear|vanished|vanish|killed myself|"
    r"kill myself|didnt wake up|never woke up|never came back|ended it|stopped existing|"
    r"overdosed)" + _NOT_DYE,
    r"(?P<core>no one|nobody|not one person) (?:would|will|d|is going to) (?:even |actually |"
    r"really )?miss me(?! (?:at|in|on|if i (?:left|moved|went|stopped coming))\b)",
    r"(?:want to|wish i could|just want to|id like to|ready to) (?P<core>stop existing|not exist|"
    r"cease to exist|never wake up|not wake up|not be alive)",
    # Goodbye letters, said my goodbyes, giving things away.
    r"(?P<core>goodbye|good bye|farewell) (?:letter|letters|note|notes|message|messages|video|"
    r"videos|text|texts|post)",
    r"(?P<also>letter|letters|note|notes|message|messages|video|videos|text|texts|post|voice note|"
    r"voice notes) (?:<W>){0,3}(?P<core>(?:saying goodbye|to say goodbye|saying bye|to say bye)"
    r"(?! to (?:the|his|her|their|our|a|an)\b)|for when im gone|for when i am gone|"
    r"for after im gone|for when im dead|for after i die|"
    r"for after im dead|for when i die|for when im not here|for when im not around|"
    r"in case i dont wake up|in case im not here)"
    r"(?! (?:to (?:work|uni|college|school)|on holiday|away|for (?:a|the) (?:week|weekend|day))\b)",
    r"(?P<also>wrote|written|writing|write|left|leave|leaving|made|making|recorded|recording|typed|"
    r"typing|sorted|planned|planning|give|giving|gave) (?:<W>){0,4}(?P<core>for when im gone|"
    r"for when i am gone|for after im gone|for when im dead|for after i die|for after im dead|"
    r"for when i die|for when im not here|for when im not around|in case i dont wake up)"
    r"(?! (?:to (?:work|uni|college|school)|on holiday|away|for (?:a|the) (?:week|weekend|day))\b)",
    r"(?P<core>said|saying|say|sent|sending|send|done|did|doing|made) (?:all )?(?:my|me|our|the) "
    r"(?:final |last )?goodbyes",
    r"(?:said|say|saying|wanted to say|want to say|this is me saying) (?P<core>goodbye|bye|"
    r"a final goodbye|a last goodbye) (?:to )?(?:everyone|everybody|you all|all of you|the world|"
    r"you|my (?:family|mum|dad|sister|brother|friends|mates|kids|son|daughter|baby|nan))"
    r"(?: forever| for good| for the last time)?(?=$| ,| and\b| because| i love| love you| thank|"
    r" now| tonight)",
    r"(?P<core>this is goodbye|this is my last (?:message|text|goodbye|post)|goodbye forever|"
    r"bye forever|goodbye world|goodbye cruel world)",
    unless=_LEAVING,
)
_SUICIDE += _rules(
    "suicide",
    r"(?P<core>giving|gave|given|give|gives) (?:away (?:(?:all|most|loads|some|half|the rest) "
    r"(?:of )?)?my (?:stuff|things|belongings|possessions|valuables)|away everything i "
    r"(?:own|have)|(?:(?:all|most|loads|some|half|the rest) (?:of )?)?(?:my )?(?:stuff|things|"
    r"belongings|possessions|valuables|everything i (?:own|have)) away)",
    unless=(
        r"charity|charities|food bank|foodbank|donat\w*|vinted|ebay|marketplace|facebook|depop|"
        r"declutter\w*|clear(?:ing)? out|clearout|spring clean\w*|too small|doesnt fit|dont fit|"
        r"grown out|outgrown|downsiz\w*|selling|sold|sell|storage|toys|shelter|" + _LEAVING
    ),
)
_SUICIDE += _rules(
    "suicide",
    # Preparation: saving up tablets, having them ready, looking up how many.
    r"(?P<core>saving up|saved up|saving|stockpiling|stockpiled|stockpile|hoarding|hoarded|"
    r"storing up|stored up|stashing|stashed|collecting up|building up|built up) (?:all |some |"
    r"loads of |lots of )?(?:of )?(?:my |the |me )?(?:<W>)?<DRUGS>"
    r"(?! (?:for (?:my |the |a )?(?:holiday|trip|weekend|travel|later|tomorrow|work|emergencies|"
    r"emergency|abroad)|for when (?:i go (?:on|to|away|abroad)|i travel|im (?:away|"
    r"on holiday)))\b)",
    r"(?:have|got|ive got|i have|had|get|getting|with|and) (?:all )?(?:the |my |some |enough |"
    r"a load of |loads of )?(?P<core><DRUGS>) (?:ready|lined up|counted out|laid out|set out|"
    r"in front of me)(?! (?:for (?:the morning|tomorrow|my (?:holiday|trip|week|weekend)|"
    r"the (?:week|weekend|trip|holiday)|work|college|school)|to take (?:in|with|tomorrow|before|"
    r"after|later))\b)",
    r"(?P<core>enough) (?:<W>)?<DRUGS> (?:to (?:kill|die|end it|do it|not wake up|overdose|od|"
    r"be fatal|stop my heart)|saved|saved up|stashed|stockpiled)",
    r"(?P<core>how many|how much) (?:<W>){0,3}(?:<DRUGS>|it) (?:<W>){0,3}(?:to|would|will|"
    r"before|until|till|need to|needed to) (?:<W>){0,2}(?P<also>kill (?:me|you|myself|yourself|"
    r"someone|a person|an adult|a human)|be fatal|be lethal|overdose|od|not wake up|"
    r"stop (?:your|my|a) heart|die)" + _NOT_DYE,
    rf"(?P<core>{_SEARCH}) (?:<W>)?(?:how many|how much) (?:<W>){{0,2}}<DRUGS> (?:it takes|"
    r"it would take|it will take|would take|would do it|will do it|would be enough|"
    r"it would take to do it)(?=$| ,| tbh| and\b)",
    rf"(?P<core>{_SEARCH}) (?:<W>)?(?:how to|ways to|way to|the best way to|best way to|"
    r"the easiest way to|easiest way to|the quickest way to|quickest way to|painless ways to|"
    r"painless way to|a painless way to|methods to|how long (?:it takes|does it take|it would take|"
    rf"would it take) to) (?:<W>)?{_DEATH_WAY}" + _NOT_DYE,
    r"(?P<core>painless|quickest|easiest|quick|best|fastest|surest) (?:way|ways|method|methods) "
    r"(?:to|of) (?:die|dying|kill (?:yourself|myself|urself)|end (?:your|my|a) life|end it all|"
    r"commit suicide|unalive|suicide)" + _NOT_DYE,
    r"(?P<core>painless) (?:death|suicide|way out|way to go)",
    r"(?P<core>noose|nooses)",
)
_SUICIDE += _rules(
    "suicide",
    # A plan ("thought about how I'd do it"), when the message also names means or death.
    r"(?:thought about|thinking about|think about|thought of|thinking of|planned|planning|plan|"
    r"worked out|working out|know|knew|decided|figured out|chosen|picked|researched) (?:exactly )?"
    r"(?P<core>how|when|where) (?:id|i would|i will|ill|im going to|i am going to|i could|to) "
    r"(?:do it|end it|go through with it|end my life|kill myself|die)",
    context=(
        r"<DRUGS>|rope|noose|bridge|jump\w*|train tracks|railway|knife|blades?|razor|die|dying|"
        r"dead|death|kill\w*|goodbyes?|suicid\w*|overdos\w*|od|not be here|not wake up|end it|"
        r"ending it|end my life|without me"
    ),
)
_SUICIDE += _rules(
    "suicide",
    r"(?P<core>lethal|fatal|deadly) (?:dose|doses|amount|amounts|quantity|overdose)(?: of (?:my )?"
    r"<DRUGS>|(?=$| ,| for (?:me|a person|someone|an adult|a human)))",
    r"(?P<core>might as well|may as well|might aswell|may aswell|id rather|would rather) "
    r"(?:just )?(?:not exist|not be alive|not wake up|be dead|not live|not be here anymore|"
    r"not be around anymore)",
    r"(?P<core>might as well|may as well|might aswell|may aswell|id rather|would rather|rather) "
    r"(?:just )?(?P<also>die)"
    + _NOT_DYE
    + r"(?! than (?:eat|wear|watch|sit|listen|go to|do|be seen|work|"
    r"queue|wait|ask|ring|call|fill|have|read|sing|dance|talk to (?:him|her|them) again)\b)",
    r"(?P<core>whats the point|what is the point|whats even the point|what even is the point) "
    r"(?:in |of )(?:anything|it all|any of it|me|me being here|me even being here|waking up|"
    r"trying anymore|even trying|anything anymore|carrying on)(?: anymore| any more| now| tbh|"
    r" honestly| really)?(?=$| ,| lol| lmao)",
    r"(?P<core>whats the point|what is the point|whats even the point) (?:anymore|any more|"
    r"of me)(?=$| ,)",
    r"(?:want|wanted|wish|need|just want) (?:for )?(?P<core>everything|it all|my life|life) to "
    r"(?P<also>stop|end|be over|just stop|just end)(?: forever| for good| permanently)?(?=$| ,|"
    r" and\b|"
    r" now| tonight| already)",
    r"(?:want to|wish i could|just want to) (?P<core>vanish|fade away|disappear forever|"
    r"disappear for good)",
    r"(?P<core>wont be|will not be|not going to be) (?:here|around|alive) (?P<also>much longer|"
    r"for much longer|any longer|by (?:the )?morning)",
    r"(?:wont|will not|not going to) need (?:it|them|any of (?:it|this|them|my stuff)|my (?:stuff|"
    r"things)|anything) (?P<core>where im going|when im gone)",
    # Where someone goes to end their life.
    r"(?:sitting|sat|standing|stood|stand|sit|lying|laying|lay|lie|climbed|climbing|been) "
    r"(?:on|onto|over|at|near|by) (?:the )?(?P<core>edge of (?:the|a|this) (?:bridge|roof|building|"
    r"cliff|car park|multi storey|balcony|motorway bridge))",
    r"(?:climbed|climbing|climb|wrong side of) (?:over |onto |up )?(?:the )?(?P<core>railings|"
    r"railing|barrier|fence) (?:on|of|at) (?:the|a|this) (?:bridge|roof|car park|multi storey|"
    r"balcony|cliff)",
    soft=True,
)
_SUICIDE += _rules(
    "suicide",
    r"(?:sitting|sat|standing|stood|stand|sit|lying|laying|lay|lie) (?:on|by|near|next to|beside) "
    r"(?:the )?(?P<core>train tracks|railway tracks|railway line|train line|rail tracks|tracks)",
    soft=True,
    unless=r"waiting|platform|station|trains? (?:is|was|are|were) (?:late|delayed|cancelled)|"
    r"trainspotting|photos?|pics|picnic|walk|walking|bike",
)

_BODY = (
    r"(?:arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach|belly|hip|hips|chest|hand|"
    r"hands|knuckles|fist|fists|head|face|body|fingers|scalp)"
)
_HARM_VERB = (
    r"(?:scratch|scratches|scratching|scratched|claw|claws|clawing|clawed|punch|punches|punching|"
    r"punched|hit|hits|hitting|bang|bangs|banging|banged|headbutt|headbutts|headbutting|"
    r"headbutted|smash|smashes|smashing|smashed|burn|burns|burning|burned|burnt|cut|cuts|cutting|"
    r"pinch|pinches|pinching|pinched|bruise|bruising|bruised|carve|carving|carved|hurt|hurting|"
    r"hurts|harm|harming|harmed|slap|slapping|slapped)"
)
# Scratching, burns and marks have everyday causes.
_SKIN = (
    r"eczema|itch\w*|rash|bites?|mosquito|midges?|chicken ?pox|psoriasis|dermatitis|allerg\w*|"
    r"hives|nails?|spots?|acne|scabs?"
)
_SKIN_OR_KITCHEN = (
    _SKIN + r"|sun|sunbed|sunburn\w*|oven|iron|kettle|pan|hob|stove|tray|"
    r"straighteners|tongs|curling|cooking|by accident|accidentally|bath|shower|wax\w*|tattoo\w*|"
    r"fell|fall|falling|tripped|slipped|cat|kitten|dog|puppy|brambles|thorns|garden\w*|"
    r"operation|surgery|c section|caesarean|stretch|birthmark"
)
_SH_WORDS = (
    r"sh|self harm\w*|cutting(?! (?:down|back|out|carbs|sugar|off|ties|my hair|hair|the grass))|"
    r"cut myself|cut (?:my )?(?:arms?|wrists?|legs?|thighs?)|blades?|razors?|scars?|"
    r"hurting myself|harming myself|burning myself"
)
_SELF_HARM += _rules(
    "self_harm",
    # The act and its sign: "till they bleed", "to feel something", "on purpose".
    rf"(?P<core>{_HARM_VERB}) (?:<W>){{0,4}}(?P<also>till|until|til|untill) (?:it|they|i|my \w+|"
    r"the skin|the \w+) (?:<W>)?(?:bleed|bleeds|bled|bleeding|start bleeding|started bleeding|"
    r"bruise|bruises|bruised|broke|break|breaks|go numb|went numb|drew blood|draw blood|scar|"
    r"scarred|blister|blistered)",
    unless=_SKIN,
)
_SELF_HARM += _rules(
    "self_harm",
    rf"(?P<core>{_HARM_VERB}) (?:myself|my {_BODY}|(?:the |a )?walls?|(?:the |a )?doors?|"
    r"(?:the )?mirror|my head against (?:the |a )?(?:wall|door|floor)) (?:<W>){0,4}"
    r"(?P<also>to feel something|to feel anything|to feel pain|to feel real|to feel alive|"
    r"to punish myself|so i can feel|so i could feel|so i feel something|as (?:a )?punishment|"
    r"because i deserve (?:it|to)|on purpose|deliberately)",
)
_SELF_HARM += _rules(
    "self_harm",
    r"(?P<core>scratch|scratching|scratched|claw|clawing|clawed|pinch|pinching|pinched|burn|"
    r"burning|burned|burnt|carve|carving|carved|bruise|bruising|bruised) (?:up )?my (?:arms|"
    r"wrists|thighs|skin|legs|stomach|belly)",
    unless=_SKIN_OR_KITCHEN,
)
_SELF_HARM += _rules(
    "self_harm",
    r"(?P<core>burn|burning|burned|burnt|brand|branding|branded) (?:myself|my \w+) with (?:a |my |"
    r"the |some )?(?P<also>lighter|lighters|cigarette|cigarettes|cig|cigs|fag|fags|match|matches|"
    r"hot (?:spoon|knife|metal|key|coin)|lit)",
    # Slang: "i sh'd again", "my sh", "cut too deep".
    r"(?:i|ive|i have|ive been|been|just|i just|still|keep|and|then|i did|i done) (?P<core>sh|shd)"
    r"(?=$| ,| again| last night| tonight| today| yesterday| this morning| every| a lot| loads|"
    r" lately| recently| more| and\b| but\b| because\b| badly| bad| deep| deeper)",
    r"(?:my|about|with|from|because of|struggling with|struggle with) (?P<core>sh)(?=$| ,| is\b|"
    r" has\b| was\b| scars| cuts| wounds| urges| again| and\b| but\b| getting| lately| recently)",
    r"(?:i|ive|i have|think i|i think i|might have|may have) (?:have )?(?P<core>cut) (?:too )?"
    r"(?:deep|deeper|too deep)",
    r"(?P<core>make|makes|making|made) (?P<also>myself) (?:sick|throw up|vomit|puke)"
    r"(?! (?:with worry|worrying|from (?:worry|stress|eating too)|eating|laughing|drinking)\b)",
)
_SELF_HARM += _rules(
    "self_harm",
    # "relapsed" is about self-harm only when the message says so (not drink, drugs or diets).
    r"(?P<core>relapsed|relapse|relapsing|relapses)",
    context=_SH_WORDS,
)
_SELF_HARM += _rules(
    "self_harm",
    # Marks, and the tools.
    r"(?:hide|hides|hiding|hid|hidden|cover|covers|covering|covered|conceal|concealing) (?:up )?"
    r"(?:my |the |all my |all the )?(?:fresh |new |self harm |sh )?(?P<core>cuts|scars|marks|burns|"
    r"wounds)",
    r"(?P<core>fresh|new|deep|deeper) (?P<also>cuts|scars|wounds|burns) (?:on|up|all over) (?:my )?"
    r"(?:arms?|wrists?|legs?|thighs?|stomach|hips?|body|skin)",
    unless=_SKIN_OR_KITCHEN + r"|bike|work|kitchen|acne|pimples?|scratch(?:es)? from",
)
_SELF_HARM += _rules(
    "self_harm",
    r"(?P<core>got out|get out|getting out|took out|take out|taking out|use|used|using|hide|hid|"
    r"hiding|hidden|keep|kept|keeping|bought|buy|buying|found|grab|grabbed|grabbing|reached for|"
    r"reaching for|picked up|pick up|have|had|got) (?:out )?(?:my |some |the |a |new |a new |"
    r"sharp |a sharp |fresh |me )?(?P<also>blades?)(?: out)?(?: (?:of|from) (?:a|my|the|me) "
    r"(?:sharpener|pencil sharpener|razor|shaver))?(?! (?:for|in|of|on|to) (?:my |the |a )?"
    r"(?:razor|shaver|shaving|shave|legs|beard|skates?|mower|lawnmower|blender|food processor|"
    r"stanley knife|craft knife|scalpel|work|job)\b)",
    r"(?P<core>blade|blades|razor|razors) (?:out of|from) (?:a|my|the|me) (?:sharpener|"
    r"pencil sharpener|razor|shaver|disposable razor)",
    unless=(
        r"shav\w*|beard|skat\w*|lawn ?mower|mower|blender|food processor|hoover|fan|wipers?|"
        r"turbine|rotor|ice|hockey|rollerblade\w*|blade runner|stanley|craft|warehouse|barber\w*|"
        r"clippers|kitchen|fortnite|games?|sword|lightsaber|grass|gillette|venus|wilkinson|"
        r"change|replace|clean|work|job|toolbox|tools|diy|utility knife|box cutter|cardboard"
    ),
)

_ADULT = (
    r"(?:<OTHERS>|man|guy|bloke|woman|lad|he|she|they|older (?:man|men|guy|guys|bloke|lad|lads|"
    r"woman|women)|(?:man|guy|bloke|woman|lad|someone|somebody|person) (?:i met|from|off|on|at|"
    r"who|that))"
)
_ABUSE += _rules(
    "abuse",
    # At night, in the bedroom or the shower.
    r"(?:<FAMILY>|<OTHERS>|he|she|teacher|coach|worker|staff|key worker) (?:<W>){0,2}"
    r"(?P<core>comes|came|coming|come|creeps|crept|creeping|sneaks|sneaked|snuck|sneaking|gets|got|"
    r"getting|climbs|climbed|walks|walked|barges|barged) (?:in|into|in to) (?:my|"
    r"the) (?P<also>room|"
    r"bedroom|bed|shower|bathroom|bath) (?:<W>){0,2}(?:at night|in the night|late at night|"
    r"every night|most nights|some nights|(?:when|while|whilst) (?:im|i am|i was|everyones|"
    r"everyone is|everyone was|no one is|nobody is|no ones) (?:asleep|sleeping|in bed|"
    r"in the shower|in the bath|getting changed|changing|undressed|alone|on my own|out|home)|"
    r"and (?:i dont like|touches|gets in|lies|lays|watches me|wont leave|locks))"
    r"(?! (?:<W>){0,2}to (?:check|wake|say|make sure|see if|turn|bring|get|tell|ask|put|tidy|"
    r"clean|borrow|fix|give|feed|settle)\b)",
    unless=(
        r"little (?:sister|brother|one|ones)|baby|son|daughter|kids?|toddler|nightmares?|cat|dog|"
        r"puppy|kitten|boyfriend|girlfriend|partner|husband|wife|fiance|fiancee"
    ),
)
_ABUSE += _rules(
    "abuse",
    r"(?:i|and i|but i) (?P<core>dont like|do not like|hate|hated|didnt like|did not like|"
    r"really dont like) (?:it )?(?:what|the things|the stuff|the way|how|when) (?:he|she|they|him|"
    r"her|<FAMILY>|<OTHERS>) (?:<W>){0,2}(?:does|did|do|makes me do|made me do|touches me|"
    r"touched me|touches|touched|looks at me|looked at me|makes me|made me|comes in|came in|"
    r"gets in|got in|does to me|did to me|wants me to do|wanted me to do|asks me to do|"
    r"asked me to do)(?=$| ,| to me| when| at night| in\b| and\b| but\b| because| with me| after)",
    r"(?:<FAMILY>|<OTHERS>|he|she|him|older (?:man|men|guy|guys|woman|lad|bloke)|teacher|coach|"
    r"worker|staff) (?:<W>){0,3}(?P<core>makes|made|making|make) me (?:feel )?(?:really |so |"
    r"very |well |proper |a bit |kind of |kinda )?(?P<also>uncomfortable|uneasy|creeped out|unsafe|"
    r"dirty)(?! (?:about|with (?:her|his) questions|when (?:she|he) (?:asks|talks about|mentions|"
    r"nags))\b)",
)
_ABUSE += _rules(
    "abuse",
    # Grooming: gifts, money, lifts from an adult, with secrecy, being alone, or somewhere to go.
    rf"{_ADULT} (?:<W>){{0,4}}(?P<core>gives|gave|giving|given|buys|bought|buying|sends|sent|"
    r"sending|pays|paid|paying|offers|offered|offering|gets|got|getting|lends|lent|lending|"
    r"tops up|topped up|top up) me (?:<W>){0,2}(?P<also>stuff|things|presents|gifts|money|cash|"
    r"trainers|"
    r"clothes|phone|phones|weed|drugs|vapes|vape|alcohol|drink|drinks|booze|lifts|a lift|food|"
    r"credit|top ups|nails|makeup|jewellery|necklace|ring|designer|airpods|iphone|takeaways|"
    r"takeaway|cigs|cigarettes|fags|gear|bits|treats|a room|somewhere to stay)",
    context=(
        r"dont tell|not to tell|never tell|tell no one|cant tell|secret|alone|(?:his|her|their) "
        r"(?:house|flat|place|car|room|hotel|van)|hotel|come (?:round|over|back)|go (?:round|back|"
        r"over)|stay (?:over|the night)|meet (?:up|him|her|them)|in return|pay (?:him|her|them|it) "
        r"back|owe|owes|owing|pics|photos|met (?:him|her|them) online|from online|"
        r"on (?:snap|snapchat|insta|instagram|tiktok|discord|grindr|tinder|an app|a game|xbox|"
        r"playstation|roblox)|(?:years|yrs) older|twice my age|older (?:man|men|guy|guys|bloke|lad|"
        r"lads|woman|women)|favours?|wants something"
    ),
)
_ABUSE += _rules(
    "abuse",
    # Pictures: asked for, or sent and now held over them.
    r"(?:<OTHERS>|man|guy|bloke|woman|lad|boy|girl|he|she|they|someone|somebody|people|"
    r"older (?:man|men|guy|guys|bloke|lad|lads|woman|women)|<FAMILY>|teacher|coach|worker|staff) "
    r"(?:<W>){0,4}(?P<core>asking|asks|asked|ask|begging|begs|begged|pressuring|"
    r"pressures|pressured|pushing|pushes|pushed|wants|wanted|wanting|keeps on at|on at|nagging|"
    r"nags|nagged|messaging|messages|messaged) (?:me )?(?:to (?:send|take|show) (?:him |her |"
    r"them )?|for )(?:more |some |a |any |sexy |dirty |naughty |private |personal |"
    r"rude )?(?P<also>pics|"
    r"pictures|photos|picture|photo|pic|selfies|selfie|videos|vids|vid|snaps|images|nudes)"
    + _NOT_OF_ME,
    unless=(
        r"damp|mould|mold|repairs?|leak\w*|housing|council|landlord|passport|receipts?|evidence|"
        r"form|application|claim|insurance|bills?|payslips?|tenancy|letter|selling|sell|vinted|"
        r"ebay|marketplace|depop|listing|dog|cat|puppy|kitten|baby|scan|cv"
    ),
)
_ABUSE += _rules(
    "abuse",
    r"(?P<core>share|post|send|show|leak|expose|spread|upload|put|sell) (?:them|it|those|"
    r"the (?:pics|photos|pictures|videos|vids|screenshots|video|pic|photo)|my (?:pics|photos|"
    r"pictures|videos|vids|video|pic|photo)|pics|photos)(?: (?:<W>){0,3})?(?P<also>if i (?:dont|"
    r"do not|wont|stop|block|tell|leave|say no)|unless i)",
    r"(?:said|says|saying|threaten\w*|told me|tells me|keeps saying|going to|will|hell|shell|"
    r"theyll|hed|shed|theyd) (?:that )?(?:<W>){0,2}(?P<core>share|post|send|show|leak|expose|"
    r"spread|upload|put) (?:them|the (?:pics|photos|pictures|videos|vids|screenshots)|my (?:pics|"
    r"photos|pictures|videos|vids)) (?:with |to )?(?:everyone|everybody|all my \w+|"
    r"my (?:family|mum|dad|mates|friends|school|college|work|boss|carers?|foster \w+|pa|"
    r"followers|contacts)|online|everywhere|on (?:social media|insta|instagram|snap|snapchat|"
    r"facebook|fb|tiktok|twitter|the internet|porn sites?|onlyfans|only fans))"
    r"(?! (?:from|of|at) (?:the|a|my|our|last|her|his)\b)",
    r"or (?:else )?(?:hell|shell|theyll|he will|she will|they will|hes going to|shes going to|"
    r"theyre going to|he|she|they) (?:<W>)?(?P<core>share|post|send|leak|expose|spread|show|"
    r"upload) (?:them|it|my|the|pics|photos)",
    r"(?P<core>sextort\w*|blackmail|blackmailing|blackmailed|blackmails)",
)
_ABUSE += _rules(
    "abuse",
    r"(?P<core>sent|send|sending|shared|showed|gave) (?:him|her|them|someone|somebody|"
    r"a (?:guy|man|lad|boy|girl|woman|bloke|stranger)|this (?:guy|man|lad|boy|girl|woman)|"
    r"some (?:guy|man|lad|bloke)|an older \w+|my (?:ex|boyfriend|girlfriend|partner)) (?:some |"
    r"a few |loads of |my |a |private |naked |sexy |dirty |rude |personal )?(?P<also>pics|pictures|"
    r"photos|picture|photo|pic|selfies|videos|vids|vid|snaps|images)" + _NOT_OF_ME,
    context=(
        r"share|sharing|post (?:them|it)|posting|posted (?:them|it)|leak\w*|spread\w*|expose|"
        r"exposing|show (?:them|everyone|people|my)|showing (?:them|everyone|people)|blackmail\w*|"
        r"send (?:him |her |them )?more|money|pay (?:him|her|them)|screenshot\w*|wont delete|"
        r"will not delete|delete them|regret|shouldnt have|threaten\w*|going round|went round|"
        r"all over"
    ),
)
_ABUSE += _rules(
    "abuse",
    # Criminal exploitation: journeys, a phone, a debt to work off.
    r"(?P<core>make|makes|made|making|force|forces|forced|forcing|send|sends|sent|sending|take|"
    r"takes|took|taking|drive|drives|drove|driving|tell|tells|told|telling|get|gets|got|getting)"
    r" me (?:to )?(?:go |travel |get (?:the |a )?(?:train|trains|bus|coach|taxi|uber) |drive |"
    r"go out |run )?(?:<W>){0,2}(?:to |up to |down to |out to |round )?(?:other|different|another|"
    r"loads of|random|strange) (?P<also>towns?|cities|city|places|areas?|counties|parts of the "
    r"country)",
    unless=(
        r"work|job|shift|agency|training|course|placement|interview|boss|manager|company|college|"
        r"uni|school|football|team|match|band|gig|tour|holiday|trip|visit\w*|family|nan|mum|dad|"
        r"carers?|pa|contact|social worker"
    ),
)
_ABUSE += _rules(
    "abuse",
    r"(?P<core>gave|given|give|gives|giving|got|get) me (?:a |an |another |their |this |a new |"
    r"a second |a spare )?(?P<also>phone|burner|burner phone|sim|sim card|second phone|trap phone)",
    context=(
        r"other (?:towns?|cities|areas?|places)|(?:different|another) (?:towns?|city|area)|country|"
        r"county|drop(?:s|ping)? (?:off|it|them|stuff|things)|deliver\w*|packages?|parcels?|drugs|"
        r"gear|owe|debt|work (?:it|that|this) off|secret|dont tell|not to tell|answer it|"
        r"keep it on|trap|(?:make|makes|made|making) me"
    ),
)
_ABUSE += _rules(
    "abuse",
    r"(?P<core>owe|owes|owed|owing|in debt to|debt to) (?:them|him|her|someone|somebody|"
    r"some (?:people|lads|guys|men|man|guy)|people|these (?:people|lads|guys|men)|a (?:guy|man|lad|"
    r"bloke|gang|dealer)|the (?:gang|lads|dealer|dealers|guys|people|men)|dealers?|"
    r"a lot of people|money|loads|loads of money|a lot of money)",
    context=(
        r"work (?:it|this|that|the debt|the money) off|working (?:it |this |that )?off|"
        r"(?:make|makes|made|making|force\w*|said i (?:have|got|need) to|i (?:have|got) to|"
        r"told me to|want me to|wants me to|need me to) (?:<W>){0,3}(?:sell|hold|carry|run|deliver|"
        r"drop|stash|keep|do (?:jobs|runs|things|stuff|favours|a job|a run)|go (?:to|country|out)|"
        r"move|store|hide)|or else|threaten\w*|knows? where i live|"
        r"(?:gave|give|given) me (?:a|the) (?:phone|burner)"
    ),
)
_ABUSE += _rules(
    "abuse",
    # An adult and a young person: "he's 25 and I'm 16".
    r"(?P<core>hes|shes|he is|she is|my (?:boyfriend|girlfriend|partner) is|boyfriend is|"
    r"girlfriend is) (?:like |about |nearly |almost |over )?(?:2[1-9]|[3-6]\d|twenty (?:one|two|"
    r"three|four|five|six|seven|eight|nine)|thirty\w*|forty\w*|fifty\w*)(?: years old| yrs old|"
    r" yo| year old)?(?: ,)? (?:and |but |while |when |whilst )?(?:im|i am|i was)(?: only| just)? "
    r"(?P<also>1[2-7]|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)\b",
    # Secrecy asked for by an adult.
    rf"{_ADULT} (?:<W>){{0,3}}(?:told|tells|asked|asks|made|makes|wants|wanted|says|said) "
    r"(?:me )?(?:to )?(?P<core>keep (?:it|this|us|our \w+|everything|things) (?:a )?secret|"
    r"delete (?:the|our|his|her|my|all the|all our) (?:messages|chats|texts|snaps|dms|"
    r"conversations|pics|photos))",
    unless=r"birthday|surprise|present|proposal|propose|engaged|pregnan\w*|party|christmas",
)
_ABUSE += _rules(
    "abuse",
    r"(?:<FAMILY>|<OTHERS>|he|she|they|<PARTNER>) (?:<W>){0,2}(?P<core>watches|watched|watching|"
    r"films|filmed|filming|recorded|records|recording|spies on|spied on|spying on|peeps at|"
    r"(?:takes|took|taking) (?:pics|photos|pictures|videos)) (?:of )?me (?:<W>){0,2}"
    r"(?P<also>in the shower|showering|in the bath|getting changed|changing|undressed|undressing|"
    r"naked|"
    r"with no clothes|without (?:my )?clothes|in my (?:underwear|pants|bra))",
    soft=True,
)

_DOMESTIC += _rules(
    "domestic_violence",
    # Control told as behaviour.
    r"(?:<PARTNER>|he|she) (?:<W>){0,2}(?P<core>goes mad|go mad|going mad|went mad|gets angry|"
    r"gets really angry|gets mad|kicks off|kicked off|flips|flips out|loses it|goes crazy|"
    r"gets jealous|gets violent|gets nasty|gets aggressive|loses his temper|loses her temper|"
    r"goes mental|blows up) (?:at me )?(?:if|when|whenever|every time|cos|because) i (?:<W>)?"
    r"(?:see (?:my )?(?:friends|mates|family)|talk to (?:other|any|my|anyone|lads|boys|girls|"
    r"guys)|text (?:other|anyone|lads|boys|girls|guys|my mates)|message (?:other|anyone)|"
    r"go out|hang out|look at (?:other|anyone|lads|boys|girls|guys)|wear|dont (?:reply|answer|"
    r"pick up|text back)|spend time with|speak to (?:other|any|my|anyone))",
    soft=True,
)
_DOMESTIC += _rules(
    "domestic_violence",
    r"(?:<PARTNER>|he|she) (?:<W>){0,2}(?P<core>makes|made|making|forces|"
    r"forced) me (?P<also>share my "
    r"location|give (?:him|her) (?:all )?my (?:money|bank card|card|wages|benefits|pin|password|"
    r"passwords|universal credit)|hand over (?:my|all my)|ask (?:permission|before)|stay in|"
    r"send (?:him|her) my location|delete (?:my|all my)|block (?:my|all my))",
    r"(?:<PARTNER>|he|she) (?:<W>){0,2}(?P<core>wants|demands|demanded|made me give|makes me give|"
    r"took|takes|keeps|checks) (?:him |her )?(?:all )?my (?P<also>passwords|password|pin|"
    r"pin number|"
    r"passcode|bank details)",
    r"(?:<PARTNER>|he|she) (?:<W>){0,2}(?:put|installed|has|got) (?:a )?(?P<core>tracker|"
    r"tracking app|spyware|spy app) (?:on|in) my",
    r"(?:<PARTNER>|he|she) (?:<W>){0,2}(?P<core>isolates|isolated|isolating|cut me off|"
    r"cuts me off|cutting me off|keeps me away) from (?:my )?(?:friends|family|mates|everyone)",
    r"(?P<core>walking on eggshells|walk on eggshells|walking on egg shells) (?:around|with) "
    r"(?:him|her|my (?:partner|boyfriend|girlfriend|husband|wife|dad|mum|step dad|ex))",
    r"(?P<core>scared|afraid|frightened|terrified) (?:to|of) (?:leave|leaving|break up with|"
    r"breaking up with|dump|dumping) (?:him|her|my (?:partner|boyfriend|girlfriend|husband|wife))",
    r"(?:<PARTNER>|he|she) (?:<W>){0,3}(?:said|says|threaten\w*|told me|keeps saying) (?:that )?"
    r"(?:<W>){0,2}(?P<core>hell|shell|he will|she will|hed|shed|he would|she would|going to) "
    r"(?P<also>kill himself|kill herself|hurt himself|hurt herself|hurt me|kill me|take the baby|"
    r"take (?:my|the) (?:kids|baby|son|daughter)|ruin my life|have me sectioned) (?:<W>){0,3}"
    r"if i (?:leave|tell|go|break up|end it|see|talk|report|call)",
    r"(?:<PARTNER>) (?:<W>){0,2}(?P<core>keeps|keep|kept|been|is|always) (?P<also>turning up|"
    r"showing up|coming round|hanging around|waiting|sitting|parked) (?:at|outside|near|round|to|"
    r"by) my "
    r"(?:flat|house|place|work|college|door|school|hostel|job|uni)",
)
_DOMESTIC += _rules(
    "domestic_violence",
    r"(?P<core>not allowed|aint allowed|isnt allowing me|wont allow me|dont allow me|"
    r"doesnt allow me) to (?:see|talk to|text|have|go out|leave|speak to|wear|get a job|work|"
    r"go to (?:college|work|uni|the gym)|spend)",
    context=r"<PARTNER>",
)

_VIOLENCE += _rules(
    "violence",
    # Threats told as a condition.
    r"(?P<core>hurt|kill|beat|beat up|stab|batter|smash|hit|attack|burn|shoot|jump|do|get|find|"
    r"come for|come after|go after) (?:me|my \w+|us|you|him|her|my little \w+|them)"
    r"(?: (?:<W>){0,3})?if i (?:ever )?(?P<also>tell|say anything|speak|talk|grass|snitch|report|"
    r"leave|dont pay|cant pay|dont give|dont do what|dont send)(?=$| ,| anyone| anybody| someone|"
    r" the police| the feds| my pa| social| on\b| about| him\b| what)",
    soft=True,
)
_VIOLENCE += _rules(
    "violence",
    r"(?:im|i am|ill be|i will be|youre|you are|your|youll be|you will be) (?P<core>dead|"
    r"a dead man|dead meat|finished|getting (?:it|stabbed|shanked|jumped|battered|done|merked)|"
    r"going to get it|getting hurt) if (?:i|you) (?:ever )?(?:show (?:my|your|his|her|their) face|"
    r"step foot|set foot|(?:come|go) (?:back |round |near )?(?:here|round here|to (?:the|our|their|"
    r"his|"
    r"this) (?:estate|area|ends|block|park)|on (?:the|our|their|his|this) (?:estate|ends|block|"
    r"turf|patch))|snitch|grass|(?:tell|talk to|go to|call|ring|speak to) (?:the )?(?:police|"
    r"feds|old bill|cops|social|anyone|anybody|someone)|dont pay|cant pay|dont give (?:them|him|"
    r"her) (?:the )?(?:money|it))",
    r"(?P<core>message|messages|text|texts|dm|dms|voice note|voicenote|post|comment|snap|snaps|"
    r"letter|note) (?:saying|said|says|that said) (?:that )?(?:im|i am|ill be|youre|you are|your|"
    r"youll be) (?:dead|a dead man|dead meat|finished|getting it|going to get it|next)",
    soft=True,
)
_VIOLENCE += _rules(
    "violence",
    # Waiting outside, turning up.
    r"(?:<OTHERS>|they|theyre|he|hes|she|shes|someone|somebody|people|there are|theres|there is)"
    r" (?:is |are |s |re |keep |keeps |been |have been |has been |was |were )?(?:still |always |"
    r"just )?(?P<core>waiting|hanging around|hanging about|hanging round|standing|stood|sat|"
    r"sitting|parked|lurking|watching|outside) (?:for me )?(?:outside|at|by|near|round|around|"
    r"in front of|across from|opposite)? ?(?:my|the) (?:flat|house|door|front door|block|building|"
    r"college|work|school|hostel|place|window|bedroom window)"
    r"(?! (?:with|to (?:deliver|drop|fit|fix|pick me up|take me|collect|read|check|give|bring|"
    r"help|meet))\b)",
    r"(?:<OTHERS>|they|he|she|<PARTNER>|people) (?:<W>){0,2}(?P<core>keeps|keep|kept|been|always)"
    r" (?P<also>turning up|showing up|coming round|hanging around|waiting) (?:at|outside|near|"
    r"round|to|"
    r"by) my (?:flat|house|place|work|college|door|school|hostel|job|uni)(?! (?:<W>)?to\b)",
    soft=True,
    unless=(
        r"deliver\w*|parcel|sofa|fridge|bed|furniture|removal\w*|taxi|uber|lift|pick me up|"
        r"picking me up|engineer|plumber|electrician|repair\w*|council|housing|pa|support worker|"
        r"social worker|my (?:mates?|friends?|mum|dad|nan|sister|brother)|pizza|takeaway|"
        r"deliveroo|just eat|surprise|party|fix\w*|boiler|heating|meter|inspect\w*|builders?"
    ),
)
_VIOLENCE += _rules(
    "violence",
    r"(?:<OTHERS>|they|he|she|<PARTNER>|people|everyone) (?:<W>){0,2}(?P<core>want me dead|"
    r"wants me dead|wanted me dead|put a price on my head|price on my head|hit out on me|"
    r"bounty on me|out to get me|(?:want|wants|wanted|trying|tried) to (?:hurt|kill|stab|jump|"
    r"batter|beat up|shoot) me)",
    r"(?:<OTHERS>|<PARTNER>|gang|they|he|she) (?:<W>){0,2}(?P<core>know|knows|found out|"
    r"find out) (?P<also>where) i (?:live|stay|am staying|sleep|work|go to college)",
    soft=True,
)

_CAMPING = (
    r"festival|festivals|camping|campsite|camp|glasto\w*|glastonbury|dofe|duke of edinburgh|"
    r"scouts?|cadets|expedition|holiday|road trip|journey|on the way|wild camping|fun|ferry|"
    r"flight|airport|services|traffic|motorway|waiting for (?:the|a|my) \w+"
)
_HOMELESS += _rules(
    "homeless_tonight",
    # Where people sleep when they have nowhere.
    r"(?<!used to )(?<!when i was )(?<!when we were )(?P<core>sleep|sleeping|slept|sleeps|kip|"
    r"kipping|kipped|spend the night|spending the night|spent the night|spend the nights|end up|"
    r"ended up|ending up|live|living|hiding|"
    r"sheltering|sheltered|bedded down|bed down|bedding down)(?: tonight| last night|"
    r" for the night|"
    r" the night| the last few nights| most nights| every night| for (?:a|two|three|\d+) "
    r"(?:nights|days|weeks))? (?:in|on|at|under|behind) (?:a|the|my|some|this|"
    r"an) (?P<also>stairwell|"
    r"stairwells|stair well|staircase|stairway|stairs|bin store|bin shed|bin cupboard|bin room|"
    r"bus station|train station|coach station|railway station|station|bus shelter|bus stop|"
    r"car park|multi storey|underpass|subway|garage|shed|park|doorway|shop doorway|phone box|"
    r"alley|alleyway|woods|wood|graveyard|cemetery|churchyard|a and e|hospital waiting room|"
    r"waiting room|night bus|launderette|laundrette|mcdonalds|24 hour mcdonalds|bridge|canal|"
    r"underground car park|playground|skate park|bench|benches|park bench|landing|squat|"
    r"abandoned \w+|derelict \w+|tent|car|van)(?! (?:conversion|near|next to|opposite)\b)",
    r"(?:im|i am|ive been|been|currently|now|we are|were|still|weve been) (?:<W>)?(?:in|stuck in) "
    r"(?:a|the|an) (?P<core>tent|stairwell|stair well|bin store|bin shed|doorway|shop doorway|"
    r"underpass|squat|abandoned \w+)",
    unless=_CAMPING,
)
_HOMELESS += _rules(
    "homeless_tonight",
    # Told to go, tonight.
    r"(?:<FAMILY>|<PARTNER>|they|he|she|mate|mates|friend|friends|landlord|carer|carers) "
    r"(?:<W>){0,3}(?P<core>want|wants|wanted|told|tells|telling|asked|"
    r"asking) me (?:to )?(?:(?:gone|"
    r"out|to get out|get out|to move out|to pack my (?:stuff|bags|things)|off (?:the|his|her|"
    r"their) (?:sofa|couch)|to find somewhere else)(?: of (?:the|his|her|their|my) (?:flat|house|"
    r"place|room))? (?:by |before )?(?:tonight|today|now|right now|this evening|asap|immediately|"
    r"straight away|by the morning|by morning)|(?:to leave|leave)(?: (?:the|his|her|their|my) "
    r"(?:flat|house|place|room))? (?:by |before )?(?:tonight|today|this evening|by the morning|"
    r"by morning))",
    r"(?:<FAMILY>|<PARTNER>|they|he|she|mate|mates|friend|friends|landlord|carer|carers) "
    r"(?:<W>){0,2}(?:said|says|told me|telling me|saying) (?:that )?i (?P<core>cant|can not|"
    r"cannot|can no longer) (?P<also>stay) (?:there |here |at (?:theirs|his|hers|their (?:place|"
    r"house|flat)) |with (?:them|him|her) )?(?:anymore|any more|any longer)",
)
_HOMELESS += _rules(
    "homeless_tonight",
    r"(?P<core>where (?:am i|do i|will i|can i|should i|am i going to) (?:going to )?(?:sleep|stay|"
    r"kip)) tonight",
    unless=_CAMPING + r"|trip|residential|hotel|airbnb|hostel booking|booked|booking|visit\w*",
)
# Sofa surfing on its own is a housing question ("i'm sofa surfing, does that count as
# homeless?"); losing the sofa, tonight, is the risk.
_LOSING_A_BED = (
    r"nowhere|streets?|rough|kicked|thrown out|where (?:do|will|can|am|should) i (?:go|sleep|stay)|"
    r"dont know where|nowhere else|no other|lost my (?:flat|room|place)|evicted"
)
_HOMELESS += _rules(
    "homeless_tonight",
    r"(?P<core>sofa surfing|couch surfing|sofa surf|couch surf|sofa hopping)",
    r"(?P<core>sleeping|kipping|staying|crashing|living|sleep|slept|kip) on (?:my |a |the |some )?"
    r"(?:mates|friends|peoples|other peoples|someones|strangers|different|random) (?P<also>sofas|"
    r"couches|floors)",
    r"(?:been|ive been|still|currently|im still) (?:<W>)?(?P<core>sleeping|kipping|staying|"
    r"crashing|living) on (?:my |a |the |some )?(?:mates|friends|peoples|someones|different|"
    r"random) (?P<also>sofa|couch|floor)",
    context=(
        _LOSING_A_BED + r"|tonight|cant stay|can not stay|cannot stay|want me (?:gone|out)|"
        r"wants me (?:gone|out)|asked me to leave|told me to leave|have to leave|got to leave|"
        r"need to leave|(?:has|have) to go|kicking me out|kick me out"
    ),
)
_HOMELESS += _rules(
    "homeless_tonight",
    r"(?:<FAMILY>|<PARTNER>|they|he|she|mate|mates|friend|friends|landlord|carer|carers) "
    r"(?:<W>){0,2}(?:said|says|told me|telling me|saying) (?:that )?i (?P<core>cant|can not|"
    r"cannot|can no longer) (?P<also>stay) (?:there |here |at (?:theirs|his|hers|their (?:place|"
    r"house|flat)) |with (?:them|him|her) )?tonight",
    context=_LOSING_A_BED + r"|sofa surf\w*|couch surf\w*",
)

_RULES: tuple[_Rule, ...] = (*_SUICIDE, *_SELF_HARM, *_ABUSE, *_DOMESTIC, *_VIOLENCE, *_HOMELESS)


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


# --- Assessment ---------------------------------------------------------------------------------


def _open(gate: _Gate, words: frozenset[str], padded: str) -> bool:
    return not gate.words.isdisjoint(words) or any(prefix in padded for prefix in gate.prefixes)


def _opened(rule: _Rule, words: frozenset[str], padded: str) -> bool:
    if rule.gate is not None and not _open(rule.gate, words, padded):
        return False
    return all(_open(gate, words, padded) for gate in rule.also)


# Which rules each word can open, so a message only looks at the rules its words name.
_BY_WORD: dict[str, list[int]] = {}
for _index, _rule in enumerate(_RULES):
    for _word in _rule.gate.words if _rule.gate is not None else ():
        _BY_WORD.setdefault(_word, []).append(_index)
# Rules that must be looked at on every message: no gate, or a gate that includes word prefixes.
_ALWAYS_LOOK = tuple(
    index for index, rule in enumerate(_RULES) if rule.gate is None or rule.gate.prefixes
)


def _candidates(words: frozenset[str]) -> list[int]:
    found = set(_ALWAYS_LOOK)
    for word in words:
        found.update(_BY_WORD.get(word, ()))
    return sorted(found)


def _matches(rule: _Rule, norm: _Normalised) -> list[tuple[int, int]]:
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


def assess(text: str) -> Assessment:
    """Read one message and say which risks, if any, it shows."""
    return _assess(text, gated=True)


def _assess(text: str, *, gated: bool) -> Assessment:
    if not text or not text.strip():
        return Assessment(())
    norm = _normalise(text)
    if not norm.text:
        return Assessment(())
    words = frozenset(norm.text.split())
    padded = " " + norm.text
    if gated:
        rules = [_RULES[i] for i in _candidates(words) if _opened(_RULES[i], words, padded)]
    else:
        rules = list(_RULES)
    spans = {(start, end, rule.category) for rule in rules for start, end in _matches(rule, norm)}
    kept = sorted(
        (start, _ORDER[category], end, category)
        for start, end, category in spans
        if not _inside_another(start, end, category, spans)
    )
    risks: list[Risk] = []
    for start, _, end, category in kept:
        risk = Risk(category, _original_phrase(text, norm, start, end))
        if risk not in risks:
            risks.append(risk)
    return Assessment(tuple(risks))


def _inside_another(start: int, end: int, category: str, spans: set[tuple[int, int, str]]) -> bool:
    """Is this span part of a longer match of the same category? ("unalive" in "unalive me")"""
    return any(
        other_category == category
        and other_start <= start
        and end <= other_end
        and (other_start, other_end) != (start, end)
        for other_start, other_end, other_category in spans
    )
