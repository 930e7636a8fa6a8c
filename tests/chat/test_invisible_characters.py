"""Invisible and bidirectional control characters in messages are shown, never hidden inside a
link (issue 15, finding 9): `goo\u200bgle.com` looked like google.com and linked gle.com."""

from __future__ import annotations

import pytest

from chat import services
from chat.models import Channel
from chat.templatetags.chat_tags import message_body

pytestmark = pytest.mark.django_db


def post(young_person, body: str) -> None:
    services.post_message(
        conversation=services.conversation_for(young_person),
        sender=young_person.user,
        body=body,
        channel=Channel.WEB,
    )


def test_a_zero_width_space_in_a_web_address_is_shown_and_not_linked(client, young_person, pa):
    post(young_person, "log in at goo\u200bgle.com to get your money")
    conversation = services.conversation_for(young_person)
    client.force_login(pa)
    page = client.get(f"/staff/messages/{conversation.pk}/").text
    assert "gle.com</a>" not in page and 'href="http://gle.com"' not in page
    assert "goo<mark" in page and "[U+200B]</mark>gle.com" in page
    assert "\u200b" not in page


@pytest.mark.parametrize(
    ("char", "code"),
    [
        ("\u200b", "200B"),
        ("\u200c", "200C"),
        ("\u200d", "200D"),
        ("\u2060", "2060"),
        ("\ufeff", "FEFF"),
        ("\u202a", "202A"),
        ("\u202e", "202E"),
        ("\u2066", "2066"),
        ("\u2069", "2069"),
    ],
)
def test_each_invisible_character_is_shown_on_the_young_persons_page(
    client, young_person, char, code
):
    post(young_person, f"see https://exam{char}ple.com/pay now")
    client.force_login(young_person.user)
    page = client.get("/messages/").text
    assert f"[U+{code}]</mark>" in page
    assert char not in page
    assert "<a href" not in page.split('id="thread"')[1].split("</ol>")[0]


def test_a_right_to_left_override_cannot_turn_a_file_name_round(client, young_person, pa):
    post(young_person, "open invoice\u202efdp.exe")
    client.force_login(pa)
    page = client.get(f"/staff/messages/{services.conversation_for(young_person).pk}/").text
    assert "invoice<mark" in page and "\u202e" not in page


def test_ordinary_links_and_real_writing_are_left_alone():
    assert 'href="https://example.com/x"' in message_body("see https://example.com/x")
    # An emoji family, a Persian word with a non-joiner, England's flag: nothing to show.
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # "I want"
    england = "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"
    for text in [family, persian, england]:
        assert "[U+" not in message_body(text)
        assert text in message_body(text)
