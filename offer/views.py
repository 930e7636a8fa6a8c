"""The offer's own (non-Wagtail) pages: the checker, search, offline support."""

from __future__ import annotations

from itertools import groupby

from django.contrib.staticfiles import finders
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from offer import selectors
from offer.forms import CheckerForm
from offer.page_cache import offline_ok


def _grouped(items):
    return [(section, list(group)) for section, group in groupby(items, key=lambda i: i.section)]


@require_GET
@offline_ok
def checker(request: HttpRequest) -> HttpResponse:
    """Three questions and the answer, grouped by section with why each applies.

    A GET form, so it works with JavaScript off and a result can be bookmarked. A signed-in
    young person gets the questions filled in from their profile."""
    initial = {}
    profile = getattr(request.user, "young_person", None) if request.user.is_authenticated else None
    if profile is not None:
        initial = {
            "age": profile.age(),
            "status": profile.leaving_care_status,
            "circumstance": profile.circumstances,
        }
    asked = "age" in request.GET or "status" in request.GET
    form = CheckerForm(request.GET if asked else None, initial=initial)
    context: dict = {"form": form, "asked": asked}
    if asked and form.is_valid():
        person = form.person()
        context["results"] = _grouped(selectors.offered_to(person))
        context["count"] = sum(len(items) for _, items in context["results"])
        context["soon"] = selectors.coming_up_for(person)
    return render(request, "offer/checker.html", context)


@require_GET
@offline_ok
def search(request: HttpRequest) -> HttpResponse:
    """Search the published offer. Editors list young people's own words on each page
    ("furniture money"), and those count most."""
    query = request.GET.get("q", "").strip()[: selectors.MAX_QUERY]
    results = selectors.search_offer(query) if query else []
    page = Paginator(results, 20).get_page(request.GET.get("page")) if query else None
    return render(request, "offer/search.html", {"query": query, "page": page})


@require_GET
@cache_control(max_age=0, no_cache=True)
def service_worker(request: HttpRequest) -> HttpResponse:
    """The service worker must be served from the site's root to look after every page."""
    with open(finders.find("js/sw.js"), encoding="utf-8") as handle:
        return HttpResponse(handle.read(), content_type="text/javascript")


@require_GET
@offline_ok
def offline(request: HttpRequest) -> HttpResponse:
    """What the service worker shows for a page never read before while there is no signal."""
    return render(request, "offer/offline.html")
