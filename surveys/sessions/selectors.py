"""Who may see which sessions and bookings. Views, My page and the services read through these.

A young person sees the sessions coming up and only their own bookings; the host sees who is
coming to their own sessions; the participation team and managers see every session's. Nobody
sees who asked a question sent without a name: only the questions, once shown in a group
(`surveys.holding`).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from portal.people.models import User
from portal.people.roles import USE_STAFF_PAGES, can
from surveys.models import HOLDS_A_PLACE, Booking, BookingState, Session, SessionQuestion
from surveys.young_people import takes_part

# How far back the staff list of sessions goes, to record who came after the day.
RECENT = datetime.timedelta(days=90)


# --- Places and the waiting list ---------------------------------------------------------------


def places_taken(session: Session) -> int:
    return session.bookings.filter(state__in=HOLDS_A_PLACE).count()


def places_left(session: Session) -> int:
    return max(session.capacity - places_taken(session), 0)


def waiting_list(session: Session) -> QuerySet[Booking]:
    """The people waiting for a place, first in the queue first."""
    return session.bookings.filter(state=BookingState.WAITING).order_by("created_at", "pk")


def waiting_place(booking: Booking) -> int | None:
    """Where a waiting booking is in the queue (1 is next), or None if it is not waiting."""
    if booking.state != BookingState.WAITING:
        return None
    ahead = waiting_list(booking.session).filter(created_at__lt=booking.created_at).count()
    same_time = waiting_list(booking.session).filter(
        created_at=booking.created_at, pk__lt=booking.pk
    )
    return ahead + same_time.count() + 1


# --- Young people: their own bookings ----------------------------------------------------------


def _with_counts() -> QuerySet[Session]:
    return Session.objects.select_related("host").annotate(
        taken=Count("bookings", filter=Q(bookings__state__in=HOLDS_A_PLACE)),
    )


def my_bookings(person: User) -> QuerySet[Booking]:
    """This young person's own bookings for sessions still to come: nobody else's, and none
    for staff. Their sessions page and My page show them."""
    if not takes_part(person):
        return Booking.objects.none()
    return (
        Booking.objects.filter(
            person=person,
            state__in=[BookingState.BOOKED, BookingState.WAITING],
            session__ends_at__gt=timezone.now(),
        )
        .select_related("session")
        .order_by("session__starts_at")
    )


def upcoming_for(person: User) -> list[Session]:
    """Sessions still to start, each with `my_booking` (this person's live booking, or None)
    and `places_left`."""
    upcoming = list(_with_counts().filter(starts_at__gt=timezone.now()))
    mine = {booking.session_id: booking for booking in my_bookings(person)}
    for session in upcoming:
        session.my_booking = mine.get(session.pk)
        session.places_left = max(session.capacity - session.taken, 0)
    return upcoming


def live_booking(session: Session, person: User) -> Booking | None:
    """This person's own booking for the session, unless they cancelled it."""
    booking = Booking.objects.filter(session=session, person=person).first()
    if booking and booking.state == BookingState.CANCELLED:
        return None
    return booking


def booking_to_cancel(person: User, session_id: int) -> QuerySet[Booking]:
    """This person's own place or place in the queue for the session: what they may cancel."""
    return Booking.objects.select_related("session").filter(
        session_id=session_id,
        person=person,
        state__in=[BookingState.BOOKED, BookingState.WAITING],
    )


def booked_place(person: User, session_id: int) -> QuerySet[Booking]:
    """This person's own place at the session (not the waiting list): for the calendar file."""
    return Booking.objects.select_related("session__host").filter(
        session_id=session_id, person=person, state=BookingState.BOOKED
    )


# --- Staff: the host, the participation team and managers -------------------------------------


def _runs_every_session(user: User) -> bool:
    """The participation team and managers: those who see everyone's participation record, of
    which who came to a session is part."""
    return can(user, "surveys.view_participation")


def _is_active_staff(user: User) -> bool:
    return can(user, USE_STAFF_PAGES)


def can_run(user: User, session: Session) -> bool:
    """The host, the participation team and managers see who is coming and record who came."""
    if not _is_active_staff(user):
        return False
    return session.host_id == user.pk or _runs_every_session(user)


def sessions_run_by(user: User) -> QuerySet[Session]:
    """Sessions this member of staff may open: all of them for the participation team and
    managers, their own for a host; with places taken and who came."""
    sessions = _with_counts().annotate(
        came=Count("bookings", filter=Q(bookings__state=BookingState.ATTENDED)),
        waiting=Count("bookings", filter=Q(bookings__state=BookingState.WAITING)),
    )
    if not _is_active_staff(user):
        return sessions.none()
    if _runs_every_session(user):
        return sessions
    return sessions.filter(host=user)


@dataclass
class StaffSessions:
    upcoming: list[Session]
    recent: list[Session]  # ended in the last RECENT, newest first: to record who came


def staff_sessions_for(user: User) -> StaffSessions:
    """Upcoming sessions this member of staff runs, and those of the last 90 days."""
    now = timezone.now()
    sessions = sessions_run_by(user)
    return StaffSessions(
        upcoming=list(sessions.filter(ends_at__gt=now)),
        recent=list(
            sessions.filter(ends_at__lte=now, starts_at__gte=now - RECENT).order_by("-starts_at")
        ),
    )


def bookings_for_host(session: Session) -> list[Booking]:
    """Every booking for the session, with the person, in the order they were made. The caller
    has checked `can_run`."""
    return list(session.bookings.select_related("person").order_by("created_at", "pk"))


def questions_for_host(session: Session, rows: list[Booking]) -> list[tuple[str, str | None]]:
    """Questions sent in advance as (words, name or None): named ones from the bookings still
    live (`rows`, from `bookings_for_host`), and those sent without a name once shown in a
    group (`surveys.holding`). In the order of their words, never of booking, so a question
    cannot be matched to a name by its place."""
    named = [
        (b.question_in_advance, b.person.display_name)
        for b in rows
        if b.question_in_advance and b.state != BookingState.CANCELLED
    ]
    anonymous = [
        (text, None)
        for text in SessionQuestion.objects.filter(session=session).values_list("text", flat=True)
    ]
    return sorted(named + anonymous, key=lambda item: (item[0].casefold(), item[0]))
