"""How often the chatbot may be asked: per person and per address (django-ratelimit, counted in
the shared cache), so that one visitor cannot flood the portal with questions. Shared by
`POST /api/ask` and the "Ask a question" page."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.core import get_usage

TOO_MANY = (
    "You've asked a lot of questions in a short time. Wait a minute and try again, or message "
    "your Personal Adviser (PA)."
)


def seconds_until_allowed(request: HttpRequest, group: str) -> int:
    """Count this request against the per-address limit (and, for someone signed in, the
    per-person one). 0 when it may go ahead; otherwise how many seconds until the window it
    used up ends (at least 1), for a 429's `Retry-After`."""
    limits = [("ip", settings.ASK_RATE_PER_IP)]
    if request.user.is_authenticated:
        limits.append(("user", settings.ASK_RATE_PER_USER))
    wait = 0
    for key, rate in limits:
        usage = get_usage(request, group=group, key=key, rate=rate, increment=True)
        if usage is not None and usage["should_limit"]:
            wait = max(wait, usage["time_left"], 1)
    return wait
