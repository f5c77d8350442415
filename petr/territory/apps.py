from django.apps import AppConfig


class TerritoryConfig(AppConfig):
    name = "petr.territory"
    label = "territory"
    verbose_name = "Territoire"

    def ready(self):
        # Receivers: an import purges the page cache and forgets the cached figures.
        from . import figures, invalidation  # noqa: F401
