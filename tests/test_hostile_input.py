"""NUL characters and lone surrogates are refused at the edge with a clear 400, wherever they
come in: the query string, a form, a JSON body, a cookie (issue 15, finding 5). Each was a 500
on PostgreSQL, or text silently changed before it was stored."""

from __future__ import annotations

import pytest
from django.urls import reverse

from chat.models import Message
from portal.hostile_fields import first_hostile_json_field, first_hostile_param

pytestmark = pytest.mark.django_db


def test_a_nul_in_a_query_string_is_a_page_saying_what_went_wrong(client):
    response = client.get("/search/?q=a%00b")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert "Sorry, what you sent could not be read" in response.text
    assert "<code>q</code>" in response.text
    assert "Skip to main content" in response.text  # the site's layout
    assert "cannot reach its database" not in response.text


@pytest.mark.parametrize("encoded", ["%ED%A0%80", "%ed%bf%bf", "ok%ED%B0%80ok"])
def test_a_percent_encoded_lone_surrogate_in_a_query_string_is_refused(client, encoded):
    # Django would quietly turn these into U+FFFD; what was sent is not text.
    response = client.get(f"/search/?q={encoded}")
    assert response.status_code == 400
    assert "<code>q</code>" in response.text


def test_real_characters_in_any_script_are_searched_for_as_usual(client):
    for query in ["café", "حقوق", "🙏🏽", "%F0%9F%98%80"]:
        assert client.get("/search/", {"q": query}).status_code == 200


def test_the_api_answers_json_naming_the_field(client):
    response = client.get("/api/entitlements?age=19&status=%ED%A0%80")
    assert response.status_code == 400
    assert response.json()["field"] == "status"
    assert "NUL" in response.json()["error"]


def test_a_nul_in_a_form_is_refused_and_nothing_is_stored(client, young_person):
    client.force_login(young_person.user)
    response = client.post(reverse("chat:my_messages"), {"body": "hello\x00there"})
    assert response.status_code == 400
    assert "<code>body</code>" in response.text
    assert not Message.objects.exists()


def test_a_percent_encoded_lone_surrogate_in_a_form_is_refused(client, young_person):
    client.force_login(young_person.user)
    response = client.post(
        reverse("chat:my_messages"),
        "body=hi%ED%A0%80",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    assert not Message.objects.exists()


def test_a_nul_in_a_multipart_form_is_refused(client, young_person):
    client.force_login(young_person.user)
    response = client.post(reverse("chat:my_messages"), {"body": "hi\x00"}, format="multipart")
    assert response.status_code == 400
    assert not Message.objects.exists()


def test_a_nul_in_a_cookie_never_reaches_the_session_store(client):
    client.cookies["sessionid"] = "abcdefgh\x00ijkl"
    response = client.get("/")
    assert response.status_code == 400


def test_a_lone_surrogate_in_a_json_body_anywhere_is_refused(client):
    response = client.post(
        "/api/ask", '{"question": "council tax", "x": {"y": ["\\udfff"]}}', "application/json"
    )
    assert response.status_code == 400
    assert response.json()["field"] == "x.y[0]"


def test_twilios_webhooks_are_left_to_handle_a_nul_themselves(client):
    # A 400 there would lose a young person's text (see tests/chat/test_inbound_texts.py).
    response = client.post("/sms/inbound/", {"Body": "hi\x00"})
    assert response.status_code == 403  # unsigned: refused by the signature check, as ever


def test_naming_the_field():
    assert first_hostile_param("a=1&b=%00") == "b"
    assert first_hostile_param("a%00=1") == "a\\0"
    assert first_hostile_param("q=%F0%9F%98%80&r=caf%C3%A9") is None
    assert first_hostile_param(b"body=ok%ED%A0%80") == "body"
    assert first_hostile_json_field({"a": [1, {"b": "\x00"}]}) == "a[1].b"
    assert first_hostile_json_field({"a": "\U0001f600"}) is None


@pytest.mark.parametrize("number", [2**63, 2**64, 10**30])
def test_an_id_no_database_row_can_have_is_a_404_on_every_portal_route(client, pa, number):
    # Issue 15: 2^63 in an id reached a query that cannot hold it (a 500 on some routes).
    client.force_login(pa)
    for path in [
        f"/staff/messages/{number}/",
        f"/staff/messages/1/text-again/{number}/",
        f"/staff/messages/{number}/allocate/",
        f"/staff/alerts/{number}/",
        f"/staff/young-people/{number}/",
        f"/messages/ask/{number}/feedback/",
    ]:
        assert client.get(path).status_code == 404, path
        assert client.post(path).status_code == 404, path


def test_the_id_converter_takes_every_id_a_row_can_have():
    from portal.converters import MAX_ID, DatabaseIdConverter

    converter = DatabaseIdConverter()
    assert converter.to_python(str(MAX_ID)) == MAX_ID
    assert converter.to_python("0") == 0  # a placeholder pages fill in; no row has it
    with pytest.raises(ValueError):
        converter.to_python(str(MAX_ID + 1))
    assert converter.to_url(42) == "42"
