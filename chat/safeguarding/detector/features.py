"""What the learned model reads: a message turned into numbers, the same way when training and
when screening.

Each message becomes two sentence embeddings side by side (see `encoder.py` for all-MiniLM-L6-v2;
wordllama's static embeddings, 16 MB inside its PyPI wheel, remain for comparison):
- the message on its own;
- the message read after up to three earlier ones from the same young person, so "took them all"
  after "cant do this anymore" reads as what it is.

They carry meaning, not spelling: "took the whole packet" lands near "took all my tablets" though
no word is shared. Issue 16's first model also had hashed character n-grams; the second round
dropped them, because a small neural head over the embeddings alone separated the development
set better (docs/safeguarding.md) and the hashing cost a quarter of a millisecond a message.

The text is first normalised by the rules' own normaliser (text-speak mapped: "u" -> "you",
"kms" -> "kill myself"), so both halves of the detector read the same words.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

import numpy as np

from chat.safeguarding.detector import encoder as minilm  # light: builds nothing until loaded()
from chat.safeguarding.detector.rules.engine import _normalise

ENCODERS = {"wordllama": 256, "minilm": 384}  # name -> width of its sentence vectors
# Context is read as "earlier ... | now": the words of the message itself are also kept on
# their own, so a short message is judged both alone and with what came before.
CONTEXT_JOIN = " | "
_load_lock = threading.Lock()


@lru_cache(maxsize=1)
def wordllama_model():
    """wordllama, loaded once per process from its own wheel (never from a hub)."""
    # Inside: a 16 MB model that only the comparison in `train_safeguarding --encoder
    # wordllama` needs; the portal itself runs MiniLM.
    import wordllama
    from wordllama import WordLlama  # as above

    with _load_lock:
        return WordLlama.load(
            cache_dir=Path(wordllama.__file__).parent, disable_download=True, dim=256
        )


def normalise(text: str) -> str:
    """The rules' normalised words, as one string ("u wanna kms" -> "you want to kill myself")."""
    return _normalise(text).text


def with_context(text: str, context: tuple[str, ...] | list[str]) -> str:
    earlier = [normalise(line) for line in context if line and line.strip()]
    return CONTEXT_JOIN.join([*earlier, normalise(text)]) if earlier else normalise(text)


def embed(texts: list[str], encoder: str) -> np.ndarray:
    """Unit-length sentence vectors from the named encoder."""
    if encoder == "minilm":
        return minilm.loaded().embed(texts)
    with np.errstate(invalid="ignore", divide="ignore"):
        vectors = wordllama_model().embed(texts, norm=True)
    # A text with no word wordllama knows (emoji only) embeds as 0/0: read it as nothing.
    return np.nan_to_num(np.asarray(vectors, dtype=np.float32), nan=0.0)


def featurise(texts: list[str], contexts: list | None, encoder: str) -> np.ndarray:
    """[embedding of the message | embedding of the message with its context] per row. A
    message with no context is embedded once and its vector used twice."""
    contexts = contexts or [()] * len(texts)
    own = [normalise(text) for text in texts]
    joined = [with_context(text, context) for text, context in zip(texts, contexts, strict=True)]
    extra = [i for i, (a, b) in enumerate(zip(own, joined, strict=True)) if a != b]
    vectors = embed(own + [joined[i] for i in extra], encoder)
    width = ENCODERS[encoder]
    both = np.hstack([vectors[: len(own)], vectors[: len(own)]])
    for position, i in enumerate(extra):
        both[i, width:] = vectors[len(own) + position]
    return both
