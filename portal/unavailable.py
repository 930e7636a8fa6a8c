"""What the portal does when PostgreSQL or Redis stops answering (docs/deploy.md).

Found by running the portal as production does and taking each away (tests/scale):

- PostgreSQL: nothing can be read or stored, so every request gets a clear 503 with
  Retry-After, never Django's 500 page: a page in plain English with the numbers to ring (which
  need no database) for people, a JSON error for `/api/` and Twilio's `/sms/` webhooks.
  `post_message` is one transaction, so a message is stored whole or not at all; the socket
  answers an `unavailable` error frame and stays open (`chat.consumers`).
- Redis as the cache: a cache that does not answer is treated as an empty one that keeps
  nothing (`ForgivingRedisCache`), so pages are rendered from the database instead of failing.
  Sign-in lockouts and the chatbot's rate limits are counted in the cache, so they are not
  counted while it is away: we judged that a young person being able to sign in and message
  their PA during a short outage matters more (and `/readyz` says the cache is down).
- Redis as the channel layer: live delivery stops, storing does not. Fan-out from a request or
  the worker is best effort (`group_send_or_log`): the message is stored and each page picks it
  up with `sync` when its socket is back.
"""

from __future__ import annotations

import logging
import sys
import threading
import time

import redis.exceptions
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.templatetags.static import static
from django.utils.html import format_html
from django.views import defaults

logger = logging.getLogger("portal.unavailable")

# The database did not answer (refused, went away mid-query, or does not allow connections).
DATABASE_ERRORS = (OperationalError, InterfaceError)
# Redis did not answer (refused, reset, timed out, still loading its data after a restart).
REDIS_ERRORS = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)
# Seconds a client is asked to wait: a database restart or fail-over takes about this long.
RETRY_AFTER = 30
# Machines (the API's clients, Twilio) get JSON; people get a page.
MACHINE_PATHS = ("/api/", "/sms/")

UNAVAILABLE = (
    "The portal cannot reach its database just now, so nothing can be saved or shown. "
    "Please try again in a minute."
)


# --- PostgreSQL -------------------------------------------------------------------------------


def unavailable_response(request: HttpRequest) -> HttpResponse:
    """503 with Retry-After: JSON for machines, a plain-English page for people. Built without
    the database, the session or the template context (all may be what failed)."""
    if request.path.startswith(MACHINE_PATHS):
        response: HttpResponse = JsonResponse(
            {"error": "unavailable", "detail": UNAVAILABLE}, status=503
        )
    else:
        response = HttpResponse(_page(), status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response


def _page() -> str:
    portal = settings.PORTAL
    return format_html(
        "<!DOCTYPE html>\n"
        '<html lang="en-GB">\n'
        '<head><meta charset="utf-8"><meta name="viewport" '
        'content="width=device-width, initial-scale=1">'
        "<title>Sorry, the portal is not working just now</title>"
        '<link rel="stylesheet" href="{css}"></head>\n'
        '<body><div class="width-container"><main id="main" class="main">\n'
        "<h1>Sorry, the portal is not working just now</h1>\n"
        "<p>We cannot reach our records at the moment. Nothing you did caused this, and "
        "nothing you have already sent is lost. Please try again in a minute.</p>\n"
        "<h2>If you need help now</h2>\n"
        "<ul>\n"
        '<li>If you are in danger or hurt, call <a href="tel:999">999</a>.</li>\n'
        '<li>Samaritans: call <a href="tel:116123">116 123</a>, free, any time.</li>\n'
        '<li>Leaving care team, Monday to Friday: <a href="tel:{team_tel}">{team}</a>.</li>\n'
        '<li>Out of hours: <a href="tel:{ooh_tel}">{ooh}</a>.</li>\n'
        "</ul>\n"
        "</main></div></body></html>\n",
        css=static("css/portal.css"),
        team=portal["LEAVING_CARE_PHONE"],
        team_tel=portal["LEAVING_CARE_PHONE"].replace(" ", ""),
        ooh=portal["OUT_OF_HOURS_PHONE"],
        ooh_tel=portal["OUT_OF_HOURS_PHONE"].replace(" ", ""),
    )


class DatabaseUnavailableMiddleware:
    """A view that cannot reach the database answers 503 (see `unavailable_response`).

    Django turns an exception raised in a middleware (loading the session or the user, say)
    into a response before any other middleware sees it, so `server_error` (the URLconf's
    `handler500`) does the same for those."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, DATABASE_ERRORS):
            logger.warning("Database unavailable for %s: %r", request.path, exception)
            return unavailable_response(request)
        return None


def server_error(request: HttpRequest) -> HttpResponse:
    """`handler500`: an unhandled database outage is a 503, anything else Django's 500 page."""
    if isinstance(sys.exception(), DATABASE_ERRORS):
        return unavailable_response(request)
    return defaults.server_error(request)


# RFC 6455's close code for "a service the server needs is down": come back later.
TRY_AGAIN_LATER = 1013


class CloseSocketWithoutDatabase:
    """ASGI middleware for sockets: the session and the user are read from the database before
    any consumer runs, so without PostgreSQL the handshake would fail with a traceback. Close
    with 1013 ("try again later") instead; the page's socket reconnects with back-off."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        try:
            await self.app(scope, receive, send)
        except DATABASE_ERRORS as lost:
            logger.warning("Database unavailable for a socket on %s: %r", scope.get("path"), lost)
            await send({"type": "websocket.close", "code": TRY_AGAIN_LATER})


# --- Redis as the cache -----------------------------------------------------------------------

# After Redis fails to answer, a process leaves it alone this long: a Redis host that vanished
# without a word would otherwise cost every cache call a timeout.
REST_SECONDS = 5.0
_resting_until: dict[str, float] = {}
_rest_lock = threading.Lock()


class _ForgivingClient(RedisCacheClient):
    """Django's Redis client; a Redis that does not answer is an empty cache keeping nothing."""

    def _call(self, method: str, fallback, *args):
        where = ",".join(self._servers)
        if _resting_until.get(where, 0.0) > time.monotonic():
            return fallback
        try:
            return getattr(super(), method)(*args)
        except REDIS_ERRORS as lost:
            with _rest_lock:
                first = _resting_until.get(where, 0.0) <= time.monotonic()
                _resting_until[where] = time.monotonic() + REST_SECONDS
            if first:
                logger.warning("The cache (Redis) does not answer; going on without: %r", lost)
            return fallback

    def add(self, key, value, timeout):
        # As if the key were free: a lock or a counter built on `add` lets the caller through
        # (see the module's docstring on rate limits).
        return self._call("add", True, key, value, timeout)

    def get(self, key, default):
        return self._call("get", default, key, default)

    def set(self, key, value, timeout):
        return self._call("set", None, key, value, timeout)

    def touch(self, key, timeout):
        return self._call("touch", False, key, timeout)

    def delete(self, key):
        return self._call("delete", False, key)

    def get_many(self, keys):
        return self._call("get_many", {}, keys)

    def has_key(self, key):
        return self._call("has_key", False, key)

    def incr(self, key, delta):
        missing = object()
        result = self._call("incr", missing, key, delta)
        if result is missing:
            raise ValueError(f"Key '{key}' not found.")  # what Django says of a missing key
        return result

    def set_many(self, data, timeout):
        return self._call("set_many", None, data, timeout)

    def delete_many(self, keys):
        return self._call("delete_many", None, keys)

    def clear(self):
        return self._call("clear", False)


class ForgivingRedisCache(RedisCache):
    """`django.core.cache.backends.redis.RedisCache`, carrying on without Redis when it does
    not answer (a miss for every read, nothing kept), so no page fails because of the cache.
    Give it short socket timeouts in OPTIONS: a read waits that long at most."""

    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._class = _ForgivingClient


# --- Redis as the channel layer ---------------------------------------------------------------


def group_send_or_log(group: str, event: dict) -> bool:
    """Tell a group's sockets, from synchronous code (a request, the worker), after the data is
    stored. Best effort: without the channel layer the data stands, and each page gets it with
    `sync` when its socket is back. Returns whether the layer took it."""
    layer = get_channel_layer()
    if layer is None:
        return False
    try:
        async_to_sync(layer.group_send)(group, event)
    except REDIS_ERRORS as lost:
        logger.warning("Could not tell %s about %s (channel layer: %r)", group, event["type"], lost)
        return False
    return True
