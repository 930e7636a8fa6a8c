"""`GET /api/conversations`: the signed-in person's conversations, as the contract says."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse

from chat import selectors
from chat.serializers import person
from portal.api_methods import allow


@allow("GET")
def conversations(request: HttpRequest) -> JsonResponse:
    """`{"conversations": [{"id", "members": [{"id", "name", "role"}], "unread"}]}`; a 403
    JSON error when nobody is signed in. Staff get every conversation they may read (their
    caseload, or their team's for a manager), members or not."""
    user = request.user
    if not user.is_authenticated:
        return JsonResponse({"error": "Sign in to see your conversations."}, status=403)
    found = (
        selectors.with_unread_counts(selectors.conversations_visible_to(user), user)
        .prefetch_related("cover_staff")
        .order_by("-last_message_at", "pk")
    )
    return JsonResponse(
        {
            "conversations": [
                {
                    "id": c.pk,
                    "members": [person(m) for m in selectors.members(c)],
                    "unread": c.unread,
                }
                for c in found
            ]
        }
    )
