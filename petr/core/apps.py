from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "petr.core"
    label = "core"
    verbose_name = "Socle du site"

    def ready(self):
        # Signal receivers: forgetting the next due publication; purging the page cache.
        from . import invalidation, scheduling  # noqa: F401
