"""A survey's results: totals for each question, year against year, and headline measures
against their targets. Only totals: nothing here can say who gave which answer.

Everything is counted by the database with GROUP BY (`values().annotate()`), so building the
results costs the same number of queries for 5 responses or 5,000 (see
`tests/surveys/test_results.py` and `bench/surveys.py`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber

from portal.people.models import YoungPersonProfile
from surveys.charts import Bar, BarChart, bar_chart
from surveys.models import Answer, Question, QuestionKind, Response, Section, Survey

# Written answers shown on the page for each question; the CSV has them all.
TEXT_SAMPLE = 25


def percent(part: int, whole: int | None) -> float | None:
    return round(100 * part / whole, 1) if whole else None


@dataclass
class OptionResult:
    option: str
    label: str
    count: int
    percent: float | None
    previous_count: int | None = None
    previous_percent: float | None = None
    positive: bool = False


@dataclass
class Measure:
    """A headline measure: the share of positive answers, against a target and last year."""

    question: Question
    positive: int
    answered: int
    percent: float | None
    previous_percent: float | None
    target: int | None
    asked_before: bool = True

    @property
    def name(self) -> str:
        return self.question.measure_name

    @property
    def met(self) -> bool | None:
        if self.target is None or self.percent is None:
            return None
        return self.percent >= self.target

    @property
    def gap(self) -> float | None:
        if self.target is None or self.percent is None:
            return None
        return round(self.target - self.percent, 1)


@dataclass
class QuestionResult:
    question: Question
    answered: int
    options: list[OptionResult] = field(default_factory=list)
    previous_answered: int | None = None
    texts: list[str] = field(default_factory=list)
    mean: float | None = None
    previous_mean: float | None = None
    measure: Measure | None = None
    chart: BarChart | None = None

    @property
    def compared(self) -> bool:
        return self.previous_answered is not None

    @property
    def more_texts(self) -> int:
        return max(0, self.answered - len(self.texts))


@dataclass
class SectionResult:
    section: Section
    questions: list[QuestionResult]


@dataclass
class SurveyResults:
    survey: Survey
    previous: Survey | None
    responses: int
    previous_responses: int | None
    care_leavers: int
    sections: list[SectionResult]
    measures: list[Measure]
    measures_chart: BarChart | None

    @property
    def response_rate(self) -> float | None:
        return percent(self.responses, self.care_leavers)

    @property
    def previous_label(self) -> str | None:
        return previous_label(self.survey, self.previous)


def previous_label(survey: Survey, previous: Survey | None) -> str | None:
    """What to call the survey compared with: "Last year" when it is, else its month."""
    if previous is None:
        return None
    if 300 <= (survey.opens_on - previous.opens_on).days <= 430:
        return "Last year"
    return f"{previous.opens_on:%B %Y}"


Counts = dict[tuple[object, str], int]


def _counts(survey: Survey, key: str) -> tuple[Counts, dict[object, int]]:
    """Answers per (question, option), and people who answered each question, keyed by the
    question's `key` ("question_id" for this survey, "question__code" for an earlier one)."""
    answers = Answer.objects.filter(response__survey=survey).order_by()
    counts: Counts = {}
    for row in answers.values(key, "choice", "scale").annotate(n=Count("id")):
        option = str(row["scale"]) if row["scale"] is not None else row["choice"]
        if option:
            counts[(row[key], option)] = counts.get((row[key], option), 0) + row["n"]
    answered = {
        row[key]: row["n"]
        for row in answers.values(key).annotate(n=Count("response_id", distinct=True))
    }
    return counts, answered


def _texts(survey: Survey) -> dict[int, list[str]]:
    """Up to TEXT_SAMPLE written answers per question, in one query (a window per question).
    Ordered by the answers' random ids: in no order that says who or when."""
    rows = (
        Answer.objects.filter(response__survey=survey, question__kind=QuestionKind.TEXT)
        .exclude(text="")
        .annotate(
            place=Window(RowNumber(), partition_by=[F("question_id")], order_by=F("id").asc())
        )
        .filter(place__lte=TEXT_SAMPLE)
        .values_list("question_id", "text")
    )
    texts: dict[int, list[str]] = defaultdict(list)
    for question_id, text in rows:
        texts[question_id].append(text)
    return texts


def _mean(question: Question, counts: Counts, key: object) -> float | None:
    pairs = [(int(o), counts.get((key, o), 0)) for o in question.options]
    total = sum(n for _, n in pairs)
    return round(sum(v * n for v, n in pairs) / total, 1) if total else None


def results_for(survey: Survey) -> SurveyResults:
    """Build the results page's figures for `survey`, compared with `survey.compare_with`."""
    questions = list(
        Question.objects.filter(section__survey=survey)
        .select_related("section")
        .order_by("section__sort_order", "section__pk", "sort_order", "pk")
    )
    counts, answered = _counts(survey, "question_id")
    texts = _texts(survey)
    responses = Response.objects.filter(survey=survey).count()
    # The response rate's denominator: care leavers with an account by the day it closed (a
    # later account could not have answered it).
    care_leavers = YoungPersonProfile.objects.filter(
        user__is_active=True, created_at__date__lte=survey.closes_on
    ).count()

    previous = survey.compare_with
    label = previous_label(survey, previous)
    previous_counts: Counts = {}
    previous_answered: dict[object, int] = {}
    previous_responses = None
    previous_kinds: dict[str, str] = {}
    if previous is not None:
        previous_counts, previous_answered = _counts(previous, "question__code")
        previous_responses = Response.objects.filter(survey=previous).count()
        previous_kinds = dict(
            Question.objects.filter(section__survey=previous).values_list("code", "kind")
        )

    sections: dict[int, SectionResult] = {}
    measures: list[Measure] = []
    for question in questions:
        result = QuestionResult(question=question, answered=answered.get(question.pk, 0))
        same_kind = previous_kinds.get(question.code) == question.kind
        if same_kind:
            result.previous_answered = previous_answered.get(question.code, 0)
        positive = set(question.positive) if question.has_measure else set()
        for option in question.options:
            n = counts.get((question.pk, option), 0)
            row = OptionResult(
                option=option,
                label=question.option_label(option),
                count=n,
                percent=percent(n, result.answered),
                positive=option in positive,
            )
            if same_kind:
                row.previous_count = previous_counts.get((question.code, option), 0)
                row.previous_percent = percent(row.previous_count, result.previous_answered)
            result.options.append(row)
        if question.kind == QuestionKind.SCALE:
            result.mean = _mean(question, counts, question.pk)
            if same_kind:
                result.previous_mean = _mean(question, previous_counts, question.code)
        if question.kind == QuestionKind.TEXT:
            result.texts = texts.get(question.pk, [])
        else:
            result.chart = bar_chart(
                title=question.text,
                bars=[
                    Bar(
                        label=o.label,
                        percent=o.percent,
                        count=o.count,
                        previous_percent=o.previous_percent,
                    )
                    for o in result.options
                ],
                chart_id=f"q{question.pk}",
                previous_label=label if same_kind else None,
            )
        if positive:
            hits = sum(o.count for o in result.options if o.positive)
            before = (
                sum(o.previous_count or 0 for o in result.options if o.positive)
                if same_kind
                else None
            )
            result.measure = Measure(
                question=question,
                positive=hits,
                answered=result.answered,
                percent=percent(hits, result.answered),
                previous_percent=(
                    percent(before, result.previous_answered) if before is not None else None
                ),
                target=question.target_percent,
                asked_before=same_kind,
            )
            measures.append(result.measure)
        sections.setdefault(
            question.section_id, SectionResult(section=question.section, questions=[])
        ).questions.append(result)

    measures_chart = None
    if measures:
        measures_chart = bar_chart(
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
            previous_label=label,
        )
    return SurveyResults(
        survey=survey,
        previous=previous,
        responses=responses,
        previous_responses=previous_responses,
        care_leavers=care_leavers,
        sections=list(sections.values()),
        measures=measures,
        measures_chart=measures_chart,
    )
