"""When a young person's PA changes, the old and new PA's open sockets re-check which
conversations they may follow, so a PA who hands over stops receiving that conversation at
once and the new PA starts without reloading. The same when a conversation is first made (a
young person's first text, say): their PA's open inbox starts following it.

A young person with no PA yet is answered by managers (`portal.people.unallocated`): their
sockets are told too, when the conversation is made (so they follow it) and when a PA is
allocated (so they stop writing in it, and the new team's manager follows it as a reader).

Every young person has their one conversation from the moment their profile is made (and,
after every migrate, anyone from before that rule), so pages, the API and sockets only read
it: a GET never writes one."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_migrate, post_save
from django.dispatch import receiver

from chat import services
from chat.models import Conversation
from chat.presence.services import tell_sockets_to_rejoin
from portal.people import unallocated
from portal.people.models import AdviserAllocation, User, YoungPersonProfile


@receiver(post_save, sender=YoungPersonProfile, dispatch_uid="chat.conversation_for_new_profile")
def profile_made(sender, instance: YoungPersonProfile, created: bool, raw=False, **kwargs) -> None:
    """A new young person gets their conversation at once (which tells their PA's sockets)."""
    if created and not raw:
        services.conversation_for(instance)


@receiver(post_migrate, dispatch_uid="chat.conversations_for_everyone")
def conversations_for_everyone(sender, app_config=None, **kwargs) -> None:
    """After every migrate: a conversation for any young person still without one (those made
    before conversations came with the profile, or with `bulk_create`). One query when none is
    missing."""
    if app_config is not None and app_config.label == "chat":
        services.ensure_conversations(YoungPersonProfile.objects.all())


def _team_manager_of(adviser: User | None) -> int | None:
    staff = getattr(adviser, "staff_profile", None) if adviser else None
    return staff.team.manager_id if staff and staff.team_id else None


@receiver(post_save, sender=AdviserAllocation, dispatch_uid="chat.rejoin_on_allocation")
def allocation_changed(sender, instance: AdviserAllocation, created: bool, **kwargs) -> None:
    """Everyone whose view of the conversation changes: the old and new PA, the managers who
    answered while there was no PA (read now: `allocate_adviser` stores this row before it
    changes the profile), and the old and new PAs' team managers."""
    if not created:
        return
    services.conversation_for(instance.young_person)
    answering = [m.pk for m in unallocated.managers_answering(instance.young_person)]
    managers = [_team_manager_of(instance.previous_adviser), _team_manager_of(instance.adviser)]
    people = {instance.previous_adviser_id, instance.adviser_id, *managers, *answering} - {None}
    transaction.on_commit(lambda: tell_sockets_to_rejoin(sorted(people), instance.created_at))


@receiver(post_save, sender=Conversation, dispatch_uid="chat.rejoin_on_new_conversation")
def conversation_made(sender, instance: Conversation, created: bool, **kwargs) -> None:
    if not created:
        return
    profile = instance.young_person
    if profile.personal_adviser_id:
        people = [profile.personal_adviser_id]
    else:
        people = [m.pk for m in unallocated.managers_answering(profile)]
    if people:
        transaction.on_commit(lambda: tell_sockets_to_rejoin(people, instance.created_at))
