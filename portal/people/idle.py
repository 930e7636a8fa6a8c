"""Staff are signed out after STAFF_IDLE_TIMEOUT_MINUTES without using the portal (issue 15,
finding 9: staff sessions lasted 12 hours, on shared office computers, with safeguarding records
on screen).

The server decides: `StaffIdleTimeoutMiddleware` (portal/people/middleware.py) keeps the time of
each member of staff's last request in their session and signs them out on the first request
after the limit. Where JavaScript runs, `static/js/staff-idle.js` asks `session_status` how long
is left and, a few minutes before the end, offers "Stay signed in". Several tabs share one
session, so the server's answer, not one page's clock, says how long is left. Young people keep
the longer session (SESSION_COOKIE_AGE): they are not on shared office computers all day and
are told to sign out on shared phones.
"""

from __future__ import annotations

import json
import time

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from portal.people.roles import USE_STAFF_PAGES, can

# Seconds since the epoch of the member of staff's last request, in their session.
LAST_ACTIVE_KEY = "staff_last_active_at"
# The session is written at most this often while someone is busy: a write per request would
# cost a database write on every page; the limit is then up to this much early, no later.
TOUCH_EVERY_SECONDS = 60


def timeout_seconds() -> int:
    return settings.STAFF_IDLE_TIMEOUT_MINUTES * 60


def warning_seconds() -> int:
    return settings.STAFF_IDLE_WARNING_MINUTES * 60


def seconds_left(session: SessionBase, *, now: float | None = None) -> int:
    """Seconds until this session is signed out for being idle (the whole limit if it has no
    activity recorded yet: the first request records it)."""
    now = time.time() if now is None else now
    last = session.get(LAST_ACTIVE_KEY)
    if last is None:
        return timeout_seconds()
    return int(last + timeout_seconds() - now)


def touch(session: SessionBase, *, now: float | None = None, force: bool = False) -> None:
    """Record activity now (at most once a minute unless `force`)."""
    now = time.time() if now is None else now
    last = session.get(LAST_ACTIVE_KEY)
    if force or last is None or now - last >= TOUCH_EVERY_SECONDS:
        session[LAST_ACTIVE_KEY] = now


def is_status_check(request: HttpRequest) -> bool:
    """Requests a page makes on its own, which say nothing about whether anyone is there: the
    idle script asking how long is left, and Wagtail's editor telling other editors it is open
    (every 10 seconds while an edit page is open). They must not keep a session alive."""
    if request.method == "GET" and request.path == reverse("people:staff_session"):
        return True
    return request.path.startswith(reverse("wagtailadmin_home") + "editing-sessions/")


def wants_json(request: HttpRequest) -> bool:
    return (
        request.path.startswith("/api/")
        or "application/json" in request.headers.get("Accept", "")
        or request.headers.get("X-Requested-With") == "XMLHttpRequest"
        or is_status_check(request)
    )


@require_http_methods(["GET", "POST"])
def session_status(request: HttpRequest) -> HttpResponse:
    """GET: how long a member of staff has before being signed out for being idle (asking does
    not count as activity). POST ("Stay signed in"): carry on; with JavaScript off, back to
    the page they came from. Someone already signed out gets `signed_in: false`."""
    if not can(request.user, USE_STAFF_PAGES):
        return JsonResponse(
            {"signed_in": False, "sign_in_url": reverse("account_login")}, status=401
        )
    if request.method == "POST":
        touch(request.session, force=True)
        if "application/json" not in request.headers.get("Accept", ""):
            back = request.POST.get("next", "")
            if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
                back = reverse("people:staff_home")
            return redirect(back)
    return JsonResponse(
        {
            "signed_in": True,
            "seconds_left": max(seconds_left(request.session), 0),
            "warning_seconds": warning_seconds(),
        }
    )


def script_tag(*, csrf_token: str = "") -> str:
    """The <script> that warns before the time runs out, for the portal's pages (base.html,
    through the `staff_idle_script` tag) and Wagtail's admin (wagtail_hooks.py). In the admin the
    script reads the CSRF token from Wagtail's own configuration."""
    config = {
        "statusUrl": reverse("people:staff_session"),
        "signInUrl": reverse("account_login"),
        "signOutUrl": reverse("account_logout"),
        "timeoutSeconds": timeout_seconds(),
        "warningSeconds": warning_seconds(),
        "csrfToken": csrf_token,
    }
    return format_html(
        '<script src="{}" defer data-staff-idle="{}"></script>',
        static("js/staff-idle.js"),
        json.dumps(config),
    )
