"""The portal's URLs plus a bare view: the baseline that returns a fixed HTML string through
the same middleware, so a cached page can be compared with the least Django can do."""

from django.http import HttpResponse
from django.urls import include, path

BARE_HTML: dict[str, bytes] = {"body": b""}


def bare(request):
    return HttpResponse(BARE_HTML["body"])


urlpatterns = [path("bench-bare/", bare), path("", include("portal.urls"))]
