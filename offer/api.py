"""`GET /api/entitlements`: the contract's eligibility API."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse

from offer import selectors
from offer.queries import BadQuery, person_from
from portal.api_methods import allow


@allow("GET")
def entitlements(request: HttpRequest) -> JsonResponse:
    """`?age=19&status=former_relevant&circumstance=own_home` -> `{"entitlements": [slugs]}`.

    A bad value is a 400 naming the field: `{"error": "...", "field": "status"}`."""
    try:
        person = person_from(
            request.GET.get("age"),
            request.GET.get("status"),
            request.GET.getlist("circumstance"),
        )
    except BadQuery as bad:
        return JsonResponse({"error": bad.message, "field": bad.field}, status=400)
    return JsonResponse({"entitlements": selectors.slugs_for(person)})
