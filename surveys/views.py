"""Survey pages: young people answer, one section per page, with JavaScript off; the
participation team and managers read the results and download them.

Views are thin: they know who is asking, read through `selectors`, write through `services`, and
turn the services' errors into a message on the page (never a 500).
"""

from __future__ import annotations

import math

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from portal.people.roles import USE_STAFF_PAGES, can
from surveys import csv_export, holding, results, selectors, services
from surveys.forms import SectionPost, answer_summary, section_form_to_show
from surveys.models import Section, Survey, SurveyState

# About how long a question takes on a phone, to tell young people before they start.
SECONDS_PER_QUESTION = 20


def _young_person(request: HttpRequest) -> None:
    if can(request.user, USE_STAFF_PAGES):
        raise PermissionDenied(
            "Surveys are for young people to answer. Staff can see the results instead."
        )
    if not request.user.is_young_person:
        raise PermissionDenied("Surveys are for young people who have been in care.")


def _survey_for(request: HttpRequest, pk: int) -> Survey:
    _young_person(request)
    return get_object_or_404(selectors.surveys_for_young_person(request.user), pk=pk)


def _sections(survey: Survey) -> list[Section]:
    return list(survey.sections.prefetch_related("questions"))


def _not_open_message(survey: Survey, state: SurveyState) -> str:
    if state == SurveyState.UPCOMING:
        return f"This survey opens on {survey.opens_on:%-d %B %Y}. Come back then."
    return f"This survey closed on {survey.closes_on:%-d %B %Y}, so answers can't be sent now."


@login_required
@require_GET
def my_surveys(request: HttpRequest) -> HttpResponse:
    """A young person's surveys: open ones to answer (or carry on), and ones they answered."""
    _young_person(request)
    return render(
        request,
        "surveys/my_surveys.html",
        {
            "open_surveys": list(selectors.open_surveys_for(request.user)),
            "answered": list(selectors.answered_by(request.user)),
        },
    )


@login_required
@require_GET
def start(request: HttpRequest, pk: int) -> HttpResponse:
    """Before starting: what the survey is for, how long it takes, and whether it is
    anonymous or named, so a young person knows who will see what they say."""
    survey = _survey_for(request, pk)
    sections = _sections(survey)
    questions = sum(len(s.questions.all()) for s in sections)
    draft = selectors.draft_of(request.user, survey)
    resume_at = min(draft.reached, len(sections) - 1) + 1 if draft else 1
    return render(
        request,
        "surveys/start.html",
        {
            "survey": survey,
            "state": survey.state(),
            "SurveyState": SurveyState,
            "group": holding.batch_size(),
            "sections": sections,
            "question_count": questions,
            "minutes": max(1, math.ceil(questions * SECONDS_PER_QUESTION / 60)),
            "draft": draft,
            "resume_url": (
                reverse("surveys:check", args=[survey.pk])
                if draft and draft.reached >= len(sections)
                else reverse("surveys:section", args=[survey.pk, resume_at])
            ),
        },
    )


def _already_answered(request: HttpRequest, survey: Survey) -> HttpResponse:
    messages.info(request, "You've already sent your answers to this survey. Thank you.")
    return redirect("surveys:start", pk=survey.pk)


def _section_context(survey: Survey, current: Section, step: int, steps: int) -> dict:
    state = survey.state()
    return {
        "survey": survey,
        "section": current,
        "step": step,
        "steps": steps,
        "back_url": (
            reverse("surveys:section", args=[survey.pk, step - 1])
            if step > 1
            else reverse("surveys:start", args=[survey.pk])
        ),
        "closed_message": None if state == SurveyState.OPEN else _not_open_message(survey, state),
    }


def _after_section(survey: Survey, step: int, steps: int, *, changing: bool) -> str:
    """Where "Continue" goes: the next section, or "Check your answers" after the last or when
    changing one part from there."""
    if step < steps and not changing:
        return reverse("surveys:section", args=[survey.pk, step + 1])
    return reverse("surveys:check", args=[survey.pk])


@login_required
@require_http_methods(["GET", "POST"])
def section(request: HttpRequest, pk: int, step: int) -> HttpResponse:
    """One section's questions. "Continue" checks them and saves the draft; "Save and come
    back later" keeps whatever is valid and goes back to the survey's page. While the survey is
    not open, nothing is thrown away: the answers stay on the page and any draft is kept."""
    survey = _survey_for(request, pk)
    if survey.answered:
        return _already_answered(request, survey)
    sections = _sections(survey)
    if not 1 <= step <= len(sections):
        raise Http404("No such part of this survey.")
    current = sections[step - 1]
    saved = holding.draft_answers(selectors.draft_of(request.user, survey))
    context = _section_context(survey, current, step, len(sections))
    is_open = context["closed_message"] is None
    if request.method == "GET":
        if not is_open:
            return redirect("surveys:start", pk=survey.pk)
        form = section_form_to_show(current, saved, check=bool(request.GET.get("check")))
        return render(request, "surveys/section.html", {**context, "form": form})

    posted = SectionPost(request.POST, section=current, saved=saved)
    if is_open:
        try:
            services.save_draft(
                survey=survey,
                person=request.user,
                answers=posted.answers(),
                reached=step if posted.complete else step - 1,
            )
        except services.AlreadyAnswered:
            return _already_answered(request, survey)
        except services.SurveyNotOpen as error:
            context["closed_message"] = _not_open_message(survey, error.state)
            is_open = False
    if not is_open:
        return render(request, "surveys/section.html", {**context, "form": posted.form})
    if posted.save_for_later:
        messages.success(
            request,
            f"Saved. Come back and finish it any time before the survey closes on "
            f"{survey.closes_on:%-d %B %Y}.",
        )
        return redirect("surveys:start", pk=survey.pk)
    if not posted.complete:
        return render(request, "surveys/section.html", {**context, "form": posted.form})
    changing = bool(request.GET.get("change"))
    return redirect(_after_section(survey, step, len(sections), changing=changing))


@login_required
@require_http_methods(["GET", "POST"])
def check(request: HttpRequest, pk: int) -> HttpResponse:
    """Check your answers, then send them. Sending is the one step that cannot be undone."""
    survey = _survey_for(request, pk)
    if survey.answered:
        return _already_answered(request, survey)
    state = survey.state()
    if state != SurveyState.OPEN:
        messages.error(request, _not_open_message(survey, state))
        return redirect("surveys:start", pk=survey.pk)
    if request.method == "POST":
        return _send(request, survey)
    sections = _sections(survey)
    saved = holding.draft_answers(selectors.draft_of(request.user, survey))
    return render(
        request,
        "surveys/check.html",
        {"survey": survey, "summary": answer_summary(sections, saved), "steps": len(sections)},
    )


def _send(request: HttpRequest, survey: Survey) -> HttpResponse:
    """ "Send" on "Check your answers": the services' refusals become a message on a page."""
    try:
        services.submit_survey(survey=survey, person=request.user)
    except services.MissingAnswers as missing:
        messages.error(request, "Some questions still need an answer. They're marked on this page.")
        url = reverse("surveys:section", args=[survey.pk, missing.section_index + 1])
        return redirect(f"{url}?check=1")
    except services.AlreadyAnswered:
        return _already_answered(request, survey)
    except services.SurveyNotOpen as error:
        messages.error(request, _not_open_message(survey, error.state))
        return redirect("surveys:start", pk=survey.pk)
    except services.CannotHoldAnswers:
        messages.error(
            request,
            "Your answers couldn't be sent just now. They're saved: please try again later.",
        )
        return redirect("surveys:check", pk=survey.pk)
    return redirect("surveys:done", pk=survey.pk)


@login_required
@require_GET
def done(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _survey_for(request, pk)
    if not survey.answered:
        return redirect("surveys:start", pk=survey.pk)
    return render(request, "surveys/done.html", {"survey": survey, "group": holding.batch_size()})


# --- Results: the participation team and managers ------------------------------------------------


def _results_survey(request: HttpRequest, pk: int) -> Survey:
    if not selectors.can_see_results(request.user):
        raise PermissionDenied("Survey results are for the participation team and managers.")
    return get_object_or_404(Survey.objects.select_related("compare_with"), pk=pk)


@login_required
@require_GET
def staff_surveys(request: HttpRequest) -> HttpResponse:
    if not selectors.can_see_results(request.user):
        raise PermissionDenied("Survey results are for the participation team and managers.")
    return render(
        request,
        "surveys/staff_surveys.html",
        {
            "surveys": list(selectors.surveys_with_results_for(request.user)),
            "SurveyState": SurveyState,
            "can_build": can(request.user, "surveys.add_survey"),
        },
    )


@login_required
@require_GET
def survey_results(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _results_survey(request, pk)
    return render(
        request,
        "surveys/results.html",
        {
            "survey": survey,
            "results": results.results_for(survey),
            "SurveyState": SurveyState,
            "can_edit": can(request.user, "surveys.change_survey"),
            "group": holding.batch_size(),
            "waiting_after_close": selectors.answers_waiting_after_close(survey),
        },
    )


@login_required
@require_GET
def answers_csv(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _results_survey(request, pk)
    return csv_export.csv_response(f"{survey.slug}-answers.csv", csv_export.answer_rows(survey))


@login_required
@require_GET
def totals_csv(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _results_survey(request, pk)
    return csv_export.csv_response(
        f"{survey.slug}-totals.csv", csv_export.total_rows(results.results_for(survey))
    )
