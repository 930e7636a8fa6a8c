"""Accounts, young people's profiles, staff and teams, and the sign-in audit trail.

A person's role is their group (see `roles.py`), never a flag on the user. A young person has a
`YoungPersonProfile`; a member of staff may have a `StaffProfile` that places them in a team.
"""

from __future__ import annotations

import datetime

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from phonenumber_field.modelfields import PhoneNumberField

from portal.people.ages import age_on
from portal.people.choices import Circumstance, ContactPreference, LeavingCareStatus
from portal.people.roles import GROUP_NAMES, PRECEDENCE, USE_STAFF_PAGES, Role, can


class User(AbstractUser):
    """Everyone who signs in. Young people and staff alike; the groups say which."""

    preferred_name = models.CharField(
        "preferred name",
        max_length=80,
        blank=True,
        help_text="The name they like to be called, if it is not their first name.",
    )

    class Meta:
        ordering = ["first_name", "last_name", "username"]
        permissions = [
            ("use_staff_pages", "Can open the staff pages (and so signs in with a second factor)"),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        """The name we greet and show people by: preferred name first, then full name."""
        first = self.preferred_name or self.first_name
        full = " ".join(part for part in [first, self.last_name] if part)
        return full or self.username

    @property
    def short_name(self) -> str:
        """What we call someone in a sentence ("Sam (your PA)", "I've told Sam, your PA"):
        their preferred name, else their first name, else their display name."""
        return self.preferred_name or self.first_name or self.display_name

    @cached_property
    def roles(self) -> frozenset[Role]:
        """Who they are: their groups. What they may do is `roles.can`, never this."""
        names = {group.name for group in self.groups.all()}
        return frozenset(role for role, name in GROUP_NAMES.items() if name in names)

    @property
    def role(self) -> Role | None:
        """The role that decides the landing page, when someone holds more than one."""
        for role in PRECEDENCE:
            if role in self.roles:
                return role
        return None

    def has_role(self, role: Role) -> bool:
        """Whether they are in `role`'s group: who they are (a PA must be a PA), not what
        they may do (`roles.can`)."""
        return role in self.roles

    @property
    def is_young_person(self) -> bool:
        return Role.YOUNG_PERSON in self.roles

    @property
    def is_portal_staff(self) -> bool:
        """The old name for `roles.can(user, roles.USE_STAFF_PAGES)`, kept while surveys/,
        chat/safeguarding/ and base.html still use it: ask `can` in new code."""
        return can(self, USE_STAFF_PAGES)


class Team(models.Model):
    """A leaving care team: Personal Advisers under a manager."""

    name = models.CharField(max_length=120, unique=True)
    manager = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="managed_teams",
        limit_choices_to={"groups__name": GROUP_NAMES[Role.MANAGER]},
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class StaffProfile(models.Model):
    """Where a member of staff works and how young people reach them."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="staff_profile")
    team = models.ForeignKey(
        Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="members"
    )
    job_title = models.CharField(max_length=120, blank=True)
    work_phone = PhoneNumberField(blank=True)

    def __str__(self) -> str:
        return f"{self.user.display_name} ({self.job_title or 'staff'})"


class YoungPersonProfile(models.Model):
    """What the portal knows about a care leaver: enough to work out what they can get and to
    put them in touch with their Personal Adviser (PA)."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="young_person")
    date_of_birth = models.DateField()
    leaving_care_status = models.CharField(max_length=20, choices=LeavingCareStatus.choices)
    circumstances = models.JSONField(
        default=list,
        blank=True,
        help_text="Codes from Circumstance: what is true for them now.",
    )
    personal_adviser = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="caseload",
        limit_choices_to={"groups__name": GROUP_NAMES[Role.PA]},
        verbose_name="Personal Adviser (PA)",
    )
    team = models.ForeignKey(
        Team,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="young_people",
        verbose_name="leaving care team",
        help_text=(
            "The team that looks after them. Until they have a PA, the team's manager reads and "
            "answers their messages; with no team, every service manager does "
            "(portal/people/unallocated.py)."
        ),
    )
    mobile = PhoneNumberField(
        blank=True,
        null=True,
        unique=True,
        help_text="Stored in international format (E.164), for example +447700900123.",
    )
    mobile_verified = models.BooleanField(
        default=False,
        help_text="They proved the number is theirs with a code we texted to it.",
    )
    contact_preference = models.CharField(
        "how they like to be contacted",
        max_length=10,
        choices=ContactPreference.choices,
        default=ContactPreference.TEXT,
    )
    texts_stopped_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="They texted STOP: the portal sends them no texts until they text START.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "young person's profile"
        ordering = ["user__first_name", "user__last_name"]
        permissions = [
            ("view_caseload", "Can see the young people on their own caseload"),
            (
                "view_team_caseloads",
                "Can see the caseloads of the Personal Advisers in their teams",
            ),
            ("view_participation_figures", "Can see counts of young people (no names)"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(mobile_verified=False) | models.Q(mobile__isnull=False),
                name="verified_mobile_needs_a_number",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user.display_name} (young person)"

    def age(self, on: datetime.date | None = None) -> int:
        return age_on(self.date_of_birth, on or timezone.localdate())

    @property
    def status_name(self) -> str:
        """The status's short name ("Former relevant"), for tables."""
        return LeavingCareStatus(self.leaving_care_status).short_label

    @property
    def circumstance_labels(self) -> list[str]:
        return [Circumstance(code).label for code in self.circumstances if code in Circumstance]

    def clean(self) -> None:
        errors: dict[str, str] = {}
        unknown = sorted(set(self.circumstances or []) - set(Circumstance.values))
        if unknown:
            errors["circumstances"] = f"Unknown circumstances: {', '.join(unknown)}."
        if self.date_of_birth:
            age = self.age()
            if not 13 <= age <= 30:
                errors["date_of_birth"] = (
                    f"That date of birth makes them {age}. Care leavers are 16 to 25; check it."
                )
        if self.personal_adviser_id and not self.personal_adviser.has_role(Role.PA):
            errors["personal_adviser"] = "Choose someone who is a Personal Adviser."
        if self.mobile_verified and not self.mobile:
            errors["mobile_verified"] = "A number must be there before it can be verified."
        if errors:
            raise ValidationError(errors)


class SignInEvent(models.Model):
    """One sign-in, failed attempt, lockout or code, kept so staff can see who tried what.

    Written only by `receivers.py` and the account adapter: every sign-in and failed attempt.
    """

    class Outcome(models.TextChoices):
        SIGNED_IN = "signed_in", "Signed in"
        SIGNED_OUT = "signed_out", "Signed out"
        FAILED = "failed", "Wrong username, number or password"
        LOCKED = "locked", "Refused: too many wrong tries"
        CODE_SENT = "code_sent", "Sign-in code sent by text"
        CODE_FAILED = "code_failed", "Wrong sign-in code"
        CODE_NOT_SENT = "code_not_sent", "Code not sent: that number's texts for today used up"
        CODE_REFUSED = "code_refused", "Code not sent: number checked on another account"
        SECOND_FACTOR_FAILED = "second_factor_failed", "Wrong authenticator code"

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    user = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="sign_in_events"
    )
    identifier = models.CharField(
        max_length=150, blank=True, help_text="The username or number that was typed."
    )
    outcome = models.CharField(max_length=24, choices=Outcome.choices)
    method = models.CharField(max_length=20, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["user", "-created_at"]),
            # Codes texted to one number in the last day (portal/people/codes.py).
            models.Index(fields=["identifier", "created_at"], name="signin_identifier_time"),
        ]

    def __str__(self) -> str:
        return (
            f"{self.get_outcome_display()}: {self.identifier or self.user_id} at {self.created_at}"
        )


class SignInCode(models.Model):
    """The one sign-in code texted to an account that can still be used (issue 15, finding 9).

    allauth keeps a code in the session that asked for it, so two sessions could each hold a
    live code for one account. Each new code replaces this row; a code signs in only while it
    matches it. Written and read only by `portal/people/codes.py`; it holds a keyed hash of the
    code, never the code.
    """

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="+")
    code_hash = models.CharField(max_length=64)
    sent_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Sign-in code for {self.user_id} sent at {self.sent_at}"


class StaffAccess(models.Model):
    """A member of staff opened a young person's record that is not on their own caseload.

    Written by `services.record_staff_access`, for records and conversations alike
    (`chat.views.conversation`), so there is one audit trail of staff reads; a manager reads it.
    """

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    staff = models.ForeignKey(User, on_delete=models.PROTECT, related_name="accesses_made")
    young_person = models.ForeignKey(
        YoungPersonProfile, on_delete=models.CASCADE, related_name="staff_accesses"
    )
    what = models.CharField(max_length=60, help_text="What they opened, e.g. 'profile'.")

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "staff accesses"

    def __str__(self) -> str:
        return f"{self.staff} opened {self.young_person}'s {self.what} at {self.created_at}"


class AdviserAllocation(models.Model):
    """A young person was given a Personal Adviser (PA), or moved to another: who, by whom, when.

    Written only by `services.allocate_adviser`; the young person's record shows the history.
    """

    created_at = models.DateTimeField(default=timezone.now)
    young_person = models.ForeignKey(
        YoungPersonProfile, on_delete=models.CASCADE, related_name="allocations"
    )
    previous_adviser = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    adviser = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    allocated_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.young_person} to {self.adviser} by {self.allocated_by}"
