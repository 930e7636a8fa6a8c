"""Demo surveys: this year's annual care leaver survey, open now, and last year's, closed, with
60 made-up responses so the results can be compared year against year. Called by
`manage.py demo`.

The questions are the ones councils ask in their annual care leaver survey (see
`../shared/seeds/`): satisfaction with the Personal Adviser (PA), knowing how to get help with
education, training and work (EET), feeling in control of decisions, feeling safe at home,
knowing what you can get, having someone to talk to about your health, being listened to.

Last year's answers are invented here and only here: the survey is marked `made_up_for_demo`
and its title says so, and the results page says so wherever its figures appear. They are
written straight to the tables because no person gave them (real answers only ever come through
`surveys.services.submit_survey`).

Safe to run again: surveys are found by slug and put back as described here; questions are
matched by code, so anything a demo user has answered is kept.
"""

from __future__ import annotations

import datetime
import random

from django.db import transaction
from django.utils import timezone

from portal.people.models import User
from surveys.models import (
    ActivityKind,
    Answer,
    ParticipationEntry,
    Question,
    QuestionKind,
    Response,
    Section,
    Session,
    SessionKind,
    Survey,
)

THIS_YEAR_SLUG = "annual-care-leaver-survey"
LAST_YEAR_SLUG = "annual-care-leaver-survey-last-year-demo"
MADE_UP_RESPONSES = 60
SEED = 2025  # the same made-up answers every time

YES_NOT_SURE_NO = "Yes\nNot sure\nNo"
YES_SOMETIMES_NO = "Yes\nSometimes\nNo"

INTRO = (
    "Every year we ask young people who have left our care how things are going. Your answers "
    "help us change what the leaving care team does, and what the council offers you.\n\n"
    "You can skip the questions that say 'optional'."
)

# Section title, intro, then questions: code, kind, text, extra fields.
SECTIONS: list[dict] = [
    {
        "title": "Your Personal Adviser (PA)",
        "intro": "Your PA is the person from the leaving care team who supports you.",
        "questions": [
            {
                "code": "pa-satisfaction",
                "kind": QuestionKind.SCALE,
                "text": "How happy are you with the support you get from your PA?",
                "scale_low": "Very unhappy",
                "scale_high": "Very happy",
                "positive_answers": "4\n5",
                "measure": "Happy with their PA",
                "target_percent": 100,
            },
            {
                "code": "pa-in-touch",
                "kind": QuestionKind.SINGLE,
                "text": "How often do you hear from your PA?",
                "choices": "At least once a month\nAbout every 2 months\n"
                "Less often than every 2 months\nI don't know who my PA is",
                "positive_answers": "At least once a month\nAbout every 2 months",
                "measure": "Hear from their PA at least every 2 months",
            },
            {
                "code": "pa-knows-me",
                "kind": QuestionKind.SINGLE,
                "text": "Do you feel your PA knows you well?",
                "choices": YES_SOMETIMES_NO,
            },
        ],
    },
    {
        "title": "Where you live",
        "intro": "",
        "questions": [
            {
                "code": "safe-at-home",
                "kind": QuestionKind.SINGLE,
                "text": "Do you feel safe where you live?",
                "choices": "Yes, always\nMost of the time\nNot often\nNo",
                "positive_answers": "Yes, always\nMost of the time",
                "measure": "Feel safe where they live",
                "target_percent": 100,
            },
            {
                "code": "housing-options",
                "kind": QuestionKind.SINGLE,
                "text": "Do you know what your choices are for where to live next, and who can "
                "help?",
                "choices": YES_NOT_SURE_NO,
            },
        ],
    },
    {
        "title": "Education, training and work",
        "intro": "",
        "questions": [
            {
                "code": "eet-know-how",
                "kind": QuestionKind.SINGLE,
                "text": "Do you know how to get help with education, training or work?",
                "hint": "This is sometimes called EET (education, employment and training): "
                "college, university, an apprenticeship, a course or a job.",
                "choices": YES_NOT_SURE_NO,
                "positive_answers": "Yes",
                "measure": "Know how to get help with education, training or work (EET)",
            },
            {
                "code": "eet-now",
                "kind": QuestionKind.MULTIPLE,
                "text": "What are you doing at the moment?",
                "choices": "College or sixth form\nUniversity\nAn apprenticeship\nWorking\n"
                "Volunteering or a training course\nLooking for work\nLooking after my child\n"
                "None of these right now",
            },
        ],
    },
    {
        "title": "Having your say",
        "intro": "",
        "questions": [
            {
                "code": "in-control",
                "kind": QuestionKind.SINGLE,
                "text": "Do you feel in control of the decisions that affect your life?",
                "choices": YES_SOMETIMES_NO,
                "positive_answers": "Yes",
                "measure": "Feel in control of decisions about them",
            },
            {
                "code": "listened-to",
                "kind": QuestionKind.SINGLE,
                "text": "Does the leaving care team listen to you and act on what you say?",
                "choices": YES_SOMETIMES_NO,
            },
            {
                "code": "know-offer",
                "kind": QuestionKind.SINGLE,
                "text": "Do you know what help and money you can get from the council?",
                "hint": "This is the council's local offer for care leavers.",
                "choices": "Yes\nSome of it\nNo",
                "positive_answers": "Yes",
                "measure": "Know what they can get",
            },
            {
                "code": "health-someone",
                "kind": QuestionKind.SINGLE,
                "text": "Do you have someone to talk to about your health, including how you feel?",
                "choices": YES_NOT_SURE_NO,
            },
            {
                "code": "make-better",
                "kind": QuestionKind.TEXT,
                "text": "What would make things better for you?",
                "hint": "Anything at all: your PA, your home, money, college or work.",
                "required": False,
            },
        ],
    },
]

# How last year's 60 made-up young people answered: weights per option, in the order above.
# Shaped on the seeds' own figures (94% happy with their PA, 90% know how to get help with
# EET, 85% feel in control, 30% not aware of what they can get).
MADE_UP_WEIGHTS: dict[str, list[int]] = {
    "pa-satisfaction": [1, 1, 2, 17, 39],
    "pa-knows-me": [40, 14, 6],
    "safe-at-home": [44, 11, 3, 2],
    "housing-options": [33, 17, 10],
    "eet-know-how": [54, 4, 2],
    "in-control": [51, 6, 3],
    "listened-to": [38, 16, 6],
    "know-offer": [42, 12, 6],
    "health-someone": [50, 6, 4],
}
MADE_UP_EET = {  # chance of ticking each option of "What are you doing at the moment?"
    "College or sixth form": 0.3,
    "University": 0.07,
    "An apprenticeship": 0.08,
    "Working": 0.2,
    "Volunteering or a training course": 0.1,
    "Looking for work": 0.2,
    "Looking after my child": 0.08,
}
# Last year did not ask these yet: the results say "not asked last year".
NOT_ASKED_LAST_YEAR = {"pa-in-touch"}
MADE_UP_WORDS = [
    "More help with bills when I first moved into my flat.",
    "Being able to text my PA instead of always ringing.",
    "A drop-in on Saturdays, because I work in the week.",
    "Help to learn to drive so I can get to work.",
    "Meeting other care leavers my age.",
    "Knowing sooner what happens when I turn 21.",
    "My PA changed three times this year. Keeping the same one.",
    "Cheaper bus travel to college.",
    "Somebody to help me fill in forms.",
    "More help with how I feel, not just practical stuff.",
    "A clear list of what I can get, in one place.",
    "Being told about apprenticeships earlier.",
    "Help with furniture that actually arrives on time.",
    "Someone to call in the evening when the office is shut.",
]


def put_survey(
    *,
    slug: str,
    title: str,
    opens_on: datetime.date,
    closes_on: datetime.date,
    compare_with: Survey | None,
    made_up: bool,
    skip: set[str],
) -> Survey:
    """Create or update the survey `slug` with the annual survey's sections and questions
    (leaving out the codes in `skip`). Also used by `bench/surveys.py`."""
    survey = Survey.objects.filter(slug=slug).first() or Survey(slug=slug)
    survey.title, survey.intro, survey.anonymous = title, INTRO, True
    survey.opens_on, survey.closes_on = opens_on, closes_on
    survey.compare_with, survey.made_up_for_demo = compare_with, made_up
    survey.save()
    sections = list(survey.sections.all())
    wanted_codes: set[str] = set()
    for index, spec in enumerate(SECTIONS):
        section = sections[index] if index < len(sections) else Section(survey=survey)
        section.title, section.intro, section.sort_order = spec["title"], spec["intro"], index
        section.save()
        for order, fields in enumerate(q for q in spec["questions"] if q["code"] not in skip):
            wanted_codes.add(fields["code"])
            question = Question.objects.filter(
                section__survey=survey, code=fields["code"]
            ).first() or Question(code=fields["code"])
            defaults = {
                "hint": "",
                "choices": "",
                "scale_low": "",
                "scale_high": "",
                "positive_answers": "",
                "measure": "",
                "target_percent": None,
                "required": True,
            }
            for name, value in {**defaults, **fields}.items():
                setattr(question, name, value)
            question.section, question.sort_order = section, order
            question.full_clean(exclude=["section"])
            question.save()
    stale = Question.objects.filter(section__survey=survey).exclude(code__in=wanted_codes)
    stale.filter(answers__isnull=True).delete()
    Section.objects.filter(
        survey=survey, sort_order__gte=len(SECTIONS), questions__isnull=True
    ).delete()
    return survey


def _made_up_responses(survey: Survey) -> None:
    """Last year's 60 invented responses, the same every time (a fixed random seed)."""
    if Response.objects.filter(survey=survey).count() == MADE_UP_RESPONSES:
        return
    Response.objects.filter(survey=survey).delete()
    dice = random.Random(SEED)  # noqa: S311  made-up demo answers, not security
    questions = {q.code: q for q in Question.objects.filter(section__survey=survey)}
    days = (survey.closes_on - survey.opens_on).days
    responses, answers = [], []
    for _ in range(MADE_UP_RESPONSES):
        day = survey.opens_on + datetime.timedelta(dice.randint(0, days))
        response = Response(survey=survey, submitted_on=None if survey.anonymous else day)
        responses.append(response)
        for code, weights in MADE_UP_WEIGHTS.items():
            question = questions[code]
            option = dice.choices(question.options, weights=weights)[0]
            if question.kind == QuestionKind.SCALE:
                answers.append(Answer(response=response, question=question, scale=int(option)))
            else:
                answers.append(Answer(response=response, question=question, choice=option))
        doing = [o for o, chance in MADE_UP_EET.items() if dice.random() < chance]
        for option in doing or ["None of these right now"]:
            answers.append(Answer(response=response, question=questions["eet-now"], choice=option))
        if dice.random() < 0.35:
            words = dice.choice(MADE_UP_WORDS)
            answers.append(Answer(response=response, question=questions["make-better"], text=words))
    Response.objects.bulk_create(responses)
    Answer.objects.bulk_create(answers)


@transaction.atomic
def load() -> list[Survey]:
    """Put the two demo surveys in place; return them, this year's first."""
    today = timezone.localdate()
    opens_on = today - datetime.timedelta(days=14)
    closes_on = today + datetime.timedelta(days=28)
    last_opens = opens_on - datetime.timedelta(days=365)
    last_year = put_survey(
        slug=LAST_YEAR_SLUG,
        title=f"Annual care leaver survey {last_opens.year} (demo data: made-up answers)",
        opens_on=last_opens,
        closes_on=last_opens + (closes_on - opens_on),
        compare_with=None,
        made_up=True,
        skip=NOT_ASKED_LAST_YEAR,
    )
    _made_up_responses(last_year)
    this_year = put_survey(
        slug=THIS_YEAR_SLUG,
        title=f"Annual care leaver survey {opens_on.year}",
        opens_on=opens_on,
        closes_on=closes_on,
        compare_with=last_year,
        made_up=False,
        skip=set(),
    )
    load_sessions()
    load_participation()
    return [this_year, last_year]


MEET_THE_MANAGER_TITLE = "Meet the manager"
FORUM_TITLE = "Care leavers forum"


def _next_weekday(today: datetime.date, weekday: int, at_least: int) -> datetime.date:
    day = today + datetime.timedelta(days=at_least)
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


def load_sessions() -> list[Session]:
    """One upcoming meet-the-manager session (hosted by the demo manager) and one upcoming care
    leavers forum. Found by kind and title and moved forward if they have passed; bookings kept."""
    host = User.objects.filter(username="morgan.manager").first()
    if host is None:
        return []
    forum_host = User.objects.filter(username="alex.participation").first() or host
    today = timezone.localdate()
    zone = timezone.get_current_timezone()

    def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
        return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=zone)

    manager_day = _next_weekday(today, 2, 10)  # a Wednesday at least 10 days away
    forum_day = _next_weekday(today, 3, 14)  # a Thursday at least 14 days away
    specs = [
        {
            "kind": SessionKind.MEET_THE_MANAGER,
            "title": MEET_THE_MANAGER_TITLE,
            "host": host,
            "capacity": 12,
            "starts_at": at(manager_day, 17, 30),
            "ends_at": at(manager_day, 18, 30),
            "place": "The Hub, 14 Market Street (upstairs room, there is a lift)",
            "online_link": "",
            "travel_help_available": False,
            "description": "Ask the leaving care service manager anything: your PA, money, "
            "housing, what the council offers. Pizza and drinks. Send a question in advance if "
            "you'd rather not ask it out loud.",
        },
        {
            "kind": SessionKind.FORUM,
            "title": FORUM_TITLE,
            "host": forum_host,
            "capacity": 20,
            "starts_at": at(forum_day, 16),
            "ends_at": at(forum_day, 18),
            "place": "Youth centre, 3 Station Road",
            "online_link": "",
            "travel_help_available": True,
            "description": "Young people who have left care meet every month to talk about "
            "what needs to change, and tell the council. Food provided. We can help with bus "
            "fares or a lift.",
        },
    ]
    sessions = []
    for spec in specs:
        session = Session.objects.filter(kind=spec["kind"], title=spec["title"]).first()
        if session is None or session.starts_at <= timezone.now():
            session = session or Session(kind=spec["kind"], title=spec["title"])
            for name, value in spec.items():
                setattr(session, name, value)
        else:
            for name in [
                "host",
                "capacity",
                "place",
                "online_link",
                "travel_help_available",
                "description",
            ]:
                setattr(session, name, spec[name])
        session.full_clean()
        session.save()
        sessions.append(session)
    return sessions


def load_participation() -> list[ParticipationEntry]:
    """Two entries the participation team added by hand to the demo young person's record: an
    interview panel and a celebration event, both in the last two months. Found by title, so
    running the demo again adds nothing."""
    person = User.objects.filter(username="jordan").first()
    officer = User.objects.filter(username="alex.participation").first()
    if person is None or officer is None:
        return []
    today = timezone.localdate()
    specs = [
        (ActivityKind.INTERVIEW_PANEL, "Interview panel for a new Personal Adviser (PA)", 45),
        (ActivityKind.CELEBRATION, "Care leavers celebration evening", 24),
    ]
    entries = []
    for kind, title, days_ago in specs:
        entry, _ = ParticipationEntry.objects.get_or_create(
            person=person,
            kind=kind,
            title=title,
            defaults={
                "took_part_on": today - datetime.timedelta(days=days_ago),
                "added_by": officer,
            },
        )
        entries.append(entry)
    return entries
