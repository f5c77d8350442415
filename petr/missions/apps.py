from django.apps import AppConfig


class MissionsConfig(AppConfig):
    name = "petr.missions"
    label = "missions"
    verbose_name = "Missions"
