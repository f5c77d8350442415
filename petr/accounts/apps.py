from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "petr.accounts"
    label = "accounts"
    verbose_name = "Comptes de l'équipe"

    def ready(self):
        from . import checks  # noqa: F401  (production never runs without the second factor)
