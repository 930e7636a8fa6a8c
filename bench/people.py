"""Young people, their PAs and signed-in sessions for the benchmarks, written in bulk.

Shared by `bench/sockets.py` and `bench/load.py`. Everyone is written straight to the database
and the session store: signing in is not what those benchmarks time. Call after `django.setup()`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass
class Caseloads:
    pas: list  # User
    young: list  # User, in the order made
    profiles: list  # YoungPersonProfile, in the same order
    conversations: dict[int, int]  # profile pk -> conversation pk


def create_caseloads(
    *,
    prefix: str,
    team_name: str,
    young_count: int,
    pa_count: int,
    adviser_of: Callable[[int], int],
    profile_fields: Callable[[int], dict[str, Any]],
) -> Caseloads:
    """`young_count` young people and `pa_count` PAs in one team; young person i has PA
    `adviser_of(i)` and the profile fields `profile_fields(i)`. Each PA has an authenticator
    app (a staff socket is refused without one) and each young person a conversation."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import generate_totp_secret
    from allauth.mfa.utils import encrypt
    from django.contrib.auth.models import Group
    from django.db import transaction

    from chat import services
    from chat.models import Conversation
    from portal.people.models import StaffProfile, Team, User, YoungPersonProfile
    from portal.people.roles import GROUP_NAMES, Role

    def person(kind: str, i: int) -> User:
        # "!" is an unusable password: these people only ever arrive with a session.
        name = f"{prefix}{kind}-{i:04d}"
        return User(username=name, first_name="Bench", last_name=f"{kind} {i}", password="!")

    with transaction.atomic():
        team = Team.objects.create(name=team_name)
        pas = User.objects.bulk_create([person("pa", i) for i in range(pa_count)])
        young = User.objects.bulk_create([person("young", i) for i in range(young_count)])
        groups = {role: Group.objects.get(name=GROUP_NAMES[role]) for role in Role}
        membership = User.groups.through
        membership.objects.bulk_create(
            [membership(user_id=u.pk, group_id=groups[Role.PA].pk) for u in pas]
            + [membership(user_id=u.pk, group_id=groups[Role.YOUNG_PERSON].pk) for u in young]
        )
        StaffProfile.objects.bulk_create(
            [StaffProfile(user=u, team=team, job_title="Personal Adviser") for u in pas]
        )
        Authenticator.objects.bulk_create(
            [
                Authenticator(
                    user=u,
                    type=Authenticator.Type.TOTP,
                    data={"secret": encrypt(generate_totp_secret())},
                )
                for u in pas
            ]
        )
        profiles = YoungPersonProfile.objects.bulk_create(
            [
                YoungPersonProfile(user=u, personal_adviser=pas[adviser_of(i)], **profile_fields(i))
                for i, u in enumerate(young)
            ]
        )
        services.ensure_conversations(
            YoungPersonProfile.objects.filter(pk__in=[p.pk for p in profiles])
        )
        conversations = dict(
            Conversation.objects.filter(young_person__in=profiles).values_list(
                "young_person_id", "pk"
            )
        )
    return Caseloads(pas=pas, young=young, profiles=profiles, conversations=conversations)


def session_for(user) -> str:
    """What allauth's sign-in leaves in the session (for staff, after the code): the user, the
    backend and the password hash; staff need nothing more to open a socket."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.cached_db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key
