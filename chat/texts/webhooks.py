"""Twilio's two webhooks, `POST /sms/inbound/` and `POST /sms/status/`. Thin: check the
signature, read the fields, call one service (`services.inbound.receive_text`,
`services.outbound.record_status`), answer in TwiML."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from twilio.request_validator import RequestValidator
from twilio.twiml.messaging_response import MessagingResponse

from chat.texts.services import inbound as inbound_texts
from chat.texts.services import outbound

logger = logging.getLogger("portal.sms")


def signed_by_twilio(request: HttpRequest) -> bool:
    """Twilio signs every webhook with the account's auth token over the URL it called (ours,
    as the public sees it: `PUBLIC_BASE_URL`, since a proxy may change host and scheme) and
    the form fields. No token configured means nothing can be checked, so nothing passes."""
    signature = request.headers.get("X-Twilio-Signature", "")
    if not settings.TWILIO_AUTH_TOKEN or not signature:
        return False
    url = settings.PUBLIC_BASE_URL + request.get_full_path()
    return RequestValidator(settings.TWILIO_AUTH_TOKEN).validate(url, request.POST, signature)


def twiml(reply: str | None) -> HttpResponse:
    response = MessagingResponse()
    if reply:
        response.message(reply)
    return HttpResponse(str(response), content_type="text/xml; charset=utf-8")


def refused() -> HttpResponse:
    return HttpResponse(
        "The X-Twilio-Signature header is missing or does not match.",
        status=403,
        content_type="text/plain; charset=utf-8",
    )


def twilio_webhook(view: Callable[[HttpRequest], HttpResponse]):
    """A view Twilio calls: POST only, no CSRF token (Twilio has none), and refused with a 403
    unless Twilio's signature is good."""

    @csrf_exempt
    @require_POST
    @wraps(view)
    def checked(request: HttpRequest) -> HttpResponse:
        if not signed_by_twilio(request):
            logger.warning("Refused an unsigned or badly signed call to %s", request.path)
            return refused()
        return view(request)

    return checked


def field(request: HttpRequest, name: str) -> str:
    """A field Twilio sent, without NUL characters. A NUL can come through a carrier's
    gateway in a text; it is never something the young person typed, and PostgreSQL cannot
    store it (a 500, issue 15). It is dropped rather than the text refused: a 400 here would
    lose the message, since Twilio tells the sender nothing. The signature is checked on
    the fields as sent, before this."""
    return request.POST.get(name, "").replace("\x00", "")


def missing(*fields: str) -> HttpResponse:
    return HttpResponse(
        f"{' and '.join(fields)} are required.",
        status=400,
        content_type="text/plain; charset=utf-8",
    )


@twilio_webhook
def inbound(request: HttpRequest) -> HttpResponse:
    """A text to the council's number: into the young person's conversation, or a kind reply."""
    message_sid = field(request, "MessageSid").strip()
    from_number = field(request, "From").strip()
    if not message_sid or not from_number:
        return missing("MessageSid", "From")
    outcome = inbound_texts.receive_text(
        message_sid=message_sid[:64], from_number=from_number, body=field(request, "Body")
    )
    return twiml(outcome.reply)


@twilio_webhook
def status(request: HttpRequest) -> HttpResponse:
    """Twilio's status callback for a text we sent: queued, sent, delivered, undelivered or
    failed. Recorded on the text (and its message, which the PA sees in the thread)."""
    message_sid = field(request, "MessageSid").strip()
    message_status = field(request, "MessageStatus").strip()
    if not message_sid or not message_status:
        return missing("MessageSid", "MessageStatus")
    outbound.record_status(
        provider_sid=message_sid[:64],
        status=message_status,
        error_code=field(request, "ErrorCode").strip(),
    )
    return HttpResponse(status=204)
