"""Text-speak that means the same to everything that reads a young person's words: the
chatbot's retriever (`chat.bot.textspeak`) and the safeguarding rules
(`chat.safeguarding.detector.rules.engine`) each start from this table and add their own.

Plain Python, no Django: the safeguarding rules run without it. Keys are lowercase words with
apostrophes already removed. A word that one reader needs to map differently stays in that
reader's own table ("dont": the chatbot wants "do not", the rules match "dont").
"""

from __future__ import annotations

TEXT_SPEAK: dict[str, str] = {
    # Pronouns and little words.
    "u": "you",
    "ya": "you",
    "yu": "you",
    "ur": "your",
    "r": "are",
    "n": "and",
    "nd": "and",
    "wiv": "with",
    "wot": "what",
    "wat": "what",
    "wen": "when",
    "2": "to",
    "4": "for",
    "bc": "because",
    "cos": "because",
    "coz": "because",
    "cuz": "because",
    "pls": "please",
    "plz": "please",
    "ppl": "people",
    "sum1": "someone",
    "some1": "someone",
    "any1": "anyone",
    "ne1": "anyone",
    "wanna": "want to",
    "gonna": "going to",
    "gotta": "got to",
    # Days.
    "2day": "today",
    "2moro": "tomorrow",
    "2morrow": "tomorrow",
    "tmrw": "tomorrow",
    # People.
    "bf": "boyfriend",
    "gf": "girlfriend",
    "mam": "mum",
}
