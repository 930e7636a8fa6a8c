from django.urls import path

from chat import api, views
from chat.bot import api as bot_api
from chat.bot import views as bot_views
from chat.safeguarding import urls as safeguarding_urls
from chat.texts import webhooks

app_name = "chat"

urlpatterns = [
    path("api/conversations", api.conversations, name="api_conversations"),
    path("api/ask", bot_api.ask, name="api_ask"),
    path("messages/ask/", bot_views.ask, name="ask"),
    path("messages/ask/<id:pk>/feedback/", bot_views.feedback, name="ask_feedback"),
    *safeguarding_urls.urlpatterns,
    path("staff/questions/", bot_views.questions, name="questions"),
    path("sms/inbound/", webhooks.inbound, name="sms_inbound"),
    path("sms/status/", webhooks.status, name="sms_status"),
    path("messages/", views.my_messages, name="my_messages"),
    path("staff/messages/", views.inbox, name="inbox"),
    path("staff/texts/unknown/", views.unknown_texts, name="unknown_texts"),
    path("staff/messages/<id:pk>/", views.conversation, name="conversation"),
    path("staff/messages/<id:pk>/allocate/", views.allocate, name="allocate"),
    path(
        "staff/messages/<id:pk>/text-again/<id:message_pk>/",
        views.text_again,
        name="text_again",
    ),
]
