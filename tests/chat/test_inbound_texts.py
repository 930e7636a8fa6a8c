"""`POST /sms/inbound/`: texts signed by Twilio land in the young person's conversation, once;
anything else is refused or answered kindly, and never a 500."""

from __future__ import annotations

import pytest
from asgiref.sync import sync_to_async
from django.http import QueryDict
from twilio.request_validator import RequestValidator

from chat import services
from chat.models import Channel, InboundText, Message
from portal.people.models import User
from tests.chat.conftest import connect

TOKEN = "twilio-test-auth-token"
BASE = "https://portal.example.gov.uk"
URL = "/sms/inbound/"


@pytest.fixture(autouse=True)
def _twilio(settings):
    settings.TWILIO_AUTH_TOKEN = TOKEN
    settings.PUBLIC_BASE_URL = BASE


def sign(params, url: str = BASE + URL, token: str = TOKEN) -> str:
    return RequestValidator(token).compute_signature(url, params)


def text(client, body: str, *, sid: str = "SM001", sender: str = "+447400123456", **extra):
    params = {"MessageSid": sid, "From": sender, "To": "+447700900000", "Body": body}
    signature = extra.pop("signature", None) or sign(params)
    return client.post(URL, params, headers={"X-Twilio-Signature": signature}, **extra)


def messages():
    return list(Message.objects.order_by("pk").values_list("body", "channel", "sender__username"))


@pytest.mark.django_db
def test_a_text_from_a_young_persons_verified_number_joins_their_conversation(client, young_person):
    response = text(client, "can u call me back")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/xml")
    assert "<Message>" not in response.text  # nothing texted back: their PA will reply
    assert messages() == [("can u call me back", Channel.SMS, "young")]


@pytest.mark.django_db
def test_twilio_retrying_the_same_message_sid_stores_it_once(client, young_person):
    first, again = text(client, "hello"), text(client, "hello")
    assert first.text == again.text
    assert len(messages()) == 1 and InboundText.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "signature",
    [
        "",
        "not-a-signature",
        "wrong-token",
        "wrong-url",
    ],
)
def test_a_missing_or_wrong_signature_is_refused_and_nothing_stored(
    client, young_person, signature
):
    params = {"MessageSid": "SM9", "From": "+447400123456", "Body": "hi"}
    headers = {}
    if signature == "not-a-signature":
        headers["X-Twilio-Signature"] = "bm90IGEgc2lnbmF0dXJl"
    elif signature == "wrong-token":
        headers["X-Twilio-Signature"] = sign(params, token="someone-elses-token")
    elif signature == "wrong-url":
        headers["X-Twilio-Signature"] = sign(params, url="https://evil.example/sms/inbound/")
    response = client.post(URL, params, headers=headers)
    assert response.status_code == 403
    assert not Message.objects.exists() and not InboundText.objects.exists()


@pytest.mark.django_db
def test_an_unknown_number_gets_a_kind_reply_and_reaches_nobody(client, young_person, settings):
    users_before = User.objects.count()
    response = text(client, "hi is this the council", sender="+447700900123")
    assert response.status_code == 200
    assert settings.PORTAL["LEAVING_CARE_PHONE"] in response.text
    assert "999" in response.text
    record = InboundText.objects.get()
    assert (record.outcome, record.young_person) == (InboundText.Outcome.UNKNOWN_NUMBER, None)
    assert not Message.objects.exists() and User.objects.count() == users_before


@pytest.mark.django_db
def test_an_unverified_number_counts_as_unknown(client, young_person):
    young_person.mobile_verified = False
    young_person.save()
    text(client, "it's me")
    assert not Message.objects.exists()
    assert InboundText.objects.get().outcome == InboundText.Outcome.UNKNOWN_NUMBER


@pytest.mark.django_db
def test_an_empty_text_gets_asked_again(client, young_person):
    response = text(client, "   ")
    assert "no words" in response.text
    assert not Message.objects.exists()


@pytest.mark.django_db
def test_a_long_text_is_kept_whole_across_messages(client, young_person):
    body = ("I need help with my rent. " * 100)[:2500]
    text(client, body)
    stored = [b for b, _, _ in messages()]
    assert len(stored) == 2 and "".join(stored) == body.strip()


@pytest.mark.django_db
def test_emoji_and_non_utf8_bytes_arrive_without_a_500(client, young_person):
    assert text(client, "thank u 🙏🏽").status_code == 200
    raw = "MessageSid=SM2&From=%2B447400123456&Body=caf%E9+ok"
    signature = sign(QueryDict(raw))
    response = client.post(
        URL,
        raw,
        content_type="application/x-www-form-urlencoded",
        headers={"X-Twilio-Signature": signature},
    )
    assert response.status_code == 200
    assert [b for b, _, _ in messages()] == ["thank u 🙏🏽", "caf\ufffd ok"]


@pytest.mark.django_db
def test_a_nul_in_a_text_is_dropped_and_the_message_still_reaches_the_pa(client, young_person):
    # A NUL cannot be stored in PostgreSQL (a 500, issue 15); a carrier's NUL is not something
    # the young person typed, so it is dropped rather than the text refused and lost.
    response = text(client, "can\x00 u call me\x00", sid="SM\x00nul")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/xml")
    assert messages() == [("can u call me", Channel.SMS, "young")]
    record = InboundText.objects.get()
    assert record.body == "can u call me" and record.message_sid == "SMnul"


@pytest.mark.django_db
def test_a_nul_in_a_text_from_an_unknown_number_still_gets_the_kind_reply(client, young_person):
    response = text(client, "\x00\x00hello\x00", sender="+44770090\x000555")
    assert response.status_code == 200
    assert "we don't know your number yet" in response.text
    assert InboundText.objects.get().body == "hello"


@pytest.mark.django_db
def test_a_signed_request_without_a_message_sid_is_a_400(client, young_person):
    params = {"From": "+447400123456", "Body": "hi"}
    response = client.post(URL, params, headers={"X-Twilio-Signature": sign(params)})
    assert response.status_code == 400 and "MessageSid" in response.text


@pytest.mark.django_db
def test_only_post(client):
    assert client.get(URL).status_code == 405


@pytest.mark.django_db(transaction=True)
async def test_a_text_shows_live_in_the_pas_inbox(layer, young_person, pa, client):
    socket = await connect(pa)
    assert (await socket.connect())[0]
    await sync_to_async(text)(client, "running late, sorry", sid="SM77")
    frame = await socket.receive_json_from(timeout=5)
    assert frame["message"]["body"] == "running late, sorry"
    assert frame["message"]["channel"] == "sms"
    await socket.disconnect()


@pytest.mark.django_db
@pytest.mark.parametrize("word", ["STOP", "stop", " Stop "])
def test_stop_stops_texts_and_start_starts_them_again(client, young_person, word):
    response = text(client, word, sid="SM-stop")
    assert "won't get any more texts" in response.text
    young_person.refresh_from_db()
    assert young_person.texts_stopped_at is not None
    assert not Message.objects.exists()  # a keyword is not a message for the PA
    response = text(client, "START", sid="SM-start")
    assert "again" in response.text
    young_person.refresh_from_db()
    assert young_person.texts_stopped_at is None


@pytest.mark.django_db
def test_help_says_who_to_contact(client, young_person, settings):
    response = text(client, "help")
    assert settings.PORTAL["LEAVING_CARE_PHONE"] in response.text and "STOP" in response.text


@pytest.mark.django_db
def test_a_sentence_with_stop_in_it_is_a_message_not_a_keyword(client, young_person):
    text(client, "please stop calling my mum")
    young_person.refresh_from_db()
    assert young_person.texts_stopped_at is None
    assert [b for b, _, _ in messages()] == ["please stop calling my mum"]


@pytest.mark.django_db
def test_the_pa_sees_that_texts_were_stopped(client, young_person, pa):
    text(client, "STOP")
    conversation = services.conversation_for(young_person)
    client.force_login(pa)
    page = client.get(f"/staff/messages/{conversation.pk}/").text
    assert "texted STOP" in page


@pytest.mark.django_db
def test_managers_see_texts_from_unknown_numbers_and_pas_do_not(client, manager, pa):
    text(client, "hi its jess, new phone", sender="+447700900555")
    client.force_login(manager)
    assert "/staff/texts/unknown/" in client.get("/staff/").text
    page = client.get("/staff/texts/unknown/")
    assert "+447700900555" in page.text and "hi its jess, new phone" in page.text
    client.force_login(pa)
    assert client.get("/staff/texts/unknown/").status_code == 403
