"""The public pages every visitor can read."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from portal.people.choices import LeavingCareStatus


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "home.html", {"statuses": LeavingCareStatus})


def get_help(request: HttpRequest) -> HttpResponse:
    """Crisis and out-of-hours contacts: linked from every page, readable without signing in."""
    return render(request, "get_help.html")
