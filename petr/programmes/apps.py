from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "petr.programmes"
    label = "programmes"
    verbose_name = "Programmes et actions"
