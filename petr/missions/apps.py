from django.apps import AppConfig


class MissionsConfig(AppConfig):
    name = "petr.missions"
    label = "missions"
    verbose_name = "Missions"

    def ready(self):
        from . import invalidation  # noqa: F401  (signal receivers)
