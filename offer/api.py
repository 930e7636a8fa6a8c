"""`GET /api/entitlements`: the contract's eligibility API."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse

from offer import selectors
from offer.forms import CheckerForm
from portal.api_methods import allow


@allow("GET")
def entitlements(request: HttpRequest) -> JsonResponse:
    """`?age=19&status=former_relevant&circumstance=own_home` -> `{"entitlements": [slugs]}`.

    Checked by the checker's own form. A bad value is a 400 naming the field:
    `{"error": "...", "field": "status"}`."""
    form = CheckerForm(request.GET)
    if not form.is_valid():
        field, message = form.first_error()
        return JsonResponse({"error": message, "field": field}, status=400)
    return JsonResponse({"entitlements": selectors.slugs_for(form.person())})
