"""Safeguarding screening: time to screen one message, and the memory the loaded detector holds
(issue 16: "screening time per message (aim: p95 under 5 ms); the model's memory").

Messages: every line of the team's corpus (`chat/safeguarding/corpus/*.jsonl`, each with the
earlier messages it carries as context) and the contract's dev set (`ask-dev-set.jsonl`),
screened `ROUNDS` time(s) after a warm-up.

- `safeguarding_screen_ms_*`: `chat.safeguarding.detector.assess(text, context=...)`, what
  `screen_message` calls for every message, against a baseline in the same run: the rules alone
  (`chat.safeguarding.detector.rules.match`), which is what screening cost before the model.
- `safeguarding_screen_ms_p95_5000_chars`: the same for a 5,000-character message (the longest
  the issue's bad input names).
- `safeguarding_model_bytes` and `safeguarding_model_rss_bytes`: the first load of the model
  (`model.loaded()`) and of the encoder it names, and one message screened, in a fresh process
  (this one may have loaded them already while building the demo): what tracemalloc sees
  allocated and still held (Python objects and numpy arrays), and how much the process's
  resident memory grew (psutil if installed, else /proc/self/status), which also counts what
  native libraries (onnxruntime) allocate. The libraries' import is outside both figures and
  given in the note.

Nothing here is imported from `chat.safeguarding` until the measures run: without `model.npz`
the measures say so instead of failing the bench. Each screening note gives the date and the
load average at the start and the end, since the cores are shared.

Run on its own, `.venv/bin/python -m bench.safeguarding --merge` sets Django up as
`bench/run.py` does, measures these alone, puts them in `bench/results.json` in place of the
earlier `safeguarding_*` entries (the other measures are kept as they are) and rebuilds
`bench/REPORT.md`. It also prints, from the same process, `assess` for one everyday message
with no context and with three earlier messages (p50 and p95 over `CONTEXT_RUNS` calls after a
warm-up) and the process's resident memory once the detector is loaded: figures kept by hand
in `bench/intake_before_after.md`.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "chat" / "safeguarding" / "corpus"
DEV_SET = ROOT.parent / "shared" / "contract" / "ask-dev-set.jsonl"
MODEL_FILE = ROOT / "chat" / "safeguarding" / "detector" / "model.npz"
ROUNDS = 1  # 4,000+ messages: one pass gives the percentiles; the model takes ms each
WARM_UP = 50  # messages screened before timing (first load, first calls)
LONG_CHARS = 5000
LONG_SAMPLES = 40
CONTEXT_RUNS = 300
# An everyday message, and three earlier ones from the same young person (oldest first)
CONTEXT_MESSAGE = "can you help me fill in the form for my housing benefit this week"
CONTEXT_EARLIER = (
    "hi is anyone there",
    "i moved into my new flat last month",
    "the council sent me a letter i dont understand",
)


def messages() -> list[tuple[str, tuple[str, ...]]]:
    """(text, context) for every corpus line and every dev-set question."""
    rows = []
    for path in [*sorted(CORPUS.glob("*.jsonl")), DEV_SET]:
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    rows.append((row["q"], tuple(row.get("context") or ())))
    return rows


def long_message(rows: list[tuple[str, tuple[str, ...]]]) -> str:
    """5,000 characters of the corpus's own lines, one after another."""
    text = ""
    for line, _ in rows:
        text += line + " "
        if len(text) >= LONG_CHARS:
            break
    return text[:LONG_CHARS]


def load_average() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def when() -> str:
    return datetime.datetime.now().strftime("%Y-%m-%d %H:%M")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed(function, rows, rounds: int = ROUNDS) -> list[float]:
    """Milliseconds per call of `function(text, context)`, after a warm-up."""
    for text, context in rows[:WARM_UP]:
        function(text, context)
    spent = []
    for _ in range(rounds):
        for text, context in rows:
            start = time.perf_counter()
            function(text, context)
            spent.append((time.perf_counter() - start) * 1000)
    return spent


def compared(name: str, value: float, baseline: float, unit: str, note: str) -> dict:
    """A measure with its baseline from the same run; ratio = value / baseline."""
    return {
        "name": name,
        "value": round(value, 3),
        "unit": unit,
        "baseline": round(baseline, 3),
        "ratio": round(value / baseline, 2) if baseline else None,
        "note": note,
    }


def model_state() -> str:
    """A few words on which detector was timed, for the notes."""
    if not MODEL_FILE.exists():
        return "model.npz missing, so the detector ran without its model"
    from chat.safeguarding.detector import model

    if model.loaded.cache_info().currsize:
        return f"model.npz ({MODEL_FILE.stat().st_size:,} bytes) loaded by assess"
    return "model.npz present but assess did not load it (rules only)"


def screening_measures() -> list[dict]:
    from chat.safeguarding.detector import assess, rules

    rows = messages()
    long = long_message(rows)
    from bench.report import cpu_model

    started, load_start = when(), load_average()
    where = f"{os.cpu_count()} cores ({cpu_model()})"
    with_model = timed(lambda text, context: assess(text, context=context), rows)
    rules_only = timed(lambda text, context: rules.match(text), rows)
    long_rows = [(long, ())] * LONG_SAMPLES
    long_model = timed(lambda text, context: assess(text, context=context), long_rows, 1)
    long_rules = timed(lambda text, context: rules.match(text), long_rows, 1)

    state = model_state()
    note = (
        f"{len(rows):,} messages (the safeguarding corpus with its contexts, and the contract's "
        f"dev set), {ROUNDS} pass(es) after {WARM_UP} warm-up; assess(text, context=...); "
        f"{state}; baseline: the rules alone (rules.match); run {started} on {where}, load "
        f"average {load_start} at the start, {load_average()} at the end"
    )
    p95 = lambda values: percentile(values, 0.95)  # noqa: E731
    return [
        compared(
            "safeguarding_screen_ms_p50",
            statistics.median(with_model),
            statistics.median(rules_only),
            "ms",
            note,
        ),
        compared(
            "safeguarding_screen_ms_p95",
            p95(with_model),
            p95(rules_only),
            "ms",
            f"{note}; aim under 5 ms",
        ),
        compared("safeguarding_screen_ms_max", max(with_model), max(rules_only), "ms", note),
        compared(
            "safeguarding_screen_ms_p95_5000_chars",
            p95(long_model),
            p95(long_rules),
            "ms",
            f"one {LONG_CHARS:,}-character message of corpus lines, {LONG_SAMPLES} times; "
            f"{state}; baseline: the rules alone; run {started} on {where}, load average "
            f"{load_start} at the start, {load_average()} at the end",
        ),
    ]


# --- Memory, in a fresh process ---------------------------------------------------------------


def rss_bytes() -> tuple[int, str]:
    try:
        import psutil
    except ImportError:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024, "/proc/self/status VmRSS"
        return 0, "no RSS reading"
    return psutil.Process().memory_info().rss, "psutil RSS"


def load_and_count() -> dict:
    """Run in a fresh process (`--memory`): load the model and its encoder once, and count."""
    import django

    django.setup()
    if not MODEL_FILE.exists():
        return {"missing": f"{MODEL_FILE.relative_to(ROOT)} is missing"}
    rss_start, how = rss_bytes()
    from chat.safeguarding.detector import assess, features, model

    for library in ("onnxruntime", "tokenizers", "safetensors.numpy", "wordllama"):
        with contextlib.suppress(ImportError):
            __import__(library)
    rss_imported, _ = rss_bytes()

    tracemalloc.start()
    loaded = model.loaded()
    encoder = getattr(loaded, "encoder", None)
    encoder_bytes = None
    if encoder == "minilm":
        from chat.safeguarding.detector import encoder as minilm

        encoder_bytes = getattr(minilm.loaded(), "nbytes", None)
    elif encoder == "wordllama":
        features.wordllama_model()
    assess("cant do this anymore", context=("hi",))
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_loaded, _ = rss_bytes()
    return {
        "traced": held,
        "traced_peak": peak,
        "rss": rss_loaded - rss_imported,
        "rss_imports": rss_imported - rss_start,
        "rss_how": how,
        "encoder": encoder,
        "encoder_weights": encoder_bytes,
        "model_arrays": getattr(loaded, "nbytes", None),
        "model_file": MODEL_FILE.stat().st_size,
    }


def memory_measures() -> list[dict]:
    env = dict(os.environ)
    env.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    done = subprocess.run(
        [sys.executable, "-m", "bench.safeguarding", "--memory"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return [not_measured("safeguarding_model_bytes", "bytes", f"the load failed: {reason}")]
    got = json.loads(done.stdout.strip().splitlines()[-1])
    if "missing" in got:
        return [not_measured("safeguarding_model_bytes", "bytes", got["missing"])]
    mb = lambda n: f"{n / 1e6:.1f} MB" if n is not None else "unknown"  # noqa: E731
    what = (
        f"first load of model.loaded() (model.npz {mb(got['model_file'])} on disk, its arrays "
        f"{mb(got['model_arrays'])}) and of its encoder ({got['encoder']}; weights "
        f"{mb(got['encoder_weights'])}), and one message screened, in a fresh process"
    )
    return [
        {
            "name": "safeguarding_model_bytes",
            "value": got["traced"],
            "unit": "bytes",
            "note": f"{what}: held after loading, as tracemalloc counts it (Python objects and "
            f"numpy arrays; not native libraries' own allocations); peak while loading "
            f"{mb(got['traced_peak'])}",
        },
        {
            "name": "safeguarding_model_rss_bytes",
            "value": got["rss"],
            "unit": "bytes",
            "note": f"{what}: growth of the process's resident memory ({got['rss_how']}), "
            f"which counts onnxruntime's own allocations too; importing the libraries "
            f"beforehand (not counted here) added {mb(got['rss_imports'])}",
        },
    ]


def not_measured(name: str, unit: str, why: str) -> dict:
    print(f"Not measured: {name}: {why}")
    return {"name": name, "value": 0, "unit": unit, "note": f"NOT MEASURED: {why}"}


def safeguarding_measures() -> list[dict]:
    """The screening and memory measures; a failure of the detector is reported, not raised."""
    out: list[dict] = []
    try:
        out.extend(screening_measures())
    except Exception as error:  # the bench goes on and says why
        out.append(not_measured("safeguarding_screen_ms_p95", "ms", f"assess raised {error!r}"))
    out.extend(memory_measures())
    return out


# --- Run on its own ---------------------------------------------------------------------------


def context_timing() -> dict:
    """`assess` for one everyday message with no context and with three earlier messages, in
    this process: p50 and p95 over CONTEXT_RUNS calls each after a warm-up, and the process's
    resident memory with the detector loaded."""
    from chat.safeguarding.detector import assess

    shown = {"load_start": load_average()}
    for label, context in (("no_context", ()), ("three_earlier", CONTEXT_EARLIER)):
        spent = timed(
            lambda text, context: assess(text, context=context),
            [(CONTEXT_MESSAGE, context)] * CONTEXT_RUNS,
        )
        shown[label] = {
            "p50_ms": round(statistics.median(spent), 2),
            "p95_ms": round(percentile(spent, 0.95), 2),
            "runs": len(spent),
        }
    shown["rss_bytes"], shown["rss_how"] = rss_bytes()
    shown["load_end"] = load_average()
    return shown


def merge() -> None:
    """Measure the safeguarding measures alone, replace them in results.json, rebuild REPORT.md."""
    import tempfile

    from bench.report import RESULTS, previous_run, read_results, write_report
    from bench.run import setup_django

    with tempfile.TemporaryDirectory() as tmp:
        setup_django(Path(tmp) / "bench.sqlite3")
        fresh = safeguarding_measures()
        timing = context_timing()
    results = read_results()
    kept = [r for r in results if not r["name"].startswith("safeguarding_")]
    # Where bench/run.py puts them: after the surveys' measures
    at = max((i + 1 for i, r in enumerate(kept) if r["name"].startswith("survey_")), default=0)
    results = kept[:at] + fresh + kept[at:]
    run = previous_run()  # before the report is rewritten
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    write_report(results, run)
    for r in fresh:
        extra = f" (baseline {r['baseline']}, ratio {r['ratio']})" if "ratio" in r else ""
        print(f"{r['name']} {r['value']} {r['unit']}{extra}")
    print(json.dumps(timing))


if __name__ == "__main__":
    if sys.argv[1:] == ["--memory"]:
        print(json.dumps(load_and_count()))
    elif sys.argv[1:] == ["--merge"]:
        merge()
    else:
        sys.exit(
            "Run by bench/run.py (make bench), or alone with --merge; --memory is the "
            "fresh-process half."
        )
