"""`bench/REPORT.md` from `bench/results.json`: every measure in tables grouped by area, with
its baseline and ratio, what was measured and how, and a chart of the load test (one process
against two) written beside it as `bench/load-chart.svg`.

Why a second file: results.json is the contract's, for machines (one object per measure);
people reviewing an issue want the same figures readable, with the machine they came from,
and a picture of the scaling. The chart is plain SVG written here (no plotting library to
install), which GitHub shows inline and any browser opens.

`bench/run.py` calls `write_report()` at the end of `make bench`, passing what it knows of the
run (date, duration, machine). Run alone, `.venv/bin/python bench/report.py` rebuilds the report
from the results file as it is, keeping what the report it replaces said of its `make bench`
run (date, machine, load, duration): a measure rerun on its own, such as
`python -m bench.safeguarding --merge`, says when and where in its note. Without an earlier
report, it describes the machine it runs on and takes the date from the results file.

Message intake before and after issue 16 is not a `make bench` measure (it needs a checkout of
the code before the change): `bench/intake_before_after.py` prints it, and its figures are kept
by hand in `bench/intake_before_after.md`, which the report links to.
"""

from __future__ import annotations

import datetime
import html
import json
import os
import platform
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
RESULTS = BENCH / "results.json"
REPORT = BENCH / "REPORT.md"
CHART = BENCH / "load-chart.svg"


@dataclass(frozen=True)
class Area:
    """A heading of the report: the measures whose names start with one of `prefixes`."""

    title: str
    prefixes: tuple[str, ...]
    how: str
    load: bool = False  # the load test's area: a summary and the chart before the table


AREAS = (
    Area(
        "Pages",
        ("home_", "sign_in_", "my_page_", "healthz_"),
        "Page weight (HTML and CSS, as sent and gzipped) and requests per second through "
        "Django's test client in one process on a throwaway SQLite database with the demo "
        "loaded; the baseline is `/healthz`, the cheapest view (`bench/run.py`).",
    ),
    Area(
        "The offer: an entitlement page",
        ("entitlement_page_",),
        "The Setting Up Home Grant page as a visitor gets it: bytes transferred, queries from a "
        "cold and a warm page cache, and time per request against a bare view returning the "
        "same HTML (`bench/run.py`).",
    ),
    Area(
        "Messaging sockets",
        ("ws_",),
        "`/ws/chat/` in one process over Redis at 1, 50 and 500 open sockets: time from `send` "
        "to the other member's `message` frame, and messages per second with every socket "
        "sending, against a bare Channels echo consumer on the same layer (`bench/sockets.py`).",
    ),
    Area(
        "Texts (SMS)",
        ("sms_",),
        "Twilio's inbound webhook, signed, deduplicated, stored and fanned out, against a bare "
        "view answering the same TwiML; and a retried `MessageSid` (`bench/sms.py`).",
    ),
    Area(
        "Chatbot",
        ("bot_",),
        "About 250 questions in young people's words: the retriever and the whole answer "
        "against a plain substring search, the index's memory, and how often the right page "
        "comes first (`bench/bot.py`).",
    ),
    Area(
        "Safeguarding screening (issue 16)",
        ("safeguarding_",),
        "`chat.safeguarding.detector.assess(text, context=...)`, what every message's intake "
        "calls, over the safeguarding corpus (each line with its context) and the contract's dev "
        "set, and on one 5,000-character message, against the rules alone in the same run; and "
        "the memory of the loaded model and its encoder, in a fresh process "
        "(`bench/safeguarding.py`). When these are rerun on their own, their notes say when, on "
        "what machine and at what load. Message intake before and after issue 16, which "
        "`make bench` does not run (it needs a checkout of the code before the change), is in "
        "[`intake_before_after.md`](intake_before_after.md).",
    ),
    Area(
        "Surveys",
        ("survey_",),
        "A survey's results page and CSV for 400 responses against the bare count query, and "
        "its queries at 400 and at 5 responses (`bench/surveys.py`).",
    ),
    Area(
        "Load: one process against two",
        ("load_",),
        "A few hundred signed-in young people reading pages and messaging their PA over "
        "`/ws/chat/` for a fixed time against `uvicorn --workers 1` and then `--workers 2` on "
        "loopback, PostgreSQL and Redis real, the client one asyncio process (`bench/load.py`). "
        "For the two-process rows, the baseline is the one-process figure of the same run.",
        load=True,
    ),
)

# The load summary's rows: (the metric in the measure's name, its label)
LOAD_ROWS = (
    ("pages_per_second", "Pages per second"),
    ("page_ms_p50", "Page latency p50 (ms)"),
    ("page_ms_p95", "Page latency p95 (ms)"),
    ("page_ms_p99", "Page latency p99 (ms)"),
    ("messages_per_second", "Messages per second"),
    ("message_ack_ms_p99", "Message acknowledged p99 (ms)"),
    ("fanout_ms_p50", "Fan-out p50 (ms): send to the PA's socket"),
    ("fanout_ms_p95", "Fan-out p95 (ms)"),
    ("fanout_ms_p99", "Fan-out p99 (ms)"),
    ("errors", "Errors the people saw"),
    ("server_errors_logged", "Errors in the servers' log"),
    ("server_cpu_cores", "CPU used by the portal's processes (cores)"),
    ("client_cpu_cores", "CPU used by the load client (cores)"),
    ("machine_busy_cores", "CPU busy on the whole machine (cores)"),
    ("postgres_connections_peak", "Most PostgreSQL connections at once"),
)
LOAD_NAME = re.compile(r"^load_(?P<metric>.+)_(?P<n>\d+)_process(?:es)?$")


# --- Reading ------------------------------------------------------------------------------------


def read_results(path: Path = RESULTS) -> list[dict[str, Any]]:
    return json.loads(path.read_text())


def machine(run: dict[str, Any] | None = None, results_path: Path = RESULTS) -> dict[str, Any]:
    """What the figures came from. `run` (from bench/run.py) wins; otherwise this machine now,
    and the results file's modification time as the date."""
    info: dict[str, Any] = {
        "cores": os.cpu_count(),
        "cpu": cpu_model(),
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
    }
    if results_path.exists():
        modified = datetime.datetime.fromtimestamp(results_path.stat().st_mtime)
        info["date"] = modified.strftime("%Y-%m-%d %H:%M")
    info.update(run or {})
    return info


# The machine lines of a report written by `make bench`: each named group is a key of `machine()`
RUN_LINES = (
    re.compile(r"^- Date: (?P<date>.+)$"),
    re.compile(r"^- CPU: (?P<cores>\d+) cores \((?P<cpu>.+)\); (?P<system>.+)$"),
    re.compile(r"^- Python (?P<python>\S+)$"),
    re.compile(r"^- Load average when the bench started: (?P<load_average>.+)$"),
    re.compile(r"^- `make bench` took (?P<duration_seconds>[\d.]+) minutes$"),
)


def previous_run(report: Path = REPORT) -> dict[str, Any]:
    """What the existing report says of the `make bench` run behind it (date, machine, load,
    duration), so that rebuilding the report after rerunning a few measures, perhaps on
    another machine, still describes the run that made the other figures."""
    run: dict[str, Any] = {}
    if not report.exists():
        return run
    for line in report.read_text().splitlines():
        for pattern in RUN_LINES:
            found = pattern.match(line)
            if found:
                run.update({k: v for k, v in found.groupdict().items() if v != "unknown"})
    if "cores" in run:
        run["cores"] = int(run["cores"])
    if "duration_seconds" in run:
        run["duration_seconds"] = float(run["duration_seconds"]) * 60
    return run


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def load_figures(results: list[dict[str, Any]]) -> dict[str, dict[int, dict[str, Any]]]:
    """The load measures as {metric: {processes: measure}}."""
    found: dict[str, dict[int, dict[str, Any]]] = {}
    for row in results:
        match = LOAD_NAME.match(row["name"])
        if match:
            found.setdefault(match["metric"], {})[int(match["n"])] = row
    return found


# --- Markdown -----------------------------------------------------------------------------------


def number(value: Any) -> str:
    """Thousands separated; otherwise as measured (each bench rounds its own figures)."""
    if isinstance(value, bool) or value is None:
        return "" if value is None else str(value)
    if isinstance(value, int | float):
        return f"{value:,}"
    return str(value)


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def measures_table(rows: list[dict[str, Any]]) -> list[str]:
    out = ["| Measure | Value | Unit | Baseline | Ratio |", "|---|---:|---|---:|---:|"]
    for row in rows:
        out.append(
            f"| `{row['name']}` | {number(row['value'])} | {cell(row['unit'])} | "
            f"{number(row.get('baseline'))} | {number(row.get('ratio'))} |"
        )
    return out


def notes(rows: list[dict[str, Any]]) -> list[str]:
    """Each measure's note, folded away: they say exactly what was timed, and are long."""
    with_notes = [r for r in rows if r.get("note")]
    if not with_notes:
        return []
    out = ["", "<details><summary>What each measure is (the notes)</summary>", ""]
    out += [f"- `{r['name']}`: {cell(r['note'])}" for r in with_notes]
    out += ["", "</details>"]
    return out


def load_summary(figures: dict[str, dict[int, dict[str, Any]]]) -> list[str]:
    """One row per figure, one column per process count, and two against one."""
    counts = sorted({n for by_count in figures.values() for n in by_count})
    if not counts:
        return []
    head = " | ".join(f"{n} process" + ("es" if n > 1 else "") for n in counts)
    out = [
        f"| | {head} | {counts[-1]} against {counts[0]} |",
        "|---|" + "---:|" * (len(counts) + 1),
    ]
    for metric, label in LOAD_ROWS:
        by_count = figures.get(metric)
        if not by_count:
            continue
        values = [number(by_count[n]["value"]) if n in by_count else "" for n in counts]
        ratio = by_count.get(counts[-1], {}).get("ratio")
        out.append(f"| {label} | {' | '.join(values)} | {number(ratio)} |")
    return out


def load_reading(figures: dict[str, dict[int, dict[str, Any]]], info: dict[str, Any]) -> list[str]:
    """A few sentences that read the load figures, in the report's own words."""
    pages = figures.get("pages_per_second", {})
    if 1 not in pages or 2 not in pages:
        return []
    cpu = figures.get("server_cpu_cores", {})
    one, two = pages[1]["value"], pages[2]["value"]
    text = [
        f"Two processes served {number(two)} pages a second against one's {number(one)} "
        f"(ratio {number(pages[2].get('ratio'))}). "
    ]
    if 1 in cpu and 2 in cpu:
        text.append(
            f"The portal's processes used {number(cpu[1]['value'])} cores with one process "
            f"and {number(cpu[2]['value'])} with two, of the machine's {info.get('cores')}: "
        )
    text.append(
        ("one" if len(text) > 1 else "One")
        + " process cannot use much more than one core (the GIL), so a second one helps only "
        "as far as the machine has a core to spare for it. Here the load client, PostgreSQL, "
        "Redis and any other work on the machine share the same cores (the CPU rows above say "
        "how much each had), so the ratio is what a second process buys on this machine, not "
        "on a bigger one. The offered load is more than one process serves, on purpose: the "
        "throughput is then each setup's capacity, and the latencies include the queue."
    )
    return ["", "".join(text)]


def render(results: list[dict[str, Any]], info: dict[str, Any], chart: str | None) -> str:
    """The whole report as Markdown; `chart` is the SVG's file name, if one was written."""
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`bench/run.py`, then `bench/report.py`) from "
        "[`results.json`](results.json); do not edit by hand. Each measure is the contract's "
        "object: `name`, `value`, `unit`, and for a comparison, the `baseline` measured in the "
        "same run and the `ratio` (each measure's note says which way round).",
        "",
        "## The machine",
        "",
        f"- Date: {info.get('date', 'unknown')}",
        f"- CPU: {info.get('cores')} cores ({info.get('cpu')}); {info.get('system', '')}",
        f"- Python {info.get('python')}",
    ]
    if "load_average" in info:
        lines.append(f"- Load average when the bench started: {info['load_average']}")
    if "duration_seconds" in info:
        lines.append(f"- `make bench` took {round(info['duration_seconds'] / 60, 1)} minutes")
    lines += [
        "",
        "The in-process measures compare each path with a baseline timed in the same run, so "
        "their ratios travel between machines better than their absolute values. The load "
        "measures depend on the machine most: see their section.",
    ]
    placed: set[str] = set()
    figures = load_figures(results)
    for area in AREAS:
        rows = [r for r in results if r["name"].startswith(area.prefixes)]
        if not rows and not area.load:
            continue
        lines += ["", f"## {area.title}", "", area.how, ""]
        if area.load:
            if not rows:
                lines.append("Not measured in this run (PostgreSQL or Redis did not answer).")
                continue
            lines += load_summary(figures)
            if chart:
                lines += [
                    "",
                    f"![Pages and messages per second, and page and fan-out p99, with one and "
                    f"two processes]({chart})",
                ]
            lines += load_reading(figures, info)
            lines += ["", "All the load measures:", ""]
        lines += measures_table(rows)
        lines += notes(rows)
        placed.update(r["name"] for r in rows)
    others = [r for r in results if r["name"] not in placed]
    if others:
        lines += ["", "## Other measures", "", *measures_table(others), *notes(others)]
    return "\n".join(lines) + "\n"


# --- The chart ----------------------------------------------------------------------------------

COLOURS = {1: "#1d70b8", 2: "#f47738"}  # GOV.UK blue and orange: apart for most colour vision


def chart_svg(figures: dict[str, dict[int, dict[str, Any]]]) -> str | None:
    """Two panels of grouped bars, one bar per process count: throughput (pages and messages
    per second) and p99 latency (pages and fan-out), each bar labelled with its value."""
    panels = [
        (
            "Per second (higher is better)",
            [("pages_per_second", "Pages"), ("messages_per_second", "Messages")],
        ),
        (
            "p99 latency, ms (lower is better)",
            [("page_ms_p99", "Page"), ("fanout_ms_p99", "Fan-out")],
        ),
    ]
    counts = sorted({n for m, _ in panels[0][1] for n in figures.get(m, {})})
    if not counts:
        return None
    width, height, top, bottom, gap = 760, 340, 60, 50, 40
    panel_width = (width - gap * 3) / 2
    plot_height = height - top - bottom
    bar = 44
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="title" '
        'font-family="Arial, sans-serif" font-size="13">',
        '<title id="title">Load test: one uvicorn process against two</title>',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
    ]
    for i, n in enumerate(counts):  # legend
        x = gap + i * 150
        parts.append(
            f'<rect x="{x}" y="14" width="14" height="14" fill="{COLOURS.get(n, "#505a5f")}"/>'
        )
        label = f"{n} process" + ("es" if n > 1 else "")
        parts.append(f'<text x="{x + 20}" y="26">{label}</text>')
    for p, (title, metrics) in enumerate(panels):
        left = gap + p * (panel_width + gap)
        values = [
            figures.get(m, {}).get(n, {}).get("value") or 0 for m, _ in metrics for n in counts
        ]
        scale = max(values) * 1.15 or 1
        base = top + plot_height
        parts.append(
            f'<text x="{left + panel_width / 2}" y="{top - 12}" text-anchor="middle" '
            f'font-weight="bold">{html.escape(title)}</text>'
        )
        parts.append(
            f'<line x1="{left}" y1="{base}" x2="{left + panel_width}" y2="{base}" '
            'stroke="#0b0c0c"/>'
        )
        group_width = panel_width / len(metrics)
        for g, (metric, label) in enumerate(metrics):
            centre = left + group_width * (g + 0.5)
            first = centre - bar * len(counts) / 2
            for b, n in enumerate(counts):
                value = figures.get(metric, {}).get(n, {}).get("value")
                if value is None:
                    continue
                h = plot_height * value / scale
                x = first + b * bar
                parts.append(
                    f'<rect x="{x + 3:.1f}" y="{base - h:.1f}" width="{bar - 6}" '
                    f'height="{h:.1f}" fill="{COLOURS.get(n, "#505a5f")}">'
                    f"<title>{html.escape(label)}, {n} process(es): {number(value)}</title></rect>"
                )
                parts.append(
                    f'<text x="{x + bar / 2:.1f}" y="{base - h - 5:.1f}" '
                    f'text-anchor="middle">{number(value)}</text>'
                )
            parts.append(
                f'<text x="{centre:.1f}" y="{base + 20}" text-anchor="middle">'
                f"{html.escape(label)}</text>"
            )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


# --- Writing ------------------------------------------------------------------------------------


def write_report(
    results: list[dict[str, Any]] | None = None,
    run: dict[str, Any] | None = None,
    *,
    report: Path = REPORT,
    chart: Path = CHART,
) -> Path:
    """Write the report (and the chart, when there are load figures; a chart left from an
    earlier run is removed rather than shown beside figures it does not match)."""
    results = read_results() if results is None else results
    svg = chart_svg(load_figures(results))
    if svg:
        chart.write_text(svg)
    elif chart.exists():
        chart.unlink()
    relative = os.path.relpath(chart, report.parent) if svg else None
    report.write_text(render(results, machine(run), relative))
    return report


def main() -> None:
    print(f"Written {write_report(run=previous_run()).relative_to(BENCH.parent)}")


if __name__ == "__main__":
    main()
