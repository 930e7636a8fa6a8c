"""The learned half of the detector at run time: the weights `training.py` wrote to
`model.npz`, loaded once per process, applied with numpy.

Why small heads over fixed features: the whole model is a few megabytes in the repository,
retrained by one command; the heads answer in a tenth of a millisecond (the encoder is the cost);
and the evidence for staff is concrete: the corpus lines the message sits nearest to.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

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
        self.risk_heads = [
            _layers(arrays, f"risk{number}_") for number in range(self.meta["risk_heads"])
        ]
        self.category_coef = arrays["category_coef"]
        self.category_intercept = arrays["category_intercept"]
        self.severity_coef = arrays["severity_coef"]
        self.severity_intercept = arrays["severity_intercept"]
        self.examples = arrays["examples"].astype(np.float32)
        self.example_texts = self.meta["example_texts"]

    @property
    def nbytes(self) -> int:
        arrays = [array for head in self.risk_heads for layer in head for array in layer]
        arrays += [self.category_coef, self.severity_coef, self.examples]
        return sum(array.nbytes for array in arrays)

    def score(self, both: np.ndarray) -> float:
        """The risk heads' mean log-odds for one row of features, as `training.log_odds`."""
        odds = []
        for layers in self.risk_heads:
            value = both
            for weights, bias in layers[:-1]:
                value = np.maximum(value @ weights + bias, 0.0)  # ReLU, as scikit-learn's MLP
            weights, bias = layers[-1]
            odds.append(float((value @ weights + bias)[0]))
        # scikit-learn clips probabilities to [1e-7, 1 - 1e-7] before the log in training.
        return float(np.mean(np.clip(odds, -_MAX_ODDS, _MAX_ODDS)))

    def judge(self, text: str, context: tuple[str, ...] = ()) -> Verdict:
        both = features.featurise([text], [context], self.encoder)[0]
        joined = both[len(both) // 2 :]
        category = self.categories[
            int(np.argmax(self.category_coef @ both + self.category_intercept))
        ]
        severity = self.severities[
            int(np.argmax(self.severity_coef @ both + self.severity_intercept))
        ]
        nearest = np.argpartition(self.examples @ joined, -2)[-2:]
        nearest = nearest[np.argsort((self.examples @ joined)[nearest])[::-1]]
        like = tuple(self.example_texts[i] for i in nearest)
        return Verdict(self.score(both), self.threshold, category, severity, like)


# log((1 - 1e-7) / 1e-7): the clip `training.log_odds` applies, so the two scores agree.
_MAX_ODDS = float(np.log(1 - 1e-7) - np.log(1e-7))


def _layers(arrays: dict[str, np.ndarray], prefix: str) -> list[tuple[np.ndarray, np.ndarray]]:
    count = sum(1 for name in arrays if name.startswith(prefix + "w"))
    return [(arrays[f"{prefix}w{i}"], arrays[f"{prefix}b{i}"]) for i in range(count)]


@lru_cache(maxsize=1)
def loaded() -> Model:
    """The model, loaded once per process (a lock, so two threads of one process share it).

    Loading also holds numpy's BLAS to one thread for the whole process, as onnxruntime already
    is: the heads' products are far too small to gain from threads, and on a busy 2-core server
    OpenBLAS's waiting threads took the cores from the event loop (screening p50 8 ms with one
    thread, 24 ms with two, measured here while other processes ran). Processes, not threads,
    scale the portal."""
    with _lock:
        threadpool_limits(limits=1, user_api="blas")
        return Model()
