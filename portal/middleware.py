"""Project-wide middleware."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers
from django.utils.csp import CSP

# Wagtail's admin (a staff-only area behind a second factor) builds its editors with inline
# styles, so only under /admin/ are inline styles allowed. Scripts are held to our origin there
# too: the inline scripts Wagtail 8 still writes (inline panels, date fields, choosers) become
# markers that static/js/wagtail-admin-init.js starts (portal/people/templates/wagtailadmin/
# and portal/people/admin_csp.py; issue 15), so an injected inline script does not run. What
# remains is in docs/foundation.md.
ADMIN_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "connect-src": [CSP.SELF],
    "font-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}


class AdminContentSecurityPolicyMiddleware:
    """Give Wagtail's admin its own policy. Sits after Django's CSP middleware in MIDDLEWARE,
    so it sees the response first and sets the config that middleware then writes."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith("/admin/"):
            response._csp_config = ADMIN_CSP
        return response


class NoStoreForSignedInMiddleware:
    """Tell browsers (and any proxy) to keep no copy of anything shown to a signed-in person.

    My page, messages, staff alerts, conversations and records sent no Cache-Control, so after
    signing out on a shared phone, Back showed them again (issue 15, finding 7). Every answer
    to a request made signed in, or that signs someone in or out, is `no-store`: public pages
    read while signed in too, since the page around them names the person. Visitors' pages are
    untouched, so the offer's page cache and the service worker's offline copies (which only
    ever keep visitors' pages: offer/page_cache.py, static/js/sw.js) work as before. Static
    files never reach this far (WhiteNoise answers them first), so they stay cacheable.
    Sits just after AuthenticationMiddleware, so it sees every answer from the views and the
    middleware inside it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        signed_in_before = request.user.is_authenticated
        response = self.get_response(request)
        if signed_in_before or request.user.is_authenticated:
            add_never_cache_headers(response)  # no-store, no-cache, private, max-age=0
        return response
