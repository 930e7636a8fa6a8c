"""Survey results: the cost of the results page for a survey with 400 responses, against the
cheapest thing that page must do at all, counting the responses.

What is timed, each on its own, taking turns so both see the same machine:

- Page: `GET /staff/surveys/<pk>/` with `django.test.Client` as the demo participation officer,
  through the portal's middleware: the counts grouped in the database (`surveys.results`), last
  year's figures matched by question code, the SVG charts laid out and the template rendered.
  The survey is the demo's annual survey (12 questions in 4 sections, compared with the demo's
  made-up year) with 400 responses added for the bench.
- Build: `surveys.results.results_for(survey)` alone, without the request or the template.
- Baseline: `Response.objects.filter(survey=survey).count()`, one query.

Queries are counted for the page at 400 responses and at 5 (the same survey's questions, a
survey of its own): the count must not grow with the responses. The answers CSV at 400
responses is timed too.

Run alone while working on it: `.venv/bin/python bench/surveys.py` prints these measures
(loading the demo into a throwaway SQLite database first, as `bench/run.py` does).
"""

from __future__ import annotations

import datetime
import random
import statistics
import sys
import time
from pathlib import Path

RESPONSES = 400
FEW = 5
ROUNDS = 40  # timed repeats of each side, after a warm-up
WARM_UP = 3
SEED = 400


def _bench_survey(slug: str, responses: int):
    """A copy of the demo's annual survey with `responses` made-up responses, written straight
    to the tables (the bench times reading them, not answering)."""
    from django.utils import timezone

    from surveys import demo
    from surveys.models import Answer, Question, QuestionKind, Response, Survey

    Survey.objects.filter(slug=slug).delete()
    this_year = Survey.objects.get(slug=demo.THIS_YEAR_SLUG)
    survey = demo.put_survey(
        slug=slug,
        title=f"Bench: {responses} responses",
        opens_on=this_year.opens_on,
        closes_on=this_year.closes_on,
        compare_with=this_year.compare_with,
        made_up=True,
        skip=set(),
    )
    dice = random.Random(SEED)
    questions = list(Question.objects.filter(section__survey=survey))
    today = timezone.localdate()
    rows, answers = [], []
    for _ in range(responses):
        response = Response(
            survey=survey,
            submitted_on=None
            if survey.anonymous
            else today - datetime.timedelta(dice.randint(0, 9)),
        )
        rows.append(response)
        for question in questions:
            if question.kind == QuestionKind.TEXT:
                if dice.random() < 0.4:
                    answers.append(
                        Answer(response=response, question=question, text="Words of my own.")
                    )
            elif question.kind == QuestionKind.SCALE:
                answers.append(
                    Answer(response=response, question=question, scale=dice.randint(1, 5))
                )
            elif question.kind == QuestionKind.MULTIPLE:
                for option in dice.sample(question.options, dice.randint(1, 3)):
                    answers.append(Answer(response=response, question=question, choice=option))
            else:
                answers.append(
                    Answer(
                        response=response, question=question, choice=dice.choice(question.options)
                    )
                )
    Response.objects.bulk_create(rows)
    Answer.objects.bulk_create(answers, batch_size=2000)
    return survey


def _median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 3)


def survey_measures() -> list[dict]:
    """Needs Django set up with the demo loaded (see `bench/run.py`)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from portal.people.models import User
    from surveys.models import Response
    from surveys.results import results_for

    big = _bench_survey("bench-survey-400", RESPONSES)
    few = _bench_survey("bench-survey-5", FEW)
    client = Client()
    client.force_login(User.objects.get(username="alex.participation"))
    page_url = f"/staff/surveys/{big.pk}/"
    csv_url = f"/staff/surveys/{big.pk}/answers.csv"

    def page() -> None:
        response = client.get(page_url)
        assert response.status_code == 200, response.status_code

    def build() -> None:
        results_for(big)

    def count() -> None:
        assert Response.objects.filter(survey=big).count() == RESPONSES

    def answers_csv() -> None:
        response = client.get(csv_url)
        assert response.status_code == 200 and response.content.count(b"\n") == RESPONSES + 1

    sides = {"page": page, "build": build, "count": count, "csv": answers_csv}
    for side in sides.values():
        for _ in range(WARM_UP):
            side()
    spent: dict[str, list[float]] = {name: [] for name in sides}
    for _ in range(ROUNDS):
        for name, side in sides.items():
            start = time.perf_counter()
            side()
            spent[name].append(time.perf_counter() - start)

    queries: dict[int, int] = {}
    for survey, n in ((big, RESPONSES), (few, FEW)):
        client.get(f"/staff/surveys/{survey.pk}/")  # the same session and permission caches
        with CaptureQueriesContext(connection) as captured:
            client.get(f"/staff/surveys/{survey.pk}/")
        queries[n] = len(captured)
    with CaptureQueriesContext(connection) as captured:
        build()
    build_queries = len(captured)

    baseline = _median_ms(spent["count"])
    page_ms, build_ms = _median_ms(spent["page"]), _median_ms(spent["build"])
    return [
        {
            "name": f"survey_results_page_ms_{RESPONSES}_responses",
            "value": page_ms,
            "unit": "ms/request",
            "baseline": baseline,
            "ratio": round(page_ms / baseline, 1),
            "note": "median; the whole results page (12 questions, year against year, SVG "
            "charts); baseline: Response.objects.filter(survey=...).count()",
        },
        {
            "name": f"survey_results_build_ms_{RESPONSES}_responses",
            "value": build_ms,
            "unit": "ms",
            "baseline": baseline,
            "ratio": round(build_ms / baseline, 1),
            "note": "median; surveys.results.results_for() alone: the counting, no template",
        },
        {
            "name": f"survey_results_page_queries_{RESPONSES}_responses",
            "value": queries[RESPONSES],
            "unit": "queries",
            "baseline": 1,
            "ratio": queries[RESPONSES],
            "note": f"{build_queries} of them build the results; the rest are the signed-in "
            "user's session, groups, permissions and second factor",
        },
        {
            "name": f"survey_results_page_queries_{FEW}_responses",
            "value": queries[FEW],
            "unit": "queries",
            "note": "the same as at 400: the count does not grow with the responses",
        },
        {
            "name": f"survey_answers_csv_ms_{RESPONSES}_responses",
            "value": _median_ms(spent["csv"]),
            "unit": "ms/request",
            "baseline": baseline,
            "ratio": round(_median_ms(spent["csv"]) / baseline, 1),
            "note": "median; one row per response",
        },
    ]


def main() -> None:
    import tempfile

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from bench.run import setup_django

    with tempfile.TemporaryDirectory() as tmp:
        setup_django(Path(tmp) / "bench.sqlite3")
        for measure in survey_measures():
            extra = (
                f" (baseline {measure['baseline']}, ratio {measure['ratio']})"
                if "ratio" in measure
                else ""
            )
            print(f"{measure['name']:<44} {measure['value']:>10} {measure['unit']}{extra}")


if __name__ == "__main__":
    main()
