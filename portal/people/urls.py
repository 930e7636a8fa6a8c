from django.urls import path

from portal.people import idle, views

app_name = "people"

urlpatterns = [
    path("start/", views.landing, name="landing"),
    path("my-page/", views.my_page, name="my_page"),
    path("staff/", views.staff_home, name="staff_home"),
    path("staff/session/", idle.session_status, name="staff_session"),
    path("staff/young-people/<id:pk>/", views.young_person_detail, name="young_person"),
]
