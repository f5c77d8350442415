from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "petr.library"
    label = "library"
    verbose_name = "Documents et actes"

    def ready(self):
        from . import exports, signals  # noqa: F401  (the deliberations' file; when an act is first put online)
