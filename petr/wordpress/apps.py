from django.apps import AppConfig


class WordPressConfig(AppConfig):
    name = "petr.wordpress"
    label = "wordpress"
    verbose_name = "Import WordPress"
