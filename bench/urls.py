"""The portal's URLs plus two bare views, the baselines that go through the same middleware and
do as little as a view can: `bench-bare/` returns a fixed HTML string (so a cached page can be
compared with the least Django can do), `bench-bare-twiml/` answers a POST with the empty TwiML
`<Response/>` the SMS webhook gives a text it stores (no signature check, no database)."""

from django.http import HttpResponse
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from twilio.twiml.messaging_response import MessagingResponse

BARE_HTML: dict[str, bytes] = {"body": b""}


def bare(request):
    return HttpResponse(BARE_HTML["body"])


@csrf_exempt
@require_POST
def bare_twiml(request):
    return HttpResponse(str(MessagingResponse()), content_type="text/xml; charset=utf-8")


urlpatterns = [
    path("bench-bare/", bare),
    path("bench-bare-twiml/", bare_twiml),
    path("", include("portal.urls")),
]
