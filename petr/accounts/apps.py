from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "petr.accounts"
    label = "accounts"
    verbose_name = "Comptes de l'équipe"

    def ready(self):
        from . import audit, checks  # noqa: F401  (checks: production keeps the second factor)

        audit.connect()
