"""Reading who has the website open (see `chat.presence`)."""

from __future__ import annotations

import datetime

from django.utils import timezone

from chat.models import OpenSocket

PING_EVERY = datetime.timedelta(seconds=60)
STALE_AFTER = datetime.timedelta(minutes=3)


def is_on_website(user_id: int) -> bool:
    """Has this person a socket open now (seen within `STALE_AFTER`)?"""
    return OpenSocket.objects.filter(
        user_id=user_id, seen_at__gte=timezone.now() - STALE_AFTER
    ).exists()


def open_channel_names(user_ids: list[int]) -> list[str]:
    """The channel-layer names of these people's open sockets, however long since seen: a
    message to a socket that is gone is simply lost."""
    return list(
        OpenSocket.objects.filter(user_id__in=user_ids).values_list("channel_name", flat=True)
    )
