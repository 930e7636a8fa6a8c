"""`manage.py escalate_alerts`: escalate every immediate or high safeguarding alert nobody has
acknowledged in time. The task worker does this as each alert falls due; this sweep, run from
cron every few minutes, is the safety net for when a worker was down."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from chat.safeguarding import services


class Command(BaseCommand):
    help = "Escalate unacknowledged immediate or high safeguarding alerts that are overdue."

    def handle(self, *args, **options) -> None:
        done = services.escalate_overdue()
        escalated = [outcome for outcome in done if outcome.startswith("escalated")]
        self.stdout.write(f"{len(escalated)} alert(s) escalated.")
