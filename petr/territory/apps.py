from django.apps import AppConfig


class TerritoryConfig(AppConfig):
    name = "petr.territory"
    label = "territory"
    verbose_name = "Territoire"

    def ready(self):
        # Receivers: an import forgets the cached figures (and purges what DataImport declares);
        # the open data registers its datasets.
        from . import exports, figures  # noqa: F401
