"""Results for the participation team and managers: totals only, year against year, headline
measures against targets, accessible charts, CSV, and a query count that does not grow."""

from __future__ import annotations

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.people.roles import Role
from surveys import results, services
from surveys.models import Answer, Response, Survey
from tests import factories
from tests.surveys.conftest import build_survey, question, send

pytestmark = pytest.mark.django_db


def respond(
    survey: Survey,
    *,
    pa: int = 5,
    safe: str = "Yes",
    control: str = "Yes",
    doing: list[str] | None = None,
    better: str = "",
    person=None,
) -> None:
    person = person or factories.YoungPersonFactory().user
    answers = {
        question(survey, "pa-satisfaction").pk: pa,
        question(survey, "safe-at-home").pk: safe,
        question(survey, "in-control").pk: control,
        question(survey, "doing-now").pk: doing or [],
        question(survey, "make-better").pk: better,
    }
    services.save_draft(survey=survey, person=person, answers=answers, reached=2)
    send(survey, person)


def _survey_with_answers() -> Survey:
    """Five answers: an anonymous survey's answers are shown in groups of five."""
    survey = build_survey()
    respond(survey, pa=5, safe="Yes", doing=["College", "Work"], better="More money")
    respond(survey, pa=4, safe="Yes", doing=["Work"])
    respond(survey, pa=2, safe="No", control="No")
    respond(survey, pa=5, safe="Yes", better='=HYPERLINK("http://x")')
    respond(survey, pa=3, safe="Yes", control="Sometimes")
    return survey


def _by_code(built: results.SurveyResults) -> dict[str, results.QuestionResult]:
    return {q.question.code: q for s in built.sections for q in s.questions}


def test_totals_count_each_answer_and_the_share_of_those_who_answered():
    survey = _survey_with_answers()
    built = results.results_for(survey)
    assert built.responses == 5
    assert built.care_leavers == 5
    assert built.response_rate == 100.0
    items = _by_code(built)
    pa = {o.option: (o.count, o.percent) for o in items["pa-satisfaction"].options}
    assert pa == {"1": (0, 0.0), "2": (1, 20.0), "3": (1, 20.0), "4": (1, 20.0), "5": (2, 40.0)}
    assert items["pa-satisfaction"].mean == 3.8
    doing = {o.option: o.count for o in items["doing-now"].options}
    assert doing == {"College": 1, "Work": 2, "Looking for work": 0}
    assert items["doing-now"].answered == 2  # shares are of the two who answered it
    assert sorted(items["make-better"].texts) == sorted(["More money", '=HYPERLINK("http://x")'])


def test_headline_measures_are_against_their_targets():
    built = results.results_for(_survey_with_answers())
    measures = {m.question.code: m for m in built.measures}
    assert measures["pa-satisfaction"].name == "Happy with their PA"
    assert measures["pa-satisfaction"].percent == 60.0
    assert measures["pa-satisfaction"].target == 100
    assert measures["pa-satisfaction"].met is False
    assert measures["safe-at-home"].percent == 80.0
    assert set(measures) == {"pa-satisfaction", "safe-at-home"}


def test_year_against_year_matches_questions_by_code():
    last_year = build_survey(title="Last year", opens_in=-400, closes_in=-380, skip=("in-control",))
    for pa in (5, 5, 1, 3):
        person = factories.YoungPersonFactory().user
        answers = {
            question(last_year, "pa-satisfaction").pk: pa,
            question(last_year, "safe-at-home").pk: "Yes",
        }
        # Written as the demo writes made-up years: straight to the tables.
        response = Response.objects.create(survey=last_year, submitted_on=last_year.opens_on)
        Answer.objects.create(
            response=response, question=question(last_year, "pa-satisfaction"), scale=pa
        )
        Answer.objects.create(
            response=response, question=question(last_year, "safe-at-home"), choice="Yes"
        )
        del person, answers
    # Named, so its two answers are counted at once (anonymous ones wait for a group of five).
    survey = build_survey(compare_with=last_year, anonymous=False)
    respond(survey, pa=5)
    respond(survey, pa=4)
    built = results.results_for(survey)
    assert built.previous == last_year and built.previous_responses == 4
    items = _by_code(built)
    five = next(o for o in items["pa-satisfaction"].options if o.option == "5")
    assert (five.count, five.percent, five.previous_count, five.previous_percent) == (
        1,
        50.0,
        2,
        50.0,
    )
    assert items["pa-satisfaction"].previous_mean == 3.5
    assert not items["in-control"].compared  # not asked last year
    measure = next(m for m in built.measures if m.question.code == "pa-satisfaction")
    assert (measure.percent, measure.previous_percent) == (100.0, 50.0)
    assert measure.met is True


def _queries_to_build(survey: Survey, client) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as direct:
        results.results_for(survey)
    with CaptureQueriesContext(connection) as page:
        assert client.get(f"/staff/surveys/{survey.pk}/").status_code == 200
    return len(direct), len(page)


def test_the_number_of_queries_does_not_grow_with_the_responses(client, participation):
    last_year = build_survey(title="Last year", opens_in=-400, closes_in=-380)
    survey = build_survey(compare_with=last_year)
    client.force_login(participation)
    for _ in range(5):
        respond(survey, doing=["Work"], better="Words")
    client.get(f"/staff/surveys/{survey.pk}/")  # sessions and permissions cached alike
    with_five = _queries_to_build(survey, client)
    for n in range(45):
        respond(survey, pa=1 + n % 5, doing=["College"], better=f"Words {n}")
    with_fifty = _queries_to_build(survey, client)
    assert with_five == with_fifty
    assert with_five[0] <= 12


def test_the_csv_of_totals(client, participation):
    survey = _survey_with_answers()
    client.force_login(participation)
    response = client.get(f"/staff/surveys/{survey.pk}/totals.csv")
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"] == f'attachment; filename="{survey.slug}-totals.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Section", "Code", "Question", "Answer", "People", "Percent"]
    assert rows[1][2:5] == ["Responses", "", "5"]
    assert [
        "Your PA",
        "safe-at-home",
        "Do you feel safe where you live?",
        "Yes",
        "4",
        "80.0",
    ] in rows


def test_the_csv_of_an_anonymous_survey_has_no_names_and_no_dates(client, participation):
    survey = _survey_with_answers()
    client.force_login(participation)
    response = client.get(f"/staff/surveys/{survey.pk}/answers.csv")
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] == "Response" and "Name" not in rows[0] and "Sent on" not in rows[0]
    assert len(rows) == 6
    assert str(survey.opens_on.year) not in "".join(",".join(r[1:]) for r in rows[1:])
    # A young person's words are never run as a spreadsheet formula.
    assert '\'=HYPERLINK("http://x")' in [cell for row in rows for cell in row]
    assert sorted(r[rows[0].index("What are you doing now? [doing-now]")] for r in rows[1:]) == [
        "",
        "",
        "",
        "College; Work",
        "Work",
    ]


def test_the_csv_of_a_named_survey_has_names(client, participation, young_person):
    survey = build_survey(anonymous=False)
    respond(survey, person=young_person.user)
    client.force_login(participation)
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(f"/staff/surveys/{survey.pk}/answers.csv").content.decode("utf-8-sig")
            )
        )
    )
    assert rows[0][:4] == ["Response", "Name", "Username", "Sent on"]
    assert rows[1][1:3] == [young_person.user.display_name, "young"]


def test_the_results_page_draws_accessible_charts_with_tables(client, participation):
    survey = _survey_with_answers()
    client.force_login(participation)
    page = client.get(f"/staff/surveys/{survey.pk}/").text
    assert page.count('role="img"') == 5  # the measures and the four questions with choices
    assert f'aria-labelledby="q{question(survey, "pa-satisfaction").pk}-title' in page
    assert "Bar chart. 1: Very unhappy: 0% (0 people); 2: 20% (1 person)" in page
    assert "Answers to: How happy are you with your PA?" in page  # the table's caption
    assert "Not met" in page and "More money" in page
    assert "<script" not in page.split("</main>")[0]


def test_a_demo_survey_is_labelled_as_made_up(client, participation):
    last_year = build_survey(title="Last year", opens_in=-400, closes_in=-380)
    Survey.objects.filter(pk=last_year.pk).update(made_up_for_demo=True)
    survey = build_survey(compare_with=last_year)
    client.force_login(participation)
    assert "were made up for the demo" in client.get(f"/staff/surveys/{survey.pk}/").text
    assert "these answers were made up" in client.get(f"/staff/surveys/{last_year.pk}/").text
    assert "Demo data" in client.get("/staff/surveys/").text


@pytest.mark.parametrize(
    ("role", "status"),
    [(Role.PARTICIPATION, 200), (Role.MANAGER, 200), (Role.PA, 403), (Role.EDITOR, 403)],
)
def test_who_may_see_results(client, survey, role, status):
    client.force_login(factories.staff(role))
    for path in [
        "/staff/surveys/",
        f"/staff/surveys/{survey.pk}/",
        f"/staff/surveys/{survey.pk}/answers.csv",
        f"/staff/surveys/{survey.pk}/totals.csv",
    ]:
        assert client.get(path).status_code == status, path


def test_young_people_do_not_see_results(client, survey, young_person):
    client.force_login(young_person.user)
    assert client.get(f"/staff/surveys/{survey.pk}/").status_code == 403
    assert client.get(f"/staff/surveys/{survey.pk}/answers.csv").status_code == 403


def test_results_of_a_survey_that_does_not_exist_are_404(client, participation):
    client.force_login(participation)
    assert client.get("/staff/surveys/999999/").status_code == 404


def test_staff_home_links_to_surveys_for_participation_and_managers(client, participation):
    client.force_login(participation)
    page = client.get("/staff/").text
    assert 'href="/staff/surveys/"' in page and "Build or change a survey" in page
    client.force_login(factories.staff(Role.MANAGER))
    page = client.get("/staff/").text
    assert 'href="/staff/surveys/"' in page and "Build or change a survey" not in page
    client.force_login(factories.staff(Role.PA))
    assert 'href="/staff/surveys/"' not in client.get("/staff/").text
