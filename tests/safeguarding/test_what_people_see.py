"""What people see when a message reads as a risk (issue 16, "What people see"): the help is
the first thing under the heading, as its own panel with links to call or text, never mixed with
eligibility; in Messages the bot's crisis reply is that panel, not a grey chat bubble; and staff
see on a screened message its severity, what it seemed to be about, its alert and the bot's
reply. All without JavaScript."""

from __future__ import annotations

import re

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from chat import services
from chat.bot import services as bot
from chat.bot.models import AskChannel
from chat.models import Channel, Message
from chat.safeguarding import crisis

ASK = reverse("chat:ask")
MINE = reverse("chat:my_messages")


def panel(html: str) -> str:
    """The first crisis panel on the page."""
    found = re.search(r'<section class="crisis crisis--\w+".*?</section>', html, re.S)
    assert found, "no crisis panel on the page"
    return found.group()


def thread_item(html: str, css: str, pk: int) -> str:
    """One message of the thread, up to the next (its panel holds list items of its own)."""
    found = re.search(
        rf'<li class="{css}" data-id="{pk}".*?(?=<li class="bubble|</ol>)', html, re.S
    )
    assert found, f"message {pk} is not shown as {css}"
    return found.group()


def links(html: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', html)


def conversation_page(conversation) -> str:
    return reverse("chat:conversation", args=[conversation.pk])


# --- The panel ------------------------------------------------------------------------------


@pytest.mark.parametrize("severity", crisis.SEVERITIES)
def test_every_contact_in_the_help_is_a_link_to_call_or_text(severity, settings):
    reply = crisis.crisis_reply(severity, ("domestic_abuse", "homelessness"))
    html = render_to_string("safeguarding/_crisis.html", {"crisis": reply})
    for contact in reply.contacts:
        assert contact.tel_href or contact.sms_href
        if contact.tel_href:
            assert f'href="{contact.tel_href}"' in html
        if contact.sms_href:
            assert f'href="{contact.sms_href.replace("&", "&amp;")}"' in html
    assert "<h2" in html and reply.heading.replace("'", "&#x27;") in html


def test_immediate_danger_puts_999_first_and_shout_is_a_text():
    reply = crisis.crisis_reply(crisis.IMMEDIATE, ("suicide",))
    html = render_to_string("safeguarding/_crisis.html", {"crisis": reply})
    assert links(html)[0] == "tel:999"
    assert ">Call 999<" in html
    assert "tel:116123" in links(html) and ">Call 116 123<" in html
    assert "sms:85258?&amp;body=SHOUT" in html and ">Text SHOUT to 85258<" in html


def test_a_worry_that_is_not_an_emergency_never_says_call_999():
    reply = crisis.crisis_reply(crisis.CONCERN, ("homelessness",))
    html = render_to_string("safeguarding/_crisis.html", {"crisis": reply})
    assert "999" not in html
    assert links(html)[0] == "tel:08088004444"  # Shelter first for a housing worry


@pytest.mark.parametrize("severity", crisis.SEVERITIES)
def test_a_stored_crisis_reply_reads_back_with_the_same_links(severity):
    reply = crisis.crisis_reply(severity, ("forced",), told="I've told Sam, your PA.")
    again = crisis.from_text(reply.as_text())
    assert (again.severity, again.heading, again.contacts, again.told) == (
        reply.severity,
        reply.heading,
        reply.contacts,
        reply.told,
    )


# --- Ask a question -------------------------------------------------------------------------


def ask_page(client, *questions: str) -> str:
    for question in questions:
        response = client.post(ASK, {"question": question})
        assert response.status_code == 200
    return response.text


@pytest.mark.django_db
def test_a_risk_gets_the_help_as_the_first_thing_under_the_heading(client, young_person):
    client.force_login(young_person.user)
    html = ask_page(client, "i took all my pills")
    assert re.search(r'<h1>Ask a question</h1>\s*<section class="crisis crisis--', html)
    help_now = panel(html)
    assert "tel:116123" in links(help_now)
    assert any(href.startswith("sms:85258") for href in links(help_now))
    assert "tel:999" in links(help_now)
    assert "<title>Get help now: Ask a question" in html
    assert "eligible" not in html.split("Your last questions")[0]
    assert "Did this help?" not in html


@pytest.mark.django_db
def test_i_want_to_hurt_myself_tonight_gets_help_without_eligibility(client, young_person):
    client.force_login(young_person.user)
    html = ask_page(client, "i want to hurt myself tonight").split("Your last questions")[0]
    panel(html)
    assert "eligible" not in html


@pytest.mark.django_db
def test_an_everyday_question_has_no_help_panel(client, young_person):
    client.force_login(young_person.user)
    html = ask_page(client, "how much is the setting up home grant")
    assert 'class="crisis' not in html
    assert "Did this help?" in html


# --- Messages -------------------------------------------------------------------------------


def risky_message(young_person, body: str = "i want to end it all tonight") -> Message:
    conversation = services.conversation_for(young_person)
    message, _ = services.post_message(
        conversation=conversation, sender=young_person.user, body=body, channel=Channel.WEB
    )
    return message


def crisis_reply_to(message: Message) -> Message:
    return Message.objects.get(client_id=f"{crisis.CLIENT_ID_PREFIX}{message.pk}")


@pytest.mark.django_db
def test_in_messages_the_crisis_reply_is_help_with_links_not_a_chatbot_bubble(client, young_person):
    message = risky_message(young_person)
    reply = crisis_reply_to(message)
    client.force_login(young_person.user)
    html = client.get(MINE).text
    help_now = panel(thread_item(html, "bubble bubble--crisis", reply.pk))
    assert "tel:116123" in links(help_now)
    assert any(href.startswith("sms:85258") for href in links(help_now))
    assert 'class="bubble__who">Chatbot' not in html
    # Staff-only flags never reach the young person's page.
    assert "Safeguarding alert" not in html and 'class="flag' not in html


@pytest.mark.django_db
def test_the_pa_sees_the_flag_on_the_screened_message_with_its_alert_and_the_reply(
    client, young_person, pa
):
    message = risky_message(young_person)
    reply = crisis_reply_to(message)
    [alert] = message.alerts.all()
    client.force_login(pa)
    html = client.get(conversation_page(message.conversation)).text
    flag = thread_item(html, "bubble bubble--flagged", message.pk)
    assert crisis.SEVERITY_LABELS[alert.severity] in flag
    for label in alert.category_labels:
        assert label in flag
    assert alert.get_absolute_url() in links(flag)
    assert "Nobody has acknowledged it yet" in flag
    assert "#latest" in links(flag) or f"#m{reply.pk}" in links(flag)
    assert 'class="bubble bubble--crisis"' in html  # and the reply itself, as help


@pytest.mark.django_db
def test_the_manager_reading_the_conversation_sees_the_flag_too(client, young_person, manager):
    message = risky_message(young_person)
    [alert] = message.alerts.all()
    client.force_login(manager)
    html = client.get(conversation_page(message.conversation)).text
    assert 'class="bubble bubble--flagged"' in html
    assert alert.get_absolute_url() in links(html)


@pytest.mark.django_db
def test_a_question_asked_of_the_chatbot_carries_its_flag_and_what_the_bot_said(
    client, young_person, pa
):
    bot.ask("i dont want to be here anymore", user=young_person.user, channel=AskChannel.WEB)
    handoff = Message.objects.get(body__startswith="(Asked the chatbot)")
    client.force_login(pa)
    html = client.get(conversation_page(handoff.conversation)).text
    flag = thread_item(html, "bubble bubble--flagged", handoff.pk)
    from chat.models import SafeguardingAlert

    alert = SafeguardingAlert.objects.get()
    assert alert.get_absolute_url() in links(flag)
    # What the bot replied: its crisis reply in the thread, or its answer quoted with links.
    assert "read its reply" in flag or ("The chatbot answered" in flag and "tel:116123" in flag)


@pytest.mark.django_db
def test_an_everyday_message_carries_no_flag(client, young_person, pa):
    risky_message(young_person, "can we meet on friday about my flat")
    client.force_login(pa)
    conversation = services.conversation_for(young_person)
    html = client.get(conversation_page(conversation)).text
    assert "bubble--flagged" not in html and "bubble--crisis" not in html
