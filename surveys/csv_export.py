"""CSV downloads of a survey's results, for the participation team's own reports.

- Answers: one row per response, one column per question. For a named survey each row starts
  with the person's name and the date; for an anonymous one there are no names and no dates, and
  rows come in the order of their random ids, so the file cannot be lined up with who answered
  when.
- Totals: one row per question and answer, with the earlier survey's figures beside them.

Cells are written so a spreadsheet never runs them as formulas (young people's words can start
with "=", "+", "-" or "@").
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Iterator

from django.http import HttpResponse

from surveys.models import Answer, Question, QuestionKind, Response, ResponseAuthor, Survey
from surveys.results import SurveyResults

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe(value: object) -> str:
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def csv_response(filename: str, rows: Iterable[list[object]]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    response.write("\ufeff")  # so Excel reads the file as UTF-8
    writer = csv.writer(response)
    for row in rows:
        writer.writerow([safe(cell) for cell in row])
    return response


def answer_rows(survey: Survey) -> Iterator[list[object]]:
    """One row per response. Four queries whatever the number of responses."""
    questions = list(
        Question.objects.filter(section__survey=survey).order_by(
            "section__sort_order", "section__pk", "sort_order", "pk"
        )
    )
    named = not survey.anonymous
    header: list[object] = ["Response"]
    if named:
        header += ["Name", "Username", "Sent on"]
    header += [f"{q.text} [{q.code}]" for q in questions]
    yield header

    given: dict[object, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    answers = Answer.objects.filter(response__survey=survey).values_list(
        "response_id", "question_id", "choice", "scale", "text"
    )
    for response_id, question_id, choice, scale, text in answers:
        given[response_id][question_id].append(
            str(scale) if scale is not None else (choice or text)
        )
    responses = Response.objects.filter(survey=survey)
    if named:
        authors = {
            a.response_id: a.person
            for a in ResponseAuthor.objects.filter(response__survey=survey).select_related("person")
        }
        rows = responses.order_by("submitted_on", "id").values_list("id", "submitted_on")
    else:
        # Random ids: an order that says nothing about who answered or when.
        rows = responses.order_by("id").values_list("id", "submitted_on")
    for number, (response_id, submitted_on) in enumerate(rows, start=1):
        row: list[object] = [number]
        if named:
            person = authors.get(response_id)
            row += [
                person.display_name if person else "(account deleted)",
                person.username if person else "",
                submitted_on.isoformat() if submitted_on else "",
            ]
        for question in questions:
            values = given[response_id].get(question.pk, [])
            if question.kind == QuestionKind.MULTIPLE:
                # In the order the options are offered: rows are stored in random order.
                order = {option: n for n, option in enumerate(question.options)}
                row.append("; ".join(sorted(values, key=lambda v: (order.get(v, len(order)), v))))
            else:
                row.append(values[0] if values else "")
        yield row


def _number(value: float | None) -> object:
    return "" if value is None else value


def total_rows(results: SurveyResults) -> Iterator[list[object]]:
    """One row per question and answer, from the results already counted for the page.
    Percentages are of the people who answered that question; the first row's is of all care
    leavers with an account (the response rate)."""
    compared = results.previous is not None
    header = ["Section", "Code", "Question", "Answer", "People", "Percent"]
    if compared:
        header += [f"{results.previous_label}: people", f"{results.previous_label}: percent"]
    yield header
    yield [
        "",
        "",
        "Responses",
        "",
        results.responses,
        _number(results.response_rate),
        *([results.previous_responses, ""] if compared else []),
    ]
    for section in results.sections:
        for item in section.questions:
            question = item.question
            base = [section.section.title, question.code, question.text]
            if question.kind == QuestionKind.TEXT:
                yield [
                    *base,
                    "(written answers)",
                    item.answered,
                    "",
                    *([item.previous_answered or "", ""] if compared else []),
                ]
                continue
            for option in item.options:
                row = [*base, option.label, option.count, _number(option.percent)]
                if compared:
                    row += (
                        [option.previous_count, _number(option.previous_percent)]
                        if item.compared
                        else ["", ""]
                    )
                yield row
