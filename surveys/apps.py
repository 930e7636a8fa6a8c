from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "surveys"
    verbose_name = "Having your say"
    default_auto_field = "django.db.models.BigAutoField"
