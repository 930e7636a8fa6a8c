"""Session pages: young people see upcoming meet-the-manager sessions and forums, book, join the
waiting list, cancel and download a calendar file; the host, the participation team and managers
see who is coming and record who came. All work with JavaScript off.

Thin, like `surveys.views`: permissions and reading here, writing through `surveys.bookings`.
"""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portal.people.models import User
from portal.people.roles import Role
from surveys import bookings, calendar, holding
from surveys.forms import AttendanceForm, BookingForm
from surveys.models import HOLDS_A_PLACE, Booking, BookingState, Session, SessionQuestion

# How far back the staff list of sessions goes, to record who came after the day.
RECENT = datetime.timedelta(days=90)


def _young_person(request: HttpRequest) -> None:
    if request.user.is_portal_staff or not request.user.is_young_person:
        raise PermissionDenied("Sessions are booked by young people who have been in care.")


def _with_counts():
    return Session.objects.select_related("host").annotate(
        taken=Count("bookings", filter=Q(bookings__state__in=HOLDS_A_PLACE)),
    )


def my_bookings(person: User):
    """This person's own bookings for sessions still to come: nobody else's."""
    if not person.is_authenticated:
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


@login_required
@require_GET
def session_list(request: HttpRequest) -> HttpResponse:
    _young_person(request)
    upcoming = list(_with_counts().filter(starts_at__gt=timezone.now()))
    mine = {b.session_id: b for b in my_bookings(request.user)}
    for session in upcoming:
        session.my_booking = mine.get(session.pk)
        session.places_left = max(session.capacity - session.taken, 0)
    return render(request, "surveys/sessions/list.html", {"sessions": upcoming})


def _session_context(request: HttpRequest, session: Session, **extra) -> dict:
    booking = Booking.objects.filter(session=session, person=request.user).first()
    if booking and booking.state == BookingState.CANCELLED:
        booking = None
    taken = bookings.places_taken(session)
    return {
        "session": session,
        "booking": booking,
        "waiting_place": bookings.waiting_place(booking) if booking else None,
        "places_left": max(session.capacity - taken, 0),
        "started": session.has_started,
        "BookingState": BookingState,
        "question": "",
        "question_anonymous": False,
        "travel_help_needed": False,
        "errors": {},
        "group": holding.batch_size(),
        **extra,
    }


@login_required
@require_GET
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _young_person(request)
    session = get_object_or_404(Session.objects.select_related("host"), pk=pk)
    return render(request, "surveys/sessions/detail.html", _session_context(request, session))


@login_required
@require_POST
def book(request: HttpRequest, pk: int) -> HttpResponse:
    _young_person(request)
    session = get_object_or_404(Session, pk=pk)
    form = BookingForm(request.POST)
    if not form.is_valid():
        context = _session_context(
            request,
            session,
            question=request.POST.get("question", ""),
            question_anonymous=bool(request.POST.get("question_anonymous")),
            travel_help_needed=bool(request.POST.get("travel_help_needed")),
            errors={name: errors[0] for name, errors in form.errors.items()},
        )
        return render(request, "surveys/sessions/detail.html", context, status=400)
    try:
        outcome = bookings.book(
            session=session,
            person=request.user,
            travel_help_needed=form.cleaned_data["travel_help_needed"],
            question=form.cleaned_data["question"],
            question_anonymous=form.cleaned_data["question_anonymous"],
        )
    except bookings.SessionStarted:
        messages.error(
            request, "This session has already started or finished, so it can't be booked."
        )
        return redirect("surveys:session", pk=session.pk)
    except bookings.AlreadyBooked as already:
        if already.booking.state == BookingState.WAITING:
            messages.info(request, "You're already on the waiting list for this session.")
        else:
            messages.info(request, "You've already booked this session. Nothing has changed.")
        return redirect("surveys:session", pk=session.pk)
    except bookings.CannotHoldQuestion:
        messages.error(request, "Your booking couldn't be made just now. Please try again later.")
        return redirect("surveys:session", pk=session.pk)
    if outcome.waiting_place:
        messages.info(
            request,
            f"This session is full, so you're on the waiting list: number {outcome.waiting_place}. "
            "If a place comes free, it's yours and we'll text you.",
        )
    else:
        messages.success(request, f"You're booked on {session.title}. See you there.")
    return redirect("surveys:session", pk=session.pk)


@login_required
@require_POST
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    _young_person(request)
    booking = get_object_or_404(
        Booking.objects.select_related("session"),
        session_id=pk,
        person=request.user,
        state__in=[BookingState.BOOKED, BookingState.WAITING],
    )
    was_waiting = booking.state == BookingState.WAITING
    try:
        bookings.cancel(booking=booking)
    except bookings.SessionStarted:
        messages.error(request, "This session has already started, so it can't be cancelled now.")
        return redirect("surveys:session", pk=pk)
    except bookings.NothingToCancel:
        messages.info(request, "There was nothing to cancel.")
        return redirect("surveys:session", pk=pk)
    messages.success(
        request,
        "You've left the waiting list."
        if was_waiting
        else "Your place is cancelled. Thank you for letting us know.",
    )
    return redirect("surveys:session", pk=pk)


@login_required
@require_GET
def ics(request: HttpRequest, pk: int) -> HttpResponse:
    _young_person(request)
    booking = get_object_or_404(
        Booking.objects.select_related("session__host"),
        session_id=pk,
        person=request.user,
        state=BookingState.BOOKED,
    )
    response = HttpResponse(calendar.ics_for(booking), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="session-{pk}.ics"'
    return response


# --- Staff: the host, the participation team and managers ------------------------------------


def can_run(user: User, session: Session) -> bool:
    if not (user.is_authenticated and user.is_active and user.is_portal_staff):
        return False
    return (
        session.host_id == user.pk
        or user.is_superuser
        or user.has_role(Role.PARTICIPATION)
        or user.has_role(Role.MANAGER)
    )


def sessions_run_by(user: User):
    """Sessions this member of staff may open: all of them for the participation team and
    managers, their own for a host; with places taken and who came."""
    sessions = _with_counts().annotate(
        came=Count("bookings", filter=Q(bookings__state=BookingState.ATTENDED)),
        waiting=Count("bookings", filter=Q(bookings__state=BookingState.WAITING)),
    )
    if not (user.is_authenticated and user.is_active and user.is_portal_staff):
        return sessions.none()
    if user.is_superuser or user.has_role(Role.PARTICIPATION) or user.has_role(Role.MANAGER):
        return sessions
    return sessions.filter(host=user)


@login_required
@require_GET
def staff_sessions(request: HttpRequest) -> HttpResponse:
    """Upcoming sessions and those of the last 90 days, to see who is coming and record who
    came."""
    if not request.user.is_portal_staff:
        raise PermissionDenied("This page is for the leaving care team.")
    now = timezone.now()
    sessions = sessions_run_by(request.user)
    return render(
        request,
        "surveys/sessions/staff_list.html",
        {
            "upcoming": list(sessions.filter(ends_at__gt=now)),
            "recent": list(
                sessions.filter(ends_at__lte=now, starts_at__gte=now - RECENT).order_by(
                    "-starts_at"
                )
            ),
            "can_build": request.user.has_perm("surveys.add_session"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def staff_session(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_object_or_404(Session.objects.select_related("host"), pk=pk)
    if not can_run(request.user, session):
        raise PermissionDenied("This page is for the host, the participation team and managers.")
    rows = list(session.bookings.select_related("person").order_by("created_at", "pk"))
    coming = [b for b in rows if b.state in HOLDS_A_PLACE]
    form = AttendanceForm(request.POST if request.method == "POST" else None, coming=coming)
    if request.method == "POST" and form.is_valid():
        recorded = bookings.record_attendance(session=session, came=form.came())
        messages.success(
            request, f"Saved who came: {recorded} {'person' if recorded == 1 else 'people'}."
        )
        return redirect("surveys:staff_session", pk=session.pk)
    return render(
        request,
        "surveys/sessions/staff.html",
        {
            "session": session,
            "coming": [(b, form[AttendanceForm.field_name(b)]) for b in coming],
            "form": form,
            "waiting": [b for b in rows if b.state == BookingState.WAITING],
            "questions": _questions_for_host(session, rows),
            "group": holding.batch_size(),
            "travel_count": sum(1 for b in coming if b.travel_help_needed),
            "BookingState": BookingState,
        },
        status=400 if form.errors else 200,
    )


def _questions_for_host(session: Session, rows: list[Booking]) -> list[tuple[str, str | None]]:
    """Questions sent in advance as (words, name or None): named ones from the bookings still
    live, and those sent without a name once shown in a group (`surveys.holding`). In the order
    of their words, never of booking, so a question cannot be matched to a name by its place."""
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
