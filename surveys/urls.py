"""Surveys, sessions and participation records: young people's pages under /surveys/, staff's
under /staff/surveys/, /staff/sessions/ and /staff/participation/."""

from django.urls import path, register_converter

from surveys import views
from surveys.participation import views as participation_views
from surveys.sessions import views as session_views

app_name = "surveys"


class RowId:
    """A row id the database can hold (1 to 2**63 - 1). Anything bigger is no match, so a 404,
    rather than a number that overflows a query (SQLite raises OverflowError: issue 15)."""

    regex = "[0-9]{1,19}"
    LARGEST = 2**63 - 1

    def to_python(self, value: str) -> int:
        number = int(value)
        if not 0 < number <= self.LARGEST:
            raise ValueError("not a row id")
        return number

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(RowId, "surveys_row")

urlpatterns = [
    path("surveys/", views.my_surveys, name="mine"),
    path("surveys/<surveys_row:pk>/", views.start, name="start"),
    path("surveys/<surveys_row:pk>/<surveys_row:step>/", views.section, name="section"),
    path("surveys/<surveys_row:pk>/check/", views.check, name="check"),
    path("surveys/<surveys_row:pk>/thank-you/", views.done, name="done"),
    path("surveys/sessions/", session_views.session_list, name="sessions"),
    path("surveys/sessions/<surveys_row:pk>/", session_views.session_detail, name="session"),
    path("surveys/sessions/<surveys_row:pk>/book/", session_views.book, name="session_book"),
    path("surveys/sessions/<surveys_row:pk>/cancel/", session_views.cancel, name="session_cancel"),
    path("surveys/sessions/<surveys_row:pk>/calendar.ics", session_views.ics, name="session_ics"),
    path("surveys/my-record/", participation_views.my_record, name="my_record"),
    path("staff/participation/", participation_views.everyone, name="participation"),
    path(
        "staff/participation/<surveys_row:pk>/",
        participation_views.person_record,
        name="participation_person",
    ),
    path(
        "staff/participation/entries/<surveys_row:pk>/remove/",
        participation_views.remove_entry,
        name="participation_remove",
    ),
    path("staff/sessions/", session_views.staff_sessions, name="staff_sessions"),
    path("staff/sessions/<surveys_row:pk>/", session_views.staff_session, name="staff_session"),
    path("staff/surveys/", views.staff_surveys, name="staff_list"),
    path("staff/surveys/<surveys_row:pk>/", views.survey_results, name="results"),
    path("staff/surveys/<surveys_row:pk>/answers.csv", views.answers_csv, name="answers_csv"),
    path("staff/surveys/<surveys_row:pk>/totals.csv", views.totals_csv, name="totals_csv"),
]
