"""Keep the page cache honest: any change to the published offer empties it."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from offer.services import forget_cached_offer


@receiver(page_published, dispatch_uid="offer_published")
@receiver(page_unpublished, dispatch_uid="offer_unpublished")
@receiver(page_slug_changed, dispatch_uid="offer_slug_changed")
@receiver(post_page_move, dispatch_uid="offer_moved")
def _offer_changed(sender, **kwargs) -> None:
    # Now, and again once the publish commits: a process that rebuilt from the database in
    # between would otherwise keep the old pages under the new version number.
    forget_cached_offer()
    transaction.on_commit(forget_cached_offer)


@receiver(post_delete, dispatch_uid="offer_page_deleted")
def _page_deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        forget_cached_offer()
        transaction.on_commit(forget_cached_offer)
