"""One form per survey section, built from its questions: plain radios, checkboxes and text
boxes that work with JavaScript off and fit a 320 px screen."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict

from portal.hostile_text import has_nul_or_lone_surrogate
from surveys.models import TEXT_LIMIT, Question, QuestionKind, Section
from surveys.services import AnswerValue

NOT_TEXT = (
    "Your words hold a character that isn't text (a hidden control character, or half of an "
    "emoji). Take it out and try again."
)


def only_text(value: str) -> None:
    """Refuse a lone surrogate: nothing can encode it, and it is never what a person meant to
    write (issue 15). A NUL, which PostgreSQL cannot store, is refused by Django's own
    CharField validator, given the same message by `error_messages` below."""
    if value and "\x00" not in value and has_nul_or_lone_surrogate(value):
        raise ValidationError(NOT_TEXT, code="not_text")


def field_name(question: Question) -> str:
    return f"q{question.pk}"


def _label(question: Question) -> str:
    return question.text if question.required else f"{question.text} (optional)"


def _field_for(question: Question, *, required: bool) -> forms.Field:
    common: dict[str, Any] = {"label": _label(question), "required": required}
    hint = question.hint
    if question.kind == QuestionKind.TEXT:
        return forms.CharField(
            widget=forms.Textarea(attrs={"rows": 4}),
            max_length=TEXT_LIMIT,
            help_text=hint,
            validators=[only_text],
            error_messages={
                "required": "Write an answer",
                "null_characters_not_allowed": NOT_TEXT,
                "max_length": f"Keep your answer under {TEXT_LIMIT} characters (it has "
                "%(show_value)d).",
            },
            **common,
        )
    if question.kind == QuestionKind.MULTIPLE:
        return forms.MultipleChoiceField(
            choices=[(o, o) for o in question.options],
            widget=forms.CheckboxSelectMultiple,
            help_text=" ".join(part for part in [hint, "Choose all that apply."] if part),
            error_messages={
                "required": "Choose at least one answer",
                "invalid_choice": "Choose from the answers shown.",
            },
            **common,
        )
    if question.kind == QuestionKind.SCALE:
        return forms.TypedChoiceField(
            choices=[(o, question.option_label(o)) for o in question.options],
            coerce=int,
            empty_value=None,
            widget=forms.RadioSelect,
            help_text=hint,
            error_messages={
                "required": "Choose a number from 1 to 5",
                "invalid_choice": "Choose a number from 1 to 5.",
            },
            **common,
        )
    return forms.ChoiceField(
        choices=[(o, o) for o in question.options],
        widget=forms.RadioSelect,
        help_text=hint,
        error_messages={
            "required": "Choose an answer",
            "invalid_choice": "Choose one of the answers shown.",
        },
        **common,
    )


class SectionForm(forms.Form):
    """The questions of one section. `lenient` drops "required", for saving a half-done page:
    what is valid is kept, what is not is left out."""

    def __init__(
        self,
        data: QueryDict | None = None,
        *,
        section: Section,
        saved: dict[str, AnswerValue] | None = None,
        lenient: bool = False,
    ) -> None:
        self.section = section
        self.questions = list(section.questions.all())
        saved = saved or {}
        initial = {field_name(q): saved[str(q.pk)] for q in self.questions if str(q.pk) in saved}
        super().__init__(data, initial=initial)
        for question in self.questions:
            self.fields[field_name(question)] = _field_for(
                question, required=question.required and not lenient
            )

    def answers(self) -> dict[int, AnswerValue | None]:
        """The answers that validated, by question id (invalid ones are left out)."""
        cleaned = getattr(self, "cleaned_data", {})
        return {q.pk: cleaned[field_name(q)] for q in self.questions if field_name(q) in cleaned}


def as_form_data(section: Section, saved: dict[str, AnswerValue]) -> QueryDict:
    """A draft's answers as if they had been posted, to show what a section still needs."""
    data = QueryDict(mutable=True)
    for question in section.questions.all():
        value = saved.get(str(question.pk))
        if value in (None, "", []):
            continue
        values = value if isinstance(value, list) else [value]
        data.setlist(field_name(question), [str(v) for v in values])
    return data


def section_form_to_show(
    section: Section, saved: dict[str, AnswerValue], *, check: bool
) -> SectionForm:
    """The section's form as first shown, holding the draft's answers. Sent from "Check your
    answers" with something missing (`check`), it is validated at once to show what."""
    if check:
        form = SectionForm(as_form_data(section, saved), section=section)
        form.is_valid()
        return form
    return SectionForm(section=section, saved=saved)


class SectionPost:
    """One section's POST, read two ways: strictly ("Continue" needs every required answer) and
    leniently (what is valid is kept in the draft, whichever button was pressed)."""

    def __init__(self, data: QueryDict, *, section: Section, saved: dict[str, AnswerValue]) -> None:
        self.save_for_later = "save" in data
        self._strict = SectionForm(data, section=section, saved=saved)
        self._lenient = SectionForm(data, section=section, saved=saved, lenient=True)
        self._lenient.is_valid()
        self.complete = not self.save_for_later and self._strict.is_valid()

    @property
    def form(self) -> SectionForm:
        """The form to show again: with its errors after "Continue", without after "Save"."""
        return self._lenient if self.save_for_later else self._strict

    def answers(self) -> dict[int, AnswerValue | None]:
        """The answers to keep in the draft: every one that is valid."""
        return self._lenient.answers()


@dataclass
class SummaryPart:
    """One section on "Check your answers": its questions and the answers as words."""

    section: Section
    step: int
    rows: list[dict[str, Any]] = field(default_factory=list)


def _shown(question: Question, value: AnswerValue | None) -> str:
    if value in (None, "", []):
        return ""
    if question.kind == QuestionKind.MULTIPLE:
        return ", ".join(value if isinstance(value, list) else [str(value)])
    if question.kind == QuestionKind.SCALE:
        return question.option_label(str(value))
    return str(value)


def answer_summary(sections: list[Section], saved: dict[str, AnswerValue]) -> list[SummaryPart]:
    """A draft's answers, section by section, as a young person reads them back before sending."""
    return [
        SummaryPart(
            section=part,
            step=index,
            rows=[
                {"question": question, "answer": _shown(question, saved.get(str(question.pk)))}
                for question in part.questions.all()
            ],
        )
        for index, part in enumerate(sections, start=1)
    ]
