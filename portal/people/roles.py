"""Roles are Django groups with permissions; this module is the one list of them.

A person's role decides which landing page they get and which selectors apply. The groups and
their permissions are created, and kept in step with this file, by `services.sync_roles()` after
migrate.
"""

from __future__ import annotations

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

# Permissions as "app_label.codename". Later issues add theirs here, so one place says who can
# do what.
ROLE_PERMISSIONS: dict[Role, list[str]] = {
    Role.YOUNG_PERSON: [],
    Role.PA: ["people.view_caseload"],
    Role.MANAGER: [
        "people.view_caseload",
        "people.view_team_caseloads",
        "people.view_signinevent",
        "people.view_staffaccess",
        "surveys.view_results",
        "surveys.view_participation",
    ],
    Role.PARTICIPATION: [
        "people.view_participation_figures",
        # Surveys are Wagtail snippets: building them in the admin takes these.
        "wagtailadmin.access_admin",
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
        "wagtailadmin.access_admin",
        *(
            f"{app}.{verb}_{model}"
            for app, model in [("wagtailimages", "image"), ("wagtaildocs", "document")]
            for verb in ["add", "change", "choose", "delete"]
        ),
    ],
    # The duty team (issue 16): every safeguarding alert, to see and acknowledge; an immediate
    # or high alert nobody acknowledges in time is passed to them (chat.safeguarding.services).
    Role.DUTY: ["chat.view_all_alerts"],
}

# Staff roles see safeguarding records, so they must use a second factor to sign in.
STAFF_ROLES = frozenset({Role.PA, Role.MANAGER, Role.PARTICIPATION, Role.EDITOR, Role.DUTY})

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
