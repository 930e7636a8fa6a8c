from django.urls import path

from chat import api, views, webhooks

app_name = "chat"

urlpatterns = [
    path("api/conversations", api.conversations, name="api_conversations"),
    path("sms/inbound/", webhooks.inbound, name="sms_inbound"),
    path("sms/status/", webhooks.status, name="sms_status"),
    path("messages/", views.my_messages, name="my_messages"),
    path("staff/messages/", views.inbox, name="inbox"),
    path("staff/texts/unknown/", views.unknown_texts, name="unknown_texts"),
    path("staff/messages/<int:pk>/", views.conversation, name="conversation"),
    path(
        "staff/messages/<int:pk>/text-again/<int:message_pk>/",
        views.text_again,
        name="text_again",
    ),
]
