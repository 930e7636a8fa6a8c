"""`POST /api/ask`: the contract's chatbot API.

`{"question": "..."}` in, the contract's answer object out. Anyone may ask (the offer is
public); a signed-in young person gets a personal answer, and questions for a person go to
their PA. Limited per person and per address (django-ratelimit): a clear 429 beyond.

CSRF: the body must be JSON (`Content-Type: application/json`), which a page on another site
cannot send with the young person's cookies without the browser asking first (CORS), so the
session cannot be used against them; the view is exempt from the form token for API clients.
"""

from __future__ import annotations

import json

from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from chat.bot import service
from chat.bot.models import AskChannel
from chat.bot.views import TOO_MANY, rate_limited


def error(message: str, status: int, field: str | None = None) -> JsonResponse:
    body = {"error": message}
    if field:
        body["field"] = field
    return JsonResponse(body, status=status)


@csrf_exempt
@require_POST
def ask(request: HttpRequest) -> JsonResponse:
    if request.content_type != "application/json":
        return error("Send the question as JSON: Content-Type: application/json.", 415)
    try:
        payload = json.loads(request.body or b"")
    except (ValueError, UnicodeDecodeError):
        return error("The body is not valid JSON.", 400)
    if not isinstance(payload, dict) or "question" not in payload:
        return error("'question' is required.", 400, field="question")
    if rate_limited(request, "ask"):
        return error(TOO_MANY, 429)
    try:
        answer = service.ask(payload["question"], user=request.user, channel=AskChannel.API)
    except service.BadQuestion as bad:
        return error(str(bad), 400, field="question")
    return JsonResponse(answer.as_contract())
