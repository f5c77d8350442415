from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "petr.search"
    label = "site_search"  # "search" is Wagtail's
    verbose_name = "Recherche"
