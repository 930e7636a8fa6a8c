"""factory_boy factories for people. Roles are real groups, made by `sync_roles()`."""

from __future__ import annotations

import datetime

import factory
from django.contrib.auth.models import Group

from portal.people.choices import LeavingCareStatus
from portal.people.models import StaffProfile, Team, User, YoungPersonProfile
from portal.people.roles import GROUP_NAMES, Role

PASSWORD = "correct-horse-battery"
FIRST_NAMES = ["Amira", "Ben", "Chloe", "Dev", "Ellie", "Finn", "Grace", "Harvey", "Isla", "Jay"]
LAST_NAMES = ["Adams", "Bell", "Carter", "Dunn", "Evans", "Fox", "Grant", "Hall", "Iqbal", "Jones"]


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    # Plain names (no apostrophes, which HTML escapes) so tests can look for them in pages.
    first_name = factory.Sequence(lambda n: FIRST_NAMES[n % len(FIRST_NAMES)])
    last_name = factory.Sequence(lambda n: f"{LAST_NAMES[n % len(LAST_NAMES)]}{n:05d}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def role(self, create: bool, extracted: Role | None, **kwargs) -> None:
        if extracted:
            self.groups.add(Group.objects.get(name=GROUP_NAMES[extracted]))
        if create:
            self.save()


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    name = factory.Sequence(lambda n: f"Leaving care team {n}")


def staff(role: Role, *, team: Team | None = None, totp: bool = True, **kwargs) -> User:
    """A member of staff in `role`, with an authenticator app set up unless totp=False."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    user = UserFactory(role=role, **kwargs)
    StaffProfile.objects.create(user=user, team=team, job_title=role.label)
    if totp:
        TOTP.activate(user, generate_totp_secret())
    return user


class YoungPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = YoungPersonProfile

    user = factory.SubFactory(UserFactory, role=Role.YOUNG_PERSON)
    date_of_birth = datetime.date(2006, 5, 17)
    leaving_care_status = LeavingCareStatus.FORMER_RELEVANT
    circumstances = factory.LazyFunction(list)
