from django.apps import AppConfig


class TerritoryConfig(AppConfig):
    name = "petr.territory"
    label = "territory"
    verbose_name = "Territoire"

    def ready(self):
        from . import invalidation  # noqa: F401  (a territory import purges the page cache)
