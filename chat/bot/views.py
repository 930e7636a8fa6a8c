"""The chatbot's pages, all working with JavaScript off: a young person's "Ask a question"
(beside "Message my PA"), "did this help?", and the questions editors should look at.
`POST /api/ask` is in `chat.bot.api`; safeguarding alerts' pages in `chat.safeguarding.views`."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from chat.bot import limits, selectors, services
from chat.bot.models import AskChannel
from chat.safeguarding import crisis
from portal.people.roles import VIEW_BOT_QUESTIONS, permission_required


class AskForm(forms.Form):
    question = forms.CharField(
        label="Your question",
        help_text="For example: how much is the Setting Up Home Grant?",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=services.MAX_QUESTION,
        error_messages={
            "required": "Type a question first.",
            "max_length": f"Questions can be up to {services.MAX_QUESTION} characters.",
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def ask(request: HttpRequest) -> HttpResponse:
    """A young person asks the chatbot; the answer shows on the page with its source."""
    profile = getattr(request.user, "young_person", None)
    if profile is None:
        raise PermissionDenied("Asking the chatbot here is for young people.")
    form = AskForm(request.POST or None)
    answer = None
    asked = ""
    status = 200
    if request.method == "POST" and form.is_valid():
        wait = limits.seconds_until_allowed(request, "ask")
        if wait:
            form.add_error("question", limits.TOO_MANY)
            status = 429
        else:
            try:
                answer = services.ask(
                    form.cleaned_data["question"], user=request.user, channel=AskChannel.WEB
                )
            except services.BadQuestion as refused:
                form.add_error("question", str(refused))
            else:
                asked = form.cleaned_data["question"]
                form = AskForm()
    recent = selectors.recent_questions(
        request.user, leaving_out=answer.question_id if answer else None
    )
    # The help comes first, in its own panel with links to call or text; then anything else
    # the bot said (an answer to what they asked, who it passed the question to).
    help_first = getattr(answer, "crisis", None)
    context = {
        "form": form,
        "answer": answer,
        "crisis": help_first,
        "answer_text": crisis.without_help(answer.answer, help_first) if answer else "",
        "asked": asked,
        "recent": recent,
        "profile": profile,
    }
    response = render(request, "chat/ask.html", context, status=status)
    if status == 429:
        response["Retry-After"] = str(wait)
    return response


@login_required
@require_POST
def feedback(request: HttpRequest, pk: int) -> HttpResponse:
    helped = request.POST.get("helped")
    if helped not in {"yes", "no"}:
        messages.error(request, "Choose yes or no.")
    elif services.record_feedback(question_id=pk, user=request.user, helped=helped == "yes"):
        messages.success(request, "Thanks for telling us. It helps us make the pages better.")
    else:
        raise PermissionDenied("That is not one of your questions.")
    return redirect("chat:ask")


# --- Editors: questions the bot could not answer well ---------------------------------------


@permission_required(VIEW_BOT_QUESTIONS, "This page is for content editors and managers.")
def questions(request: HttpRequest) -> HttpResponse:
    """Unanswered and unhelpful questions, newest first, with no names: what to write next."""
    review = selectors.questions_to_review()
    context = {
        "unanswered": review.unanswered,
        "unhelpful": review.unhelpful,
        "counts": review.counts,
    }
    return render(request, "chat/questions.html", context)
