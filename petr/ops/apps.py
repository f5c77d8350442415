from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Running a site: backups and their restoration, the health check, periodic jobs run once
    across servers, the development administrator account."""

    name = "petr.ops"
    label = "ops"
    verbose_name = "Exploitation"
