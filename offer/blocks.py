"""StreamField blocks for the offer's pages. Each has its template in templates/blocks/."""

from __future__ import annotations

import bleach
from wagtail import blocks
from wagtail.rich_text import RichText

# What an editor may put in rich text: the Wagtail features we switch on, and nothing else.
RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4"]
ALLOWED_TAGS = ["p", "b", "strong", "i", "em", "a", "ol", "ul", "li", "h3", "h4", "br"]
ALLOWED_ATTRIBUTES = {"a": ["href", "linktype", "id"]}


def sanitise(html: str) -> str:
    """Strip anything an editor or an import could sneak into rich text (scripts, styles,
    event handlers), keeping Wagtail's own internal-link markup."""
    return bleach.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, strip=True)


class SafeRichTextBlock(blocks.RichTextBlock):
    """Rich text that is sanitised whenever it is saved, whoever saves it."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    def get_prep_value(self, value):
        source = value.source if isinstance(value, RichText) else str(value or "")
        return sanitise(source)

    def to_python(self, value):
        return RichText(sanitise(value or ""))


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        template = "blocks/heading.html"
        help_text = "A short sub-heading (shown as a level 2 heading)."


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=200)
    answer = SafeRichTextBlock()


class QuestionsBlock(blocks.ListBlock):
    """Questions young people ask, shown as an accordion that opens without JavaScript."""

    def __init__(self, **kwargs) -> None:
        super().__init__(QuestionBlock(), **kwargs)

    class Meta:
        icon = "help"
        template = "blocks/questions.html"


class AskPABlock(blocks.StructBlock):
    """A button that opens a message to the young person's Personal Adviser (PA)."""

    text = blocks.CharBlock(
        max_length=120,
        default="Ask your Personal Adviser (PA) about this",
        help_text="What the button says.",
    )

    class Meta:
        icon = "mail"
        template = "blocks/ask_pa.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = SafeRichTextBlock(template="blocks/paragraph.html", icon="pilcrow")
    questions = QuestionsBlock()
    ask_pa = AskPABlock()


class StepsBlock(blocks.StreamBlock):
    step = blocks.CharBlock(max_length=300, icon="list-ol", help_text="One thing to do.")
