"""Template helpers for surveys: percentages as people read them. Nothing here reads the
database: pages get their surveys and bookings from selectors, through their views."""

from __future__ import annotations

from django import template

from surveys.charts import format_percent

register = template.Library()


@register.filter
def pct(value: float | None) -> str:
    return format_percent(value)
