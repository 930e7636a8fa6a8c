"""`@allow("GET")`: which HTTP methods an `/api/` view answers, with a JSON 405 for the rest.

Django's `require_GET` answers a wrong method with an empty HTML 405; an API client is told in
JSON, like every other error the API gives (`{"error": ...}`), and in the `Allow` header."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse, JsonResponse


def allow(*methods: str) -> Callable:
    allowed = [method.upper() for method in methods]
    if "GET" in allowed and "HEAD" not in allowed:
        allowed.append("HEAD")

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def checked(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method not in allowed:
                response = JsonResponse(
                    {"error": f"Use {' or '.join(methods)} here, not {request.method}."},
                    status=405,
                )
                response["Allow"] = ", ".join(allowed)
                return response
            return view(request, *args, **kwargs)

        return checked

    return decorator
