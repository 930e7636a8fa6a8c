"""Horizontal bar charts drawn as SVG on the server: no JavaScript, no charting library.

`bar_chart()` works out the geometry (label lines, bar widths, where the figures go) and a text
alternative; `templates/surveys/_chart.html` draws it. `question_chart()` and `measures_chart()`
are the results page's two kinds, from the figures `surveys.results` counts. The chart is 320
units wide, so on a 360 px phone one unit is about one pixel and its 14-unit text reads like the
page's own. Every bar carries its figure as text, so colour is never the only way to read it.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

WIDTH = 320
LABEL_CHARS = 36  # characters per label line at 14 units, within 320
LINE = 18  # label line height
BAR = 22  # this year's bar
PREVIOUS = 12  # last year's bar, thinner, below it
BAR_MAX = 228  # widest bar (100%), leaving room for "100% (400)" after it
GAP = 16  # between options
TEXT_GAP = 6


def format_percent(value: float | None) -> str:
    """94.7 -> "94.7%", 100.0 -> "100%", None -> "no answers"."""
    if value is None:
        return "no answers"
    return f"{value:.0f}%" if value == round(value) else f"{value:.1f}%"


@dataclass
class Bar:
    label: str
    percent: float | None
    count: int
    previous_percent: float | None = None
    target: int | None = None
    asked_before: bool = True  # False: the earlier survey did not ask this


@dataclass
class DrawnBar:
    """One option's bar with everything the template needs, already placed."""

    lines: list[tuple[int, str]]
    y: int
    width: float
    value: str
    value_x: float
    value_y: int
    previous_y: int | None = None
    previous_width: float = 0
    previous_value: str = ""
    previous_value_x: float = 0
    previous_value_y: int = 0
    target_x: float | None = None
    target_top: int = 0
    target_bottom: int = 0


@dataclass
class BarChart:
    chart_id: str
    title: str
    description: str
    height: int
    previous_label: str | None
    bars: list[DrawnBar] = field(default_factory=list)
    width: int = WIDTH
    track_width: int = BAR_MAX
    bar_height: int = BAR
    previous_height: int = PREVIOUS

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"


def _bar_width(percent: float | None) -> float:
    if not percent:
        return 0
    return round(max(1.0, BAR_MAX * min(percent, 100) / 100), 1)


def _before(bar: Bar, previous_label: str) -> str:
    if not bar.asked_before:
        return f"Not asked {previous_label[0].lower()}{previous_label[1:]}"
    return f"{previous_label} {format_percent(bar.previous_percent)}"


def _describe(bars: list[Bar], previous_label: str | None) -> str:
    parts = []
    for bar in bars:
        people = "person" if bar.count == 1 else "people"
        text = f"{bar.label}: {format_percent(bar.percent)} ({bar.count} {people})"
        if previous_label:
            before = _before(bar, previous_label)
            text += f", {before[0].lower()}{before[1:]}"
        if bar.target is not None:
            text += f", target {bar.target}%"
        parts.append(text)
    return f"Bar chart. {'; '.join(parts)}."


def bar_chart(
    *, title: str, bars: list[Bar], chart_id: str, previous_label: str | None = None
) -> BarChart:
    """Lay out one bar per option, top to bottom: its label (wrapped), this survey's bar with
    its percentage and count, then (when compared, `previous_label` being what to call the
    earlier survey, such as "Last year") the earlier survey's thinner bar, and a target mark."""
    chart = BarChart(
        chart_id=chart_id,
        title=title,
        description=_describe(bars, previous_label),
        height=0,
        previous_label=previous_label,
    )
    y = 0
    for bar in bars:
        lines = []
        for line in textwrap.wrap(bar.label, LABEL_CHARS) or [""]:
            y += LINE
            lines.append((y - 4, line))
        y += 4
        width = _bar_width(bar.percent)
        drawn = DrawnBar(
            lines=lines,
            y=y,
            width=width,
            value=f"{format_percent(bar.percent)} ({bar.count})",
            value_x=width + TEXT_GAP,
            value_y=y + BAR - 6,
        )
        bottom = y + BAR
        if previous_label:
            drawn.previous_y = bottom + 2
            drawn.previous_width = _bar_width(bar.previous_percent)
            drawn.previous_value = _before(bar, previous_label)
            drawn.previous_value_x = drawn.previous_width + TEXT_GAP
            drawn.previous_value_y = drawn.previous_y + PREVIOUS - 1
            bottom = drawn.previous_y + PREVIOUS
        if bar.target is not None:
            drawn.target_x = round(BAR_MAX * min(bar.target, 100) / 100, 1)
            drawn.target_top = y - 3
            drawn.target_bottom = bottom + 3
        chart.bars.append(drawn)
        y = bottom + GAP
    chart.height = max(y, 1)
    return chart


# --- The results page's charts -----------------------------------------------------------------


class OptionFigures(Protocol):
    """One answer's figures (`surveys.results.OptionResult`)."""

    label: str
    count: int
    percent: float | None
    previous_percent: float | None


class MeasureFigures(Protocol):
    """A headline measure's figures (`surveys.results.Measure`)."""

    positive: int
    percent: float | None
    previous_percent: float | None
    target: int | None
    asked_before: bool

    @property
    def name(self) -> str: ...


def question_chart(
    *,
    question_id: int,
    title: str,
    options: Sequence[OptionFigures],
    previous_label: str | None,
) -> BarChart:
    """One bar per answer to a question, with the earlier survey's beside it when compared."""
    return bar_chart(
        title=title,
        bars=[
            Bar(
                label=o.label,
                percent=o.percent,
                count=o.count,
                previous_percent=o.previous_percent,
            )
            for o in options
        ],
        chart_id=f"q{question_id}",
        previous_label=previous_label,
    )


def measures_chart(
    measures: Sequence[MeasureFigures], *, previous_label: str | None
) -> BarChart | None:
    """The headline measures against their targets, or None when the survey has none."""
    if not measures:
        return None
    return bar_chart(
        title="Headline measures against their targets",
        bars=[
            Bar(
                label=f"{m.name} (target {m.target}%)" if m.target is not None else m.name,
                percent=m.percent,
                count=m.positive,
                previous_percent=m.previous_percent,
                target=m.target,
                asked_before=m.asked_before,
            )
            for m in measures
        ],
        chart_id="measures",
        previous_label=previous_label,
    )
