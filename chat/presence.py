"""Who has the website open: one row per open `/ws/chat/` socket, seen recently.

A PA's reply reaches a young person another way (a text, `chat.texts`) only when none of
their sockets is open. Rows live in the database so that every ASGI worker sees the others';
a row whose worker died stops counting once it has not been seen for `STALE_AFTER`, because
the page's script pings every `PING_EVERY`.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from chat.models import OpenSocket
from portal.people.models import User

PING_EVERY = datetime.timedelta(seconds=60)
STALE_AFTER = datetime.timedelta(minutes=3)


def socket_opened(user: User, channel_name: str) -> None:
    now = timezone.now()
    OpenSocket.objects.update_or_create(
        channel_name=channel_name, defaults={"user": user, "opened_at": now, "seen_at": now}
    )


def socket_seen(channel_name: str) -> None:
    OpenSocket.objects.filter(channel_name=channel_name).update(seen_at=timezone.now())


def socket_closed(channel_name: str) -> None:
    OpenSocket.objects.filter(channel_name=channel_name).delete()


def is_on_website(user_id: int) -> bool:
    """Has this person a socket open now (seen within `STALE_AFTER`)?"""
    return OpenSocket.objects.filter(
        user_id=user_id, seen_at__gte=timezone.now() - STALE_AFTER
    ).exists()
