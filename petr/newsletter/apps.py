from django.apps import AppConfig


class NewsletterConfig(AppConfig):
    name = "petr.newsletter"
    label = "newsletter"
    verbose_name = "Lettre d'information et alertes"

    def ready(self):
        from petr.newsletter import footer  # noqa: F401  (its signals: the footer's address)
