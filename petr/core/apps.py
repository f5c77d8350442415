from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "petr.core"
    label = "core"
    verbose_name = "Socle du site"

    def ready(self):
        from . import scheduling  # noqa: F401  (connects the signal that forgets the next due time)
