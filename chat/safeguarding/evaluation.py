"""Scoring the risk detector on a labelled JSONL set, per category and per severity, as
`manage.py evaluate_bot` prints it for any set whose lines carry `category`.

Each line: `{"q": "...", "safeguarding": bool, "category": code | null, "severity":
"immediate" | "high" | "concern" | null, "context": [earlier messages] (optional)}`. The
detector is asked exactly as the intake asks it (`assess(q, context=...)`), so a short message
is judged with what came before.

Measures:
- recall: of the risk lines, how many it flagged (overall, per category, per severity), and
  how many it put in the right category;
- false alarms: of the everyday lines, how many it flagged (overall and per `kind`, such as
  "contrast", everyday speech that uses the trigger words);
- severity: of the flagged risk lines, how many it gave the labelled severity, and how many
  non-immediate ones it wrongly called immediate ("call 999 now" for an eviction next week).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from chat.bot.evaluation import Score
from chat.safeguarding.detector import assess


def _counted(score: Score) -> dict:
    return {"hit": score.right, "total": score.total, "rate": score.rate}


@dataclass
class SafeguardingReport:
    recall: Score = field(default_factory=Score)
    right_category: Score = field(default_factory=Score)
    false_alarms: Score = field(default_factory=Score)
    right_severity: Score = field(default_factory=Score)
    over_called_immediate: Score = field(default_factory=Score)
    by_category: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    by_severity: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    false_alarms_by_kind: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    misses: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "recall": _counted(self.recall),
            "right_category": _counted(self.right_category),
            "false_alarms": _counted(self.false_alarms),
            "right_severity": _counted(self.right_severity),
            "over_called_immediate": _counted(self.over_called_immediate),
            "by_category": {code: _counted(t) for code, t in sorted(self.by_category.items())},
            "by_severity": {code: _counted(t) for code, t in sorted(self.by_severity.items())},
            "false_alarms_by_kind": {
                kind: _counted(t) for kind, t in sorted(self.false_alarms_by_kind.items())
            },
            "misses": self.misses,
        }


def evaluate(rows: list[dict]) -> SafeguardingReport:
    report = SafeguardingReport()
    for row in rows:
        found = assess(row["q"], context=tuple(row.get("context") or ()))
        if row.get("safeguarding"):
            category, severity = row.get("category"), row.get("severity")
            report.recall.add(found.at_risk)
            report.by_category[category or "unlabelled"].add(found.at_risk)
            if severity:
                report.by_severity[severity].add(found.at_risk)
            if found.at_risk:
                report.right_category.add(category in found.categories)
                if severity:
                    report.right_severity.add(found.severity == severity)
                    if severity != "immediate":
                        report.over_called_immediate.add(found.severity == "immediate")
            else:
                report.misses.append({"q": row["q"], "wrong": "missed", "category": category})
        else:
            report.false_alarms.add(found.at_risk)
            report.false_alarms_by_kind[row.get("kind") or "everyday"].add(found.at_risk)
            if found.at_risk:
                report.misses.append(
                    {"q": row["q"], "wrong": "false alarm", "category": ",".join(found.categories)}
                )
    return report


def labelled(rows: list[dict]) -> bool:
    """Is this a safeguarding set (its risk lines name a category)?"""
    return any(row.get("safeguarding") and row.get("category") for row in rows)
