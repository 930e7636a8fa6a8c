from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "portal.people"
    label = "people"
    verbose_name = "People"

    def ready(self) -> None:
        from portal.people import (
            admin_csp,
            receivers,  # noqa: F401  (connects the sign-in audit)
        )

        admin_csp.install()  # Wagtail's choosers without inline scripts (issue 15)
