"""A young person with no Personal Adviser (PA) yet reaches a person (issue 15, finding 8).

They used to be told "the leaving care team will read your messages" while no staff inbox
showed them, and a manager who found the conversation by its address could not reply. Now their
team's manager (or, with no team, every service manager) has them in the inbox marked "No PA
yet", answers them, allocates a PA from there, and is alerted to a risk in what they write.
"""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from chat import selectors, services
from chat.models import Channel, Conversation, Message, SafeguardingAlert
from chat.texts.services import outbound
from portal.people import unallocated
from portal.people.models import AdviserAllocation, User, YoungPersonProfile
from portal.people.roles import Role
from tests import factories

pytestmark = pytest.mark.django_db

INBOX = reverse("chat:inbox")
MINE = reverse("chat:my_messages")
RISKY = "i want to kill myself"


def sixteen_today() -> datetime.date:
    today = timezone.localdate()
    return today.replace(year=today.year - 16) - datetime.timedelta(days=30)


@pytest.fixture
def other_manager(db, other_pa):
    team = other_pa.staff_profile.team
    user = factories.staff(Role.MANAGER, team=team, username="other_manager")
    team.manager = user
    team.save()
    return user


@pytest.fixture
def newcomer(db, team, manager):
    """16, in the manager's team, no PA yet."""
    return factories.YoungPersonFactory(
        user__username="newcomer", date_of_birth=sixteen_today(), team=team
    )


@pytest.fixture
def teamless(db):
    """No PA and no team yet: the whole service's managers answer them."""
    return factories.YoungPersonFactory(user__username="teamless", date_of_birth=sixteen_today())


def writes(profile: YoungPersonProfile, body: str) -> Message:
    conversation = services.conversation_for(profile)
    message, _ = services.post_message(
        conversation=conversation, sender=profile.user, body=body, channel=Channel.WEB
    )
    return message


def page_of(profile: YoungPersonProfile) -> str:
    return reverse("chat:conversation", args=[services.conversation_for(profile).pk])


def client_id(response) -> str:
    return response.context["form"]["client_id"].value()


# --- Who reads and answers -----------------------------------------------------------------


def test_their_message_is_in_their_team_managers_inbox_marked_no_pa_yet(client, newcomer, manager):
    writes(newcomer, "is anyone there")
    client.force_login(manager)
    text = client.get(INBOX).text
    assert newcomer.user.display_name in text
    assert "is anyone there" in text and "1 unread" in text
    assert "No PA yet" in text
    assert page_of(newcomer) in text


def test_it_is_not_in_another_teams_managers_inbox_nor_open_to_them(
    client, newcomer, other_manager
):
    writes(newcomer, "is anyone there")
    client.force_login(other_manager)
    assert newcomer.user.display_name not in client.get(INBOX).text
    assert client.get(page_of(newcomer)).status_code == 404
    assert client.post(page_of(newcomer), {"body": "hi", "client_id": "x"}).status_code == 404
    assert Message.objects.count() == 1


def test_with_no_team_every_service_manager_has_it(client, teamless, manager, other_manager):
    writes(teamless, "hello?")
    for reader in (manager, other_manager):
        client.force_login(reader)
        text = client.get(INBOX).text
        assert teamless.user.display_name in text and "No PA yet" in text
        assert "hello?" in text


def test_a_team_whose_manager_left_falls_to_every_service_manager(
    client, newcomer, manager, other_manager
):
    User.objects.filter(pk=manager.pk).update(is_active=False)
    writes(newcomer, "hello?")
    client.force_login(other_manager)
    assert newcomer.user.display_name in client.get(INBOX).text
    fresh = YoungPersonProfile.objects.get(pk=newcomer.pk)
    assert [m.pk for m in unallocated.managers_answering(fresh)] == [other_manager.pk]


def test_a_pa_who_is_not_theirs_cannot_see_or_write(client, newcomer, pa, other_pa):
    writes(newcomer, "is anyone there")
    for stranger in (pa, other_pa):
        client.force_login(stranger)
        assert newcomer.user.display_name not in client.get(INBOX).text
        assert client.get(page_of(newcomer)).status_code == 404
        assert client.post(page_of(newcomer), {"body": "hi", "client_id": "p"}).status_code == 404
    assert Message.objects.count() == 1


def test_the_manager_replies_with_the_form_and_the_young_person_reads_it(client, newcomer, manager):
    writes(newcomer, "is anyone there")
    client.force_login(manager)
    url = page_of(newcomer)
    page = client.get(url)
    assert "you answer their messages as" in page.text
    assert 'id="message-form"' in page.text
    response = client.post(url, {"body": "Yes, I'm Sam's manager", "client_id": client_id(page)})
    assert response.status_code == 302
    reply = Message.objects.latest("pk")
    assert reply.sender == manager and reply.body == "Yes, I'm Sam's manager"
    client.force_login(newcomer.user)
    assert "Yes, I&#x27;m Sam&#x27;s manager" in client.get(MINE).text


def test_the_young_person_is_told_truly_who_reads_their_messages(client, newcomer):
    client.force_login(newcomer.user)
    text = client.get(MINE).text
    assert (
        "Your messages go to the leaving care team's managers until you have a PA"
        in text.replace("&#x27;", "'")
    )
    assert "Messages with the leaving care team" in text


def test_membership_is_one_rule_in_its_three_shapes(manager, other_manager, team, pa, newcomer):
    """`answers_for` (loaded objects), `answered_by` (a filter) and `managers_answering` (the
    people) agree, whoever asks and whatever the young person's team."""
    teamless = factories.YoungPersonFactory(user__username="t")
    managerless = factories.YoungPersonFactory(
        user__username="m", team=factories.TeamFactory(name="No manager")
    )
    allocated = factories.YoungPersonFactory(user__username="a", team=team, personal_adviser=pa)
    profiles = [newcomer, teamless, managerless, allocated]
    for user in (manager, other_manager, pa, newcomer.user):
        for profile in profiles:
            answering = {m.pk for m in unallocated.managers_answering(profile)}
            expected = user.pk in answering
            assert unallocated.answers_for(user, profile) is expected, (user, profile)
            filtered = YoungPersonProfile.objects.filter(unallocated.answered_by(user))
            assert filtered.filter(pk=profile.pk).exists() is expected, (user, profile)
    assert {m.pk for m in unallocated.managers_answering(teamless)} == {
        manager.pk,
        other_manager.pk,
    }


def test_a_manager_answering_is_a_member_with_no_query_once_loaded(
    newcomer, manager, django_assert_num_queries
):
    services.conversation_for(newcomer)
    _ = manager.roles
    [conversation] = selectors.conversations_visible_to(manager).prefetch_related("cover_staff")
    with django_assert_num_queries(0):  # as the socket consumer asks, on the event loop
        assert conversation.is_member(manager)


def test_the_manager_stops_writing_once_a_pa_is_allocated(newcomer, manager, pa):
    conversation = services.conversation_for(newcomer)
    services.post_message(conversation=conversation, sender=manager, body="hi", channel=Channel.WEB)
    from portal.people import services as people_services

    people_services.allocate_adviser(manager=manager, profile=newcomer, adviser=pa)
    conversation = Conversation.objects.get(pk=conversation.pk)
    with pytest.raises(services.NotAMember):
        services.post_message(
            conversation=conversation, sender=manager, body="again", channel=Channel.WEB
        )
    services.post_message(conversation=conversation, sender=pa, body="I'm your PA", channel="web")


def test_a_text_nudge_about_a_managers_reply_names_the_team_not_a_pa(newcomer):
    assert outbound.nudge_body(newcomer).startswith("The leaving care team has sent you")


# --- Allocating from the conversation --------------------------------------------------------


def test_the_manager_allocates_a_pa_from_the_conversation_and_it_moves_to_the_pas_inbox(
    client, newcomer, manager, pa
):
    writes(newcomer, "is anyone there")
    client.force_login(manager)
    url = page_of(newcomer)
    page = client.get(url).text
    assert "Allocate a Personal Adviser (PA)" in page
    assert reverse("chat:allocate", args=[services.conversation_for(newcomer).pk]) in page
    allocate = reverse("chat:allocate", args=[services.conversation_for(newcomer).pk])
    response = client.post(allocate, {"adviser": pa.pk}, follow=True)
    assert f"PA is now {pa.display_name}" in response.text
    assert "Only their PA, or staff added for cover, can reply." in response.text
    newcomer.refresh_from_db()
    assert newcomer.personal_adviser == pa and newcomer.team == pa.staff_profile.team
    entry = AdviserAllocation.objects.get()
    assert (entry.previous_adviser, entry.adviser, entry.allocated_by) == (None, pa, manager)
    assert "No PA yet" not in client.get(INBOX).text
    assert client.post(url, {"body": "hi", "client_id": "late"}).status_code == 403
    client.force_login(pa)
    inbox = client.get(INBOX).text
    assert newcomer.user.display_name in inbox and "is anyone there" in inbox
    client.force_login(newcomer.user)
    assert f"talking to {pa.display_name}, your Personal Adviser" in client.get(MINE).text


@pytest.mark.parametrize("choice", ["other_pa", "9223372036854775808", "", "x"])
def test_a_pa_outside_the_managers_teams_or_nonsense_is_a_form_error_and_nothing_changes(
    client, newcomer, manager, other_pa, choice
):
    client.force_login(manager)
    allocate = reverse("chat:allocate", args=[services.conversation_for(newcomer).pk])
    value = other_pa.pk if choice == "other_pa" else choice
    response = client.post(allocate, {"adviser": value})
    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert "Choose a Personal Adviser (PA)" in response.text
    assert 'href="#id_adviser"' in response.text
    newcomer.refresh_from_db()
    assert newcomer.personal_adviser is None
    assert not AdviserAllocation.objects.exists()


def test_only_managers_who_answer_them_can_allocate(client, newcomer, pa, other_manager):
    allocate = reverse("chat:allocate", args=[services.conversation_for(newcomer).pk])
    client.force_login(other_manager)
    assert client.post(allocate, {"adviser": pa.pk}).status_code == 404
    client.force_login(pa)
    assert client.post(allocate, {"adviser": pa.pk}).status_code == 404
    client.force_login(newcomer.user)
    assert client.post(allocate, {"adviser": pa.pk}).status_code == 403
    newcomer.refresh_from_db()
    assert newcomer.personal_adviser is None


def test_a_service_manager_with_no_pas_is_told_they_cannot_allocate(client, teamless):
    lone = factories.staff(Role.MANAGER, username="lone_manager")
    client.force_login(lone)
    page = client.get(page_of(teamless)).text
    assert "There are no Personal Advisers in a team you manage" in page
    assert 'id="message-form"' in page  # they can still answer


# --- Safeguarding ---------------------------------------------------------------------------


def test_a_risk_from_an_unallocated_young_person_alerts_their_team_manager_and_the_duty_team(
    client, settings, newcomer, manager, other_manager, django_capture_on_commit_callbacks
):
    settings.PORTAL = {**settings.PORTAL, "DUTY_EMAIL": "duty@example.gov.uk"}
    with django_capture_on_commit_callbacks(execute=True):
        writes(newcomer, RISKY)
    alert = SafeguardingAlert.objects.get()
    assert alert.young_person == newcomer
    assert list(alert.told.all()) == [manager]
    assert alert.duty_emailed_to == "duty@example.gov.uk"
    [email] = mail.outbox
    assert email.to == ["duty@example.gov.uk"] and RISKY not in email.body
    crisis = Message.objects.filter(sender=None).get()
    assert "call 999" in crisis.body
    assert "I've told the leaving care team's managers now." in crisis.body
    client.force_login(manager)
    assert newcomer.user.display_name in client.get(reverse("chat:alerts")).text
    assert client.get(reverse("chat:alert", args=[alert.pk])).status_code == 200
    client.force_login(other_manager)
    assert client.get(reverse("chat:alert", args=[alert.pk])).status_code == 404


def test_a_risk_from_someone_with_no_team_alerts_every_service_manager(
    teamless, manager, other_manager
):
    writes(teamless, RISKY)
    alert = SafeguardingAlert.objects.get()
    assert set(alert.told.all()) == {manager, other_manager}
