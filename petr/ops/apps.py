from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Running a site: backups and their restoration, the health check, the development
    administrator account. No models."""

    name = "petr.ops"
    label = "ops"
    verbose_name = "Exploitation"
