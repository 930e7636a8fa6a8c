"""Surveys in the Wagtail admin: a "Surveys" menu item where the participation team builds them.

Sessions (meet the manager, the forum) are snippets too, under "Sessions".

Snippets use Django's model permissions: `surveys.add_survey`, `change_survey`, `delete_survey`
and `view_survey`, plus `wagtailadmin.access_admin` to open the admin at all. The participation
group gets them in `portal/people/roles.py`; nobody else does (superusers have every permission).
"""

from __future__ import annotations

from django.urls import reverse
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CopyView, SnippetViewSet

from surveys.admin_forms import SessionAdminForm, SurveyAdminForm
from surveys.models import Session, Survey


class ResultsColumn(Column):
    """A link from the admin's list to the survey's results on the staff pages."""

    cell_template_name = "surveys/admin/results_cell.html"

    def get_value(self, instance: Survey) -> str:
        return reverse("surveys:results", args=[instance.pk])


class SurveyCopyView(CopyView):
    """ "Copy" is how next year's survey starts: the same questions and codes, compared with the
    survey it was copied from. The copy's form posts to "add", so the original is untouched;
    only the form's starting values change here (nothing is saved)."""

    def get_initial_form_instance(self) -> Survey:
        survey = super().get_initial_form_instance()
        survey.compare_with_id = survey.pk
        survey.slug = ""
        survey.title = f"{survey.title} (copy)"
        return survey


class SurveyViewSet(SnippetViewSet):
    model = Survey
    icon = "list-ul"
    menu_label = "Surveys"
    menu_order = 250
    add_to_admin_menu = True
    list_display = [
        "title",
        DateColumn("opens_on", label="Opens"),
        DateColumn("closes_on", label="Closes"),
        BooleanColumn("anonymous", label="Anonymous"),
        BooleanColumn("made_up_for_demo", label="Demo data"),
        ResultsColumn("results", label="Results"),
    ]
    list_filter = ["anonymous"]
    ordering = ["-opens_on"]
    edit_handler = ObjectList(Survey.panels, base_form_class=SurveyAdminForm)
    copy_view_class = SurveyCopyView


register_snippet(SurveyViewSet)


class SessionViewSet(SnippetViewSet):
    """Meet-the-manager sessions and forums: the participation team adds them here; young
    people book on the site, and the host records who came on the staff pages."""

    model = Session
    icon = "date"
    menu_label = "Sessions"
    menu_order = 251
    add_to_admin_menu = True
    list_display = [
        "title",
        "kind",
        DateColumn("starts_at", label="Starts"),
        "host",
        "capacity",
    ]
    list_filter = ["kind"]
    ordering = ["-starts_at"]
    edit_handler = ObjectList(Session.panels, base_form_class=SessionAdminForm)


register_snippet(SessionViewSet)
