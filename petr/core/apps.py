from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "petr.core"
    label = "core"
    verbose_name = "Socle du site"
