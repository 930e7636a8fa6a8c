"""The safeguarding pages' routes, part of `chat.urls` (namespace "chat")."""

from django.urls import path

from chat.safeguarding import views

urlpatterns = [
    path("staff/alerts/", views.alert_list, name="alerts"),
    path("staff/alerts/<id:pk>/", views.alert_detail, name="alert"),
    path("staff/alerts/<id:pk>/acknowledge/", views.acknowledge, name="alert_acknowledge"),
    path("staff/alerts/<id:pk>/close/", views.close, name="alert_close"),
]
