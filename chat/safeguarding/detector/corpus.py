"""The labelled corpus the model learns from: `corpus/*.jsonl` in this package, written by the
team for issue 16 (several hundred risk and everyday lines per category, in young people's own
words), plus the earlier safeguarding sets of `chat/bot/eval_sets` once their figures had been
reported. The fresh held-out set is never read here."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from chat.safeguarding.crisis import SEVERITIES
from chat.safeguarding.detector import CATEGORIES

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
EARLIER_SETS = [
    Path(__file__).resolve().parents[2] / "bot" / "eval_sets" / "safeguarding_held_out.jsonl",
    # The retriever's tuning questions: everyday offer questions, none a risk.
    Path(__file__).resolve().parents[2] / "bot" / "eval_sets" / "tuning.jsonl",
]


# The earlier sets' category codes (issue 9) and the ones they became (issue 16).
_OLD_CODES = {"domestic_violence": "domestic_abuse", "homeless_tonight": "homelessness"}


@dataclass(frozen=True)
class Example:
    text: str
    risk: bool
    category: str | None
    severity: str | None
    context: tuple[str, ...] = ()


def read(path: Path) -> list[Example]:
    examples = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        risk = bool(row.get("safeguarding"))
        category = row.get("category") if risk else None
        category = _OLD_CODES.get(category, category)
        severity = row.get("severity") if risk else None
        if risk and category not in CATEGORIES:
            raise ValueError(f"{path.name}:{number}: unknown category {category!r}")
        if risk and severity not in SEVERITIES:
            severity = "high"  # the earlier sets carry no severity
        context = tuple(row.get("context") or ())
        examples.append(Example(row["q"], risk, category, severity, context))
    return examples


def files() -> list[Path]:
    return sorted(CORPUS.glob("*.jsonl")) + [path for path in EARLIER_SETS if path.exists()]


def load() -> list[Example]:
    return [example for path in files() for example in read(path)]


def fingerprint() -> str:
    """SHA-256 over the corpus files, recorded with the model so it can be reproduced."""
    digest = hashlib.sha256()
    for path in files():
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
