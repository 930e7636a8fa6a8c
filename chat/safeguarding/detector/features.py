"""What the learned model reads: a message turned into numbers, the same way when training and
when screening.

Two kinds of feature, side by side:
- static sentence embeddings from wordllama (`l2_supercat_256`: 256 numbers a sentence, whose
  16 MB of weights and tokenizer ship inside the PyPI wheel and load from the installed
  package's own folder with downloads disabled). They carry meaning: "took the whole packet"
  lands near "took all my tablets" though no word is shared. About 0.1 ms a sentence.
- hashed character n-grams (scikit-learn's stateless HashingVectorizer): spelling, text-speak
  and word pieces ("unalive", "kms", "sh", "ciggies") that a word vocabulary splits badly.

The text is first normalised by the rules' own normaliser (text-speak mapped: "u" -> "you",
"kms" -> "kill myself"), so both halves of the detector read the same words.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer

CHAR_FEATURES = 2**16
ENCODERS = {"wordllama": 256, "minilm": 384}  # name -> width of its sentence vectors
# Context is read as "earlier ... | now": the words of the message itself are also kept on
# their own, so a short message is judged both alone and with what came before.
CONTEXT_JOIN = " | "

_HASHER = HashingVectorizer(
    analyzer="char_wb",
    ngram_range=(2, 5),
    n_features=CHAR_FEATURES,
    alternate_sign=False,
    norm="l2",
    lowercase=True,
)
_load_lock = threading.Lock()


@lru_cache(maxsize=1)
def wordllama_model():
    """wordllama, loaded once per process from its own wheel (never from a hub)."""
    import wordllama
    from wordllama import WordLlama

    with _load_lock:
        return WordLlama.load(
            cache_dir=Path(wordllama.__file__).parent, disable_download=True, dim=256
        )


def normalise(text: str) -> str:
    """The rules' normalised words, as one string ("u wanna kms" -> "you want to kill myself")."""
    from chat.safeguarding.detector.rules.engine import _normalise

    return _normalise(text).text


def with_context(text: str, context: tuple[str, ...] | list[str]) -> str:
    earlier = [normalise(line) for line in context if line and line.strip()]
    return CONTEXT_JOIN.join([*earlier, normalise(text)]) if earlier else normalise(text)


def embed(texts: list[str], encoder: str) -> np.ndarray:
    """Unit-length sentence vectors from the named encoder."""
    if encoder == "minilm":
        from chat.safeguarding.detector import encoder as minilm

        return minilm.loaded().embed(texts)
    with np.errstate(invalid="ignore", divide="ignore"):
        vectors = wordllama_model().embed(texts, norm=True)
    # A text with no word wordllama knows (emoji only) embeds as 0/0: read it as nothing.
    return np.nan_to_num(np.asarray(vectors, dtype=np.float32), nan=0.0)


def embeddings(texts: list[str], contexts: list, encoder: str) -> np.ndarray:
    """[embedding of the message | embedding of the message with its context] per row. A
    message with no context is embedded once and its vector used twice."""
    own = [normalise(text) for text in texts]
    joined = [with_context(text, context) for text, context in zip(texts, contexts, strict=True)]
    extra = [i for i, (a, b) in enumerate(zip(own, joined, strict=True)) if a != b]
    vectors = embed(own + [joined[i] for i in extra], encoder)
    width = ENCODERS[encoder]
    both = np.hstack([vectors[: len(own)], vectors[: len(own)]])
    for position, i in enumerate(extra):
        both[i, width:] = vectors[len(own) + position]
    return both


def char_ngrams(texts: list[str]) -> sparse.csr_matrix:
    return _HASHER.transform([normalise(text) for text in texts])


def featurise(texts: list[str], contexts: list | None, encoder: str) -> sparse.csr_matrix:
    """Rows of [char n-grams of the message | embedding of the message | embedding of the
    message with its context (the message alone again when there is none)]."""
    contexts = contexts or [()] * len(texts)
    vectors = embeddings(texts, contexts, encoder)
    return sparse.hstack([char_ngrams(texts), sparse.csr_matrix(vectors)], format="csr")
