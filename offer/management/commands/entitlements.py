"""`manage.py entitlements --age 19 --status former_relevant --circumstance own_home --json`."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from offer import selectors
from offer.forms import CheckerForm


class Command(BaseCommand):
    help = "List what a young person can get from the published local offer."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--age", required=True, help="Age in completed years.")
        parser.add_argument("--status", required=True, help="Leaving-care status code.")
        parser.add_argument(
            "--circumstance", action="append", default=[], help="Repeat for each one."
        )
        parser.add_argument("--json", action="store_true", help="Print a JSON array of slugs.")

    def handle(self, *args, **options) -> None:
        # The checker's own form checks the answers, so the command refuses what the API does.
        form = CheckerForm(
            {
                "age": options["age"],
                "status": options["status"],
                "circumstance": options["circumstance"],
            }
        )
        if not form.is_valid():
            field, message = form.first_error()
            raise CommandError(f"--{field}: {message}")
        person = form.person()
        if options["json"]:
            self.stdout.write(json.dumps(selectors.slugs_for(person)))
            return
        for item in selectors.offered_to(person):
            self.stdout.write(f"{item.page.slug:<40} {item.page.title}")
