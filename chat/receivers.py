"""When a young person's PA changes, the old and new PA's open sockets re-check which
conversations they may follow, so a PA who hands over stops receiving that conversation at
once and the new PA starts without reloading."""

from __future__ import annotations

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from chat import services
from chat.models import OpenSocket
from portal.people.models import AdviserAllocation


def tell_sockets_to_rejoin(user_ids: list[int]) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    for channel_name in OpenSocket.objects.filter(user_id__in=user_ids).values_list(
        "channel_name", flat=True
    ):
        async_to_sync(layer.send)(channel_name, {"type": "chat.rejoin"})


@receiver(post_save, sender=AdviserAllocation, dispatch_uid="chat.rejoin_on_allocation")
def allocation_changed(sender, instance: AdviserAllocation, created: bool, **kwargs) -> None:
    if not created:
        return
    services.conversation_for(instance.young_person)
    advisers = [pk for pk in (instance.previous_adviser_id, instance.adviser_id) if pk]
    transaction.on_commit(lambda: tell_sockets_to_rejoin(advisers))
