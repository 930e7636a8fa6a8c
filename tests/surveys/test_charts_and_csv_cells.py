"""The pure parts: a chart's layout and text alternative, percentages, safe CSV cells."""

from __future__ import annotations

from surveys.charts import BAR_MAX, WIDTH, Bar, bar_chart, format_percent
from surveys.csv_export import safe


def test_percentages_read_as_people_read_them():
    assert format_percent(100.0) == "100%"
    assert format_percent(94.7) == "94.7%"
    assert format_percent(0.0) == "0%"
    assert format_percent(None) == "no answers"


def test_a_chart_has_a_bar_per_option_that_fits_and_says_every_figure():
    chart = bar_chart(
        title="Do you feel safe where you live?",
        bars=[
            Bar(label="Yes, always", percent=75.0, count=3, previous_percent=61.7),
            Bar(label="No", percent=25.0, count=1, previous_percent=3.3),
        ],
        chart_id="q1",
        previous_label="Last year",
    )
    assert [b.width for b in chart.bars] == [BAR_MAX * 0.75, BAR_MAX * 0.25]
    assert all(b.value_x + 80 <= WIDTH for b in chart.bars)  # "100% (400)" still fits
    assert chart.description == (
        "Bar chart. Yes, always: 75% (3 people), last year 61.7%; No: 25% (1 person), "
        "last year 3.3%."
    )
    assert chart.bars[0].previous_value == "Last year 61.7%"
    assert chart.view_box == f"0 0 {WIDTH} {chart.height}"


def test_long_labels_wrap_and_a_question_not_asked_before_says_so():
    chart = bar_chart(
        title="Measures",
        bars=[
            Bar(
                label="Know how to get help with education, training or work (EET)",
                percent=None,
                count=0,
                target=100,
                asked_before=False,
            )
        ],
        chart_id="m",
        previous_label="Last year",
    )
    bar = chart.bars[0]
    assert len(bar.lines) == 2
    assert bar.width == 0 and bar.value == "no answers (0)"
    assert bar.previous_value == "Not asked last year"
    assert bar.target_x == BAR_MAX
    assert "target 100%" in chart.description


def test_csv_cells_never_start_a_formula():
    assert safe("=SUM(A1:A9)") == "'=SUM(A1:A9)"
    assert safe("+44 7700") == "'+44 7700"
    assert safe("-") == "'-"
    assert safe("@me") == "'@me"
    assert safe("Fine words") == "Fine words"
    assert safe(None) == "" and safe(4) == "4"
