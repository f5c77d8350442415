from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "petr.programmes"
    label = "programmes"
    verbose_name = "Programmes et actions"

    def ready(self):
        from petr.places.models import Place
        from petr.web.invalidation import listed_on

        from . import exports  # noqa: F401  (open-data datasets)
        from .models import ProjectIndexPage

        listed_on(ProjectIndexPage, Place)  # the projects' map shows the missions' places
