"""Message pages that work with JavaScript off: a young person's thread with their PA, the PA's
inbox, and a conversation as staff see it. Reads go through `chat.selectors`, writes through
`chat.services`; who may do what is `portal.people.roles.can`."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from chat import selectors, services
from chat.forms import MessageForm
from chat.models import Channel, Conversation
from chat.safeguarding import flags
from chat.texts import selectors as text_selectors
from chat.texts.services import outbound
from portal.people import selectors as people_selectors
from portal.people import services as people_services
from portal.people import unallocated
from portal.people.forms import AllocateAdviserForm
from portal.people.roles import (
    ALLOCATE_ADVISER,
    USE_STAFF_PAGES,
    VIEW_UNKNOWN_TEXTS,
    NotAllowed,
    can,
    permission_required,
    staff_only,
)


def _thread(request: HttpRequest, conversation: Conversation, template: str, extra: dict):
    """Show a conversation; on POST, send the form's message as the reader (members only:
    `Conversation.is_member` decides, as it does for the socket)."""
    form = MessageForm(request.POST or None)
    if request.method == "POST":
        if not conversation.is_member(request.user):
            raise PermissionDenied("You can read this conversation but not write in it.")
        if form.is_valid():
            try:
                services.post_message(
                    conversation=conversation,
                    sender=request.user,
                    body=form.cleaned_data["body"],
                    channel=Channel.WEB,
                    client_id=form.cleaned_data["client_id"],
                )
            except services.ChatError as refused:
                form.add_error("body", str(refused))
            else:
                return redirect(f"{request.path}#latest")
    return _show_thread(request, conversation, template, form=form, extra=extra)


def _show_thread(
    request: HttpRequest,
    conversation: Conversation,
    template: str,
    *,
    form: MessageForm,
    extra: dict,
) -> HttpResponse:
    """The thread page, read by `request.user` (which moves their read position if they are a
    member)."""
    thread = list(selectors.messages_after(conversation))
    if thread and conversation.is_member(request.user):
        services.mark_read(conversation=conversation, user=request.user, up_to=thread[-1].pk)
    delivered, read = selectors.how_far_others_got(conversation, request.user)
    show_text_states = can(request.user, USE_STAFF_PAGES)
    if show_text_states:
        _attach_text_errors(thread)
        # Staff see each screened message's flag: severity, link to its alert, the bot's reply.
        flags.attach_flags(thread, conversation)
    context = {
        "conversation": conversation,
        "thread": thread,
        "others_delivered": delivered,
        "others_read": read,
        "form": form,
        "can_write": conversation.is_member(request.user),
        "show_text_states": show_text_states,
        "text_failures": text_selectors.MESSAGE_FAILURES,
        **extra,
    }
    return render(request, template, context)


def _attach_text_errors(thread: list) -> None:
    """Why each failed text failed, for staff (one query, for the failed ones only)."""
    errors = text_selectors.failure_reasons(
        [m.pk for m in thread if m.delivery_state in text_selectors.MESSAGE_FAILURES]
    )
    for m in thread:
        if m.pk in errors:
            m.text_error = errors[m.pk]


@login_required
@require_http_methods(["GET", "POST"])
def my_messages(request: HttpRequest) -> HttpResponse:
    """A young person's conversation with their PA (theirs from the start: `chat.receivers`)."""
    profile = getattr(request.user, "young_person", None)
    if profile is None:
        raise PermissionDenied("Messages with a PA are for young people.")
    conversation = get_object_or_404(
        selectors.conversations_visible_to(request.user), young_person=profile
    )
    return _thread(request, conversation, "chat/my_messages.html", {"profile": profile})


@staff_only
def inbox(request: HttpRequest) -> HttpResponse:
    """Every young person the reader looks after, with unread messages and last contact."""
    rows = selectors.inbox_rows(request.user)
    without_pa = sum(row.no_pa for row in rows)
    return render(request, "chat/inbox.html", {"rows": rows, "without_pa": without_pa})


@staff_only
@require_http_methods(["GET", "POST"])
def conversation(request: HttpRequest, pk: int) -> HttpResponse:
    """A conversation as staff see it. Opening one outside the reader's own caseload is
    recorded for their manager."""
    found = get_object_or_404(selectors.conversations_visible_to(request.user), pk=pk)
    if request.method == "GET":
        people_services.record_staff_access(
            staff=request.user, profile=found.young_person, what="conversation"
        )
    return _thread(request, found, "chat/conversation.html", _staff_extra(request, found))


def _staff_extra(
    request: HttpRequest, found: Conversation, allocate_form: AllocateAdviserForm | None = None
) -> dict:
    """What the staff conversation page shows besides the thread: for a manager reading
    someone with no PA yet, a form to allocate one of their teams' PAs."""
    profile = found.young_person
    extra: dict = {"profile": profile, "allocate_form": None}
    if profile.personal_adviser_id is None and can(request.user, ALLOCATE_ADVISER):
        advisers = people_selectors.advisers_allocatable_by(request.user)
        extra["allocate_form"] = allocate_form or AllocateAdviserForm(advisers=advisers)
        extra["can_allocate"] = advisers.exists()
        extra["answering_as_team_manager"] = unallocated.team_manager(profile) is not None
    return extra


@staff_only
@require_POST
def allocate(request: HttpRequest, pk: int) -> HttpResponse:
    """A manager gives a young person with no PA one of their teams' PAs, from the
    conversation they are answering. The conversation then moves to that PA's inbox, and open
    sockets follow (`chat.receivers`). A choice outside their teams is a form error."""
    found = get_object_or_404(selectors.conversations_visible_to(request.user), pk=pk)
    if not can(request.user, ALLOCATE_ADVISER):
        raise PermissionDenied("Only a manager can allocate a Personal Adviser (PA).")
    profile = found.young_person
    form = AllocateAdviserForm(
        request.POST, advisers=people_selectors.advisers_allocatable_by(request.user)
    )
    if form.is_valid():
        adviser = form.cleaned_data["adviser"]
        try:
            people_services.allocate_adviser(manager=request.user, profile=profile, adviser=adviser)
        except NotAllowed as refused:
            form.add_error("adviser", str(refused))
        else:
            messages.success(
                request,
                f"{profile.user.display_name}'s PA is now {adviser.display_name}. Their messages "
                f"go to {adviser.display_name} from now on.",
            )
            return redirect("chat:conversation", pk=found.pk)
    return _show_thread(
        request,
        found,
        "chat/conversation.html",
        form=MessageForm(),
        extra=_staff_extra(request, found, allocate_form=form),
    )


@staff_only
@require_POST
def text_again(request: HttpRequest, pk: int, message_pk: int) -> HttpResponse:
    """The PA sends a text that failed again (a new text; the failed one stays on record)."""
    found = get_object_or_404(selectors.conversations_visible_to(request.user), pk=pk)
    message = get_object_or_404(found.messages, pk=message_pk)
    try:
        outbound.retry_text(message=message, by=request.user)
    except outbound.CannotRetry as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, "The text will be sent again in a moment.")
    return redirect(reverse("chat:conversation", args=[found.pk]) + f"#m{message.pk}")


@permission_required(VIEW_UNKNOWN_TEXTS, "This page is for managers.")
def unknown_texts(request: HttpRequest) -> HttpResponse:
    """Texts from numbers no young person has verified, newest first, for managers to follow
    up: often a young person with a new phone. They reached no conversation."""
    return render(request, "chat/unknown_texts.html", {"texts": text_selectors.unknown_texts()})
