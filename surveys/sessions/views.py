"""Session pages: young people see upcoming meet-the-manager sessions and forums, book, join the
waiting list, cancel and download a calendar file; the host, the participation team and managers
see who is coming and record who came. All work with JavaScript off.

Thin: they know who is asking, read through `selectors`, write through `services`, and turn the
services' errors into a message on the page.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portal.people.roles import USE_STAFF_PAGES, can
from surveys import holding
from surveys.models import HOLDS_A_PLACE, BookingState, Session
from surveys.sessions import calendar, selectors, services
from surveys.sessions.forms import AttendanceForm, BookingForm
from surveys.young_people import takes_part


def _young_person(request: HttpRequest) -> None:
    if not takes_part(request.user):
        raise PermissionDenied("Sessions are booked by young people who have been in care.")


@login_required
@require_GET
def session_list(request: HttpRequest) -> HttpResponse:
    _young_person(request)
    sessions = selectors.upcoming_for(request.user)
    return render(request, "surveys/sessions/list.html", {"sessions": sessions})


def _session_context(request: HttpRequest, session: Session, **extra) -> dict:
    booking = selectors.live_booking(session, request.user)
    return {
        "session": session,
        "booking": booking,
        "waiting_place": selectors.waiting_place(booking) if booking else None,
        "places_left": selectors.places_left(session),
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
        outcome = services.book(
            session=session,
            person=request.user,
            travel_help_needed=form.cleaned_data["travel_help_needed"],
            question=form.cleaned_data["question"],
            question_anonymous=form.cleaned_data["question_anonymous"],
        )
    except services.SessionStarted:
        messages.error(
            request, "This session has already started or finished, so it can't be booked."
        )
        return redirect("surveys:session", pk=session.pk)
    except services.AlreadyBooked as already:
        if already.booking.state == BookingState.WAITING:
            messages.info(request, "You're already on the waiting list for this session.")
        else:
            messages.info(request, "You've already booked this session. Nothing has changed.")
        return redirect("surveys:session", pk=session.pk)
    except services.CannotHoldQuestion:
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
    booking = get_object_or_404(selectors.booking_to_cancel(request.user, pk))
    was_waiting = booking.state == BookingState.WAITING
    try:
        services.cancel(booking=booking)
    except services.SessionStarted:
        messages.error(request, "This session has already started, so it can't be cancelled now.")
        return redirect("surveys:session", pk=pk)
    except services.NothingToCancel:
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
    booking = get_object_or_404(selectors.booked_place(request.user, pk))
    response = HttpResponse(calendar.ics_for(booking), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="session-{pk}.ics"'
    return response


# --- Staff: the host, the participation team and managers ------------------------------------


@login_required
@require_GET
def staff_sessions(request: HttpRequest) -> HttpResponse:
    """Upcoming sessions and those of the last 90 days, to see who is coming and record who
    came."""
    if not can(request.user, USE_STAFF_PAGES):
        raise PermissionDenied("This page is for the leaving care team.")
    found = selectors.staff_sessions_for(request.user)
    return render(
        request,
        "surveys/sessions/staff_list.html",
        {
            "upcoming": found.upcoming,
            "recent": found.recent,
            "can_build": can(request.user, "surveys.add_session"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def staff_session(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_object_or_404(Session.objects.select_related("host"), pk=pk)
    if not selectors.can_run(request.user, session):
        raise PermissionDenied("This page is for the host, the participation team and managers.")
    rows = selectors.bookings_for_host(session)
    coming = [b for b in rows if b.state in HOLDS_A_PLACE]
    form = AttendanceForm(request.POST if request.method == "POST" else None, coming=coming)
    if request.method == "POST" and form.is_valid():
        recorded = services.record_attendance(session=session, came=form.came())
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
            "questions": selectors.questions_for_host(session, rows),
            "group": holding.batch_size(),
            "travel_count": sum(1 for b in coming if b.travel_help_needed),
            "BookingState": BookingState,
        },
        status=400 if form.errors else 200,
    )
