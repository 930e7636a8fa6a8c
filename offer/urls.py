from django.urls import path

from offer import api, views

urlpatterns = [
    path("what-can-i-get/", views.checker, name="checker"),
    path("search/", views.search, name="search"),
    path("offline/", views.offline, name="offline"),
    path("sw.js", views.service_worker, name="service_worker"),
    path("api/entitlements", api.entitlements, name="api_entitlements"),
]
