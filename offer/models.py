"""The local offer's Wagtail pages: the offer's home, its sections, entitlements, the glossary.

Each page type keeps its fields, admin panels, parent and child types and search fields together.
An entitlement's eligibility is plain fields checked by `offer.eligibility.decide`, and the page
says who can get it in words written from the same rules (`offer.eligibility.who_can_get_it`).

A page's context is built from the pages themselves and the pure eligibility rules, never from
`offer.selectors`, which reads these models: so the two modules do not import each other.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from offer import eligibility
from offer.blocks import BodyBlock, StepsBlock
from offer.eligibility import OLDEST, STATUS_AT_18, Person, Rules, decide
from portal.fields import ChoiceListField
from portal.people.choices import Circumstance, LeavingCareStatus

# The offer is reviewed with care leavers at least once a year.
REVIEW_EVERY = datetime.timedelta(days=365)

# Circumstances that cannot all be true at once: "not in education or work" and being in one.
CONTRADICTIONS = [
    (
        Circumstance.NOT_IN_EDUCATION_OR_WORK,
        {
            Circumstance.IN_FURTHER_EDUCATION,
            Circumstance.IN_HIGHER_EDUCATION,
            Circumstance.IN_APPRENTICESHIP,
            Circumstance.IN_WORK,
        },
    ),
]

# The ages at which each status can be held (the law's definitions, see DOMAIN.md).
STATUS_AGES = {
    LeavingCareStatus.ELIGIBLE: range(16, 18),
    LeavingCareStatus.RELEVANT: range(16, 18),
    LeavingCareStatus.FORMER_RELEVANT: range(18, OLDEST + 1),
    LeavingCareStatus.QUALIFYING: range(16, OLDEST + 1),
}
assert set(STATUS_AT_18) <= set(STATUS_AGES)


class ReviewedPage(Page):
    """Every offer page says when it was last checked, with care leavers."""

    last_reviewed = models.DateField(
        null=True,
        blank=True,
        help_text="When this page was last checked with care leavers. Shown on the page; "
        "pages older than a year appear in the 'Offer pages due for review' report.",
    )

    class Meta:
        abstract = True

    @property
    def review_due(self) -> bool:
        return not self.last_reviewed or (timezone.localdate() - self.last_reviewed > REVIEW_EVERY)


class OfferHomePage(ReviewedPage):
    intro = models.TextField(help_text="Two or three sentences at the top of the page.")

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("last_reviewed")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["offer.OfferSectionPage", "offer.GlossaryPage"]
    max_count = 1
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = "local offer home"

    def published_sections(self) -> list[tuple[OfferSectionPage, list[EntitlementPage]]]:
        """Its live, public sections in order, each with its live, public entitlements: what
        the offer publishes, in two queries. An entitlement under an unpublished section is not
        offered. The home page lists these, and `offer.selectors.published_offer` keeps a
        snapshot of them for the checker, My page, the API and the chatbot."""
        sections = OfferSectionPage.objects.child_of(self).live().public().order_by("path")
        under: dict[str, list[EntitlementPage]] = {section.path: [] for section in sections}
        for page in EntitlementPage.objects.descendant_of(self).live().public().order_by("path"):
            siblings = under.get(page.path[: -page.steplen])
            if siblings is not None:
                siblings.append(page)
        return [(section, under[section.path]) for section in sections]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.published_sections()
        context["glossary"] = GlossaryPage.objects.child_of(self).live().first()
        return context


class OfferSectionPage(ReviewedPage):
    intro = models.TextField(help_text="One or two sentences about this part of the offer.")

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("last_reviewed")]
    parent_page_types = ["offer.OfferHomePage"]
    subpage_types = ["offer.EntitlementPage"]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = "local offer section"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["entitlements"] = (
            EntitlementPage.objects.child_of(self).live().public().order_by("path")
        )
        return context


class EntitlementPage(ReviewedPage):
    """One thing the council offers, with the rules for who can get it."""

    summary = models.CharField(
        max_length=200, help_text="One or two sentences: what it is and who it is for."
    )
    amount_gbp = models.PositiveIntegerField(
        "amount in pounds",
        null=True,
        blank=True,
        help_text="Leave empty if there is no set amount.",
    )
    min_age = models.PositiveSmallIntegerField(
        "from age", validators=[MaxValueValidator(120)], help_text="In completed years."
    )
    max_age = models.PositiveSmallIntegerField(
        "up to and including age",
        validators=[MaxValueValidator(120)],
        help_text="24 means until the 25th birthday.",
    )
    statuses = ChoiceListField(
        "leaving-care statuses",
        item_choices=LeavingCareStatus.choices,
        help_text="Who can get it. Choose at least one.",
    )
    requires_any = ChoiceListField(
        "needs at least one of",
        item_choices=Circumstance.choices,
        blank=True,
        help_text="Leave all empty if no circumstance is needed.",
    )
    requires_all = ChoiceListField(
        "needs every one of", item_choices=Circumstance.choices, blank=True
    )
    steps = StreamField(StepsBlock(), blank=True, help_text="How to get it, one step each.")
    who_to_ask = models.CharField(max_length=255, blank=True)
    body = StreamField(BodyBlock(), blank=True)
    search_terms = models.TextField(
        "words young people use",
        blank=True,
        help_text="Comma-separated words and phrases young people type when they look for "
        "this, slang and misspellings included (e.g. 'furniture money, moving out grant'). "
        "Search and the chatbot use them.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("amount_gbp"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("min_age"), FieldPanel("max_age")]),
                FieldPanel("statuses"),
                FieldPanel("requires_any"),
                FieldPanel("requires_all"),
            ],
            heading="Who can get it",
        ),
        FieldPanel("steps"),
        FieldPanel("who_to_ask"),
        FieldPanel("body"),
        FieldPanel("search_terms"),
        FieldPanel("last_reviewed"),
    ]
    parent_page_types = ["offer.OfferSectionPage"]
    subpage_types: list[str] = []
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("search_terms", boost=3),
        index.SearchField("who_to_ask"),
        index.SearchField("body"),
        index.AutocompleteField("search_terms"),
    ]

    class Meta:
        verbose_name = "entitlement"

    @property
    def rules(self) -> Rules:
        return Rules.of(
            min_age=self.min_age,
            max_age=self.max_age,
            statuses=self.statuses,
            requires_any=self.requires_any,
            requires_all=self.requires_all,
        )

    @property
    def who_can_get_it(self) -> list[str]:
        """The rules in plain sentences, for the page: from the rules `decide` checks."""
        return eligibility.who_can_get_it(self.rules)

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list[str]] = {}
        if self.min_age is not None and self.max_age is not None and self.min_age > self.max_age:
            errors.setdefault("max_age", []).append(
                f"The top age ({self.max_age}) is below the starting age ({self.min_age})."
            )
        if not self.statuses:
            errors.setdefault("statuses", []).append("Choose at least one status.")
        elif self.min_age is not None and self.max_age is not None:
            ages = range(self.min_age, self.max_age + 1)
            if not any(set(ages) & set(STATUS_AGES.get(s, ())) for s in self.statuses):
                errors.setdefault("statuses", []).append(
                    f"Nobody aged {self.min_age} to {self.max_age} can have these statuses: "
                    "eligible and relevant are 16 and 17, former relevant 18 to 25."
                )
        both = set(self.requires_all or [])
        for absent, present in CONTRADICTIONS:
            if absent in both and both & present:
                errors.setdefault("requires_all", []).append(
                    f"Nobody can be '{Circumstance(absent).label}' and "
                    f"'{Circumstance(sorted(both & present)[0]).label}' at once."
                )
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A signed-in young person is told whether it looks like theirs, as on the day asked.
        # Only visitors' pages are cached (page_cache.cacheable), so this is never shared.
        profile = (
            getattr(request.user, "young_person", None) if request.user.is_authenticated else None
        )
        context["personal"] = (
            decide(self.rules, Person.of(profile, on=timezone.localdate())) if profile else None
        )
        return context


class GlossaryTermBlock(blocks.StructBlock):
    term = blocks.CharBlock(max_length=100)
    meaning = blocks.TextBlock()


class GlossaryPage(ReviewedPage):
    """Words and short forms used in the offer, explained."""

    intro = models.TextField(blank=True)
    terms = StreamField([("term", GlossaryTermBlock())], blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("terms"),
        FieldPanel("last_reviewed"),
    ]
    parent_page_types = ["offer.OfferHomePage"]
    subpage_types: list[str] = []
    max_count = 1
    search_fields = [*Page.search_fields, index.SearchField("terms")]

    class Meta:
        verbose_name = "glossary"
