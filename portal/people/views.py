"""Pages for signed-in people: where they land, My page, and staff's view of young people.

Views are thin: they know who is asking, read through `selectors`, write through `services`.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from chat.safeguarding import selectors as safeguarding_selectors
from offer import selectors as offer_selectors
from portal.people import selectors, services
from portal.people.choices import ContactPreference
from portal.people.forms import AllocateAdviserForm, ContactPreferenceForm
from portal.people.models import YoungPersonProfile
from portal.people.roles import (
    ALLOCATE_ADVISER,
    USE_STAFF_PAGES,
    VIEW_ALERTS,
    VIEW_CASELOAD,
    VIEW_PARTICIPATION_FIGURES,
    VIEW_TEAM_CASELOADS,
    can,
    staff_only,
)
from surveys import selectors as survey_selectors
from surveys.sessions import selectors as session_selectors


@login_required
def landing(request: HttpRequest) -> HttpResponse:
    """After sign-in: young people to My page, staff to their landing page."""
    if request.user.is_young_person:
        return redirect("people:my_page")
    if can(request.user, USE_STAFF_PAGES):
        return redirect("people:staff_home")
    raise PermissionDenied("This account has no role yet. Ask the leaving care team.")


def _own_profile(request: HttpRequest) -> YoungPersonProfile:
    if not request.user.is_young_person:
        raise PermissionDenied("My page is for young people.")
    return get_object_or_404(selectors.young_people_visible_to(request.user), user=request.user)


@login_required
@require_http_methods(["GET", "POST"])
def my_page(request: HttpRequest) -> HttpResponse:
    """A young person's own page: their PA, what they can get, surveys open to them and their
    session bookings, their details and how we contact them."""
    profile = _own_profile(request)
    if request.method == "POST":
        form = ContactPreferenceForm(request.POST, instance=profile)
        if form.is_valid():
            services.set_contact_preference(
                profile=profile,
                preference=ContactPreference(form.cleaned_data["contact_preference"]),
            )
            messages.success(request, "Saved. We'll get in touch the way you chose.")
            return redirect("people:my_page")
    else:
        form = ContactPreferenceForm(instance=profile)
    adviser = profile.personal_adviser
    person = offer_selectors.person_for_profile(profile)
    offered = offer_selectors.offered_to(person)
    return render(
        request,
        "people/my_page.html",
        {
            "profile": profile,
            "adviser": adviser,
            "adviser_profile": getattr(adviser, "staff_profile", None) if adviser else None,
            "form": form,
            "offered": offered,
            "soon": offer_selectors.coming_up_for(person, date_of_birth=profile.date_of_birth)[:6],
            "open_surveys": list(survey_selectors.open_surveys_for(request.user)),
            "my_sessions": list(session_selectors.my_bookings(request.user)),
        },
    )


@staff_only
def staff_home(request: HttpRequest) -> HttpResponse:
    """One landing page for staff; each sees the parts their permissions open (the template
    asks the same permissions through `perms`)."""
    user = request.user
    context: dict = {}
    if can(user, VIEW_CASELOAD):
        context["caseload"] = list(selectors.caseload_of(user))
        context["caseload_target"] = selectors.CASELOAD_TARGET
    if can(user, VIEW_TEAM_CASELOADS):
        context["teams"] = list(selectors.teams_managed_by(user))
        context["advisers"] = selectors.advisers_in_teams_of(user)
        context["team_young_people"] = list(selectors.team_young_people(user))
        context["unallocated"] = list(selectors.young_people_without_adviser(user))
        context["sign_in_trouble"] = list(selectors.sign_in_trouble_for_team(user)[:20])
        context["recent_accesses"] = selectors.staff_accesses_seen_by(user)[:20]
    if can(user, VIEW_PARTICIPATION_FIGURES):
        context["figures"] = selectors.participation_figures()
    if can(user, VIEW_ALERTS):
        context["open_alerts"] = safeguarding_selectors.alert_queue(user).count()
    return render(request, "people/staff_home.html", context)


@staff_only
@require_http_methods(["GET", "POST"])
def young_person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Staff's view of one young person. Someone not on the reader's caseload or team is a 404,
    and a read outside one's own caseload is recorded. A manager can allocate their PA here."""
    profile = get_object_or_404(selectors.young_people_visible_to(request.user), pk=pk)
    form = None
    if can(request.user, ALLOCATE_ADVISER):
        advisers = selectors.advisers_allocatable_by(request.user)
        form = AllocateAdviserForm(
            request.POST if request.method == "POST" else None,
            advisers=advisers,
            initial={"adviser": profile.personal_adviser_id},
        )
        if request.method == "POST" and form.is_valid():
            services.allocate_adviser(
                manager=request.user, profile=profile, adviser=form.cleaned_data["adviser"]
            )
            messages.success(
                request,
                f"{profile.user.display_name}'s PA is now "
                f"{form.cleaned_data['adviser'].display_name}.",
            )
            return redirect("people:young_person", pk=profile.pk)
    elif request.method == "POST":
        raise PermissionDenied("Only a manager can allocate a Personal Adviser.")
    if request.method == "GET":
        services.record_staff_access(staff=request.user, profile=profile, what="profile")
    return render(
        request,
        "people/young_person_detail.html",
        {"profile": profile, "form": form, "allocations": profile.allocations.all()[:10]},
    )
