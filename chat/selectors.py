"""Which conversations and messages a person may read.

A young person: their own. A PA: their caseload's. A manager: their teams'. Staff added for
cover: the ones they cover. Nobody else: views use `get_object_or_404` on these, so another
person's conversation is a 404.
"""

from __future__ import annotations

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery

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
        .select_related("young_person__user", "young_person__personal_adviser")
        .distinct()
    )


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
