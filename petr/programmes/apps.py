from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "petr.programmes"
    label = "programmes"
    verbose_name = "Programmes et actions"

    def ready(self):
        from . import exports, invalidation  # noqa: F401  (open-data datasets, signal receivers)
