"""`python manage.py sweep_texts`: settle texts whose worker died mid-send.

Run it every few minutes beside the text workers (cron, a systemd timer, or `make run-prod`,
which does): docs/deploy.md. Safe to run any number of times, from any number of machines.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from chat.texts.services import outbound


class Command(BaseCommand):
    help = (
        "Hand texts left 'sending' by a worker that died back to the text workers, which mark "
        "them failed for a PA to send again if Twilio may have had them."
    )

    def handle(self, *args, **options) -> None:
        handed_back = outbound.sweep_abandoned_texts()
        if handed_back or options["verbosity"] > 1:
            self.stdout.write(f"Handed {handed_back} abandoned text(s) back to the text workers.")
