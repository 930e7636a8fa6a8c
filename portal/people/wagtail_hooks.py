"""Wagtail admin hooks for people: the idle warning in the website editor too."""

from __future__ import annotations

from wagtail import hooks

from portal.people import idle


@hooks.register("insert_global_admin_js")
def staff_idle_warning() -> str:
    """Editors typing in a page for half an hour make no request the server sees, so they need
    the warning before they are signed out (the script reads Wagtail's CSRF token)."""
    return idle.script_tag()
