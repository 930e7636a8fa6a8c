"""Server-side cache of the offer's page HTML for visitors, emptied whenever the offer changes.

Most young people read the offer without signing in, on slow connections, so a published page
is rendered once and then served from the cache (Redis in production) before Wagtail even
routes the request. Any publish, unpublish, move or delete bumps one version number
(`services.forget_cached_offer`), which every key includes: section listings and the offer's
home change when a child page does, so everything starts again together.
"""

from __future__ import annotations

import functools

from django.contrib import messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.templatetags.static import static
from wagtail import views as wagtail_views

VERSION_KEY = "offer:pages:version"
TIMEOUT = 60 * 60 * 24
# The service worker keeps a copy on the phone only of pages that carry this header: pages
# that are the same for everyone, never a personal one (see static/js/sw.js).
OFFLINE_OK_HEADER = "X-Offline-Ok"


def current_version() -> int:
    """The offer's version number, moved on by `services.forget_cached_offer`."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def cacheable(request: HttpRequest) -> bool:
    """Only the same-for-everyone page: a visitor (no personal bits), a plain GET, and no
    one-off message waiting to be shown (len() does not mark messages as read)."""
    return (
        request.method == "GET"
        and not request.GET
        and not request.user.is_authenticated
        and not len(messages.get_messages(request))
    )


def key_for(path: str) -> str:
    # The stylesheet's URL carries its content hash in production, so a deploy that changes
    # it never serves HTML pointing at a file that is gone.
    return f"offer:page:{current_version()}:{static('css/portal.css')}:{path}"


def cached_serve(request: HttpRequest, path: str) -> HttpResponse:
    """Wagtail's `serve`, with visitors' pages kept in the cache. Mounted in place of
    Wagtail's own page URL (same name, `wagtail_serve`), so page links are unchanged."""
    if not cacheable(request):
        return wagtail_views.serve(request, path)
    key = key_for(path)
    html = cache.get(key)
    if html is not None:
        response = HttpResponse(html)
        response["X-Page-Cache"] = "hit"
    else:
        response = wagtail_views.serve(request, path)
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        if response.status_code != 200:
            return response
        cache.set(key, response.content, TIMEOUT)
        response["X-Page-Cache"] = "miss"
    response[OFFLINE_OK_HEADER] = "1"
    return response


def offline_ok(view):
    """Mark a public view's answer as safe to keep on the phone (see static/js/sw.js)."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if not request.user.is_authenticated and response.status_code == 200:
            response[OFFLINE_OK_HEADER] = "1"
        return response

    return wrapped
