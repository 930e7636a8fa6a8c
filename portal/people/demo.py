"""Demo people: one of each role, two caseloads and a manager's team.

Loaded by `manage.py demo`. Safe to run again: it finds people by username and puts them back
as described here (passwords included). Ages are worked out from today, so the young people
stay the ages below whenever the demo is loaded.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from allauth.mfa.utils import decrypt
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from portal.people.choices import Circumstance as C
from portal.people.choices import ContactPreference, LeavingCareStatus
from portal.people.models import StaffProfile, Team, User, YoungPersonProfile
from portal.people.roles import GROUP_NAMES, Role
from portal.people.services import sync_roles

DEMO_PASSWORD = "portal-demo-2026"  # noqa: S105  printed by the demo command on purpose

# libphonenumber's own example UK mobile: it passes validation, and in the embedded set-up the
# console SMS backend only prints texts, so nothing is sent to it.
DEMO_MOBILE = "+447400123456"


@dataclass(frozen=True)
class DemoAccount:
    role: Role
    username: str
    password: str
    name: str
    mobile: str | None = None
    totp_secret: str | None = None

    def as_contract(self) -> dict:
        """The shape `demo --json` promises (plus the staff's authenticator secret)."""
        data: dict = {"role": self.role.value, "username": self.username, "password": self.password}
        if self.mobile:
            data["mobile"] = self.mobile
        if self.totp_secret:
            data["totp_secret"] = self.totp_secret
        return data


STAFF = [
    # role, username, first, last, job title, work mobile, base32 authenticator secret
    (Role.PA, "sam.pa", "Sam", "Okafor", "Personal Adviser", "+447400123470", "KRSXG5CTMVRXEZLU"),
    (Role.PA, "priya.pa", "Priya", "Shah", "Personal Adviser", "+447400123471", "MFRGGZDFMZTWQ2LK"),
    (
        Role.MANAGER,
        "morgan.manager",
        "Morgan",
        "Ellis",
        "Leaving care service manager",
        "+447400123472",
        "NBSWY3DPO5XXE3DE",
    ),
    (
        Role.PARTICIPATION,
        "alex.participation",
        "Alex",
        "Green",
        "Participation officer",
        "+447400123473",
        "ONSWG4TFORSXG5DB",
    ),
    (Role.EDITOR, "chris.editor", "Chris", "Doyle", "Content editor", "", "MNXW45DFNZ2GKZDJ"),
]

YOUNG_PEOPLE = [
    # username, first, last, age, status, circumstances, PA, mobile, contact by
    (
        "jordan",
        "Jordan",
        "Reid",
        19,
        LeavingCareStatus.FORMER_RELEVANT,
        [C.OWN_HOME, C.IN_FURTHER_EDUCATION],
        "sam.pa",
        DEMO_MOBILE,
        ContactPreference.TEXT,
    ),
    (
        "riley",
        "Riley",
        "Hughes",
        17,
        LeavingCareStatus.RELEVANT,
        [C.IN_FURTHER_EDUCATION],
        "sam.pa",
        None,
        ContactPreference.PORTAL,
    ),
    (
        "casey",
        "Casey",
        "Morgan",
        22,
        LeavingCareStatus.FORMER_RELEVANT,
        [C.OWN_HOME, C.PARENT_OR_PREGNANT, C.NOT_IN_EDUCATION_OR_WORK],
        "sam.pa",
        None,
        ContactPreference.CALL,
    ),
    (
        "taylor",
        "Taylor",
        "Brooks",
        20,
        LeavingCareStatus.FORMER_RELEVANT,
        [C.WITH_FORMER_FOSTER_CARER, C.IN_WORK],
        "priya.pa",
        None,
        ContactPreference.TEXT,
    ),
    (
        "ahmed",
        "Ahmed",
        "Karimi",
        18,
        LeavingCareStatus.FORMER_RELEVANT,
        [C.UNACCOMPANIED_ASYLUM_SEEKER, C.VOLUNTEERING_OR_TRAINING],
        "priya.pa",
        None,
        ContactPreference.PORTAL,
    ),
    (
        "kai",
        "Kai",
        "Lewis",
        16,
        LeavingCareStatus.ELIGIBLE,
        [],
        None,
        None,
        ContactPreference.PORTAL,
    ),
]

TEAM_NAME = "Leaving care team"


def birthday_for_age(age: int, today: datetime.date) -> datetime.date:
    """A date of birth that makes someone `age` today, with their birthday months away."""
    year_ago = today - datetime.timedelta(days=120)
    try:
        return year_ago.replace(year=year_ago.year - age)
    except ValueError:  # 29 February
        return year_ago.replace(year=year_ago.year - age, day=28)


def _person(username: str, first: str, last: str, role: Role) -> User:
    user, _ = User.objects.get_or_create(username=username)
    user.first_name, user.last_name, user.is_active = first, last, True
    user.email = f"{username}@example.org" if role != Role.YOUNG_PERSON else ""
    user.set_password(DEMO_PASSWORD)
    user.save()
    user.groups.set([Group.objects.get(name=GROUP_NAMES[role])])
    return user


def _authenticator(user: User, secret: str) -> None:
    existing = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if existing and decrypt(existing.data["secret"]) == secret:
        return
    if existing:
        existing.delete()
    TOTP.activate(user, secret)


@transaction.atomic
def load() -> list[DemoAccount]:
    """Create or reset the demo people; return the accounts to print."""
    sync_roles()
    today = timezone.localdate()
    accounts: list[DemoAccount] = []
    staff: dict[str, User] = {}
    team, _ = Team.objects.get_or_create(name=TEAM_NAME)
    for role, username, first, last, title, phone, secret in STAFF:
        user = _person(username, first, last, role)
        StaffProfile.objects.update_or_create(
            user=user,
            defaults={
                "team": team if role in {Role.PA, Role.MANAGER} else None,
                "job_title": title,
                "work_phone": phone,
            },
        )
        _authenticator(user, secret)
        staff[username] = user
        accounts.append(
            DemoAccount(role, username, DEMO_PASSWORD, f"{first} {last}", totp_secret=secret)
        )
    team.manager = staff["morgan.manager"]
    team.save()

    for username, first, last, age, status, circumstances, pa, mobile, contact in YOUNG_PEOPLE:
        user = _person(username, first, last, Role.YOUNG_PERSON)
        YoungPersonProfile.objects.update_or_create(
            user=user,
            defaults={
                "date_of_birth": birthday_for_age(age, today),
                "leaving_care_status": status,
                "circumstances": [c.value for c in circumstances],
                "personal_adviser": staff[pa] if pa else None,
                "mobile": mobile,
                "mobile_verified": bool(mobile),
                "contact_preference": contact,
            },
        )
        if username == "jordan":
            accounts.insert(
                0,
                DemoAccount(
                    Role.YOUNG_PERSON, username, DEMO_PASSWORD, f"{first} {last}", mobile=mobile
                ),
            )
    return accounts
