from django.apps import AppConfig


class TerritoryConfig(AppConfig):
    name = "petr.territory"
    label = "territory"
    verbose_name = "Territoire"

    def ready(self):
        # Receivers: an import purges the page cache and forgets the cached figures; the open
        # data registers its datasets.
        from . import exports, figures, invalidation  # noqa: F401
