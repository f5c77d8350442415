from django.apps import AppConfig


class DeclarationsConfig(AppConfig):
    name = "petr.declarations"
    label = "declarations"
    verbose_name = "Déclarations d'intention LEADER"
