"""`bench/report.py`: bench/REPORT.md and the load chart from results.json's measures. No
timing here: the figures are made up, only their rendering is checked."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from bench import report

SVG = "{http://www.w3.org/2000/svg}"


def load_measures() -> list[dict]:
    rows = []
    for n, pages, p99, messages, fanout in [
        (1, 27.0, 5314.4, 7.5, 480.8),
        (2, 33.2, 3053.3, 9.8, 446.1),
    ]:
        label = "1_process" if n == 1 else "2_processes"
        for metric, value, unit in [
            ("pages_per_second", pages, "pages/s"),
            ("page_ms_p99", p99, "ms"),
            ("messages_per_second", messages, "messages/s"),
            ("fanout_ms_p99", fanout, "ms"),
            ("server_cpu_cores", 0.8 * n, "cores"),
            ("errors", 0, "errors"),
        ]:
            row = {"name": f"load_{metric}_{label}", "value": value, "unit": unit}
            if n == 2:
                first = next(r for r in rows if r["name"] == f"load_{metric}_1_process")
                if first["value"]:
                    row.update(baseline=first["value"], ratio=round(value / first["value"], 2))
            rows.append(row)
    return rows


EARLIER = [
    {"name": "home_page_weight", "value": 21276, "unit": "bytes", "note": "HTML + CSS"},
    {
        "name": "home_requests_per_second",
        "value": 1040.8,
        "unit": "requests/s",
        "baseline": 4802.0,
        "ratio": 4.61,
    },
    {"name": "ws_messages_per_second_500_sockets", "value": 184.8, "unit": "messages/s"},
    {"name": "something_new", "value": 3, "unit": "things"},
]
INFO = {"date": "2026-11-24 04:00", "cores": 2, "cpu": "AMD EPYC", "python": "3.13.0"}


def test_every_measure_is_in_a_table_under_its_area_with_baseline_and_ratio():
    text = report.render(EARLIER, INFO, chart=None)

    pages = text.index("## Pages")
    sockets = text.index("## Messaging sockets")
    assert pages < text.index("`home_requests_per_second`") < sockets
    assert "| `home_requests_per_second` | 1,040.8 | requests/s | 4,802.0 | 4.61 |" in text
    assert "| `home_page_weight` | 21,276 | bytes |  |  |" in text
    assert "- `home_page_weight`: HTML + CSS" in text  # the notes, folded away
    assert text.index("## Other measures") < text.index("`something_new`")
    assert "2 cores (AMD EPYC)" in text and "Python 3.13.0" in text


def test_a_run_without_load_measures_says_so():
    text = report.render(EARLIER, INFO, chart=None)

    assert "## Load: one process against two" in text
    assert "Not measured in this run (PostgreSQL or Redis did not answer)." in text
    assert "## Surveys" not in text  # an area with no measures is left out


def test_the_load_summary_puts_one_and_two_processes_side_by_side():
    text = report.render(EARLIER + load_measures(), INFO, chart="load-chart.svg")

    assert "| | 1 process | 2 processes | 2 against 1 |" in text
    assert "| Pages per second | 27.0 | 33.2 | 1.23 |" in text
    assert "| Fan-out p99 (ms) | 480.8 | 446.1 | 0.93 |" in text
    assert "](load-chart.svg)" in text
    assert "Two processes served 33.2 pages a second against one's 27.0 (ratio 1.23)" in text


def test_the_chart_has_a_labelled_bar_for_each_figure_and_process_count():
    svg = report.chart_svg(report.load_figures(load_measures()))

    root = ET.fromstring(svg)  # noqa: S314 (the SVG this module wrote, not untrusted)
    bars = [r for r in root.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    assert len(bars) == 8  # pages/s, messages/s, page p99, fan-out p99; one and two processes
    labels = [t.text for t in root.iter(f"{SVG}text")]
    assert "33.2" in labels and "5,314.4" in labels
    assert root.find(f"{SVG}title").text == "Load test: one uvicorn process against two"
    # The tallest bar of each panel fits inside the picture.
    assert all(float(r.get("y")) > 0 for r in bars)


def test_write_report_writes_the_chart_beside_the_report_and_removes_a_stale_one(tmp_path):
    page, chart = tmp_path / "REPORT.md", tmp_path / "load-chart.svg"

    report.write_report(EARLIER + load_measures(), INFO, report=page, chart=chart)
    assert chart.exists()
    assert "](load-chart.svg)" in page.read_text()

    report.write_report(EARLIER, INFO, report=page, chart=chart)
    assert not chart.exists()
    assert "load-chart.svg" not in page.read_text()
