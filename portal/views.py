"""The public pages every visitor can read."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from offer import selectors as offer_selectors
from offer.page_cache import offline_ok
from portal.people.choices import LeavingCareStatus


@offline_ok
def home(request: HttpRequest) -> HttpResponse:
    """The front door: what the portal is, the offer's sections, signing in."""
    return render(
        request,
        "home.html",
        {
            "statuses": LeavingCareStatus,
            "sections": offer_selectors.live_sections(),
        },
    )


@offline_ok
def get_help(request: HttpRequest) -> HttpResponse:
    """Crisis and out-of-hours contacts: linked from every page, readable without signing in."""
    return render(request, "get_help.html")
