from django.urls import path

from chat import api, views

app_name = "chat"

urlpatterns = [
    path("api/conversations", api.conversations, name="api_conversations"),
    path("messages/", views.my_messages, name="my_messages"),
    path("staff/messages/", views.inbox, name="inbox"),
    path("staff/messages/<int:pk>/", views.conversation, name="conversation"),
]
