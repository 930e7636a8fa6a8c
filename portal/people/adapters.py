"""How django-allauth fits the portal: no self sign-up, texts through our SMS backend, phone
numbers on the young person's profile, plain-English errors and an audited lockout."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest

from portal import sms
from portal.people import codes, services
from portal.people.lockout import account_for_login, lockout_key
from portal.people.models import SignInEvent, User, YoungPersonProfile
from portal.people.phone import MobileNumberField

HELP_LINE = settings.PORTAL["LEAVING_CARE_PHONE"]


class PortalAccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "username_password_mismatch": (
            "The username and password don't match. Check them and try again, or get a "
            "sign-in code by text instead."
        ),
        "phone_password_mismatch": (
            "The mobile number and password don't match. Check them and try again, or get a "
            "sign-in code by text instead."
        ),
        "too_many_login_attempts": (
            "There have been too many wrong tries, so this account is locked for 15 minutes "
            "to keep it safe. Try again after that, or ask your Personal Adviser (PA) for help "
            f"on {HELP_LINE}."
        ),
        "incorrect_code": (
            "That code is not right. Check the 6 numbers in the text we sent and try again."
        ),
        "unknown_phone": (
            "We could not find an account with that mobile number. Check it, or sign in with "
            "your username."
        ),
        "invalid_login": "Enter your username or mobile number.",
        "rate_limited": (
            "You asked for a code very recently. Wait a minute, then try again. Your Personal "
            f"Adviser (PA) can help on {HELP_LINE}."
        ),
        # Only reached by someone who typed the right code for a number that is checked on
        # another account (no code is texted to such a number): say no more than needed.
        "phone_taken": (
            "That number can't be added to your account. Check it, or ask your Personal "
            "Adviser (PA) to help."
        ),
        "code_replaced": (
            "That code has been replaced by a newer one. Use the code in the latest text we "
            "sent, or ask for a new code."
        ),
    }

    # --- Accounts are made by the council --------------------------------------------------
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        """Care leavers' accounts are set up by their leaving care team, never by strangers."""
        return False

    def get_login_stages(self) -> list[str]:
        """No phone check at sign-in: a wrong number on a profile must not stop a young person
        signing in with their password. They check their number from My page instead."""
        return [s for s in super().get_login_stages() if not s.endswith("PhoneVerificationStage")]

    # --- Phone numbers live on the young person's profile ----------------------------------
    def phone_form_field(self, **kwargs: Any) -> forms.Field:
        return MobileNumberField(**kwargs)

    def get_phone(self, user: User) -> tuple[str, bool] | None:
        profile = YoungPersonProfile.objects.filter(user=user).first()
        if profile is None or not profile.mobile:
            return None
        return str(profile.mobile.as_e164), profile.mobile_verified

    def set_phone(self, user: User, phone: str, verified: bool) -> None:
        services.set_mobile(user=user, phone=phone, verified=verified)

    def set_phone_verified(self, user: User, phone: str) -> None:
        # allauth calls this when a code texted to `phone` came back, also for a new number.
        services.set_mobile(user=user, phone=phone, verified=True)

    def get_user_by_phone(self, phone: str) -> User | None:
        """Only a verified number signs anyone in: a mistyped number on a profile must never
        let a stranger receive a young person's sign-in code."""
        return (
            User.objects.filter(
                is_active=True, young_person__mobile=phone, young_person__mobile_verified=True
            )
            .select_related("young_person")
            .first()
        )

    def _record_code_event(self, outcome: str, *, user, phone: str) -> None:
        """A code that was not texted, written to the sign-in audit like every other."""
        services.record_sign_in_event(
            outcome=outcome, request=self.request, user=user, identifier=phone, method="code"
        )

    def send_verification_code_sms(self, user: User, phone: str, code: str, **kwargs: Any) -> None:
        """Every code the portal texts comes through here: a sign-in code (nobody signed in
        yet) or a code that checks a signed-in young person's new number.

        Sends nothing past the number's daily limit (the forms say so before this point; the
        "Text me a new code" buttons reach it here, so it says so itself), nothing to a
        number checked on someone else's account, and makes a sign-in code the account's only
        live one."""
        signing_in = not self.request.user.is_authenticated
        if not codes.may_text_code_to(phone):
            self._record_code_event(SignInEvent.Outcome.CODE_NOT_SENT, user=user, phone=phone)
            self.add_message(self.request, messages.ERROR, message=codes.daily_limit_message())
            return
        if not signing_in and codes.checked_on_another_account(user=user, number=phone):
            self._record_code_event(SignInEvent.Outcome.CODE_REFUSED, user=user, phone=phone)
            return
        if signing_in:
            services.remember_sign_in_code(user=user, code=code)
        sms.send_sms(
            to=phone,
            body=(
                f"{code} is your {settings.PORTAL['NAME']} code. It works for 10 minutes. "
                "Never share it: we will never ask you for it."
            ),
        )
        services.record_sign_in_event(
            outcome=SignInEvent.Outcome.CODE_SENT,
            request=self.request,
            user=user,
            identifier=phone,
            method="code",
        )

    def send_unknown_account_sms(self, phone: str, **kwargs: Any) -> None:
        """Say nothing to a number we do not know (texting strangers invites abuse), but keep
        the attempt in the audit trail."""
        services.record_sign_in_event(
            outcome=SignInEvent.Outcome.FAILED,
            request=self.request,
            identifier=phone,
            method="code",
        )

    # --- Lockout ---------------------------------------------------------------------------
    def _get_login_attempts_cache_key(self, request: HttpRequest, **credentials: Any) -> str:
        # allauth keys the lockout on the text typed (and the host name), so each spelling of
        # a number had five fresh tries: key it on the account instead (see lockout.py).
        return lockout_key(credentials)

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        try:
            super().pre_authenticate(request, **credentials)
        except forms.ValidationError:
            identifier = str(credentials.get("phone") or credentials.get("username") or "")
            services.record_sign_in_event(
                outcome=SignInEvent.Outcome.LOCKED,
                request=request,
                user=account_for_login(identifier, verified_only=False),
                identifier=identifier,
                method="password",
            )
            raise
