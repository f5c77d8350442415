from django.apps import AppConfig


class TerritoryConfig(AppConfig):
    name = "petr.territory"
    label = "territory"
    verbose_name = "Territoire"
