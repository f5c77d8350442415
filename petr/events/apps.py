from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "petr.events"
    label = "events"
    verbose_name = "Agenda"
