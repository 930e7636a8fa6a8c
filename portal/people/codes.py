"""Codes the portal texts (sign-in codes, and codes that check a new mobile number): one live
sign-in code per account, a daily limit per number, and none to a number checked on someone
else's account (issue 15, finding 9).

Called by the account adapter, which every code text goes through, and by the sign-in and
mobile-number forms, which turn a refusal into a clear message before anything is sent. Only
reads: the live code is written by `services.remember_sign_in_code` and
`services.forget_sign_in_code`.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from portal.people.models import SignInCode, SignInEvent, User, YoungPersonProfile

HASH_SALT = "portal.people.codes.sign_in"

DAILY_LIMIT_MESSAGE = (
    "We have texted this number as many codes as we can today. This keeps texts from being "
    "sent to someone's phone again and again. Try again tomorrow, or sign in with your "
    "username and password. Your Personal Adviser (PA) can help on {phone}."
)


def daily_limit_message() -> str:
    return DAILY_LIMIT_MESSAGE.format(phone=settings.PORTAL["LEAVING_CARE_PHONE"])


# --- A daily limit per number ---------------------------------------------------------------
def _code_requests() -> Q:
    """Every request that asked for a code for a number, sent or not: counting the unsent ones
    too (no account, or someone else's) makes the limit look the same for every number, so it
    cannot tell a stranger which numbers have accounts."""
    return Q(outcome__in=[SignInEvent.Outcome.CODE_SENT, SignInEvent.Outcome.CODE_REFUSED]) | Q(
        outcome=SignInEvent.Outcome.FAILED, method="code"
    )


def code_texts_in_last_day(number: str) -> int:
    """Codes asked for, for this E.164 number, in the last 24 hours (from the audit trail, so
    the count survives a restart of the cache)."""
    since = timezone.now() - datetime.timedelta(days=1)
    return SignInEvent.objects.filter(
        _code_requests(), identifier=number, created_at__gte=since
    ).count()


def may_text_code_to(number: str) -> bool:
    """Whether one more code may be texted to this number today (CODE_TEXTS_PER_NUMBER_PER_DAY)."""
    return code_texts_in_last_day(number) < settings.CODE_TEXTS_PER_NUMBER_PER_DAY


# --- Someone else's number ------------------------------------------------------------------
def checked_on_another_account(*, user: User, number: str) -> bool:
    """A signed-in young person asked for a code to a number checked on someone else's account.

    Texting it would let one young person send codes to another's phone; the portal sends
    nothing and says nothing different (see `templates/account/verify_phone.html`)."""
    return (
        YoungPersonProfile.objects.filter(mobile=number, mobile_verified=True)
        .exclude(user=user)
        .exists()
    )


# --- One live sign-in code per account ------------------------------------------------------
def code_hash(*, user: User, code: str) -> str:
    """What is stored of a code: a keyed hash, never the code."""
    return salted_hmac(HASH_SALT, f"{user.pk}:{code}", algorithm="sha256").hexdigest()


def is_live_sign_in_code(*, user: User, code: str) -> bool:
    """Whether `code` is the account's newest sign-in code, sent within its lifetime."""
    live = SignInCode.objects.filter(user=user).first()
    if live is None:
        return False
    lifetime = datetime.timedelta(seconds=settings.ACCOUNT_LOGIN_BY_CODE_TIMEOUT)
    if timezone.now() - live.sent_at > lifetime:
        return False
    return constant_time_compare(live.code_hash, code_hash(user=user, code=code))
