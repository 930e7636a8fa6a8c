"""`POST /api/ask`: the contract's chatbot API.

`{"question": "..."}` in, the contract's answer object out. Anyone may ask (the offer is
public); a signed-in young person gets a personal answer, and questions for a person go to
their PA. Limited per person and per address (django-ratelimit): a 429 beyond, saying in
`retry_after` (and the `Retry-After` header) how many seconds to wait. Every request counts,
well-formed or not.

The body is read by `portal.json_body`: larger than `DATA_UPLOAD_MAX_MEMORY_SIZE` is a 413,
nested too deeply or holding a NUL or a lone surrogate a 400 naming the field, never a 500.

CSRF: the body must be JSON (`Content-Type: application/json`), which a page on another site
cannot send with the young person's cookies without the browser asking first (CORS), so the
session cannot be used against them; the view is exempt from the form token for API clients.
"""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from chat.bot import limits, services
from chat.bot.models import AskChannel
from portal.api_methods import allow
from portal.json_body import BadJson, read_json


def error(message: str, status: int, field: str | None = None) -> JsonResponse:
    body = {"error": message}
    if field:
        body["field"] = field
    return JsonResponse(body, status=status)


@csrf_exempt
@allow("POST")
def ask(request: HttpRequest) -> JsonResponse:
    wait = limits.seconds_until_allowed(request, "ask")
    if wait:
        response = JsonResponse({"error": limits.TOO_MANY, "retry_after": wait}, status=429)
        response["Retry-After"] = str(wait)
        return response
    if request.content_type != "application/json":
        return error("Send the question as JSON: Content-Type: application/json.", 415)
    try:
        payload = read_json(request)
    except BadJson as bad:
        return error(bad.message, bad.status, field=bad.field)
    if not isinstance(payload, dict) or "question" not in payload:
        return error("'question' is required.", 400, field="question")
    try:
        answer = services.ask(payload["question"], user=request.user, channel=AskChannel.API)
    except services.BadQuestion as bad:
        return error(str(bad), 400, field="question")
    return JsonResponse(answer.as_contract())
