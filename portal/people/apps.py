from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "portal.people"
    label = "people"
    verbose_name = "People"

    def ready(self) -> None:
        from portal.people import receivers  # noqa: F401  (connects the sign-in audit)
