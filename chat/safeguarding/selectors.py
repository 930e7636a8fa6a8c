"""Who sees which safeguarding alerts, who is told of one, and which sockets hear of it.

Alert events go only to the staff groups of the people told (`staff_group_name`), which only
staff sockets join (`chat.consumers`): never to a conversation's group, which the young
person's own socket is in (issue 16).
"""

from __future__ import annotations

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from chat.models import Message
from chat.safeguarding.models import SEVERITY_RANK, EscalationLevel, SafeguardingAlert
from portal.people import selectors as people_selectors
from portal.people import unallocated
from portal.people.models import User, YoungPersonProfile
from portal.people.roles import (
    GROUP_NAMES,
    USE_STAFF_PAGES,
    VIEW_ALL_ALERTS,
    VIEW_UNKNOWN_TEXTS,
    Role,
    can,
)


def sees_every_alert(user: User) -> bool:
    """The duty team (and a superuser): every alert, to see and acknowledge."""
    return can(user, VIEW_ALL_ALERTS)


def alerts_visible_to(user: User) -> QuerySet[SafeguardingAlert]:
    """A PA: their caseload's alerts and any they were told of. A manager: their teams', any
    they were told of, and texts from unknown numbers (a number to ring back). The duty team:
    every alert. Others: none. Alerts tied to no young person and no number (raised for
    questions asked without signing in before issue 15) are nobody's to act on, so they are in
    no one's list."""
    if not can(user, USE_STAFF_PAGES):
        return SafeguardingAlert.objects.none()
    someones = Q(young_person__isnull=False) | ~Q(from_number="")
    if sees_every_alert(user):
        found = SafeguardingAlert.objects.filter(someones)
    else:
        mine = Q(young_person__in=people_selectors.young_people_visible_to(user)) | Q(told=user)
        if can(user, VIEW_UNKNOWN_TEXTS):  # a number to ring back: the managers'
            mine |= Q(young_person__isnull=True) & ~Q(from_number="")
        found = SafeguardingAlert.objects.filter(mine & someones).distinct()
    return found.select_related(
        "young_person__user", "acknowledged_by", "closed_by", "message", "question"
    )


def _severity_rank() -> Case:
    return Case(
        *(When(severity=code, then=Value(rank)) for code, rank in SEVERITY_RANK.items()),
        default=Value(len(SEVERITY_RANK)),
        output_field=IntegerField(),
    )


def alert_queue(user: User, *, include_closed: bool = False) -> QuerySet[SafeguardingAlert]:
    """The alerts `user` may see, most urgent first (immediate, high, concern), then the
    oldest first: the one waiting longest at the top. Open ones only, unless asked."""
    found = alerts_visible_to(user)
    if not include_closed:
        found = found.filter(closed_at__isnull=True)
    return found.annotate(severity_rank=_severity_rank()).order_by("severity_rank", "created_at")


def duty_team() -> QuerySet[User]:
    return (
        User.objects.filter(is_active=True, groups__name=GROUP_NAMES[Role.DUTY])
        .distinct()
        .order_by("pk")
    )


def people_to_tell(profile: YoungPersonProfile | None) -> list[User]:
    """Who is told at once: the young person's PA and their team's manager, and staff added
    to their conversation for cover. Someone with no PA yet is not left with nobody: the
    managers answering their messages are told (issue 15, finding 8). A text from a number no
    young person has: the duty team, as there is no PA to tell."""
    if profile is None:
        return list(duty_team())
    if profile.personal_adviser_id is None:
        people = unallocated.managers_answering(profile)
    else:
        adviser = profile.personal_adviser
        people = [adviser]
        staff = getattr(adviser, "staff_profile", None)
        manager = staff.team.manager if staff and staff.team_id and staff.team.manager_id else None
        if manager is not None:
            people.append(manager)
    conversation = getattr(profile, "conversation", None)
    if conversation is not None:
        people += list(conversation.cover_staff.filter(is_active=True))
    return people


def who_to_tell(profile: YoungPersonProfile | None, level: int) -> list[User]:
    """Everyone who should know of an alert at escalation `level`, without repeats:
    0, the PA and manager (`people_to_tell`); 1, the duty team as well; 2, every service
    manager as well."""
    people = people_to_tell(profile)
    if level >= EscalationLevel.DUTY:
        people += list(duty_team())
    if level >= EscalationLevel.MANAGERS:
        people += list(unallocated.service_managers())
    unique: dict[int, User] = {}
    for person in people:
        unique.setdefault(person.pk, person)
    return list(unique.values())


def staff_group_name(user_id: int) -> str:
    """The channel-layer group every socket of one member of staff joins: staff-only events
    (alerts) for that person go here."""
    return f"staff.{user_id}"


def staff_groups_for(user: User) -> list[str]:
    """The staff-only groups a socket of `user` joins: none for anyone who is not staff."""
    return [staff_group_name(user.pk)] if can(user, USE_STAFF_PAGES) else []


def what_the_young_person_was_told(alert: SafeguardingAlert) -> str:
    """What the young person was told: the bot's answer to a question, or the crisis reply
    written in their conversation under their message."""
    if alert.question is not None:
        return alert.question.answer
    if alert.message is not None:
        reply = Message.objects.filter(
            conversation_id=alert.message.conversation_id,
            sender=None,
            client_id=f"crisis:{alert.message_id}",
        ).first()
        return reply.body if reply else ""
    return ""
