"""Staff's safeguarding pages, all working with JavaScript off: the queue of open alerts (most
urgent, then oldest, first), one alert with why it fired, and acknowledging and closing it as
plain POST forms that call the services and redirect."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from chat.bot import selectors as bot_selectors
from chat.safeguarding import selectors, services
from portal.people import services as people_services
from portal.people.roles import NotAllowed, Role, staff_only

CLOSED_SHOWN = 50


class CloseForm(forms.Form):
    note = forms.CharField(
        label="What you did",
        help_text="For the record: who you spoke to, what was agreed, what happens next.",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": "Say what you did, for the record."},
    )


@staff_only
@require_GET
def alert_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    closed = (
        selectors.alerts_visible_to(user)
        .filter(closed_at__isnull=False)
        .order_by("-closed_at")[:CLOSED_SHOWN]
    )
    context = {
        "open": list(selectors.alert_queue(user).prefetch_related("told")),
        "closed": closed,
        "ack_minutes": int(services.ack_minutes().total_seconds() // 60),
        "anonymous_risks": (
            # Who someone is, not a permission: the service's managers watch these counts.
            bot_selectors.anonymous_risks_counted() if user.has_role(Role.MANAGER) else None
        ),
        "anonymous_days": bot_selectors.ANONYMOUS_RISKS_WINDOW.days,
    }
    return render(request, "safeguarding/queue.html", context)


@staff_only
@require_http_methods(["GET", "POST"])
def alert_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One alert: who, when, what they wrote, why it fired, who was told and who has it. A
    read of someone else's young person is audited. (A POST here closes it, as this page's
    form did before acknowledging existed.)"""
    alert = get_object_or_404(selectors.alerts_visible_to(request.user), pk=pk)
    if request.method == "POST":
        return close(request, pk)
    if alert.young_person is not None:
        people_services.record_staff_access(
            staff=request.user, profile=alert.young_person, what="safeguarding alert"
        )
    return _page(request, alert, CloseForm())


def _page(request, alert, form, status: int = 200) -> HttpResponse:
    conversation = getattr(alert.young_person, "conversation", None) if alert.young_person else None
    context = {
        "alert": alert,
        "conversation": conversation,
        "told": alert.told.all(),
        "form": form,
        "bot_reply": selectors.what_the_young_person_was_told(alert),
    }
    return render(request, "safeguarding/alert.html", context, status=status)


@staff_only
@require_POST
def acknowledge(request: HttpRequest, pk: int) -> HttpResponse:
    alert = get_object_or_404(selectors.alerts_visible_to(request.user), pk=pk)
    try:
        services.acknowledge(alert, request.user)
    except (services.AlertError, NotAllowed) as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, "You have acknowledged this alert: it is yours to act on.")
    return redirect("chat:alert", pk=alert.pk)


@staff_only
@require_POST
def close(request: HttpRequest, pk: int) -> HttpResponse:
    alert = get_object_or_404(selectors.alerts_visible_to(request.user), pk=pk)
    form = CloseForm(request.POST)
    if not form.is_valid():
        return _page(request, alert, form, status=400)
    try:
        services.close(alert, request.user, form.cleaned_data["note"])
    except (services.AlertError, NotAllowed) as refused:
        messages.error(request, str(refused))
        return redirect("chat:alert", pk=alert.pk)
    messages.success(request, "Closed, with what you did.")
    return redirect("chat:alerts")
