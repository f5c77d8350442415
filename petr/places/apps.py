from django.apps import AppConfig


class PlacesConfig(AppConfig):
    name = "petr.places"
    label = "places"
    verbose_name = "Lieux des missions"

    def ready(self):
        from . import invalidation  # noqa: F401  (signal receivers)
