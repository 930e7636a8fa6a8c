from django.urls import path

from chat import views

app_name = "chat"

urlpatterns = [
    path("messages/", views.my_messages, name="my_messages"),
    path("staff/messages/", views.inbox, name="inbox"),
    path("staff/messages/<int:pk>/", views.conversation, name="conversation"),
]
