"""Participation records: a young person's own, and everyone's for the participation team and
managers, with the year's figures. The participation team adds what happened away from the
portal (panels, celebration events). All work with JavaScript off.

Thin: who may read what is decided in `selectors`; `services` writes.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portal.people.roles import NotAllowed
from portal.people.services import record_staff_access
from surveys.models import ActivityKind
from surveys.participation import selectors, services
from surveys.participation.forms import ParticipationEntryForm
from surveys.young_people import takes_part

# The earliest council year offered in the figures' year picker.
FIRST_YEAR = 2020


@login_required
@require_GET
def my_record(request: HttpRequest) -> HttpResponse:
    """What this young person has taken part in: their own record, nobody else's."""
    if not takes_part(request.user):
        raise PermissionDenied("This page is for young people who have been in care.")
    items = selectors.record_for(request.user)
    year = selectors.council_year()
    return render(
        request,
        "surveys/participation/mine.html",
        {"items": items, "year": year, "this_year": selectors.count_this_year(items, year)},
    )


def _require_everyone(request: HttpRequest) -> None:
    if not selectors.can_see_everyone(request.user):
        raise PermissionDenied("Participation records are for the participation team and managers.")


def _chosen_year(request: HttpRequest) -> selectors.CouncilYear:
    current = selectors.council_year()
    try:
        starting = int(request.GET.get("year", current.first_year))
    except ValueError:
        starting = current.first_year
    starting = min(max(starting, FIRST_YEAR), current.first_year)
    return selectors.council_year(starting=starting)


@login_required
@require_GET
def everyone(request: HttpRequest) -> HttpResponse:
    """The year's figures and every young person's count of things taken part in."""
    _require_everyone(request)
    year = _chosen_year(request)
    figures = selectors.year_figures(year)
    query = " ".join(request.GET.get("q", "").split())[:80]
    people = selectors.young_people_named(request.user, query)
    rows = [
        (profile, figures.per_person.get(profile.user_id, selectors.PersonCounts()))
        for profile in people
    ]
    current = selectors.council_year()
    return render(
        request,
        "surveys/participation/everyone.html",
        {
            "figures": figures,
            "year": year,
            "years": [
                selectors.council_year(starting=y)
                for y in range(current.first_year, FIRST_YEAR - 1, -1)
            ],
            "rows": rows,
            "query": query,
            "can_add": selectors.can_add_entries(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def person_record(request: HttpRequest, pk: int) -> HttpResponse:
    """One young person's whole record; the participation team can add to it here."""
    _require_everyone(request)
    profile = get_object_or_404(selectors.young_people_for(request.user), pk=pk)
    can_add = selectors.can_add_entries(request.user)
    form = ParticipationEntryForm(request.POST or None) if can_add else None
    if request.method == "POST":
        if not can_add:
            raise PermissionDenied("Only the participation team adds to participation records.")
        if form.is_valid():
            entry = services.add_entry(
                by=request.user,
                person=profile.user,
                kind=ActivityKind(form.cleaned_data["kind"]),
                title=form.cleaned_data["title"],
                took_part_on=form.cleaned_data["took_part_on"],
            )
            messages.success(
                request,
                f"Added to {profile.user.display_name}'s record: {entry.title}, "
                f"{entry.took_part_on:%-d %B %Y}.",
            )
            return redirect("surveys:participation_person", pk=profile.pk)
    else:
        record_staff_access(staff=request.user, profile=profile, what="participation record")
    items = selectors.record_for(profile.user, for_staff=True)
    return render(
        request,
        "surveys/participation/person.html",
        {
            "profile": profile,
            "items": items,
            "year": selectors.council_year(),
            "this_year": selectors.count_this_year(items),
            "form": form,
            "can_remove": selectors.can_remove_entries(request.user),
        },
        status=400 if form is not None and form.errors else 200,
    )


@login_required
@require_POST
def remove_entry(request: HttpRequest, pk: int) -> HttpResponse:
    _require_everyone(request)
    entry = get_object_or_404(selectors.entries_visible_to(request.user), pk=pk)
    profile = entry.person.young_person
    try:
        services.remove_entry(by=request.user, entry=entry)
    except NotAllowed as refused:
        raise PermissionDenied(str(refused)) from None
    messages.success(request, f"Removed from {profile.user.display_name}'s record: {entry.title}.")
    return redirect("surveys:participation_person", pk=profile.pk)
