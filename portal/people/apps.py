from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "portal.people"
    label = "people"
    verbose_name = "People"

    def ready(self) -> None:
        # Inside ready(), as Django asks: both import models (and Wagtail's admin), which can
        # only be imported once every app is registered.
        from portal.people import (
            admin_csp,
            receivers,  # noqa: F401  (connects the sign-in audit)
        )

        admin_csp.install()  # Wagtail's choosers without inline scripts (issue 15)
