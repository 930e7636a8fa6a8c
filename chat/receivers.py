"""When a young person's PA changes, the old and new PA's open sockets re-check which
conversations they may follow, so a PA who hands over stops receiving that conversation at
once and the new PA starts without reloading. The same when a conversation is first made (a
young person's first text, say): their PA's open inbox starts following it."""

from __future__ import annotations

import datetime

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from chat import services
from chat.models import Conversation, OpenSocket
from portal.people.models import AdviserAllocation


def tell_sockets_to_rejoin(user_ids: list[int], since: datetime.datetime) -> None:
    """`since`: when the change happened. A socket that starts following a conversation is
    sent what was written in it from then on, which it would otherwise miss while it joins."""
    layer = get_channel_layer()
    if layer is None:
        return
    event = {"type": "chat.rejoin", "since": since.isoformat()}
    for channel_name in OpenSocket.objects.filter(user_id__in=user_ids).values_list(
        "channel_name", flat=True
    ):
        async_to_sync(layer.send)(channel_name, event)


@receiver(post_save, sender=AdviserAllocation, dispatch_uid="chat.rejoin_on_allocation")
def allocation_changed(sender, instance: AdviserAllocation, created: bool, **kwargs) -> None:
    if not created:
        return
    services.conversation_for(instance.young_person)
    advisers = [pk for pk in (instance.previous_adviser_id, instance.adviser_id) if pk]
    transaction.on_commit(lambda: tell_sockets_to_rejoin(advisers, instance.created_at))


@receiver(post_save, sender=Conversation, dispatch_uid="chat.rejoin_on_new_conversation")
def conversation_made(sender, instance: Conversation, created: bool, **kwargs) -> None:
    adviser = instance.young_person.personal_adviser_id
    if created and adviser:
        transaction.on_commit(lambda: tell_sockets_to_rejoin([adviser], instance.created_at))
