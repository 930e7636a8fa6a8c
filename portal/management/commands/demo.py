"""`manage.py demo`: load the demo content and print the accounts (see the contract).

Each part of the portal adds its own loader to LOADERS; people come first because the others
refer to them.
"""

from __future__ import annotations

import json

from django.conf import settings
from django.core.management.base import BaseCommand

from offer import demo as offer_demo
from portal.people import demo as people_demo
from portal.people.models import User
from surveys import demo as surveys_demo


class Command(BaseCommand):
    help = "Load demo people and content (safe to run again) and print the demo accounts."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--json", action="store_true", help="Print one JSON object.")
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing if anyone has an account already (used by `make run`).",
        )

    def handle(self, *args, **options) -> None:
        as_json = options["json"]
        if options["if_empty"] and User.objects.exists():
            if not as_json:
                self.stdout.write("People are already here: demo content not loaded again.")
            return
        if "twilio" in settings.SMS_BACKEND.lower():
            self.stderr.write(
                "Warning: Twilio is configured, so sign-in codes for demo accounts would be "
                "sent as real texts."
            )
        accounts = people_demo.load()
        offer_demo.load()
        surveys_demo.load()
        if as_json:
            payload = {"accounts": [account.as_contract() for account in accounts]}
            self.stdout.write(json.dumps(payload, indent=2))
            return
        self.stdout.write(
            self.style.SUCCESS("Demo content loaded: the local offer is at /offer/. Accounts:")
        )
        for account in accounts:
            line = f"  {account.role.label:<28} {account.username:<20} password: {account.password}"
            if account.mobile:
                line += f"  mobile: {account.mobile} (verified; sign-in codes print here)"
            if account.totp_secret:
                line += f"  authenticator secret: {account.totp_secret}"
            self.stdout.write(line)
        self.stdout.write(
            "Staff sign in with a password and a code from an authenticator app: add the "
            "secret above to any TOTP app (or run `python manage.py totp USERNAME`)."
        )
