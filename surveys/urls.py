"""Surveys: young people's pages under /surveys/, results for staff under /staff/surveys/."""

from django.urls import path

from surveys import participation_views, session_views, views

app_name = "surveys"

urlpatterns = [
    path("surveys/", views.my_surveys, name="mine"),
    path("surveys/<int:pk>/", views.start, name="start"),
    path("surveys/<int:pk>/<int:step>/", views.section, name="section"),
    path("surveys/<int:pk>/check/", views.check, name="check"),
    path("surveys/<int:pk>/thank-you/", views.done, name="done"),
    path("surveys/sessions/", session_views.session_list, name="sessions"),
    path("surveys/sessions/<int:pk>/", session_views.session_detail, name="session"),
    path("surveys/sessions/<int:pk>/book/", session_views.book, name="session_book"),
    path("surveys/sessions/<int:pk>/cancel/", session_views.cancel, name="session_cancel"),
    path("surveys/sessions/<int:pk>/calendar.ics", session_views.ics, name="session_ics"),
    path("surveys/my-record/", participation_views.my_record, name="my_record"),
    path("staff/participation/", participation_views.everyone, name="participation"),
    path(
        "staff/participation/<int:pk>/",
        participation_views.person_record,
        name="participation_person",
    ),
    path(
        "staff/participation/entries/<int:pk>/remove/",
        participation_views.remove_entry,
        name="participation_remove",
    ),
    path("staff/sessions/", session_views.staff_sessions, name="staff_sessions"),
    path("staff/sessions/<int:pk>/", session_views.staff_session, name="staff_session"),
    path("staff/surveys/", views.staff_surveys, name="staff_list"),
    path("staff/surveys/<int:pk>/", views.survey_results, name="results"),
    path("staff/surveys/<int:pk>/answers.csv", views.answers_csv, name="answers_csv"),
    path("staff/surveys/<int:pk>/totals.csv", views.totals_csv, name="totals_csv"),
]
