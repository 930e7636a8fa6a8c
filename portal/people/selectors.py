"""Who may see whom. Every view that shows a young person reads through these.

A young person sees only themselves; a Personal Adviser (PA) their caseload; a manager the
caseloads of the PAs in the teams they manage; nobody else sees anyone. Views use
`get_object_or_404(young_people_visible_to(user), pk=...)`, so another person's id is a 404.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Max, Q, QuerySet
from django.utils import timezone

from portal.people import unallocated
from portal.people.ages import age_on
from portal.people.choices import LeavingCareStatus
from portal.people.models import SignInEvent, StaffAccess, Team, User, YoungPersonProfile
from portal.people.roles import (
    GROUP_NAMES,
    VIEW_CASELOAD,
    VIEW_SIGN_IN_EVENTS,
    VIEW_STAFF_ACCESSES,
    VIEW_TEAM_CASELOADS,
    Role,
    can,
)

# Guidance: a PA should look after about 20 to 22 young people.
CASELOAD_TARGET = range(20, 23)


def young_people_visible_to(user: User) -> QuerySet[YoungPersonProfile]:
    """The young people's profiles this person may read."""
    profiles = YoungPersonProfile.objects.select_related(
        "user", "personal_adviser", "personal_adviser__staff_profile__team"
    )
    if not user.is_authenticated or not user.is_active:
        return profiles.none()
    visible = Q()
    if user.is_young_person:
        visible |= Q(user=user)
    if can(user, VIEW_CASELOAD):
        visible |= Q(personal_adviser=user)
    if can(user, VIEW_TEAM_CASELOADS):
        # Their teams' caseloads, and those with no PA yet whom they answer for (their team's,
        # or anyone's with no team): a manager must allocate a PA (`unallocated`).
        visible |= Q(personal_adviser__staff_profile__team__manager=user)
        visible |= unallocated.answered_by(user)
    if not visible:
        return profiles.none()
    return profiles.filter(visible).filter(user__is_active=True)


def caseload_of(pa: User) -> QuerySet[YoungPersonProfile]:
    """A PA's own caseload, with when each young person last signed in."""
    return (
        young_people_visible_to(pa)
        .filter(personal_adviser=pa)
        .annotate(last_sign_in=Max("user__last_login"))
        .order_by("user__first_name", "user__last_name")
    )


@dataclass(frozen=True)
class AdviserLoad:
    adviser: User
    caseload: int

    @property
    def within_target(self) -> bool:
        return self.caseload in CASELOAD_TARGET

    @property
    def over_target(self) -> bool:
        return self.caseload > CASELOAD_TARGET[-1]


def advisers_allocatable_by(manager: User) -> QuerySet[User]:
    """The PAs a manager may give young people to: the active PAs in the teams they manage."""
    return (
        User.objects.filter(
            is_active=True,
            groups__name=GROUP_NAMES[Role.PA],
            staff_profile__team__in=teams_managed_by(manager),
        )
        .distinct()
        .order_by("first_name", "last_name")
    )


def teams_managed_by(manager: User) -> QuerySet[Team]:
    if not can(manager, VIEW_TEAM_CASELOADS):
        return Team.objects.none()
    return Team.objects.filter(manager=manager)


def team_young_people(manager: User) -> QuerySet[YoungPersonProfile]:
    """The young people whose PAs are in the manager's teams, by name, for their staff home."""
    return (
        young_people_visible_to(manager)
        .filter(personal_adviser__staff_profile__team__manager=manager)
        .order_by("user__first_name", "user__last_name")
    )


def advisers_in_teams_of(manager: User) -> list[AdviserLoad]:
    """Each PA in the manager's teams with the size of their caseload."""
    advisers = (
        User.objects.filter(
            is_active=True,
            groups__name=GROUP_NAMES[Role.PA],
            staff_profile__team__in=teams_managed_by(manager),
        )
        .annotate(caseload_size=Count("caseload", filter=Q(caseload__user__is_active=True)))
        .order_by("first_name", "last_name")
        .distinct()
    )
    return [AdviserLoad(adviser=a, caseload=a.caseload_size) for a in advisers]


def young_people_without_adviser(manager: User | None = None) -> QuerySet[YoungPersonProfile]:
    """Care leavers with no PA: a manager must allocate one. Shown only to managers; given a
    `manager`, only those they answer for (`unallocated`), whose records they can open."""
    found = YoungPersonProfile.objects.filter(personal_adviser__isnull=True, user__is_active=True)
    if manager is not None:
        found = found.filter(unallocated.answered_by(manager))
    return found.select_related("user")


@dataclass(frozen=True)
class ParticipationFigures:
    """Counts with no names, for the participation team (e.g. survey response rates)."""

    total: int
    by_status: list[tuple[str, int]]
    by_age: list[tuple[str, int]]
    with_verified_mobile: int


AGE_BANDS = [("16 to 17", 16, 17), ("18 to 20", 18, 20), ("21 to 25", 21, 25)]


def participation_figures(*, on: datetime.date | None = None) -> ParticipationFigures:
    on = on or timezone.localdate()
    profiles = YoungPersonProfile.objects.filter(user__is_active=True)
    status_counts = dict(
        profiles.values_list("leaving_care_status").annotate(n=Count("pk")).order_by()
    )
    by_status = [(s.short_label, status_counts.get(s.value, 0)) for s in LeavingCareStatus]
    birthdays = profiles.values_list("date_of_birth", flat=True)
    ages = [age_on(born, on) for born in birthdays]
    by_age = [(label, sum(lo <= a <= hi for a in ages)) for label, lo, hi in AGE_BANDS]
    return ParticipationFigures(
        total=len(ages),
        by_status=by_status,
        by_age=by_age,
        with_verified_mobile=profiles.filter(mobile_verified=True).count(),
    )


SIGN_IN_TROUBLE = [
    SignInEvent.Outcome.FAILED,
    SignInEvent.Outcome.LOCKED,
    SignInEvent.Outcome.CODE_FAILED,
    SignInEvent.Outcome.SECOND_FACTOR_FAILED,
    # A young person tried to add a number checked on someone else's account, or a number
    # ran out of code texts for the day: either can mean someone is being targeted.
    SignInEvent.Outcome.CODE_REFUSED,
    SignInEvent.Outcome.CODE_NOT_SENT,
]


def sign_in_trouble_for_team(manager: User, *, days: int = 7) -> QuerySet[SignInEvent]:
    """Failed sign-ins and lockouts in the last `days` for the people a manager looks after:
    their teams' PAs and those PAs' young people. A run of them can mean someone is locked out
    and needs help, or someone else is trying their account."""
    since = timezone.now() - datetime.timedelta(days=days)
    people = Q(user__staff_profile__team__manager=manager) | Q(
        user__young_person__personal_adviser__staff_profile__team__manager=manager
    )
    if not can(manager, VIEW_SIGN_IN_EVENTS):
        return SignInEvent.objects.none()
    return (
        SignInEvent.objects.filter(people, outcome__in=SIGN_IN_TROUBLE, created_at__gte=since)
        .select_related("user")
        .order_by("-created_at")
    )


def staff_accesses_seen_by(manager: User) -> QuerySet[StaffAccess]:
    """Staff reads of records and conversations of the young people the manager may see,
    newest first: who looked at what outside their own caseload."""
    if not can(manager, VIEW_STAFF_ACCESSES):
        return StaffAccess.objects.none()
    return StaffAccess.objects.filter(
        young_person__in=young_people_visible_to(manager)
    ).select_related("staff", "young_person__user")
