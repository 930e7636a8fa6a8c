"""`manage.py totp USERNAME`: print the current authenticator code of an account.

For trying the demo staff accounts on a developer's machine without an authenticator app.
It refuses to run outside local mode (DEBUG), where it would weaken the second factor.
"""

from __future__ import annotations

import time

from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Print the current authenticator (TOTP) code of an account. Local mode only."

    def add_arguments(self, parser) -> None:
        parser.add_argument("username")

    def handle(self, *args, **options) -> None:
        if not settings.DEBUG:
            raise CommandError("Only on a developer's machine (DEBUG on): it bypasses the app.")
        authenticator = Authenticator.objects.filter(
            user__username=options["username"], type=Authenticator.Type.TOTP
        ).first()
        if authenticator is None:
            raise CommandError(f"{options['username']} has no authenticator app set up.")
        secret = decrypt(authenticator.data["secret"])
        counter = int(time.time()) // mfa_settings.TOTP_PERIOD
        self.stdout.write(format_hotp_value(hotp_value(secret, counter)))
