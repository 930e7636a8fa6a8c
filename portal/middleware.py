"""Project-wide middleware."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.csp import CSP

# Wagtail's admin (a staff-only area behind a second factor) builds its editors with inline
# styles and runs inline scripts it inserts itself, which a nonce cannot cover: only under
# /admin/ are both allowed. The public and young people's pages keep the strict policy.
ADMIN_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
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
