from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "petr.api"
    label = "api"
    verbose_name = "API publique"
