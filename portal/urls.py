"""URLs: public pages, sign-in (allauth), people, the offer's own views, health, the Wagtail
admin, and Wagtail's published pages under /offer/ (the local offer is the site's page tree)."""

from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from offer.page_cache import cached_serve
from portal import (
    converters,  # noqa: F401  registers <id:...> (database ids in URLs)
    health,
    views,
)

urlpatterns = [
    path("", views.home, name="home"),
    path("get-help-now/", views.get_help, name="get_help"),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("accounts/", include("allauth.urls")),
    path("", include("portal.people.urls")),
    path("", include("offer.urls")),
    path("", include("chat.urls")),
    path("", include("surveys.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's pages, with visitors' copies served from the page cache before Wagtail routes them.
urlpatterns += [
    path(
        "offer/",
        include(
            [
                re_path(serve_pattern, cached_serve, name="wagtail_serve"),
                path("", include(wagtail_urls)),
            ]
        ),
    )
]

# Without PostgreSQL a page is a 503 saying so, not a 500 (portal/unavailable.py).
handler500 = "portal.unavailable.server_error"
