"""Every message a young person writes is screened once, on every channel, and a risk gets the
crisis reply first (issue 16). "Once" is counted in what a person would notice: one alert for
one message, never two, and one crisis reply."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from chat import services
from chat.bot import services as bot
from chat.bot.models import AskChannel
from chat.models import Channel, InboundText, Message, Question, SafeguardingAlert
from chat.safeguarding import services as safeguarding
from chat.safeguarding.crisis import CONCERN, HIGH, crisis_reply
from chat.safeguarding.detector import Assessment, Risk
from tests.chat.test_inbound_texts import BASE, TOKEN
from tests.chat.test_inbound_texts import text as send_text

pytestmark = pytest.mark.django_db

RISKY = "i want to kill myself"
HIGH_HELP = crisis_reply(HIGH).heading


@pytest.fixture
def twilio_signed(settings):
    settings.TWILIO_AUTH_TOKEN = TOKEN
    settings.PUBLIC_BASE_URL = BASE


def thread() -> list[tuple[str, str, str]]:
    return list(Message.objects.order_by("pk").values_list("channel", "body", "client_id"))


def test_the_no_javascript_form_screens_once_and_answers_with_help_first(client, young_person):
    client.force_login(young_person.user)
    response = client.post(reverse("chat:my_messages"), {"body": RISKY, "client_id": "form-1"})
    assert response.status_code in (200, 302)
    [alert] = SafeguardingAlert.objects.all()
    [mine, reply] = Message.objects.order_by("pk")
    assert alert.message == mine and mine.body == RISKY
    assert alert.severity == HIGH and alert.evidence
    assert reply.channel == Channel.BOT and reply.client_id == f"crisis:{mine.pk}"
    assert reply.body.startswith(HIGH_HELP)
    # The PA's view can show the flag: the message carries its alert.
    [flag] = mine.alerts.all()
    assert flag.severity == HIGH and flag.get_absolute_url() == f"/staff/alerts/{alert.pk}/"


def test_a_resend_of_the_same_message_raises_nothing_more(young_person):
    conversation = services.conversation_for(young_person)
    for _ in range(2):
        services.post_message(
            conversation=conversation,
            sender=young_person.user,
            body=RISKY,
            channel=Channel.WEB,
            client_id="same",
        )
    assert SafeguardingAlert.objects.count() == 1
    assert Message.objects.filter(channel=Channel.BOT).count() == 1


def test_a_text_from_a_young_person_is_screened_once_and_texted_the_same_help(
    client, twilio_signed, young_person, pa
):
    answer = send_text(client, RISKY, sid="SMi1")
    [alert] = SafeguardingAlert.objects.all()
    assert alert.channel == AskChannel.SMS and alert.young_person == young_person
    [mine, reply] = Message.objects.order_by("pk")
    assert alert.message == mine
    assert reply.body.startswith(HIGH_HELP) and f"I've told {pa.first_name}" in reply.body
    assert HIGH_HELP in answer.text and "116 123" in answer.text
    # Twilio retrying: the same answer, nothing more raised.
    again = send_text(client, RISKY, sid="SMi1")
    assert again.text == answer.text and SafeguardingAlert.objects.count() == 1


def test_a_text_from_an_unknown_number_is_screened_once_with_the_number(client, twilio_signed):
    answer = send_text(client, RISKY, sid="SMu1", sender="+447700900111")
    [alert] = SafeguardingAlert.objects.all()
    assert alert.young_person is None and alert.from_number == "+447700900111"
    assert alert.severity == HIGH and alert.message is None
    assert answer.text.count(HIGH_HELP) == 1
    assert InboundText.objects.get().outcome == InboundText.Outcome.RISK
    assert not Message.objects.exists()


def test_an_everyday_text_from_an_unknown_number_raises_nothing(client, twilio_signed):
    send_text(client, "hi is this the council", sid="SMu2", sender="+447700900112")
    assert not SafeguardingAlert.objects.exists()
    assert InboundText.objects.get().outcome == InboundText.Outcome.UNKNOWN_NUMBER


def _ask_web(client, young_person, question):
    client.force_login(young_person.user)
    return client.post(reverse("chat:ask"), {"question": question}).text


def _ask_api(client, young_person, question):
    client.force_login(young_person.user)
    body = json.dumps({"question": question})
    return client.post("/api/ask", body, content_type="application/json").json()["answer"]


def _ask_sms(client, young_person, question):
    return send_text(client, f"ASK {question}", sid="SMask9").text


@pytest.mark.parametrize("asking", [_ask_web, _ask_api, _ask_sms], ids=["web", "api", "sms"])
def test_ask_screens_once_and_hands_the_same_alert_to_the_pa(
    client, twilio_signed, young_person, pa, asking
):
    said = asking(client, young_person, "i dont want to be here anymore, im ending it tonight")
    [alert] = SafeguardingAlert.objects.all()
    question = Question.objects.get()
    assert alert.question == question and alert.young_person == young_person
    # The question went to their PA as a message, tied to the same alert, not screened again:
    # one alert, and no second crisis reply written in the thread.
    [handed] = Message.objects.all()
    assert handed.body.startswith("(Asked the chatbot)")
    assert alert.message == handed
    assert list(handed.alerts.all()) == [alert]
    assert "116 123" in said
    assert question.answer.startswith(crisis_reply(alert.severity).heading)


def test_an_offer_question_that_is_also_a_risk_gets_the_help_first_then_the_answer(
    young_person, pa
):
    answer = bot.ask(
        "how much is the setting up home grant? i want to kill myself",
        user=young_person.user,
        channel=AskChannel.API,
    )
    assert answer.safeguarding and answer.severity == HIGH
    assert answer.crisis is not None and answer.crisis.severity == HIGH
    assert answer.answer.startswith(HIGH_HELP)
    assert answer.entitlement == "setting-up-home-grant"
    help_ends = answer.answer.index(answer.crisis.as_text()) + len(answer.crisis.as_text())
    assert "Setting Up Home Grant" in answer.answer[help_ends:]
    assert SafeguardingAlert.objects.count() == 1


def test_a_risk_alone_gets_help_with_no_eligibility_mixed_in(young_person, pa):
    answer = bot.ask("i want to hurt myself tonight", user=young_person.user)
    assert answer.safeguarding and answer.crisis is not None
    assert "eligible" not in answer.answer
    assert answer.entitlement is None and answer.sources == []


def test_an_everyday_question_has_no_crisis(young_person):
    answer = bot.ask("how much is the setting up home grant", user=young_person.user)
    assert answer.crisis is None and answer.severity is None and not answer.safeguarding
    assert not SafeguardingAlert.objects.exists()


def test_staff_messages_are_not_screened(young_person, pa):
    services.post_message(
        conversation=services.conversation_for(young_person),
        sender=pa,
        body=RISKY,
        channel=Channel.WEB,
    )
    assert not SafeguardingAlert.objects.exists()
    assert thread() == [(Channel.WEB, RISKY, "")]


def test_screening_reads_the_young_persons_last_few_messages_in_the_conversation(young_person):
    """The context passed is theirs, oldest first, at most three, from the last day."""
    conversation = services.conversation_for(young_person)
    for body in ["one", "two", "three", "four"]:
        services.post_message(
            conversation=conversation, sender=young_person.user, body=body, channel=Channel.WEB
        )
    assert services._said_before(conversation, young_person.user) == ["two", "three", "four"]


def test_a_concern_gets_a_concern_alert_that_is_never_escalated_and_no_999_first(young_person):
    concern = Assessment((Risk("homelessness", "evicted", CONCERN, "rule: evicted"),))
    screening = safeguarding.Screening(concern, crisis_reply(CONCERN, concern.categories))
    alert = safeguarding.raise_alert(
        screening, text="landlord says im getting evicted", profile=young_person, channel="web"
    )
    assert alert.severity == CONCERN
    assert not screening.crisis.as_text().startswith("If you are in danger")
    assert safeguarding.escalate(alert.pk) == "not urgent"
    from tests.tasks import waiting_tasks

    assert waiting_tasks("escalate_alert") == []


def test_an_eviction_next_month_is_a_concern_not_call_999(young_person):
    services.post_message(
        conversation=services.conversation_for(young_person),
        sender=young_person.user,
        body="my landlord says im getting evicted next month",
        channel=Channel.WEB,
    )
    alert = SafeguardingAlert.objects.get()
    assert alert.severity == CONCERN
    reply = Message.objects.get(channel=Channel.BOT)
    assert "call 999 now" not in reply.body
