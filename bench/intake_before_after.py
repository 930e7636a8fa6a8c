"""Message intake before and after a change: `ws_send_to_message_ms_p50_50_sockets` and
`_p99_` (socket send to the other member's `message` frame, `bench/sockets.py`) of another
checkout (the "before") and of this one, interleaved A/B/A/B on the same Redis.

    git worktree add /tmp/before16 9f748e5     # the last commit before issue 16
    .venv/bin/python bench/intake_before_after.py /tmp/before16 --rounds 3
    git worktree remove --force /tmp/before16

Why this shape: issue 16 puts screening inside the intake (`post_message`) and asks that the
intake stay within 1.2x of what it was. The two sides differ only in their code: each run is a
fresh process of this venv's Python in its checkout, setting Django up as `bench/run.py` does
(a throwaway SQLite database with the demo), then `socket_measures()` of that checkout at 50
sockets only, on Redis database 4 (a fresh prefix each run, flushed afterwards). The machine
is shared, so the runs alternate (before, after, before, after...) to spread any other load
over both sides, and the load average is printed beside each figure. Each side's figure is
the median of its runs; the ratio is after / before, so above 1 means the intake got slower.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REDIS_URL = "redis://127.0.0.1:6379/4"
SOCKETS = 50
NAMES = (
    f"ws_send_to_message_ms_p50_{SOCKETS}_sockets",
    f"ws_send_to_message_ms_p99_{SOCKETS}_sockets",
)

# Run in the checkout's own directory, so that its packages come first on sys.path.
DRIVER = f"""
import json, sys, tempfile
from pathlib import Path
sys.path.insert(0, ".")
from bench.run import setup_django
with tempfile.TemporaryDirectory() as tmp:
    setup_django(Path(tmp) / "bench.sqlite3")
    import chat
    from bench import sockets
    sockets.SOCKET_COUNTS = ({SOCKETS},)
    sockets.REDIS_URL = {REDIS_URL!r}
    measures = sockets.socket_measures()
code = str(Path(chat.__file__).resolve().parent.parent)
print(json.dumps({{"code": code, "measures": measures}}))
"""


def load_average() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def run_side(checkout: Path) -> dict:
    """One run in `checkout`: its figures, where its code came from, and the load around it."""
    before = load_average()
    done = subprocess.run(
        [sys.executable, "-c", DRIVER], cwd=checkout, capture_output=True, text=True, timeout=900
    )
    if done.returncode != 0:
        sys.exit(f"The run in {checkout} failed:\n{done.stderr[-3000:]}")
    got = json.loads(done.stdout.strip().splitlines()[-1])
    if Path(got["code"]) != checkout.resolve():
        sys.exit(f"The run in {checkout} imported the portal from {got['code']}")
    figures = {m["name"]: m for m in got["measures"] if m["name"] in NAMES}
    if len(figures) != len(NAMES):
        sys.exit(f"No socket figures from {checkout} (is Redis up at {REDIS_URL}?)")
    return {"figures": figures, "load_before": before, "load_after": load_average()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path, help="the checkout to compare with (a worktree)")
    parser.add_argument("--rounds", type=int, default=2, help="runs of each side (at least 2)")
    args = parser.parse_args()
    sides = {"before": args.before, "after": ROOT}
    runs: dict[str, list[dict]] = {"before": [], "after": []}
    for round_ in range(1, args.rounds + 1):
        for side, checkout in sides.items():
            run = run_side(checkout)
            runs[side].append(run)
            shown = ", ".join(
                f"{name.split('_ms_')[1].split('_')[0]} {run['figures'][name]['value']} ms "
                f"(echo {run['figures'][name]['baseline']})"
                for name in NAMES
            )
            print(
                f"round {round_} {side:<6} {shown}; load {run['load_before']} before, "
                f"{run['load_after']} after",
                flush=True,
            )
    print()
    for name in NAMES:
        median = {
            side: statistics.median(r["figures"][name]["value"] for r in runs[side])
            for side in runs
        }
        echo = {
            side: statistics.median(r["figures"][name]["baseline"] for r in runs[side])
            for side in runs
        }
        print(
            f"{name}: before {median['before']:.2f} ms, after {median['after']:.2f} ms, "
            f"ratio {median['after'] / median['before']:.2f} (aim at most 1.2); "
            f"echo baseline before {echo['before']:.2f}, after {echo['after']:.2f}; "
            f"median of {args.rounds} runs each"
        )


if __name__ == "__main__":
    main()
