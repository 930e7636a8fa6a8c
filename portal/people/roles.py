"""Roles and what each may do: the one list of them, and the one way to check it.

A role is a Django group (`GROUP_NAMES`) holding permissions (`ROLE_PERMISSIONS`). Who may do
what is always asked as `can(user, PERMISSION)`, with a permission named below, and staff
pages are marked `@staff_only`; templates ask the same permissions through `perms`. A role
itself (`User.roles`, `User.role`) says who someone is: which landing page they get, that a
PA is a PA, and who "the service managers" are (`unallocated`); it never says what they may do.

The groups and their permissions are created, and kept in step with this file, by
`services.sync_roles()` after every migrate.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import models


class Role(models.TextChoices):
    """Each role is one group. The value is the contract's role name (`demo --json`)."""

    YOUNG_PERSON = "young_person", "Young person"
    PA = "pa", "Personal Adviser (PA)"
    MANAGER = "manager", "Service manager"
    PARTICIPATION = "participation", "Participation officer"
    EDITOR = "editor", "Content editor"
    DUTY = "duty", "Duty team"


# The group name each role is stored as.
GROUP_NAMES: dict[Role, str] = {
    Role.YOUNG_PERSON: "Young people",
    Role.PA: "Personal Advisers",
    Role.MANAGER: "Service managers",
    Role.PARTICIPATION: "Participation officers",
    # Wagtail's own editors group: it already has page permissions on the site's root.
    Role.EDITOR: "Editors",
    Role.DUTY: "Duty team",
}

# --- Permissions, as "app_label.codename" ------------------------------------------------------
# Staff pages show safeguarding records, so whoever holds this signs in with a second factor
# and is signed out when idle (portal/people/middleware.py).
USE_STAFF_PAGES = "people.use_staff_pages"
# A PA's own caseload; a manager's teams' caseloads (and those with no PA yet they answer for).
VIEW_CASELOAD = "people.view_caseload"
VIEW_TEAM_CASELOADS = "people.view_team_caseloads"
# Giving a young person a PA from one's teams writes an `AdviserAllocation`.
ALLOCATE_ADVISER = "people.add_adviserallocation"
VIEW_SIGN_IN_EVENTS = "people.view_signinevent"
VIEW_STAFF_ACCESSES = "people.view_staffaccess"
VIEW_PARTICIPATION_FIGURES = "people.view_participation_figures"
# Safeguarding alerts: those of one's own people (chat.safeguarding.selectors decides which).
VIEW_ALERTS = "chat.view_safeguardingalert"
# Every alert, whoever it is about: the duty team's.
VIEW_ALL_ALERTS = "chat.view_all_alerts"
# Texts to the council's number from phones no young person has verified.
VIEW_UNKNOWN_TEXTS = "chat.view_inboundtext"
# The questions the chatbot could not answer well (no names).
VIEW_BOT_QUESTIONS = "chat.view_question"
# Wagtail's website editor (the offer's pages; surveys for the participation team).
USE_WEBSITE_EDITOR = "wagtailadmin.access_admin"

# Each capability adds its permissions here, so one place says who can do what.
ROLE_PERMISSIONS: dict[Role, list[str]] = {
    Role.YOUNG_PERSON: [],
    Role.PA: [USE_STAFF_PAGES, VIEW_CASELOAD, VIEW_ALERTS],
    Role.MANAGER: [
        USE_STAFF_PAGES,
        VIEW_TEAM_CASELOADS,
        ALLOCATE_ADVISER,
        VIEW_SIGN_IN_EVENTS,
        VIEW_STAFF_ACCESSES,
        VIEW_ALERTS,
        VIEW_UNKNOWN_TEXTS,
        VIEW_BOT_QUESTIONS,
        "surveys.view_results",
        "surveys.view_participation",
    ],
    Role.PARTICIPATION: [
        USE_STAFF_PAGES,
        VIEW_PARTICIPATION_FIGURES,
        # Surveys are Wagtail snippets: building them in the admin takes these.
        USE_WEBSITE_EDITOR,
        *(
            f"surveys.{verb}_{model}"
            for model in ["survey", "session"]
            for verb in ["add", "change", "delete", "view"]
        ),
        "surveys.view_results",
        # Participation records: everyone's, and adding what happened outside the portal.
        "surveys.view_participation",
        "surveys.add_participationentry",
        "surveys.delete_participationentry",
    ],
    Role.EDITOR: [
        USE_STAFF_PAGES,
        USE_WEBSITE_EDITOR,
        VIEW_BOT_QUESTIONS,
        *(
            f"{app}.{verb}_{model}"
            for app, model in [("wagtailimages", "image"), ("wagtaildocs", "document")]
            for verb in ["add", "change", "choose", "delete"]
        ),
    ],
    # The duty team (issue 16): every safeguarding alert, to see and acknowledge; an immediate
    # or high alert nobody acknowledges in time is passed to them (chat.safeguarding.services).
    Role.DUTY: [USE_STAFF_PAGES, VIEW_ALERTS, VIEW_ALL_ALERTS],
}

# The staff roles: those that open staff pages, and so sign in with a second factor.
STAFF_ROLES = frozenset(
    role for role, permissions in ROLE_PERMISSIONS.items() if USE_STAFF_PAGES in permissions
)

# When someone is in more than one group, the first of these decides their landing page.
PRECEDENCE = [
    Role.MANAGER,
    Role.PA,
    Role.DUTY,
    Role.PARTICIPATION,
    Role.EDITOR,
    Role.YOUNG_PERSON,
]


class NotAllowed(Exception):
    """The person asking may not make this change. Services raise it; each edge turns it into
    its own answer (a 403, a form error)."""


def can(user, permission: str) -> bool:
    """Whether `user` may do what `permission` (one of the names above) allows: the one check
    of who may do what, for views, selectors, services and sockets alike.

    Someone signed out, or whose account is closed, may do nothing; a superuser may do
    everything (Django's rule). Django keeps the answers on the user object, so once one check
    has run no other needs a query: the socket consumer makes one off the event loop first."""
    return bool(user.is_authenticated and user.is_active and user.has_perm(permission))


def permission_required(permission: str, reason: str) -> Callable:
    """A view decorator: a visitor is sent to sign in; someone signed in who may not
    (`can(user, permission)`) gets the 403 page saying `reason`."""

    def decorator(view: Callable) -> Callable:
        @login_required
        @wraps(view)
        def checked(request, *args, **kwargs):
            if not can(request.user, permission):
                raise PermissionDenied(reason)
            return view(request, *args, **kwargs)

        return checked

    return decorator


# Every page under /staff/ that is not more particular than this.
staff_only = permission_required(USE_STAFF_PAGES, "This page is for the leaving care team.")
