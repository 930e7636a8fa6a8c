"""Fitting the learned half of the detector from the committed corpus
(`manage.py train_safeguarding`), reproducibly: the same corpus and library versions give the
same weights (fixed seeds, deterministic solvers).

Three linear heads over the same features (`features.featurise`):
- risk: is this message a risk at all? (logistic regression, classes balanced);
- category: which of the eight, for risk lines (multinomial logistic regression over the
  embeddings alone: meaning, not spelling, decides what a risk is about);
- severity: immediate, high or concern, for risk lines (the same, over the embeddings).

The risk threshold is chosen by five-fold cross-validation on the corpus, as the highest
threshold at which the rules and the model together keep cross-validated recall at
`TARGET_RECALL`, so a choice is never made on the held-out set.

Each risk line's embedding is kept (float16) so an alert can show staff the nearest examples
it resembled.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from chat.safeguarding.crisis import SEVERITIES
from chat.safeguarding.detector import corpus, features, rules

MODEL_PATH = Path(__file__).resolve().parent / "model.npz"
TARGET_RECALL = 0.85
RISK_C = 4.0
HEAD_C = 8.0
SEED = 16


@dataclass
class Trained:
    arrays: dict[str, np.ndarray]
    meta: dict


def _risk_head(x, y) -> LogisticRegression:
    return LogisticRegression(
        C=RISK_C, class_weight="balanced", max_iter=4000, solver="liblinear", random_state=SEED
    ).fit(x, y)


def _head(x, y) -> LogisticRegression:
    return LogisticRegression(C=HEAD_C, max_iter=4000, random_state=SEED).fit(x, y)


def cross_validated_scores(x, y) -> np.ndarray:
    scores = np.zeros(len(y))
    for train, test in StratifiedKFold(5, shuffle=True, random_state=SEED).split(x, y):
        scores[test] = _risk_head(x[train], y[train]).decision_function(x[test])
    return scores


def threshold_for(
    scores: np.ndarray, y: np.ndarray, ruled: np.ndarray, recall: float = TARGET_RECALL
) -> float:
    """The highest threshold at which the rules and the model together find `recall` of the
    risk lines (the model need only find what the rules miss)."""
    needed = int(np.ceil(recall * (y == 1).sum())) - int(ruled[y == 1].sum())
    if needed <= 0:
        return float("inf")
    missed_by_rules = np.sort(scores[(y == 1) & ~ruled])
    return float(missed_by_rules[len(missed_by_rules) - needed])


def train(encoder: str = "wordllama") -> Trained:
    from chat.safeguarding.detector import CATEGORIES

    examples = corpus.load()
    x = features.featurise([e.text for e in examples], [e.context for e in examples], encoder)
    width = features.ENCODERS[encoder]
    y = np.array([e.risk for e in examples], dtype=int)
    ruled = np.array([bool(rules.match(e.text)) for e in examples])
    scores = cross_validated_scores(x, y)
    threshold = threshold_for(scores, y, ruled)
    flagged = ruled | (scores >= threshold)
    cv_recall = float(np.mean(flagged[y == 1]))
    cv_false_alarms = float(np.mean(flagged[y == 0]))
    risk = _risk_head(x, y)

    embeddings = x[:, features.CHAR_FEATURES :].toarray()
    risky = [i for i, e in enumerate(examples) if e.risk]
    categories = list(CATEGORIES)
    severities = list(SEVERITIES)
    category = _head(embeddings[risky], [categories.index(examples[i].category) for i in risky])
    severity = _head(embeddings[risky], [severities.index(examples[i].severity) for i in risky])
    nearest = embeddings[risky, :width]

    arrays = {
        "risk_coef": risk.coef_[0].astype(np.float32),
        "risk_intercept": np.float32(risk.intercept_[0]),
        "category_coef": _full(category, len(categories)),
        "category_intercept": _intercepts(category, len(categories)),
        "severity_coef": _full(severity, len(severities)),
        "severity_intercept": _intercepts(severity, len(severities)),
        "examples": nearest.astype(np.float16),
    }
    import sklearn
    import wordllama

    meta = {
        "version": 1,
        "threshold": threshold,
        "categories": categories,
        "severities": severities,
        "example_texts": [examples[i].text for i in risky],
        "example_categories": [examples[i].category for i in risky],
        "corpus_sha256": corpus.fingerprint(),
        "corpus_lines": len(examples),
        "corpus_risk_lines": len(risky),
        "cv_recall": cv_recall,
        "cv_false_alarms": cv_false_alarms,
        "target_recall": TARGET_RECALL,
        "encoder": encoder,
        "features": {"char_features": features.CHAR_FEATURES, "embedding_width": width},
        "libraries": {"scikit-learn": sklearn.__version__, "wordllama": wordllama.__version__},
    }
    return Trained(arrays, meta)


def _full(head: LogisticRegression, classes: int) -> np.ndarray:
    """Coefficients for every class, even one missing from the corpus (never predicted)."""
    coef = np.full((classes, head.coef_.shape[1]), 0.0, dtype=np.float32)
    coef[head.classes_] = head.coef_
    return coef


def _intercepts(head: LogisticRegression, classes: int) -> np.ndarray:
    intercept = np.full(classes, -1e4, dtype=np.float32)
    intercept[head.classes_] = head.intercept_
    return intercept


def save(trained: Trained, path: Path = MODEL_PATH) -> None:
    np.savez_compressed(path, meta=np.array(json.dumps(trained.meta)), **trained.arrays)
