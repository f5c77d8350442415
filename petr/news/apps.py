from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "petr.news"
    label = "news"
    verbose_name = "Actualités"
