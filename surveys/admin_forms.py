"""The Wagtail admin's form for a survey, with its sections and questions in one form.

Checks that need the whole survey at once, which a single question's `clean()` cannot see:
question codes are unique within the survey (they link years together), and once people have
answered, a question cannot be removed or change its type (its answers would be lost or stop
making sense). Answers still waiting for their group (`surveys.holding`) count: they cannot be
read to see which questions they answer, so while any wait, every question counts as answered.
"""

from __future__ import annotations

from collections.abc import Iterator

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from portal.people.models import User
from portal.people.roles import GROUP_NAMES, STAFF_ROLES
from surveys.models import Answer, HeldAnswers, Question


def _deleted(formset) -> Iterator[forms.Form]:
    for form in formset.forms:
        if formset.can_delete and formset._should_delete_form(form):
            yield form


class SurveyAdminForm(WagtailAdminModelForm):
    def is_valid(self) -> bool:
        valid = super().is_valid()
        if not self.is_bound or not hasattr(self, "formsets") or "sections" not in self.formsets:
            return valid
        sections = self.formsets["sections"]
        answered = set(
            Answer.objects.filter(question__section__survey=self.instance.pk)
            .values_list("question_id", flat=True)
            .distinct()
            if self.instance.pk
            else []
        )
        if self.instance.pk and HeldAnswers.objects.filter(survey=self.instance.pk).exists():
            answered |= set(
                Question.objects.filter(section__survey=self.instance.pk).values_list(
                    "pk", flat=True
                )
            )
        seen: dict[str, forms.Form] = {}
        removed: list[str] = []
        for section_form in sections.forms:
            section_deleted = section_form in list(_deleted(sections))
            questions = section_form.formsets["questions"]
            for question_form in questions.forms:
                question = question_form.instance
                deleted = section_deleted or question_form in list(_deleted(questions))
                if deleted:
                    if question.pk in answered:
                        removed.append(question.text)
                    continue
                data = getattr(question_form, "cleaned_data", None) or {}
                code = data.get("code")
                if code:
                    if code in seen:
                        question_form.add_error(
                            "code", f"Another question in this survey has the code '{code}'."
                        )
                        valid = False
                    seen[code] = question_form
                if question.pk in answered and "kind" in question_form.changed_data:
                    question_form.add_error(
                        "kind",
                        "People have answered this question, so its type cannot change. Add a "
                        "new question instead.",
                    )
                    valid = False
        if removed:
            self.add_error(
                None,
                "People have answered these questions, so they cannot be removed (their answers "
                f"would be lost): {'; '.join(removed)}. Make them optional instead, or put them "
                "in a new survey.",
            )
            valid = False
        return valid


class SessionAdminForm(WagtailAdminModelForm):
    """A session's host is a member of staff (a manager for meet the manager, usually)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        staff_groups = [GROUP_NAMES[role] for role in STAFF_ROLES]
        self.fields["host"].queryset = (
            User.objects.filter(is_active=True, groups__name__in=staff_groups)
            .distinct()
            .order_by("first_name", "last_name")
        )
        self.fields["host"].help_text = "Who runs it. They see who is coming and record who came."
        self.fields["host"].label_from_instance = lambda user: user.display_name

    def clean(self) -> dict:
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", "The session must end after it starts.")
        if not cleaned.get("place") and not cleaned.get("online_link"):
            self.add_error("place", "Give a place, or a link for an online session.")
        return cleaned
