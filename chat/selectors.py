"""Which conversations and messages a person may read, and the inbox they see them in.

A young person: their own. A PA: their caseload's. A manager: their teams', and those of young
people with no PA yet whom they answer for (`portal.people.unallocated`). Staff added for
cover: the ones they cover. Nobody else: views use `get_object_or_404` on these, so another
person's conversation is a 404. Every young person has their conversation from the start
(`chat.receivers`), so reading one never makes one.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, F, Max, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from chat.models import Conversation, Message, ReadPosition
from portal.people.models import User, YoungPersonProfile
from portal.people.selectors import young_people_visible_to

# A PA must be in touch at least every 8 weeks (statutory minimum).
KEEP_IN_TOUCH = datetime.timedelta(weeks=8)


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


@dataclass(frozen=True)
class InboxRow:
    """One young person in a member of staff's inbox."""

    profile: YoungPersonProfile
    conversation: Conversation | None
    unread: int
    latest: str | None  # the newest message's words
    last_contact: datetime.datetime | None  # when the young person last wrote
    overdue: bool  # nothing from them for over 8 weeks (`KEEP_IN_TOUCH`), or never

    @property
    def no_pa(self) -> bool:
        """No PA yet: the reader answers them as a manager (`portal.people.unallocated`)."""
        return self.profile.personal_adviser_id is None


def inbox_rows(user: User, *, now: datetime.datetime | None = None) -> list[InboxRow]:
    """Every young person `user` looks after, unread first, then whoever has been quiet
    longest. A manager's rows include the young people with no PA yet whom they answer for
    (their messages must reach someone: issue 15, finding 8). Three queries."""
    now = now or timezone.now()
    profiles = (
        young_people_visible_to(user)
        .annotate(
            last_contact=Max(
                "conversation__messages__created_at",
                filter=Q(conversation__messages__sender=F("user")),
            )
        )
        .order_by("user__first_name")
    )
    conversations = {c.young_person_id: c for c in inbox_conversations(user)}
    rows = []
    for profile in profiles:
        conversation = conversations.get(profile.pk)
        rows.append(
            InboxRow(
                profile=profile,
                conversation=conversation,
                unread=conversation.unread if conversation else 0,
                latest=conversation.latest_body if conversation else None,
                last_contact=profile.last_contact,
                overdue=not profile.last_contact or now - profile.last_contact > KEEP_IN_TOUCH,
            )
        )
    never = datetime.datetime.min.replace(tzinfo=datetime.UTC)
    rows.sort(key=lambda row: (-row.unread, row.last_contact or never))
    return rows
