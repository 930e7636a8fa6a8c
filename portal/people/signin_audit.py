"""Write the sign-in audit trail: one `SignInEvent` row and one log line per event.

Called from the signal receivers (Django's and allauth's) and from the account adapter, so that
every sign-in, failed attempt, lockout and code ends up in the same place.
"""

from __future__ import annotations

import logging

from django.http import HttpRequest

from portal.people.lockout import account_for_login
from portal.people.models import SignInEvent, User

logger = logging.getLogger("portal.people.signin")


def client_ip(request: HttpRequest | None) -> str | None:
    """The caller's address as allauth sees it (it honours ALLAUTH_TRUSTED_PROXY_COUNT)."""
    if request is None:
        return None
    from allauth.core.internal.httpkit import get_client_ip

    return get_client_ip(request) or None


def account_named(identifier: str) -> User | None:
    """The account a failed attempt was aimed at, if the username or number is one we know,
    so that the people who look after that account can see the attempts."""
    return account_for_login(identifier, verified_only=False)


def record_sign_in_event(
    *,
    outcome: SignInEvent.Outcome,
    request: HttpRequest | None,
    user: User | None = None,
    identifier: str = "",
    method: str = "",
) -> SignInEvent:
    user_agent = request.META.get("HTTP_USER_AGENT", "")[:300] if request is not None else ""
    event = SignInEvent.objects.create(
        outcome=outcome,
        user=user if user is not None and user.pk else None,
        identifier=(identifier or (user.username if user is not None else ""))[:150],
        method=method,
        ip_address=client_ip(request),
        user_agent=user_agent,
    )
    level = (
        logging.INFO
        if outcome in {event.Outcome.SIGNED_IN, event.Outcome.SIGNED_OUT}
        else logging.WARNING
    )
    logger.log(
        level,
        "sign-in %s user=%s identifier=%r method=%s ip=%s",
        outcome,
        event.user_id,
        event.identifier,
        method or "-",
        event.ip_address,
    )
    return event
