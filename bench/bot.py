"""The chatbot: time to answer a question, and the memory of its loaded index.

Questions: the contract's dev set and the project's own tuning and held-out sets
(`chat/bot/eval_sets/`), about 250 in all, each asked 3 times after a warm-up.

- `bot_search_ms_*`: the retriever alone (`chat.bot.retriever.search`) against a baseline in
  the same run: a plain substring search over the same pages' text (how many of the question's
  words appear in each page; the page with most wins), which is what a developer would write
  first. The ratio says what the text-speak handling, spelling tolerance and BM25 cost.
- `bot_answer_ms_*`: the whole `chat.bot.services.ask` as the API calls it: safeguarding check,
  handoff check, retrieval, the answer composed from the page, and the question stored.
- `bot_index_bytes`: memory held by the loaded index (tracemalloc over a rebuild).
- top-1 of each on the sets, so the speed is read beside what it buys.
"""

from __future__ import annotations

import json
import statistics
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = [
    ROOT.parent / "shared" / "contract" / "ask-dev-set.jsonl",
    ROOT / "chat" / "bot" / "eval_sets" / "tuning.jsonl",
    ROOT / "chat" / "bot" / "eval_sets" / "held_out.jsonl",
]
ROUNDS = 3


def questions() -> list[dict]:
    rows = []
    for path in SETS:
        if path.exists():
            rows.extend(json.loads(line) for line in path.read_text().splitlines() if line)
    return rows


def page_texts() -> dict[str, str]:
    """The same fields the retriever reads, as one lower-case string per page."""
    from chat.bot.retriever import published_pages

    return {
        slug: " ".join(fields.values()).lower()
        for (slug, _title, _url), fields in published_pages()
    }


def substring_search(question: str, pages: dict[str, str]) -> str | None:
    words = [w for w in question.lower().split() if len(w) >= 3]
    best, best_count = None, 0
    for slug, text in pages.items():
        count = sum(word in text for word in words)
        if count > best_count:
            best, best_count = slug, count
    return best


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed(function, rows: list[dict]) -> tuple[list[float], list]:
    for row in rows[:20]:
        function(row["q"])  # warm-up
    spent, results = [], []
    for _ in range(ROUNDS):
        results = []
        for row in rows:
            start = time.perf_counter()
            results.append(function(row["q"]))
            spent.append((time.perf_counter() - start) * 1000)
    return spent, results


def top1(rows: list[dict], got: list[str | None]) -> float:
    scored = [(row, slug) for row, slug in zip(rows, got, strict=True) if row.get("entitlement")]
    right = 0
    for row, slug in scored:
        expected = row["entitlement"]
        right += slug in (expected if isinstance(expected, list) else [expected])
    return right / len(scored)


def compared(name: str, value: float, baseline: float, unit: str, note: str) -> dict:
    """A measure with its baseline from the same run; ratio = value / baseline."""
    return {
        "name": name,
        "value": round(value, 3),
        "unit": unit,
        "baseline": round(baseline, 3),
        "ratio": round(value / baseline, 3),
        "note": note,
    }


def bot_measures() -> list[dict]:
    from django.db import transaction

    from chat.bot import retriever, services

    rows = questions()
    pages = page_texts()

    tracemalloc.start()
    before = tracemalloc.take_snapshot()
    retriever.rebuild()
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    index_bytes = sum(stat.size_diff for stat in after.compare_to(before, "filename"))

    def search(question: str) -> str | None:
        hits = retriever.search(question, limit=1)
        return hits[0].slug if hits else None

    bot_ms, bot_got = timed(search, rows)
    plain_ms, plain_got = timed(lambda q: substring_search(q, pages), rows)
    with transaction.atomic():  # the questions it stores are not kept
        answer_ms, answers = timed(lambda q: services.ask(q), rows)
        transaction.set_rollback(True)

    median, p95 = statistics.median, lambda v: percentile(v, 0.95)
    note = f"{len(rows)} questions (dev, tuning and held-out sets), {ROUNDS} rounds"
    baseline = "baseline: plain substring search over the same pages' text"
    bot_top1 = top1(rows, [a.entitlement for a in answers])
    return [
        compared(
            "bot_search_ms_p50",
            median(bot_ms),
            median(plain_ms),
            "ms",
            f"{note}; retriever alone; {baseline}",
        ),
        compared(
            "bot_search_ms_p95",
            p95(bot_ms),
            p95(plain_ms),
            "ms",
            f"{note}; aim under 30 ms; {baseline}",
        ),
        compared(
            "bot_answer_ms_p50",
            median(answer_ms),
            median(plain_ms),
            "ms",
            f"{note}; the whole answer: safeguarding, handoff, retrieval, answer, stored",
        ),
        compared(
            "bot_answer_ms_p95", p95(answer_ms), p95(plain_ms), "ms", f"{note}; aim under 30 ms"
        ),
        {
            "name": "bot_index_bytes",
            "value": index_bytes,
            "unit": "bytes",
            "note": f"memory allocated by a rebuild of the index over {len(pages)} pages",
        },
        compared(
            "bot_top1_accuracy",
            bot_top1,
            top1(rows, plain_got),
            "share",
            "questions with an expected page, all three sets; baseline: substring "
            "search; ratio above 1 means the bot finds the right page more often",
        ),
        {
            "name": "bot_retriever_top1_accuracy",
            "value": round(top1(rows, bot_got), 3),
            "unit": "share",
            "note": "the retriever's first hit, whatever its confidence",
        },
    ]
