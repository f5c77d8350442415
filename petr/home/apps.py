from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "petr.home"
    label = "home"
    verbose_name = "Accueil"
