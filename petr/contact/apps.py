from django.apps import AppConfig


class ContactConfig(AppConfig):
    """The contact page and its form: messages stored first, notified by e-mail second."""

    name = "petr.contact"
    label = "contact"
    verbose_name = "Contact"
