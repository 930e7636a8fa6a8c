"""`python manage.py release_held_answers`: show, or settle, anonymous answers and questions
waiting in the holding area (`surveys.holding`).

Each "Send" and each booking releases a group itself, after commit; this catches what an
interrupted request left behind, deletes unread what a closed survey or an ended session still
held (fewer than a group), and lets a lowered group size take effect. Run it every few minutes
beside `sweep_texts` (cron, a systemd timer, or `make run-prod`): docs/participation.md. Safe
to run any number of times, from any number of machines (each release holds a row lock).
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from surveys import services
from surveys.sessions import services as session_services


class Command(BaseCommand):
    help = (
        "Show anonymous survey answers and session questions that are waiting, in groups of at "
        "least SURVEY_RELEASE_BATCH; delete unread what a closed survey or ended session held."
    )

    def handle(self, *args, **options) -> None:
        responses = services.release_waiting_answers()
        questions = session_services.release_waiting_questions()
        if responses or questions or options["verbosity"] > 1:
            self.stdout.write(
                f"Released {responses} anonymous response(s) and {questions} question(s)."
            )
