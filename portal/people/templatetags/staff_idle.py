"""`{% staff_idle_script %}`: the idle warning's script on every page a member of staff sees."""

from __future__ import annotations

from django import template
from django.middleware.csrf import get_token

from portal.people import idle
from portal.people.roles import USE_STAFF_PAGES, can

register = template.Library()


@register.simple_tag(takes_context=True)
def staff_idle_script(context: template.Context) -> str:
    """The warning script for signed-in staff (see portal/people/idle.py); nothing for anyone
    else, whose sessions are not cut short."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if request is None or user is None or not can(user, USE_STAFF_PAGES):
        return ""
    return idle.script_tag(csrf_token=get_token(request))
