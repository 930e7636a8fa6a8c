"""Wagtail's chooser widgets without inline scripts (issue 15: the admin's Content-Security-Policy
no longer allows 'unsafe-inline' scripts, so that an injected one cannot run there).

Wagtail 8's `BaseChooser.render` (page, image, document and snippet choosers, and the workflow
task chooser) writes the widget and then `<script>new SnippetChooser("id", {...})</script>`.
That code is built in Python, so no template can replace it: `install()` (called once, from
`PeopleConfig.ready`) swaps in a `render` that writes the same widget and a hidden marker
naming the class and its arguments, which static/js/wagtail-admin-init.js starts. The widgets'
StreamField copies (telepath) never had a script and are untouched. A chooser class the script
does not know keeps Wagtail's own inline script, which the policy then blocks: the browser test
and tests/test_security_headers.py would show it. Written against Wagtail 8.0; check `render`
in wagtail/admin/widgets/chooser.py when upgrading.
"""

from __future__ import annotations

import json
from typing import Any

from django.utils.html import format_html
from django.utils.safestring import SafeString
from wagtail.admin.widgets.chooser import BaseChooser
from wagtail.admin.widgets.workflows import AdminTaskChooser

# Chooser classes static/js/wagtail-admin-init.js can start, by their `js_constructor`.
STARTABLE_CLASSES = frozenset(
    {"Chooser", "PageChooser", "ImageChooser", "DocumentChooser", "SnippetChooser"}
)


def chooser_marker(widget: Any, id_: str, name: str, value_data: dict | None) -> SafeString | None:
    """The hidden element that tells the script what to start, or None if it cannot."""
    if isinstance(widget, AdminTaskChooser):
        start, args = "createTaskChooser", [id_]
    elif (
        type(widget).render_js_init is BaseChooser.render_js_init
        and widget.js_constructor in STARTABLE_CLASSES
    ):
        start = widget.js_constructor
        args = [id_, widget.get_js_init_options(id_, name, value_data)]
    else:
        return None
    return format_html(
        '<span hidden data-portal-init="{}" data-portal-config="{}"></span>',
        start,
        json.dumps(args),
    )


def install() -> None:
    """Make every chooser widget render a marker rather than an inline script."""
    if getattr(BaseChooser.render, "portal_without_inline_script", False):
        return
    wagtail_render = BaseChooser.render

    def render(self, name, value, attrs=None, renderer=None):
        try:
            id_ = attrs["id"]
        except (KeyError, TypeError):
            return wagtail_render(self, name, value, attrs, renderer)
        value_data = self.get_value_data(value)
        marker = chooser_marker(self, id_, name, value_data)
        if marker is None:
            return wagtail_render(self, name, value, attrs, renderer)
        return format_html("{}{}", self.render_html(name, value_data, attrs), marker)

    render.portal_without_inline_script = True
    BaseChooser.render = render
