"""The learned half of the detector at run time: the weights `training.py` wrote to
`model.npz`, loaded once per process, applied with numpy.

Why linear heads over fixed features: the whole model is a few hundred kilobytes in the
repository, reviewable and retrained by one command; it answers in well under a millisecond;
and its evidence for staff is concrete: the corpus lines the message sits nearest to.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from chat.safeguarding.detector import features

MODEL_PATH = Path(__file__).resolve().parent / "model.npz"
_lock = threading.Lock()


@dataclass(frozen=True)
class Verdict:
    score: float  # the risk head's margin; at or above `threshold` is a risk
    threshold: float
    category: str
    severity: str
    like: tuple[str, ...]  # the nearest risk lines of the corpus, for staff

    @property
    def at_risk(self) -> bool:
        return self.score >= self.threshold


class Model:
    def __init__(self, path: Path | None = None) -> None:
        with np.load(path or MODEL_PATH, allow_pickle=False) as stored:
            arrays = {name: stored[name] for name in stored.files}
        self.meta = json.loads(str(arrays.pop("meta")))
        self.threshold = float(self.meta["threshold"])
        self.encoder = self.meta["encoder"]
        self.categories = self.meta["categories"]
        self.severities = self.meta["severities"]
        coef = arrays["risk_coef"]
        self.char_coef = coef[: features.CHAR_FEATURES]
        self.embedding_coef = coef[features.CHAR_FEATURES :]
        self.intercept = float(arrays["risk_intercept"])
        self.category_coef = arrays["category_coef"]
        self.category_intercept = arrays["category_intercept"]
        self.severity_coef = arrays["severity_coef"]
        self.severity_intercept = arrays["severity_intercept"]
        self.examples = arrays["examples"].astype(np.float32)
        self.example_texts = self.meta["example_texts"]

    @property
    def nbytes(self) -> int:
        arrays = [
            self.char_coef,
            self.embedding_coef,
            self.category_coef,
            self.severity_coef,
            self.examples,
        ]
        return sum(array.nbytes for array in arrays)

    def judge(self, text: str, context: tuple[str, ...] = ()) -> Verdict:
        chars = features.char_ngrams([text])
        both = features.embeddings([text], [context], self.encoder)[0]
        joined = both[len(both) // 2 :]
        score = (
            float((chars @ self.char_coef)[0]) + float(both @ self.embedding_coef) + self.intercept
        )
        category = self.categories[
            int(np.argmax(self.category_coef @ both + self.category_intercept))
        ]
        severity = self.severities[
            int(np.argmax(self.severity_coef @ both + self.severity_intercept))
        ]
        nearest = np.argsort(self.examples @ joined)[-2:][::-1]
        like = tuple(self.example_texts[i] for i in nearest)
        return Verdict(score, self.threshold, category, severity, like)


@lru_cache(maxsize=1)
def loaded() -> Model:
    """The model, loaded once per process (a lock, so two threads of one process share it)."""
    with _lock:
        return Model()
