"""People middleware: staff set up a second factor before anything else, are signed out when
idle, and only editors get into the website editor."""

from __future__ import annotations

from collections.abc import Callable

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

from portal.people import idle
from portal.people.roles import USE_STAFF_PAGES, USE_WEBSITE_EDITOR, can

# Paths a member of staff without a second factor may still use: setting one up, signing out,
# and the files those pages need.
ALLOWED_PREFIXES = (
    "/accounts/2fa/",
    "/accounts/reauthenticate/",  # allauth asks for the password again before setting one up
    "/accounts/logout/",
    "/static/",
    "/healthz",
    "/readyz",
)


def needs_second_factor(user) -> bool:
    """Signed-in staff who have not set up an authenticator app yet: they may see nothing
    about young people, over HTTP or over a socket."""
    return (
        can(user, USE_STAFF_PAGES)
        and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    )


class StaffSecondFactorMiddleware:
    """Send signed-in staff with no authenticator app to set one up.

    Staff see safeguarding records, so a password alone is not enough (see issue: foundation).
    Once they have one, allauth asks for its code at every sign-in.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(ALLOWED_PREFIXES) and needs_second_factor(request.user):
            if request.path.startswith("/api/"):
                return JsonResponse(
                    {"error": "Set up an authenticator app on the website first."}, status=403
                )
            messages.info(
                request,
                "Because you can see young people's records, you need a second way to prove it "
                "is you. Set up an authenticator app to carry on.",
            )
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)


class EditorAccessMiddleware:
    """Only people who may use the website editor (Wagtail's admin) get into it.

    Wagtail sends a signed-in person without the right to the sign-in page, which sends anyone
    signed in straight back to where they came from: a young person or a PA opening /admin/
    went round in a loop (ERR_TOO_MANY_REDIRECTS, issue 15 finding 9). They get the portal's
    403 page instead, which says why and links to their own page. Visitors still go to sign in.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.admin_prefix = reverse("wagtailadmin_home")

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            request.path.startswith(self.admin_prefix)
            and request.user.is_authenticated
            and not can(request.user, USE_WEBSITE_EDITOR)
        ):
            raise PermissionDenied(
                "The website editor is for the people who write the website, and this account "
                "can't edit the website."
            )
        return self.get_response(request)


class StaffIdleTimeoutMiddleware:
    """Sign staff out after STAFF_IDLE_TIMEOUT_MINUTES (30) without a request (see idle.py).

    Sits after the session, authentication and message middleware. The sign-out is recorded in
    the sign-in audit like any other, with the method "idle". A page asks again to sign in and
    comes back afterwards; a request from a script gets a 401 saying so.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if can(request.user, USE_STAFF_PAGES):
            if idle.seconds_left(request.session) <= 0:
                return self._sign_out(request)
            if not idle.is_status_check(request):
                idle.touch(request.session)
        return self.get_response(request)

    def _sign_out(self, request: HttpRequest) -> HttpResponse:
        minutes = settings.STAFF_IDLE_TIMEOUT_MINUTES
        request.signed_out_because = "idle"  # read by receivers.audit_signed_out
        logout(request)
        text = (
            f"You were signed out because the portal was not used for {minutes} minutes. "
            "This keeps young people's records safe on a shared computer. Sign in again to "
            "carry on."
        )
        messages.info(request, text)  # shown on the sign-in page, also after a script's 401
        if idle.wants_json(request):
            return JsonResponse(
                {"signed_in": False, "error": text, "sign_in_url": reverse("account_login")},
                status=401,
            )
        next_url = request.get_full_path() if request.method == "GET" else request.path
        return redirect_to_login(next_url, reverse("account_login"))
