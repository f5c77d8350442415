from django.apps import AppConfig


class PlacesConfig(AppConfig):
    name = "petr.places"
    label = "places"
    verbose_name = "Lieux des missions"

    def ready(self):
        from . import exports  # noqa: F401  (open-data datasets)
