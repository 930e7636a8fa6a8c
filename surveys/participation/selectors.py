"""Each young person's participation record, and the figures the participation team reports:
who may read what, and the reading.

A record is read, never stored twice: surveys answered come from `Respondent` (which survey and
the day, never the answers, and nothing at all that links an anonymous survey's answers to a
person; staff see it only once the answers have been shown in a group, see `surveys.holding`),
sessions and forums from bookings marked "came", and everything that happened away from the
portal (interview and fostering panels, celebration events) from `ParticipationEntry`, which
the participation team adds by hand.

Figures are for the council's year, 1 April to 31 March, the year its annual reports use.
Who may read what is decided here: a young person reads only their own record; the
participation team and managers (`surveys.view_participation`) read everyone's. Entries are
added and removed by `surveys.participation.services`.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from portal.people.models import User, YoungPersonProfile
from portal.people.roles import USE_STAFF_PAGES, can
from surveys.models import (
    HOLDS_A_PLACE,
    PANEL_KINDS,
    ActivityKind,
    Booking,
    BookingState,
    ParticipationEntry,
    Respondent,
    Session,
    SessionKind,
)

YEAR_STARTS = (4, 1)  # 1 April


class RecordItemSource:
    SURVEY = "survey"
    SESSION = "session"
    ADDED = "added"


@dataclass(frozen=True)
class RecordItem:
    """One line of a participation record, whatever it came from."""

    on: datetime.date
    kind: str
    title: str
    source: str
    anonymous_survey: bool = False
    entry: ParticipationEntry | None = None


@dataclass(frozen=True)
class CouncilYear:
    start: datetime.date  # 1 April
    end: datetime.date  # 31 March

    @property
    def label(self) -> str:
        return f"April {self.start.year} to March {self.end.year}"

    @property
    def first_year(self) -> int:
        return self.start.year

    def __contains__(self, day: datetime.date) -> bool:
        return self.start <= day <= self.end


def council_year(on: datetime.date | None = None, *, starting: int | None = None) -> CouncilYear:
    """The council year that holds `on` (today if not given), or the one starting in April of
    `starting`."""
    if starting is None:
        on = on or timezone.localdate()
        starting = on.year if (on.month, on.day) >= YEAR_STARTS else on.year - 1
    return CouncilYear(
        start=datetime.date(starting, *YEAR_STARTS), end=datetime.date(starting + 1, 3, 31)
    )


def _session_day(session: Session) -> datetime.date:
    return timezone.localdate(session.starts_at)


def _day_bounds(year: CouncilYear) -> tuple[datetime.datetime, datetime.datetime]:
    """The year as aware datetimes, so sessions are matched by their local day."""
    tz = timezone.get_current_timezone()
    start = datetime.datetime.combine(year.start, datetime.time.min, tzinfo=tz)
    end = datetime.datetime.combine(year.end + datetime.timedelta(days=1), datetime.time.min)
    return start, end.replace(tzinfo=tz)


# --- Who may read ------------------------------------------------------------------------------


def can_see_everyone(user: User) -> bool:
    return can(user, USE_STAFF_PAGES) and can(user, "surveys.view_participation")


def can_add_entries(user: User) -> bool:
    return can_see_everyone(user) and can(user, "surveys.add_participationentry")


def can_remove_entries(user: User) -> bool:
    return can_see_everyone(user) and can(user, "surveys.delete_participationentry")


def young_people_for(user: User) -> QuerySet[YoungPersonProfile]:
    """Every young person's profile for those who may see everyone's record; else nobody."""
    if not can_see_everyone(user):
        return YoungPersonProfile.objects.none()
    return YoungPersonProfile.objects.filter(user__is_active=True).select_related("user")


def entries_visible_to(user: User) -> QuerySet[ParticipationEntry]:
    """The entries added by hand to the records this user may see (everyone's, or none)."""
    return ParticipationEntry.objects.filter(
        person__young_person__in=young_people_for(user)
    ).select_related("person__young_person")


def _name_matches(word: str) -> Q:
    """A word of the search box matches a first name, a last name or a username."""
    return (
        Q(user__first_name__icontains=word)
        | Q(user__last_name__icontains=word)
        | Q(user__username__icontains=word)
    )


def young_people_named(user: User, query: str) -> QuerySet[YoungPersonProfile]:
    """The young people whose names hold every word of `query`, by name, for those who may see
    everyone's record; else nobody."""
    people = young_people_for(user).order_by("user__first_name", "user__last_name", "pk")
    for word in query.split():
        people = people.filter(_name_matches(word))
    return people


# --- One person's record -----------------------------------------------------------------------


def record_for(person: User, *, for_staff: bool = False) -> list[RecordItem]:
    """Everything this person took part in, newest first, in three queries.

    `for_staff` leaves out anonymous surveys whose answers are still waiting for a group: if
    staff saw the survey on someone's record before the answers appeared, the first answer to
    appear would be theirs (issue 15, finding 2). The young person always sees their own."""
    items: list[RecordItem] = []
    answered = Respondent.objects.filter(person=person)
    if for_staff:
        answered = answered.filter(released=True)
    for respondent in answered.select_related("survey"):
        items.append(
            RecordItem(
                on=respondent.answered_on,
                kind="Survey",
                title=respondent.survey.title,
                source=RecordItemSource.SURVEY,
                anonymous_survey=respondent.survey.anonymous,
            )
        )
    attended = Booking.objects.filter(person=person, state=BookingState.ATTENDED).select_related(
        "session"
    )
    for booking in attended:
        items.append(
            RecordItem(
                on=_session_day(booking.session),
                kind=booking.session.get_kind_display(),
                title=booking.session.title,
                source=RecordItemSource.SESSION,
            )
        )
    for entry in ParticipationEntry.objects.filter(person=person).select_related("added_by"):
        items.append(
            RecordItem(
                on=entry.took_part_on,
                kind=entry.get_kind_display(),
                title=entry.title,
                source=RecordItemSource.ADDED,
                entry=entry,
            )
        )
    items.sort(key=lambda item: item.on, reverse=True)
    return items


def count_this_year(items: list[RecordItem], year: CouncilYear | None = None) -> int:
    year = year or council_year()
    return sum(1 for item in items if item.on in year)


# --- The year's figures ------------------------------------------------------------------------


@dataclass
class SessionAttendance:
    session: Session
    places_taken: int
    came: int

    @property
    def has_happened(self) -> bool:
        return self.session.starts_at <= timezone.now()


@dataclass
class PersonCounts:
    surveys: int = 0
    sessions: int = 0
    panels: int = 0
    other: int = 0

    @property
    def total(self) -> int:
        return self.surveys + self.sessions + self.panels + self.other


@dataclass
class YearFigures:
    """What the participation team reports for a council year. Counts of people, no names."""

    year: CouncilYear
    care_leavers: int
    took_part: int
    surveys_answered: int
    meet_the_manager: list[SessionAttendance]
    meet_the_manager_added: int  # attendances recorded by hand (before the portal, or unbooked)
    forum_attendances: int
    people_on_panels: int
    panel_sittings: Counter = field(default_factory=Counter)
    celebration_people: int = 0
    per_person: dict[int, PersonCounts] = field(default_factory=dict)

    @property
    def took_part_percent(self) -> float | None:
        return self.took_part / self.care_leavers * 100 if self.care_leavers else None

    @property
    def meet_the_manager_came(self) -> int:
        return sum(row.came for row in self.meet_the_manager) + self.meet_the_manager_added

    @property
    def meet_the_manager_held(self) -> int:
        return sum(1 for row in self.meet_the_manager if row.has_happened)

    @property
    def panel_total(self) -> int:
        return sum(self.panel_sittings.values())

    @property
    def panel_rows(self) -> list[tuple[str, int]]:
        return [(kind.label, self.panel_sittings.get(kind.value, 0)) for kind in PANEL_KINDS]


def year_figures(year: CouncilYear | None = None) -> YearFigures:
    """The year's figures in a fixed number of queries, whatever the number of young people."""
    year = year or council_year()
    start, end = _day_bounds(year)
    care_leavers = YoungPersonProfile.objects.filter(user__is_active=True).count()

    per_person: dict[int, PersonCounts] = defaultdict(PersonCounts)
    # Only people whose answers have been shown, in a group (see `record_for`).
    answered = Respondent.objects.filter(answered_on__range=(year.start, year.end), released=True)
    for person_id, n in answered.values_list("person").annotate(n=Count("pk")).order_by():
        per_person[person_id].surveys += n

    came = Booking.objects.filter(
        state=BookingState.ATTENDED, session__starts_at__gte=start, session__starts_at__lt=end
    )
    for person_id, n in came.values_list("person").annotate(n=Count("pk")).order_by():
        per_person[person_id].sessions += n

    entries = ParticipationEntry.objects.filter(took_part_on__range=(year.start, year.end))
    panel_sittings: Counter = Counter()
    panel_people: set[int] = set()
    celebration_people: set[int] = set()
    added = Counter()
    for person_id, kind, n in (
        entries.values_list("person", "kind").annotate(n=Count("pk")).order_by()
    ):
        added[kind] += n
        if kind in PANEL_KINDS:
            per_person[person_id].panels += n
            panel_sittings[kind] += n
            panel_people.add(person_id)
        else:
            per_person[person_id].other += n
            if kind == ActivityKind.CELEBRATION:
                celebration_people.add(person_id)

    sessions = (
        Session.objects.filter(
            kind=SessionKind.MEET_THE_MANAGER, starts_at__gte=start, starts_at__lt=end
        )
        .annotate(
            taken=Count("bookings", filter=Q(bookings__state__in=HOLDS_A_PLACE)),
            came=Count("bookings", filter=Q(bookings__state=BookingState.ATTENDED)),
        )
        .order_by("starts_at")
    )
    forum_came = came.filter(session__kind=SessionKind.FORUM).count()
    return YearFigures(
        year=year,
        care_leavers=care_leavers,
        took_part=len(per_person),
        surveys_answered=answered.count(),
        meet_the_manager=[
            SessionAttendance(session=s, places_taken=s.taken, came=s.came) for s in sessions
        ],
        meet_the_manager_added=added[ActivityKind.MEET_THE_MANAGER],
        forum_attendances=forum_came + added[ActivityKind.FORUM],
        people_on_panels=len(panel_people),
        panel_sittings=panel_sittings,
        celebration_people=len(celebration_people),
        per_person=dict(per_person),
    )
