from django.apps import AppConfig


class NewsletterConfig(AppConfig):
    name = "petr.newsletter"
    label = "newsletter"
    verbose_name = "Lettre d'information et alertes"
