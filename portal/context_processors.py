"""Values every page needs: the portal's name and the "Get help now" contacts."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def portal(request: HttpRequest) -> dict:
    return {"portal": settings.PORTAL}
