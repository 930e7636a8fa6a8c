from django.apps import AppConfig


class OfferConfig(AppConfig):
    name = "offer"
    verbose_name = "Local offer"

    def ready(self) -> None:
        from offer import receivers  # noqa: F401  (page cache invalidation on publish)
