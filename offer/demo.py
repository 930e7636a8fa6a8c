"""Publish the demo local offer: the offer's home, six sections, one page per entitlement of the
contract (same slug, section and rules) and a glossary. Called by `manage.py demo`.

Safe to run again: pages are found by slug and brought back to the text and rules in
`offer/demo_content.py`, then published. The offer's home becomes the Wagtail site's root, so
it is served at /offer/.
"""

from __future__ import annotations

import datetime
import html

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import GroupPagePermission, Locale, Page, Site

from offer import demo_content as content
from offer.models import EntitlementPage, GlossaryPage, OfferHomePage, OfferSectionPage
from portal.people.roles import GROUP_NAMES, Role

OFFER_SLUG = "offer"


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{html.escape(part.strip())}</p>" for part in text.split("\n\n") if part)


def _body(blocks: list[dict]) -> list[tuple[str, object]]:
    stream: list[tuple[str, object]] = []
    for block in blocks:
        kind = block["type"]
        if kind == "paragraph":
            stream.append(("paragraph", _paragraphs(block["text"])))
        elif kind == "heading":
            stream.append(("heading", block["text"]))
        elif kind == "questions":
            stream.append(
                (
                    "questions",
                    [
                        {"question": item["question"], "answer": _paragraphs(item["answer"])}
                        for item in block["items"]
                    ],
                )
            )
        elif kind == "ask_pa":
            stream.append(("ask_pa", {"text": block["text"]}))
        else:
            raise ValueError(f"Unknown demo block type {kind!r}")
    return stream


def _put(parent: Page, model, slug: str, **fields) -> Page:
    """Create or update a child page by slug, and publish it."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    page.full_clean()
    page.save_revision().publish()
    return model.objects.get(pk=page.pk)


def _make_root() -> Page:
    """Wagtail's migrations make the tree's root; an emptied database (a flushed test database,
    say) needs it made again."""
    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    return Page.add_root(instance=Page(title="Root", slug="root", live=True))


def _let_editors_publish(home: OfferHomePage) -> None:
    """Content editors add, change and publish the offer's pages (Wagtail's own editors group
    can only draft by default; the offer is published by the editors who review it)."""
    editors = Group.objects.get(name=GROUP_NAMES[Role.EDITOR])
    for codename in ["add_page", "change_page", "publish_page"]:
        GroupPagePermission.objects.get_or_create(
            group=editors,
            page=home,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )


@transaction.atomic
def load(*, reviewed: datetime.date | None = None) -> OfferHomePage:
    reviewed = reviewed or timezone.localdate()
    root = Page.get_first_root_node() or _make_root()
    home = _put(
        root,
        OfferHomePage,
        OFFER_SLUG,
        title=content.OFFER_HOME["title"],
        intro=content.OFFER_HOME["intro"],
        last_reviewed=reviewed,
    )
    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname="localhost", port=80, is_default_site=True
    )
    site.root_page = home
    site.site_name = "Care leaver portal"
    site.save()
    # Wagtail's own welcome page is not part of the portal.
    for stray in root.get_children().exclude(pk=home.pk).filter(slug="home"):
        stray.delete()

    _let_editors_publish(home)

    sections = {}
    for section in content.SECTIONS:
        sections[section["slug"]] = _put(
            home,
            OfferSectionPage,
            section["slug"],
            title=section["title"],
            intro=section["intro"],
            last_reviewed=reviewed,
        )
    for item in content.ENTITLEMENTS:
        _put(
            sections[item["section"]],
            EntitlementPage,
            item["slug"],
            title=item["title"],
            summary=item["summary"],
            amount_gbp=item["amount_gbp"],
            min_age=item["min_age"],
            max_age=item["max_age"],
            statuses=item["statuses"],
            requires_any=item["requires_any"],
            requires_all=item["requires_all"],
            steps=[("step", step) for step in item["steps"]],
            who_to_ask=item["who_to_ask"],
            body=_body(item["body"]),
            search_terms=item["search_terms"],
            last_reviewed=reviewed,
        )
    _put(
        home,
        GlossaryPage,
        "glossary",
        title="Words we use",
        intro="What the words and short forms in the offer mean.",
        terms=[("term", {"term": t["term"], "meaning": t["meaning"]}) for t in content.GLOSSARY],
        last_reviewed=reviewed,
    )
    return home
