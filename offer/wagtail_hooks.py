"""Wagtail admin additions: the report of offer pages due for their yearly review."""

from __future__ import annotations

from django.urls import path, reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Page

from offer.models import (
    REVIEW_EVERY,
    EntitlementPage,
    GlossaryPage,
    OfferHomePage,
    OfferSectionPage,
)


class ReviewDueReportView(PageReportView):
    """Offer pages not checked with care leavers in the last 12 months, oldest first."""

    page_title = "Offer pages due for review"
    header_icon = "time"
    index_url_name = "offer_review_due"
    index_results_url_name = "offer_review_due_results"
    results_template_name = "offer/admin/review_due_results.html"
    list_export = ["title", "last_reviewed", "status_string"]
    export_headings = {"last_reviewed": "Last reviewed", "status_string": "Status"}
    any_permission_required = ["add", "change", "publish"]

    def get_queryset(self):
        cutoff = timezone.localdate() - REVIEW_EVERY
        due = []
        for model in (OfferHomePage, OfferSectionPage, EntitlementPage, GlossaryPage):
            stale = model.objects.filter(last_reviewed__lt=cutoff) | model.objects.filter(
                last_reviewed__isnull=True
            )
            due.extend(stale.values_list("pk", flat=True))
        return Page.objects.filter(pk__in=due).specific().order_by("path")


@hooks.register("register_reports_menu_item")
def register_review_due_menu_item() -> MenuItem:
    return MenuItem(
        "Offer pages due for review",
        reverse("offer_review_due"),
        icon_name="time",
        order=650,
    )


@hooks.register("register_admin_urls")
def register_review_due_urls():
    return [
        path("reports/offer-review-due/", ReviewDueReportView.as_view(), name="offer_review_due"),
        path(
            "reports/offer-review-due/results/",
            ReviewDueReportView.as_view(results_only=True),
            name="offer_review_due_results",
        ),
    ]
