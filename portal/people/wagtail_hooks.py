"""Wagtail admin hooks: the idle warning in the website editor too, and the admin started
without inline scripts."""

from __future__ import annotations

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from portal.people import idle


@hooks.register("insert_global_admin_js")
def staff_idle_warning() -> str:
    """Editors typing in a page for half an hour make no request the server sees, so they need
    the warning before they are signed out (the script reads Wagtail's CSRF token)."""
    return idle.script_tag()


@hooks.register("insert_global_admin_js")
def start_without_inline_scripts() -> str:
    """Starts what Wagtail would start with inline scripts (inline panels, date fields), which
    the admin's Content-Security-Policy blocks (see static/js/wagtail-admin-init.js)."""
    return format_html('<script src="{}" defer></script>', static("js/wagtail-admin-init.js"))
