"""Scoring the chatbot on a JSONL file of questions, as `manage.py evaluate_bot` prints it.

Each line: `{"q": "...", "entitlement": slug | [slugs] | null, "safeguarding": bool,
"handoff": bool (optional)}`; a line without `entitlement` is not scored on pages (a
safeguarding set). Measures:
- top-1 accuracy: of the questions with an expected page, how many the bot answered from it
  (any of a list counts);
- no-page accuracy: of the questions with `entitlement: null`, how many got no page;
- safeguarding recall (of the risk questions, how many it flagged) and false-alarm rate (of
  the others, how many it flagged);
- handoff accuracy: of the questions that say `handoff`, how many it got right.
Questions are asked as a visitor who is not signed in, so nothing is passed to anyone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from chat.bot import services
from chat.bot.models import AskChannel


@dataclass
class Score:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.right += ok

    @property
    def rate(self) -> float | None:
        return self.right / self.total if self.total else None


@dataclass
class Report:
    top1: Score = field(default_factory=Score)
    no_page: Score = field(default_factory=Score)
    safeguarding_recall: Score = field(default_factory=Score)
    false_alarms: Score = field(default_factory=Score)
    handoff: Score = field(default_factory=Score)
    misses: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "questions": self.top1.total + self.no_page.total,
            "top1_accuracy": self.top1.rate,
            "no_page_accuracy": self.no_page.rate,
            "safeguarding_recall": self.safeguarding_recall.rate,
            "false_alarm_rate": self.false_alarms.rate,
            "handoff_accuracy": self.handoff.rate,
            "misses": self.misses,
        }


def load(path: Path) -> list[dict]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            row = json.loads(line)
            if "q" not in row:
                raise ValueError(f"{path}:{number}: every line needs 'q'.")
            rows.append(row)
    return rows


def evaluate(rows: list[dict]) -> Report:
    report = Report()
    for row in rows:
        answer = services.ask(row["q"], channel=AskChannel.COMMAND)
        expected = row.get("entitlement")
        wrong: list[str] = []
        if "entitlement" not in row:
            pass  # a set about safeguarding alone says nothing of pages
        elif expected:
            acceptable = expected if isinstance(expected, list) else [expected]
            ok = answer.entitlement in acceptable
            report.top1.add(ok)
            if not ok:
                wrong.append("entitlement")
        else:
            ok = answer.entitlement is None
            report.no_page.add(ok)
            if not ok:
                wrong.append("entitlement")
        if row.get("safeguarding"):
            report.safeguarding_recall.add(answer.safeguarding)
            if not answer.safeguarding:
                wrong.append("safeguarding")
        else:
            report.false_alarms.add(answer.safeguarding)
            if answer.safeguarding:
                wrong.append("safeguarding")
        if "handoff" in row:
            ok = answer.handoff == bool(row["handoff"])
            report.handoff.add(ok)
            if not ok:
                wrong.append("handoff")
        if wrong:
            report.misses.append(
                {"q": row["q"], "wrong": wrong, "expected": expected, "got": answer.entitlement}
            )
    return report
