"""A survey's results: totals for each question, year against year, and headline measures
against their targets. Only totals: nothing here can say who gave which answer.

`results_for` puts together what `surveys.selectors` counts and what `surveys.charts` draws.
Everything is counted by the database with GROUP BY (`values().annotate()`), so building the
results costs the same number of queries for 5 responses or 5,000 (see
`tests/surveys/test_results.py` and `bench/surveys.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from surveys import charts, selectors
from surveys.charts import BarChart
from surveys.models import Question, QuestionKind, Section, Survey
from surveys.selectors import AnswerCounts


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


def _mean(question: Question, counts: AnswerCounts, key: object) -> float | None:
    pairs = [(int(o), counts.get((key, o), 0)) for o in question.options]
    total = sum(n for _, n in pairs)
    return round(sum(v * n for v, n in pairs) / total, 1) if total else None


@dataclass
class _Earlier:
    """What the survey is compared with, counted by question code (empty if nothing)."""

    counts: AnswerCounts = field(default_factory=dict)
    answered: dict[object, int] = field(default_factory=dict)
    responses: int | None = None
    kinds: dict[str, str] = field(default_factory=dict)
    label: str | None = None


def _earlier(survey: Survey) -> _Earlier:
    previous = survey.compare_with
    if previous is None:
        return _Earlier()
    counts, answered = selectors.answer_counts(previous, by="question__code")
    return _Earlier(
        counts=counts,
        answered=answered,
        responses=selectors.response_count(previous),
        kinds=selectors.question_kinds(previous),
        label=previous_label(survey, previous),
    )


def _question_result(
    question: Question,
    *,
    counts: AnswerCounts,
    answered: dict[object, int],
    texts: dict[int, list[str]],
    earlier: _Earlier,
) -> QuestionResult:
    """One question's totals, against the earlier survey's when it asked the same (by code and
    kind), with its chart (or its sample of written answers) and its headline measure."""
    result = QuestionResult(question=question, answered=answered.get(question.pk, 0))
    same_kind = earlier.kinds.get(question.code) == question.kind
    if same_kind:
        result.previous_answered = earlier.answered.get(question.code, 0)
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
            row.previous_count = earlier.counts.get((question.code, option), 0)
            row.previous_percent = percent(row.previous_count, result.previous_answered)
        result.options.append(row)
    if question.kind == QuestionKind.SCALE:
        result.mean = _mean(question, counts, question.pk)
        if same_kind:
            result.previous_mean = _mean(question, earlier.counts, question.code)
    if question.kind == QuestionKind.TEXT:
        result.texts = texts.get(question.pk, [])
    else:
        result.chart = charts.question_chart(
            question_id=question.pk,
            title=question.text,
            options=result.options,
            previous_label=earlier.label if same_kind else None,
        )
    if positive:
        result.measure = _measure(result, same_kind=same_kind)
    return result


def _measure(result: QuestionResult, *, same_kind: bool) -> Measure:
    hits = sum(o.count for o in result.options if o.positive)
    before = sum(o.previous_count or 0 for o in result.options if o.positive) if same_kind else None
    return Measure(
        question=result.question,
        positive=hits,
        answered=result.answered,
        percent=percent(hits, result.answered),
        previous_percent=percent(before, result.previous_answered) if before is not None else None,
        target=result.question.target_percent,
        asked_before=same_kind,
    )


def results_for(survey: Survey) -> SurveyResults:
    """Build the results page's figures for `survey`, compared with `survey.compare_with`."""
    counts, answered = selectors.answer_counts(survey, by="question_id")
    texts = selectors.text_samples(survey)
    earlier = _earlier(survey)
    sections: dict[int, SectionResult] = {}
    measures: list[Measure] = []
    for question in selectors.questions_in_order(survey):
        result = _question_result(
            question, counts=counts, answered=answered, texts=texts, earlier=earlier
        )
        if result.measure is not None:
            measures.append(result.measure)
        sections.setdefault(
            question.section_id, SectionResult(section=question.section, questions=[])
        ).questions.append(result)
    return SurveyResults(
        survey=survey,
        previous=survey.compare_with,
        responses=selectors.response_count(survey),
        previous_responses=earlier.responses,
        care_leavers=selectors.care_leavers_by(survey.closes_on),
        sections=list(sections.values()),
        measures=measures,
        measures_chart=charts.measures_chart(measures, previous_label=earlier.label),
    )
