"""Who may see which surveys, drafts and results. Views read through these.

A young person sees the surveys open to them and only their own drafts and answers; the
participation team and managers (`surveys.view_results`) see results; nobody else sees either.
"""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, QuerySet
from django.utils import timezone

from portal.people.models import User
from surveys.models import Draft, Question, Respondent, Survey


def with_questions() -> QuerySet[Survey]:
    """Surveys that have at least one question: an empty one is still being built."""
    return Survey.objects.filter(
        Exists(Question.objects.filter(section__survey=OuterRef("pk")))
    ).select_related("compare_with")


def _answers_surveys(person: User) -> bool:
    return person.is_authenticated and person.is_young_person and not person.is_portal_staff


def surveys_for_young_person(person: User) -> QuerySet[Survey]:
    """Every survey a young person could open (open, upcoming or closed), with whether they
    have a draft and whether they have answered. Staff and others get nothing."""
    if not _answers_surveys(person):
        return Survey.objects.none()
    return with_questions().annotate(
        has_draft=Exists(Draft.objects.filter(survey=OuterRef("pk"), person=person)),
        answered=Exists(Respondent.objects.filter(survey=OuterRef("pk"), person=person)),
    )


def open_surveys_for(person: User) -> QuerySet[Survey]:
    """Open surveys this young person has not answered yet, closing soonest first."""
    if not _answers_surveys(person):
        return Survey.objects.none()
    today = timezone.localdate()
    return (
        surveys_for_young_person(person)
        .filter(opens_on__lte=today, closes_on__gte=today, answered=False)
        .order_by("closes_on", "title")
    )


def answered_by(person: User) -> QuerySet[Respondent]:
    """The surveys a young person has answered and when: their own record, nobody else's."""
    if not person.is_authenticated:
        return Respondent.objects.none()
    return (
        Respondent.objects.filter(person=person).select_related("survey").order_by("-answered_on")
    )


def draft_of(person: User, survey: Survey) -> Draft | None:
    """This person's own draft of the survey, if any. Never anyone else's."""
    if not person.is_authenticated:
        return None
    return Draft.objects.filter(survey=survey, person=person).first()


def can_see_results(user: User) -> bool:
    return user.is_authenticated and user.is_active and user.has_perm("surveys.view_results")


def surveys_with_results_for(user: User) -> QuerySet[Survey]:
    """All surveys with their response counts, for those who may see results; else none."""
    if not can_see_results(user):
        return Survey.objects.none()
    return Survey.objects.annotate(response_count=Count("responses")).order_by("-opens_on")
