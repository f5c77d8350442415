from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "petr.programmes"
    label = "programmes"
    verbose_name = "Programmes et actions"

    def ready(self):
        from . import invalidation  # noqa: F401  (signal receivers)
