"""One lockout per account, however its username or mobile number was typed (issue 15, finding 4).

allauth counts wrong passwords under a key made from the text typed in the sign-in box, so
`07400 123456`, `+44 7400 123456`, `0044 7400123456` and `(07400) 123456` each had five fresh
tries at the same account, and the right password got in while the account was "locked". Here
the key is the account itself when the text names one (by username, in any case, or by its
verified number in any spelling), else the number in E.164 or the username in lower case. The
key leaves out the host name too, which a caller can choose.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from allauth.account.utils import filter_users_by_username

from portal.people.models import User
from portal.people.phone import normalise_mobile


def account_for_login(login: str, *, verified_only: bool = True) -> User | None:
    """The account that the text typed as a login names, the way sign-in looks it up: a
    username (any case), else a mobile number in any spelling. Only a verified number signs
    anyone in, so only a verified number names an account unless `verified_only` is off (the
    audit trail names the holder of an unverified number too)."""
    login = (login or "").strip()
    if not login:
        return None
    account = filter_users_by_username(login).order_by("pk").first()
    if account is not None:
        return account
    number = normalise_mobile(login)
    if number is None:
        return None
    holders = User.objects.filter(young_person__mobile=number)
    if verified_only:
        holders = holders.filter(young_person__mobile_verified=True)
    return holders.first()


def lockout_key(credentials: Mapping[str, Any]) -> str:
    """The key wrong passwords are counted under: one per account, whichever way it was named.

    Called by the account adapter for allauth's `login_failed` rate limit (5 in 15 minutes).
    """
    login = str(credentials.get("username") or credentials.get("phone") or "")
    account = account_for_login(login)
    if account is not None:
        return f"account:{account.pk}"
    return f"login:{normalise_mobile(login) or login.strip().casefold()}"
