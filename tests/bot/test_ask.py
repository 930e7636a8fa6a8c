"""Asking the chatbot, on every channel: answers from the published pages with their source,
questions for a person passed to the young person's PA, risk answered with crisis contacts
first and an alert to the people who must know, and bad input refused clearly."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django_ratelimit.core import _get_window

from chat import services
from chat.models import Channel, InboundText, Message, Question, SafeguardingAlert
from chat.safeguarding.crisis import HIGH, crisis_reply
from portal.people.roles import Role
from tests import factories
from tests.chat.test_inbound_texts import BASE, TOKEN
from tests.chat.test_inbound_texts import text as send_text

API = "/api/ask"


def ask(client, question, **extra):
    body = json.dumps({"question": question}) if not isinstance(question, bytes) else question
    return client.post(API, body, content_type="application/json", **extra)


@pytest.mark.django_db
def test_the_api_answers_from_the_page_with_its_source(client, settings):
    settings.PUBLIC_BASE_URL = "https://portal.example.gov.uk"
    answer = ask(client, "how much is the setting up home grant")
    assert answer.status_code == 200
    body = answer.json()
    assert set(body) == {"answer", "entitlement", "sources", "handoff", "safeguarding"}
    assert body["entitlement"] == "setting-up-home-grant"
    assert "£2,000" in body["answer"]
    [source] = body["sources"]
    assert source["slug"] == "setting-up-home-grant"
    assert source["title"] == "Setting Up Home Grant"
    assert source["url"].startswith("https://portal.example.gov.uk/")
    assert body["handoff"] is False and body["safeguarding"] is False


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("payload", "status", "field"),
    [
        (json.dumps({"question": ""}), 400, "question"),
        (json.dumps({"question": "   "}), 400, "question"),
        (json.dumps({"question": "a" * 5000}), 400, "question"),
        (json.dumps({"question": 42}), 400, "question"),
        (json.dumps({"asked": "hi"}), 400, "question"),
        (json.dumps(["question"]), 400, "question"),
        (b"{not json", 400, None),
        (b"\xff\xfe", 400, None),
    ],
    ids=["empty", "spaces", "5000-chars", "number", "no-field", "a-list", "bad-json", "bytes"],
)
def test_bad_questions_get_a_clear_400(client, payload, status, field):
    answer = client.post(API, payload, content_type="application/json")
    assert answer.status_code == status
    assert answer.json()["error"]
    assert answer.json().get("field") == field
    assert Question.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ('{"question": "\\ud800"}', "question"),
        ('{"question": "how much \\udc00 is it"}', "question"),
        ('{"question": "hi\\u0000there"}', "question"),
        ('{"question": "council tax", "extra": ["ok", {"deep": "\\ud83d"}]}', "extra[1].deep"),
        ('{"question\\u0000": "council tax"}', "question\\0"),
    ],
    ids=["lone-high-surrogate", "lone-low-surrogate", "nul", "nested-field", "nul-in-a-key"],
)
def test_hostile_text_is_a_400_naming_the_field_without_signing_in(client, payload, field):
    # Issue 15: each of these was a 500 (a NUL only on PostgreSQL).
    answer = client.post(API, payload, content_type="application/json")
    assert answer.status_code == 400
    assert answer.json()["field"] == field
    assert "NUL" in answer.json()["error"]
    assert Question.objects.count() == 0


@pytest.mark.django_db
def test_an_emoji_written_as_a_surrogate_pair_is_a_question_like_any_other(client):
    answer = client.post(
        API, '{"question": "council tax \\ud83d\\ude00"}', content_type="application/json"
    )
    assert answer.status_code == 200
    assert Question.objects.get().text == "council tax \U0001f600"


@pytest.mark.django_db
@pytest.mark.parametrize("depth", [33, 100_000])
def test_deeply_nested_json_is_a_400_saying_so(client, depth):
    body = '{"question": ' + "[" * depth + "]" * depth + "}"
    answer = client.post(API, body, content_type="application/json")
    assert answer.status_code == 400
    assert "nested more than 32 levels" in answer.json()["error"]


@pytest.mark.django_db
def test_a_body_over_the_upload_limit_is_a_413(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    answer = ask(client, "council tax " * 200)
    assert answer.status_code == 413
    assert "larger than 1,000 bytes" in answer.json()["error"]


@pytest.mark.django_db
def test_the_api_wants_json(client):
    answer = client.post(API, {"question": "council tax"})
    assert answer.status_code == 415
    assert "application/json" in answer.json()["error"]
    assert client.get(API).status_code == 405


@pytest.mark.django_db
def test_too_many_questions_get_a_429_with_a_clear_message(client, settings, young_person):
    settings.ASK_RATE_PER_USER = "2/m"
    client.force_login(young_person.user)
    assert ask(client, "council tax").status_code == 200
    assert ask(client, "council tax").status_code == 200
    refused = ask(client, "council tax")
    assert refused.status_code == 429
    assert "Wait a minute" in refused.json()["error"]
    assert Question.objects.count() == 2


@pytest.mark.django_db
def test_the_limit_per_address_holds_for_visitors_too(client, settings):
    settings.ASK_RATE_PER_IP = "1/m"
    assert ask(client, "council tax").status_code == 200
    assert ask(client, "council tax", REMOTE_ADDR="127.0.0.1").status_code == 429
    assert ask(client, "council tax", REMOTE_ADDR="10.0.0.9").status_code == 200


@pytest.mark.django_db
def test_a_signed_in_young_person_hears_whether_they_look_eligible(client, young_person):
    client.force_login(young_person.user)  # former relevant, 20: the grant is 16 to 24
    body = ask(client, "furniture money when i move out").json()
    assert body["entitlement"] == "setting-up-home-grant"
    assert "you look eligible" in body["answer"]


@pytest.mark.django_db
def test_a_question_for_a_person_goes_to_their_pa_in_their_conversation(
    client, young_person, other_young_person
):
    client.force_login(young_person.user)
    body = ask(client, "can you move my appointment with my PA to friday").json()
    assert body["handoff"] is True and body["entitlement"] is None
    assert "passed your question to" in body["answer"]
    conversation = services.conversation_for(young_person)
    [message] = Message.objects.filter(conversation=conversation)
    assert message.sender == young_person.user
    assert message.body.endswith("can you move my appointment with my PA to friday")
    assert not Message.objects.filter(conversation__young_person=other_young_person).exists()


@pytest.mark.django_db
def test_off_topic_is_said_plainly_and_not_passed_on(client, young_person):
    client.force_login(young_person.user)
    body = ask(client, "what's the weather like tomorrow").json()
    assert body == {**body, "entitlement": None, "handoff": False, "safeguarding": False}
    assert "I can only answer questions about" in body["answer"]
    assert not Message.objects.exists()


@pytest.mark.django_db
def test_risk_gets_crisis_contacts_first_and_tells_the_pa_and_manager(
    client, settings, young_person, pa, manager, django_capture_on_commit_callbacks
):
    settings.PORTAL = {**settings.PORTAL, "DUTY_EMAIL": "duty@example.gov.uk"}
    client.force_login(young_person.user)
    with django_capture_on_commit_callbacks(execute=True):
        body = ask(client, "I don't want to be here anymore, I'm thinking of ending it").json()
    assert body["safeguarding"] is True and body["handoff"] is True
    assert body["answer"].startswith(crisis_reply(HIGH).heading)
    assert "116 123" in body["answer"] and "85258" in body["answer"]
    alert = SafeguardingAlert.objects.get()
    assert alert.young_person == young_person
    assert "suicide" in alert.categories
    assert set(alert.told.all()) == {pa, manager}
    assert alert.duty_emailed_to == "duty@example.gov.uk"
    [email] = mail.outbox
    assert email.to == ["duty@example.gov.uk"]
    assert "ending it" not in email.body  # the words stay in the portal


@pytest.mark.django_db
def test_a_risk_from_someone_not_signed_in_gets_crisis_contacts_and_pages_nobody(
    client, settings, young_person, pa, manager, django_capture_on_commit_callbacks
):
    # Issue 15: anyone could raise 60 alerts a minute about nobody, each emailed to the duty
    # team and listed for every manager to act on.
    settings.PORTAL = {**settings.PORTAL, "DUTY_EMAIL": "duty@example.gov.uk"}
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        body = ask(client, "I don't want to be here anymore, I'm thinking of ending it").json()
    assert body["safeguarding"] is True
    assert body["answer"].startswith(crisis_reply(HIGH).heading)
    assert "116 123" in body["answer"] and "85258" in body["answer"]
    assert not SafeguardingAlert.objects.exists()
    assert mail.outbox == [] and callbacks == []
    # Kept, so the service can count them: the manager sees a number, nothing to act on.
    question = Question.objects.get()
    assert question.asker is None and question.outcome == Question.Outcome.SAFEGUARDING
    client.force_login(manager)
    page = client.get(reverse("chat:alerts")).text
    assert "Questions from people not signed in" in page
    assert "In the last 30 days: 1 question." in page
    assert "<p>None.</p>" in page.split("<h2>Open</h2>")[1].split("<h2>")[0]
    assert "safeguarding alert" not in client.get(reverse("people:staff_home")).text


@pytest.mark.django_db
def test_old_alerts_about_nobody_are_not_left_for_managers_to_act_on(client, manager):
    SafeguardingAlert.objects.create(channel="api", text="ending it", categories=["suicide"])
    client.force_login(manager)
    page = client.get(reverse("chat:alerts")).text
    assert "<p>None.</p>" in page.split("<h2>Open</h2>")[1].split("<h2>")[0]
    assert "safeguarding alert" not in client.get(reverse("people:staff_home")).text


@pytest.mark.django_db
def test_the_61st_question_in_a_minute_from_one_address_is_a_429_saying_when(client):
    def window() -> int:  # django-ratelimit's fixed window for this address's key
        return _get_window(b"10.9.8.7", 60)

    for _attempt in range(3):  # a run that straddles the window's end starts again
        cache.clear()
        started = window()
        answers = [ask(client, "council tax", REMOTE_ADDR="10.9.8.7") for _ in range(61)]
        if window() == started:
            break
    assert [a.status_code for a in answers[:60]] == [200] * 60
    refused = answers[60]
    assert refused.status_code == 429
    assert "Wait a minute" in refused.json()["error"]
    assert 1 <= refused.json()["retry_after"] <= 60
    assert refused["Retry-After"] == str(refused.json()["retry_after"])
    assert ask(client, "council tax", REMOTE_ADDR="10.9.8.8").status_code == 200


@pytest.mark.django_db
def test_not_going_to_hurt_myself_is_no_alarm_and_still_answered(client, young_person):
    client.force_login(young_person.user)
    body = ask(client, "I'm not going to hurt myself, I just need money").json()
    assert body["safeguarding"] is False
    assert body["entitlement"] is not None or body["handoff"] is True
    assert not SafeguardingAlert.objects.exists()


@pytest.mark.django_db
def test_a_joke_is_no_alarm(client):
    body = ask(client, "this exam is killing me lol").json()
    assert body["safeguarding"] is False
    assert not SafeguardingAlert.objects.exists()


@pytest.mark.django_db
def test_a_message_to_the_pa_that_reads_as_a_risk_raises_an_alert_and_answers_at_once(
    young_person, pa
):
    conversation = services.conversation_for(young_person)
    services.post_message(
        conversation=conversation,
        sender=young_person.user,
        body="my bf hit me again and im scared to go home",
        channel=Channel.WEB,
    )
    alert = SafeguardingAlert.objects.get()
    assert alert.message.body.startswith("my bf hit me")
    bodies = list(Message.objects.order_by("pk").values_list("channel", "body"))
    assert bodies[0] == (Channel.WEB, "my bf hit me again and im scared to go home")
    assert bodies[1][0] == Channel.BOT and bodies[1][1].startswith(crisis_reply(HIGH).heading)
    assert f"I've told {pa.first_name}" in bodies[1][1]


@pytest.mark.django_db
def test_staff_writing_the_same_words_raise_nothing(young_person, pa):
    conversation = services.conversation_for(young_person)
    services.post_message(
        conversation=conversation,
        sender=pa,
        body="Did he hit you again? Are you scared to go home?",
        channel=Channel.WEB,
    )
    assert not SafeguardingAlert.objects.exists()


# --- By text ------------------------------------------------------------------------------


@pytest.fixture
def twilio_signed(settings):
    settings.TWILIO_AUTH_TOKEN = TOKEN
    settings.PUBLIC_BASE_URL = BASE


@pytest.mark.django_db
def test_a_young_person_can_ask_by_text(client, twilio_signed, young_person):
    answer = send_text(client, "ASK how much is the setting up home grant", sid="SMask1")
    assert "Setting Up Home Grant" in answer.text and "£2,000" in answer.text
    assert InboundText.objects.get().outcome == InboundText.Outcome.ASKED
    assert not Message.objects.exists()  # a question for the bot, not a message to the PA
    again = send_text(client, "ASK how much is the setting up home grant", sid="SMask1")
    assert again.text == answer.text  # Twilio's retry gets the same answer
    assert Question.objects.count() == 1


@pytest.mark.django_db
def test_a_risky_text_gets_crisis_contacts_back_and_an_alert(client, twilio_signed, young_person):
    answer = send_text(client, "i want to kill myself", sid="SMrisk1")
    assert "call 999" in answer.text and "116 123" in answer.text
    alert = SafeguardingAlert.objects.get()
    assert alert.channel == "sms" and alert.young_person == young_person


@pytest.mark.django_db
def test_a_risky_question_by_text_from_an_unknown_number_alerts_managers_with_the_number(
    client, twilio_signed
):
    answer = send_text(client, "ASK im going to kill myself", sid="SMrisk3", sender="+447700900998")
    assert "call 999" in answer.text
    alert = SafeguardingAlert.objects.get()
    assert alert.young_person is None and alert.from_number == "+447700900998"


@pytest.mark.django_db
def test_a_risky_text_from_an_unknown_number_still_gets_help(client, twilio_signed):
    answer = send_text(client, "nowhere to sleep tonight", sid="SMrisk2", sender="+447700900999")
    assert "call 999" in answer.text
    alert = SafeguardingAlert.objects.get()
    assert alert.young_person is None and alert.from_number == "+447700900999"
    assert not Message.objects.exists()


# --- Pages --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_ask_page_answers_and_takes_did_this_help(client, young_person):
    client.force_login(young_person.user)
    page = client.get(reverse("chat:ask"))
    assert 'aria-current="page">Ask a question' in page.text
    answered = client.post(reverse("chat:ask"), {"question": "do i pay council tax"})
    assert "council-tax-exemption/" in answered.text  # the source page, linked
    question = Question.objects.get()
    feedback = reverse("chat:ask_feedback", args=[question.pk])
    assert f'action="{feedback}"' in answered.text
    client.post(feedback, {"helped": "no"})
    question.refresh_from_db()
    assert question.helped is False


@pytest.mark.django_db
def test_feedback_only_from_the_asker(client, young_person, other_young_person):
    client.force_login(young_person.user)
    client.post(reverse("chat:ask"), {"question": "council tax"})
    question = Question.objects.get()
    client.force_login(other_young_person.user)
    feedback = reverse("chat:ask_feedback", args=[question.pk])
    assert client.post(feedback, {"helped": "yes"}).status_code == 403
    question.refresh_from_db()
    assert question.helped is None


@pytest.mark.django_db
def test_alerts_are_seen_by_the_pa_not_by_another_pa_or_a_young_person(
    client, young_person, pa, other_pa
):
    services.post_message(
        conversation=services.conversation_for(young_person),
        sender=young_person.user,
        body="i've been cutting myself again",
        channel=Channel.WEB,
    )
    alert = SafeguardingAlert.objects.get()
    url = reverse("chat:alert", args=[alert.pk])
    client.force_login(pa)
    assert "cutting myself" in client.get(url).text
    assert young_person.user.display_name in client.get(reverse("chat:alerts")).text
    client.post(url, {"note": "Called her, she is safe with her sister tonight."})
    alert.refresh_from_db()
    assert alert.closed_by == pa
    client.force_login(other_pa)
    assert client.get(url).status_code == 404
    client.force_login(young_person.user)
    assert client.get(url).status_code == 403


@pytest.mark.django_db
def test_editors_see_unanswered_questions_without_names(client, young_person, editor):
    client.force_login(young_person.user)
    client.post(reverse("chat:ask"), {"question": "can I get a free gym membership"})
    client.force_login(editor)
    page = client.get(reverse("chat:questions"))
    assert page.status_code == 200
    assert "free gym membership" in page.text
    assert young_person.user.display_name not in page.text
    client.force_login(young_person.user)
    assert client.get(reverse("chat:questions")).status_code == 403


# --- Commands -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_ask_command_prints_the_contract_json():
    out = StringIO()
    call_command("ask", "how much is the setting up home grant", "--json", stdout=out)
    body = json.loads(out.getvalue())
    assert body["entitlement"] == "setting-up-home-grant"
    assert set(body) == {"answer", "entitlement", "sources", "handoff", "safeguarding"}


@pytest.fixture
def editor(db):
    return factories.staff(Role.EDITOR, username="editor")
