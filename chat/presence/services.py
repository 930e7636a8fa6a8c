"""Presence's writes: a socket opened, pinged, closed (called by `chat.consumers`), and telling
people's open sockets to re-check which conversations they follow (`chat.receivers`)."""

from __future__ import annotations

import datetime

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.utils import timezone

from chat.models import OpenSocket
from chat.presence import selectors
from portal.people.models import User


def socket_opened(user: User, channel_name: str) -> None:
    now = timezone.now()
    OpenSocket.objects.update_or_create(
        channel_name=channel_name, defaults={"user": user, "opened_at": now, "seen_at": now}
    )


def socket_seen(channel_name: str) -> None:
    OpenSocket.objects.filter(channel_name=channel_name).update(seen_at=timezone.now())


def socket_closed(channel_name: str) -> None:
    OpenSocket.objects.filter(channel_name=channel_name).delete()


def tell_sockets_to_rejoin(user_ids: list[int], since: datetime.datetime) -> None:
    """Each open socket of these people re-checks which conversations it may follow (a PA
    handed over, a conversation was made). `since`: when the change happened. A socket that
    starts following a conversation is sent what was written in it from then on, which it
    would otherwise miss while it joins. Call it after commit, so the sockets read the change."""
    layer = get_channel_layer()
    if layer is None:
        return
    event = {"type": "chat.rejoin", "since": since.isoformat()}
    for channel_name in selectors.open_channel_names(user_ids):
        async_to_sync(layer.send)(channel_name, event)
