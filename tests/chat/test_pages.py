"""Messages without JavaScript: the young person's thread, the PA's inbox, staff reads audited."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from chat import services
from chat.models import Channel, Conversation, Message
from portal.people.models import StaffAccess

pytestmark = pytest.mark.django_db

MINE = reverse("chat:my_messages")


def form_client_id(response) -> str:
    return response.context["form"]["client_id"].value()


def test_a_young_person_sends_with_the_form_and_a_double_submit_stores_one(client, young_person):
    client.force_login(young_person.user)
    page = client.get(MINE)
    data = {"body": "can we meet on friday", "client_id": form_client_id(page)}
    response = client.post(MINE, data, follow=True)
    client.post(MINE, data)
    assert Message.objects.count() == 1
    assert "can we meet on friday" in response.text


def test_bodies_are_escaped_and_only_web_addresses_become_links(client, young_person, pa):
    conversation = services.conversation_for(young_person)
    services.post_message(
        conversation=conversation,
        sender=pa,
        channel=Channel.WEB,
        body="<script>alert(1)</script> see https://example.org/help",
    )
    client.force_login(young_person.user)
    text = client.get(MINE).text
    assert "<script>alert(1)</script>" not in text
    assert "&lt;script&gt;" in text
    assert 'href="https://example.org/help" rel="nofollow noopener noreferrer"' in text


def test_an_empty_message_is_a_form_error_and_nothing_is_stored(client, young_person):
    client.force_login(young_person.user)
    response = client.post(MINE, {"body": "", "client_id": "x"})
    assert "Type a message first" in response.text
    assert not Message.objects.exists()


def test_the_pa_inbox_shows_unread_and_who_has_gone_quiet(client, young_person, pa):
    conversation = services.conversation_for(young_person)
    services.post_message(
        conversation=conversation, sender=young_person.user, body="hello?", channel=Channel.WEB
    )
    client.force_login(pa)
    text = client.get(reverse("chat:inbox")).text
    assert young_person.user.display_name in text and "1 unread" in text and "hello?" in text


def test_a_pa_replies_from_the_conversation_and_it_is_not_audited(client, young_person, pa):
    conversation = services.conversation_for(young_person)
    client.force_login(pa)
    url = reverse("chat:conversation", args=[conversation.pk])
    page = client.get(url)
    client.post(url, {"body": "see you friday", "client_id": form_client_id(page)})
    assert Message.objects.get().sender == pa
    assert not StaffAccess.objects.exists()


def test_a_manager_reads_a_team_conversation_is_audited_and_cannot_reply(
    client, young_person, manager
):
    conversation = services.conversation_for(young_person)
    client.force_login(manager)
    url = reverse("chat:conversation", args=[conversation.pk])
    assert client.get(url).status_code == 200
    assert StaffAccess.objects.get().what == "conversation"
    assert client.post(url, {"body": "hi", "client_id": "m"}).status_code == 403
    assert not Message.objects.exists()


def test_another_pas_conversation_is_a_404_and_nothing_is_stored(client, other_young_person, pa):
    conversation = services.conversation_for(other_young_person)
    client.force_login(pa)
    url = reverse("chat:conversation", args=[conversation.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"body": "hi", "client_id": "p"}).status_code == 404
    assert not Message.objects.exists()


def test_young_people_cannot_open_the_inbox_and_staff_have_no_my_messages(client, young_person, pa):
    client.force_login(young_person.user)
    assert client.get(reverse("chat:inbox")).status_code == 403
    client.force_login(pa)
    assert client.get(MINE).status_code == 403


def test_your_own_messages_say_sent_delivered_or_read(client, young_person, pa):
    conversation = services.conversation_for(young_person)
    sent = [
        services.post_message(
            conversation=conversation, sender=young_person.user, body=text, channel=Channel.WEB
        )[0]
        for text in ["first", "second", "third"]
    ]
    services.mark_read(conversation=conversation, user=pa, up_to=sent[0].pk)
    services.mark_delivered(conversation=conversation, user=pa, up_to=sent[1].pk)
    client.force_login(young_person.user)
    page = client.get(MINE).text
    states = re.findall(r'class="bubble__state">(\w+)<', page)
    assert states == ["Read", "Delivered", "Sent"]


def test_everyone_on_the_caseload_has_a_conversation_in_the_inbox_before_anyone_writes(
    client, pa, young_person
):
    conversation = Conversation.objects.get(young_person=young_person)
    client.force_login(pa)
    page = client.get(reverse("chat:inbox")).text
    assert f'data-conversation="{conversation.pk}"' in page
    assert reverse("chat:conversation", args=[conversation.pk]) in page


def test_reading_messages_writes_nothing(client, pa, young_person):
    """GET pages and the API only read: the conversation came with the profile."""
    for user, url in [
        (young_person.user, MINE),
        (young_person.user, reverse("chat:api_conversations")),
        (pa, reverse("chat:inbox")),
    ]:
        client.force_login(user)
        before = Conversation.objects.count()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        writes = [
            q["sql"]
            for q in queries.captured_queries
            if q["sql"].startswith(("INSERT", "UPDATE", "DELETE"))
            and "django_session" not in q["sql"]
        ]
        assert not writes, (url, writes)
        assert Conversation.objects.count() == before
