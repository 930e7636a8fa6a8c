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

from surveys import csv_export, holding, results, selectors, services
from surveys.forms import SectionForm, as_form_data
from surveys.models import HeldAnswers, QuestionKind, Section, Survey, SurveyState

# About how long a question takes on a phone, to tell young people before they start.
SECONDS_PER_QUESTION = 20


def _young_person(request: HttpRequest) -> None:
    if request.user.is_portal_staff:
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


@login_required
@require_http_methods(["GET", "POST"])
def section(request: HttpRequest, pk: int, step: int) -> HttpResponse:
    """One section's questions. "Continue" checks them and saves the draft; "Save and come
    back later" keeps whatever is valid and goes back to the survey's page."""
    survey = _survey_for(request, pk)
    if survey.answered:
        messages.info(request, "You've already sent your answers to this survey. Thank you.")
        return redirect("surveys:start", pk=survey.pk)
    sections = _sections(survey)
    if not 1 <= step <= len(sections):
        raise Http404("No such part of this survey.")
    current = sections[step - 1]
    draft = selectors.draft_of(request.user, survey)
    saved = holding.draft_answers(draft)
    state = survey.state()
    context = {
        "survey": survey,
        "section": current,
        "step": step,
        "steps": len(sections),
        "back_url": (
            reverse("surveys:section", args=[survey.pk, step - 1])
            if step > 1
            else reverse("surveys:start", args=[survey.pk])
        ),
        "closed_message": None if state == SurveyState.OPEN else _not_open_message(survey, state),
    }

    if request.method == "GET":
        if state != SurveyState.OPEN:
            return redirect("surveys:start", pk=survey.pk)
        if request.GET.get("check"):
            # Sent here from "Check your answers" with something missing: show what.
            form = SectionForm(as_form_data(current, saved), section=current)
            form.is_valid()
        else:
            form = SectionForm(section=current, saved=saved)
        return render(request, "surveys/section.html", {**context, "form": form})

    save_for_later = "save" in request.POST
    strict = SectionForm(request.POST, section=current, saved=saved)
    lenient = SectionForm(request.POST, section=current, saved=saved, lenient=True)
    lenient.is_valid()
    complete = not save_for_later and strict.is_valid()
    shown = lenient if save_for_later else strict
    if state != SurveyState.OPEN:
        # Nothing is thrown away: the answers stay on the page and any draft is kept.
        return render(request, "surveys/section.html", {**context, "form": shown})
    try:
        services.save_draft(
            survey=survey,
            person=request.user,
            answers=lenient.answers(),
            reached=step if complete else step - 1,
        )
    except services.AlreadyAnswered:
        messages.info(request, "You've already sent your answers to this survey. Thank you.")
        return redirect("surveys:start", pk=survey.pk)
    except services.SurveyNotOpen as error:
        context["closed_message"] = _not_open_message(survey, error.state)
        return render(request, "surveys/section.html", {**context, "form": shown})
    if save_for_later:
        messages.success(
            request,
            f"Saved. Come back and finish it any time before the survey closes on "
            f"{survey.closes_on:%-d %B %Y}.",
        )
        return redirect("surveys:start", pk=survey.pk)
    if not complete:
        return render(request, "surveys/section.html", {**context, "form": strict})
    if request.GET.get("change"):
        # Changing one part from "Check your answers": straight back there.
        return redirect("surveys:check", pk=survey.pk)
    if step < len(sections):
        return redirect("surveys:section", pk=survey.pk, step=step + 1)
    return redirect("surveys:check", pk=survey.pk)


@login_required
@require_http_methods(["GET", "POST"])
def check(request: HttpRequest, pk: int) -> HttpResponse:
    """Check your answers, then send them. Sending is the one step that cannot be undone."""
    survey = _survey_for(request, pk)
    if survey.answered:
        messages.info(request, "You've already sent your answers to this survey. Thank you.")
        return redirect("surveys:start", pk=survey.pk)
    state = survey.state()
    if state != SurveyState.OPEN:
        messages.error(request, _not_open_message(survey, state))
        return redirect("surveys:start", pk=survey.pk)
    if request.method == "POST":
        try:
            services.submit_survey(survey=survey, person=request.user)
        except services.MissingAnswers as missing:
            messages.error(
                request, "Some questions still need an answer. They're marked on this page."
            )
            url = reverse("surveys:section", args=[survey.pk, missing.section_index + 1])
            return redirect(f"{url}?check=1")
        except services.AlreadyAnswered:
            messages.info(request, "You've already sent your answers to this survey. Thank you.")
            return redirect("surveys:start", pk=survey.pk)
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

    draft = selectors.draft_of(request.user, survey)
    saved = holding.draft_answers(draft)
    sections = _sections(survey)
    summary = []
    for index, part in enumerate(sections, start=1):
        rows = []
        for question in part.questions.all():
            value = saved.get(str(question.pk))
            if value in (None, "", []):
                shown = ""
            elif question.kind == QuestionKind.MULTIPLE:
                shown = ", ".join(value if isinstance(value, list) else [str(value)])
            elif question.kind == QuestionKind.SCALE:
                shown = question.option_label(str(value))
            else:
                shown = str(value)
            rows.append({"question": question, "answer": shown})
        summary.append({"section": part, "step": index, "rows": rows})
    return render(
        request,
        "surveys/check.html",
        {"survey": survey, "summary": summary, "steps": len(sections)},
    )


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
            "can_build": request.user.has_perm("surveys.add_survey"),
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
            "can_edit": request.user.has_perm("surveys.change_survey"),
            "group": holding.batch_size(),
            "waiting_after_close": survey.anonymous
            and survey.state() == SurveyState.CLOSED
            and HeldAnswers.objects.filter(survey=survey).exists(),
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
