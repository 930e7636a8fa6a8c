"""Who answers a young person who has no Personal Adviser (PA) yet.

A 16-year-old can be on the portal before a PA is allocated. Their messages must reach a person
(issue 15, finding 8), so until a PA is allocated they are answered by:
- the manager of their leaving care team (`YoungPersonProfile.team`), when the team has an active
  manager;
- otherwise (no team yet, or a team with no manager, or one whose manager has left) every active
  service manager: the people who allocate PAs.

This module is the one statement of that rule, in the three shapes the portal needs: a check on
loaded objects (`answers_for`, used by `Conversation.is_member`, so the socket consumer can call
it on the event loop with no query), a filter for querysets (`answered_by`, used by
`young_people_visible_to`, so inboxes, sockets and alerts pages list the same people), and the
people themselves (`managers_answering`, for safeguarding alerts and socket rejoins).
`tests/chat/test_unallocated.py` checks that the three agree.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from portal.people.models import User, YoungPersonProfile
from portal.people.roles import GROUP_NAMES, Role


def team_manager(profile: YoungPersonProfile) -> User | None:
    """The active manager of the young person's team, or None (no team, no manager, or gone).

    No query when the caller loaded `team__manager` (`select_related`), or the profile has no
    team: the socket consumer relies on this."""
    if profile.team_id is None:
        return None
    manager = profile.team.manager if profile.team.manager_id else None
    if manager is None or not manager.is_active:
        return None
    return manager


def _is_service_manager(user: User) -> bool:
    """Whether `user` is one of the service managers: who they are (their group, which is
    how `service_managers` finds them too, so the three shapes agree), not a permission. From
    `user.roles`, loaded once: no query on the socket consumer's event loop."""
    return user.is_authenticated and user.is_active and user.has_role(Role.MANAGER)


def answers_for(user: User, profile: YoungPersonProfile) -> bool:
    """Whether `user` reads and answers `profile`'s messages because they have no PA yet."""
    if profile.personal_adviser_id is not None:
        return False
    if not _is_service_manager(user):
        return False
    manager = team_manager(profile)
    return manager is None or manager.pk == user.pk


def answered_by(user: User, prefix: str = "") -> Q:
    """A filter for the young people with no PA that `user` answers for (nobody, unless they are
    a manager). `prefix` reaches the profile from another model, e.g. "young_person__"."""
    if not _is_service_manager(user):
        return Q(pk__in=[])
    p = prefix
    no_team_manager = (
        Q(**{f"{p}team__isnull": True})
        | Q(**{f"{p}team__manager__isnull": True})
        | Q(**{f"{p}team__manager__is_active": False})
    )
    return Q(**{f"{p}personal_adviser__isnull": True}) & (
        Q(**{f"{p}team__manager": user}) | no_team_manager
    )


def service_managers() -> QuerySet[User]:
    """Every active service manager: who answers a young person with no PA and no team."""
    return (
        User.objects.filter(is_active=True, groups__name=GROUP_NAMES[Role.MANAGER])
        .distinct()
        .order_by("pk")
    )


def managers_answering(profile: YoungPersonProfile) -> list[User]:
    """The people who answer `profile` now: nobody once they have a PA (their PA does)."""
    if profile.personal_adviser_id is not None:
        return []
    manager = team_manager(profile)
    if manager is not None:
        return [manager]
    return list(service_managers())
