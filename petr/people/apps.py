from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "petr.people"
    label = "people"
    verbose_name = "Personnes"
