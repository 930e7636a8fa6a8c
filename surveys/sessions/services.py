"""The only code that writes session bookings: book, cancel, record who came, the day-before
reminder, and the questions sent without a name while they wait for their group.

Each service runs in one transaction and locks the session's row first (`select_for_update`),
so two people booking or cancelling at once are served one after the other and a session never
holds more people than its capacity. Views turn the errors below into a message on the page.

A question sent without a name is never kept on the booking: it waits, sealed, in the holding
area (`surveys.holding`) and is shown to the host only in a group (`release_questions`).

The day-before reminder is a task (`remind`), defined here beside `_plan_reminder`, which
enqueues it, so the service and its task need no import of each other.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import partial

from django.db import IntegrityError, transaction
from django.tasks import task
from django.utils import timezone

from chat.models import OutgoingText
from chat.texts import selectors as text_selectors
from chat.texts.services import outbound
from portal.people.models import User
from surveys import holding
from surveys.models import (
    HOLDS_A_PLACE,
    Booking,
    BookingState,
    HeldQuestions,
    Session,
    SessionQuestion,
)
from surveys.sessions import selectors
from surveys.young_people import NotAYoungPerson, takes_part

REMIND_BEFORE = datetime.timedelta(days=1)


class BookingError(Exception):
    """Something a young person tried that a session does not allow."""


class SessionStarted(BookingError):
    pass


class AlreadyBooked(BookingError):
    def __init__(self, booking: Booking) -> None:
        self.booking = booking
        super().__init__("already booked")


class NothingToCancel(BookingError):
    pass


class CannotHoldQuestion(BookingError):
    """The questions waiting for a group cannot be opened (a key was rotated away): nothing is
    booked, so the person can try again once it is put right."""


@dataclass
class Outcome:
    booking: Booking
    waiting_place: int | None = None  # 1 for first in the queue; None when they have a place


def _locked(session: Session) -> Session:
    return Session.objects.select_for_update().get(pk=session.pk)


def book(
    *,
    session: Session,
    person: User,
    travel_help_needed: bool = False,
    question: str = "",
    question_anonymous: bool = False,
) -> Outcome:
    """A place if there is one, else the end of the waiting list. A cancelled booking is
    made again (at the end of the queue if full). A second live booking is refused.

    A question with the person's name is kept on the booking. Without a name
    (`question_anonymous`), it goes to the holding area and the booking keeps no trace of it;
    every booking without a named question is noted there too, question or not (see
    `_note_booking`). Raises `NotAYoungPerson`, `SessionStarted`, `AlreadyBooked` or
    `CannotHoldQuestion`."""
    if not takes_part(person):
        raise NotAYoungPerson("Sessions are booked by young people.")
    with transaction.atomic():
        session = _locked(session)
        if session.has_started:
            raise SessionStarted(str(session))
        existing = Booking.objects.filter(session=session, person=person).first()
        if existing and existing.state != BookingState.CANCELLED:
            raise AlreadyBooked(existing)
        full = selectors.places_taken(session) >= session.capacity
        state = BookingState.WAITING if full else BookingState.BOOKED
        question = question.strip()
        named = question if not question_anonymous else ""
        fields = {
            "state": state,
            "travel_help_needed": travel_help_needed and session.offers_travel_help,
            "question_in_advance": named,
        }
        if existing:
            for name, value in fields.items():
                setattr(existing, name, value)
            existing.created_at = timezone.now()  # back of the queue
            existing.save()
            booking = existing
        else:
            try:
                with transaction.atomic():
                    booking = Booking.objects.create(session=session, person=person, **fields)
            except IntegrityError as clash:
                raise AlreadyBooked(Booking.objects.get(session=session, person=person)) from clash
        if not named:
            try:
                _note_booking(session=session, person=person, question=question)
            except holding.HeldUnreadable as error:
                raise CannotHoldQuestion(str(error)) from error
        if state == BookingState.BOOKED:
            _plan_reminder(booking)
        return Outcome(booking, selectors.waiting_place(booking))


def cancel(*, booking: Booking) -> Booking | None:
    """Cancel a booking or leave the waiting list. If it held a place, the first person
    waiting gets it and is told by text. Returns the promoted booking, if any."""
    with transaction.atomic():
        session = _locked(booking.session)
        booking = Booking.objects.select_for_update().get(pk=booking.pk)
        if booking.state not in (BookingState.BOOKED, BookingState.WAITING):
            raise NothingToCancel(booking.get_state_display())
        if session.has_started:
            raise SessionStarted(str(session))
        held_a_place = booking.state == BookingState.BOOKED
        booking.state = BookingState.CANCELLED
        booking.save(update_fields=["state", "updated_at"])
        if not held_a_place:
            return None
        return _fill_places(session)


def _fill_places(session: Session) -> Booking | None:
    """Give free places to the people waiting longest (the caller holds the session's lock)."""
    first = None
    free = session.capacity - selectors.places_taken(session)
    for promoted in list(selectors.waiting_list(session)[: max(free, 0)]):
        promoted.state = BookingState.BOOKED
        promoted.save(update_fields=["state", "updated_at"])
        # OutgoingText has no kind of its own for "a place came free"; it goes as a reminder
        # (held through quiet hours like one), as it always has.
        _text(promoted, place_given_body(promoted), kind=OutgoingText.Kind.PLACE)
        _plan_reminder(promoted)
        first = first or promoted
    return first


def record_attendance(*, session: Session, came: dict[int, bool]) -> int:
    """Mark booked people as came or did not come (booking id to True/False). Returns how
    many were recorded; ids of other sessions or of people without a place are ignored.
    The staff page calls it once it has checked `selectors.can_run`."""
    with transaction.atomic():
        session = _locked(session)
        recorded = 0
        for booking in session.bookings.select_for_update().filter(
            pk__in=list(came), state__in=HOLDS_A_PLACE
        ):
            booking.state = BookingState.ATTENDED if came[booking.pk] else BookingState.DID_NOT_COME
            booking.save(update_fields=["state", "updated_at"])
            recorded += 1
        return recorded


# --- Questions sent without a name (see `surveys.holding` for why they wait) -------------------


def _note_booking(*, session: Session, person: User, question: str) -> None:
    """Record that `person` booked without a named question, and hold `question` (sent without
    their name) if there is one; release a group after commit if there is one.

    Called only by `book`, inside its transaction, which holds the session's row lock. Called
    for every such booking, question or not, so that the held row changes in the same way
    whether or not someone asked. Raises `holding.HeldUnreadable`."""
    held = HeldQuestions.objects.filter(session=session).first()
    sealed = holding.with_booking(held, session=session, person=person, question=question)
    if held:
        held.sealed = sealed
        held.save(update_fields=["sealed"])
    else:
        HeldQuestions.objects.create(session=session, sealed=sealed)
    transaction.on_commit(partial(release_questions, session_id=session.pk), robust=True)


def release_questions(*, session_id: int) -> int:
    """Show a session's waiting questions once at least a group of people (`batch_size()`) have
    booked since the last were shown; delete them unread once the session has ended. Returns
    how many questions were shown.

    Among those people are everyone who could have asked them: the host, who sees who booked,
    cannot narrow a question down to fewer. Runs in its own transaction under the session's
    row lock, after each booking is committed and from `manage.py release_held_answers`."""
    with transaction.atomic():
        session = Session.objects.select_for_update().filter(pk=session_id).first()
        held = HeldQuestions.objects.filter(session_id=session_id).first() if session else None
        if held is None:
            return 0
        if session.ends_at <= timezone.now():
            held.delete()
            return 0
        waiting = holding.open_questions(held)
        if len(waiting["people"]) < holding.batch_size():
            return 0
        questions = holding.questions_from(session, waiting)
        SessionQuestion.objects.bulk_create(questions)
        held.delete()
        return len(questions)


def release_waiting_questions() -> int:
    """Release or settle every session's waiting questions (`manage.py release_held_answers`);
    returns the questions shown. A session whose questions cannot be opened is logged and
    skipped, so the others still go."""
    return holding.release_each(
        HeldQuestions.objects.values_list("session_id", flat=True),
        lambda session_id: release_questions(session_id=session_id),
    )


# --- Texts: a place given, and the reminder the day before ------------------------------------


def _when(session: Session) -> str:
    local = timezone.localtime(session.starts_at)
    return f"{local:%A %-d %B} at {local:%-H:%M}"


def place_given_body(booking: Booking) -> str:
    session = booking.session
    return (
        f"Good news: a place came free and it's yours. {session.title}, {_when(session)}. "
        "If you can't come, cancel on the website so someone else can go."
    )


def reminder_body(booking: Booking) -> str:
    session = booking.session
    where = session.place or "online (the link is on the website)"
    return f"Reminder: {session.title} is tomorrow, {_when(session)}, {where}. See you there."


def _text(booking: Booking, body: str, *, kind: OutgoingText.Kind) -> None:
    """Queue a text to the person booked, in the caller's transaction, if they may be texted."""
    profile = getattr(booking.person, "young_person", None)
    if profile is None or text_selectors.why_not_texted(profile):
        return
    outbound.queue_text(profile, kind=kind, body=body)


def _plan_reminder(booking: Booking) -> None:
    due = booking.session.starts_at - REMIND_BEFORE
    if due <= timezone.now():
        return  # booked on the day before or the day itself: no reminder needed
    remind.using(run_after=due).enqueue(booking.pk, booking.session.starts_at.isoformat())


@task(**outbound.TEXTS)  # on the texts queue: the worker that sends texts runs it
def remind(booking_id: int, starts_at: str) -> str:
    """The day-before text, if the booking still holds a place and the session has not
    moved (a moved session plans its own reminder). Run by the task worker when it falls due."""
    with transaction.atomic():
        booking = (
            Booking.objects.select_for_update(of=("self",))
            .select_related("session", "person__young_person")
            .filter(pk=booking_id)
            .first()
        )
        if booking is None or booking.state != BookingState.BOOKED:
            return "not booked"
        if booking.session.starts_at.isoformat() != starts_at:
            return "session moved"
        if booking.session.has_started:
            return "too late"
        if booking.reminded_at is not None:
            # A second task for the same booking (they cancelled and booked again): once.
            return "reminded already"
        booking.reminded_at = timezone.now()
        booking.save(update_fields=["reminded_at", "updated_at"])
        _text(booking, reminder_body(booking), kind=OutgoingText.Kind.REMINDER)
        return "reminder queued"
