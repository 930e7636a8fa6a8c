"""Which conversations and messages a person may read.

A young person: their own. A PA: their caseload's. A manager: their teams', and those of young
people with no PA yet whom they answer for (`portal.people.unallocated`). Staff added for
cover: the ones they cover. Nobody else: views use `get_object_or_404` on these, so another
person's conversation is a 404.
"""

from __future__ import annotations

from django.db.models import Count, F, Max, OuterRef, Q, QuerySet, Subquery

from chat.models import Conversation, Message, ReadPosition
from portal.people.models import User
from portal.people.selectors import young_people_visible_to


def conversations_visible_to(user: User) -> QuerySet[Conversation]:
    if not user.is_authenticated or not user.is_active:
        return Conversation.objects.none()
    return (
        Conversation.objects.filter(
            Q(young_person__in=young_people_visible_to(user)) | Q(cover_staff=user)
        )
        # What `Conversation.is_member` reads, so it needs no query (the socket consumer asks
        # it on the event loop).
        .select_related(
            "young_person__user", "young_person__personal_adviser", "young_person__team__manager"
        )
        .distinct()
    )


def members(conversation: Conversation) -> list[User]:
    """The young person, their PA and any cover staff, in that order (with
    `conversations_visible_to`'s joins and `cover_staff` prefetched, no further queries)."""
    profile = conversation.young_person
    people = [profile.user]
    if profile.personal_adviser is not None:
        people.append(profile.personal_adviser)
    people.extend(u for u in conversation.cover_staff.all() if u.pk not in {p.pk for p in people})
    return people


def messages_after(conversation: Conversation, after: int = 0) -> QuerySet[Message]:
    """Every message after `after`, oldest first: the thread, or what a reconnect missed."""
    return conversation.messages.filter(pk__gt=after).select_related("sender").order_by("pk")


def with_unread_counts(conversations: QuerySet[Conversation], user: User) -> QuerySet:
    """Annotate how many messages from others this user has not read yet."""
    last_read = ReadPosition.objects.filter(conversation=OuterRef("pk"), user=user).values(
        "last_read_id"
    )[:1]
    return conversations.annotate(last_read_id=Subquery(last_read)).annotate(
        unread=Count(
            "messages",
            filter=(Q(messages__pk__gt=F("last_read_id")) | Q(last_read_id__isnull=True))
            & ~Q(messages__sender=user),
        )
    )


def inbox_conversations(user: User) -> QuerySet[Conversation]:
    """The reader's conversations with their unread count and latest message, in one query."""
    latest = Message.objects.filter(conversation=OuterRef("pk")).order_by("-pk").values("body")[:1]
    return with_unread_counts(conversations_visible_to(user), user).annotate(
        latest_body=Subquery(latest)
    )


def how_far_others_got(conversation: Conversation, user: User) -> tuple[int, int]:
    """(delivered, read): the furthest message any other member has received and read, which
    is what "Delivered" and "Read" mean under the reader's own messages."""
    got = (
        ReadPosition.objects.filter(conversation=conversation)
        .exclude(user=user)
        .aggregate(delivered=Max("last_delivered_id"), read=Max("last_read_id"))
    )
    return got["delivered"] or 0, got["read"] or 0
