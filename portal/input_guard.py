"""Refusing hostile input at the edge: a NUL character or a lone surrogate anywhere in a
request (issue 15, finding 5).

PostgreSQL cannot store a NUL, and a lone surrogate (half of a UTF-16 pair, `\\ud800` in JSON
or `%ED%A0%80` in a form) cannot be encoded as UTF-8, so either one reaching a query or a
template was a 500. Neither is ever part of what a person meant to write, so the request is
refused before any view runs, with a clear 400: JSON naming the field for `/api/`, a page in
the site's layout for people. A JSON body nested too deeply, or larger than
`DATA_UPLOAD_MAX_MEMORY_SIZE`, is refused here too (`portal.json_body`).

Twilio's webhooks (`/sms/`) are let through: a 400 there would lose a young person's text.
They are signed, and `chat.texts.webhooks` strips NULs from what a carrier sends instead.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string

from portal.hostile_fields import first_hostile_param, printable
from portal.hostile_text import has_nul_or_lone_surrogate
from portal.json_body import BadJson, NotJson, is_json, read_json

logger = logging.getLogger("portal.input")

# Paths whose callers are not people with a browser, and get JSON.
API_PATHS = ("/api/",)
# Signed webhooks that handle odd characters themselves (see the module's docstring).
EXEMPT_PATHS = ("/sms/",)
BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
NOT_TEXT = (
    "What you sent holds a character that is not text: a NUL character, or half of a pair "
    "of codes that make one character (such as an emoji)."
)
NOT_TEXT_API = (
    "The text holds a NUL character or half of a surrogate pair, which is not text: remove "
    "it and send it again."
)


class Refused(Exception):
    """What was wrong with a request, for `refusal`."""

    def __init__(self, message: str, *, field: str | None = None, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.status = status


def check(request: HttpRequest) -> None:
    """Raise Refused if any part of the request a view could read is hostile: the path, the
    query string, cookies, and a form or JSON body."""
    if has_nul_or_lone_surrogate(request.path_info):
        raise Refused(NOT_TEXT_API, field="path")
    field = first_hostile_param(request.META.get("QUERY_STRING", ""))
    if field is not None:
        raise Refused(NOT_TEXT_API, field=field)
    for name, value in request.COOKIES.items():
        if has_nul_or_lone_surrogate(name) or has_nul_or_lone_surrogate(value):
            raise Refused(NOT_TEXT_API, field=f"cookie {printable(name)}")
    if request.method in BODY_METHODS:
        _check_body(request)


def _check_body(request: HttpRequest) -> None:
    try:
        if request.content_type == "application/x-www-form-urlencoded":
            field = first_hostile_param(request.body)
            if field is not None:
                raise Refused(NOT_TEXT_API, field=field)
        elif request.content_type == "multipart/form-data":
            # Django decodes each part itself (an encoded surrogate becomes U+FFFD), so only a
            # NUL can be left: look at the parsed fields and the files' names.
            for name, values in request.POST.lists():
                if any(has_nul_or_lone_surrogate(text) for text in [name, *values]):
                    raise Refused(NOT_TEXT_API, field=printable(name))
            for name, upload in request.FILES.items():
                if has_nul_or_lone_surrogate(upload.name or ""):
                    raise Refused(NOT_TEXT_API, field=printable(name))
        elif is_json(request):
            read_json(request)
    except RequestDataTooBig:
        raise Refused("The body is too large.", status=413) from None
    except NotJson:
        return  # not JSON at all: the view says what it wanted
    except BadJson as bad:
        raise Refused(bad.message, field=bad.field, status=bad.status) from None


def refusal(request: HttpRequest, refused: Refused) -> HttpResponse:
    """JSON for the API, a page in the site's layout for people."""
    if request.path.startswith(API_PATHS):
        body: dict = {"error": refused.message}
        if refused.field is not None:
            body["field"] = refused.field
        return JsonResponse(body, status=refused.status)
    if refused.status == 413:
        heading = "What you sent is too large"
        explanation = "The portal only takes text and files up to a certain size."
    else:
        heading = "Sorry, what you sent could not be read"
        explanation = NOT_TEXT + " This can happen when text is pasted from some apps."
    context = {"heading": heading, "explanation": explanation, "field": refused.field}
    return HttpResponse(
        render_to_string("bad_input.html", context, request=request), status=refused.status
    )


class HostileInputMiddleware:
    """Answer a request holding hostile input with a 400 (or 413) before any view sees it.

    Placed before the session and CSRF middleware, so a hostile cookie never reaches a
    session query and the page is drawn as for someone not signed in."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(EXEMPT_PATHS):
            try:
                check(request)
            except Refused as refused:
                logger.info("Refused hostile input to %s (%s)", request.path, refused.field)
                return refusal(request, refused)
        return self.get_response(request)
