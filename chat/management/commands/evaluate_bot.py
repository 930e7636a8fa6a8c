"""`python manage.py evaluate_bot FILE.jsonl [--json]`: how well the chatbot does on a set of
questions (see chat/bot/evaluation.py for the measures)."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from chat.bot import evaluation
from chat.safeguarding import evaluation as safeguarding_evaluation


def _percent(rate: float | None) -> str:
    return "n/a" if rate is None else f"{rate:.1%}"


class Command(BaseCommand):
    help = "Score the chatbot on a JSONL file of questions."

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument("--json", action="store_true")
        parser.add_argument("--misses", action="store_true", help="List what it got wrong.")

    def handle(self, *args, path: Path, json: bool = False, misses: bool = False, **options):
        try:
            rows = evaluation.load(path)
        except (OSError, ValueError) as bad:
            raise CommandError(str(bad)) from bad
        # Asking stores each question; an evaluation should leave no trace.
        with transaction.atomic():
            report = evaluation.evaluate(rows)
            transaction.set_rollback(True)
        screening = (
            safeguarding_evaluation.evaluate(rows)
            if safeguarding_evaluation.labelled(rows)
            else None
        )
        if json:
            result = report.as_dict()
            if screening is not None:
                result["safeguarding"] = screening.as_dict()
            self.stdout.write(_dumps(result))
            return
        self.stdout.write(f"{path.name}: {len(rows)} questions")
        self.stdout.write(
            f"  top-1 accuracy        {_percent(report.top1.rate):>7}"
            f"  ({report.top1.right}/{report.top1.total})"
        )
        self.stdout.write(
            f"  no page when none     {_percent(report.no_page.rate):>7}"
            f"  ({report.no_page.right}/{report.no_page.total})"
        )
        self.stdout.write(
            f"  safeguarding recall   {_percent(report.safeguarding_recall.rate):>7}"
            f"  ({report.safeguarding_recall.right}/{report.safeguarding_recall.total})"
        )
        self.stdout.write(
            f"  false alarm rate      {_percent(report.false_alarms.rate):>7}"
            f"  ({report.false_alarms.right}/{report.false_alarms.total})"
        )
        self.stdout.write(
            f"  handoff accuracy      {_percent(report.handoff.rate):>7}"
            f"  ({report.handoff.right}/{report.handoff.total})"
        )
        if screening is not None:
            self._screening(screening, misses=misses)
        if misses:
            for miss in report.misses:
                self.stdout.write(f"  MISS {miss['wrong']}: {miss['q']!r} -> {miss['got']}")

    def _screening(self, report, *, misses: bool) -> None:
        """Recall and false alarms per category, severity and kind (issue 16)."""

        def line(label: str, tally) -> None:
            self.stdout.write(
                f"    {label:<22}{_percent(tally.rate):>7}  ({tally.right}/{tally.total})"
            )

        self.stdout.write("  safeguarding, by category (recall):")
        for code, tally in sorted(report.by_category.items()):
            line(code, tally)
        self.stdout.write("  by severity (recall):")
        for code, tally in sorted(report.by_severity.items()):
            line(code, tally)
        self.stdout.write("  false alarms, by kind:")
        for kind, tally in sorted(report.false_alarms_by_kind.items()):
            line(kind, tally)
        line("right category", report.right_category)
        line("right severity", report.right_severity)
        line("999 for non-immediate", report.over_called_immediate)
        if misses:
            for miss in report.misses:
                self.stdout.write(
                    f"  SCREENING {miss['wrong']}: {miss['q']!r} ({miss['category']})"
                )


def _dumps(value: dict) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)
