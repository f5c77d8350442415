from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "petr.core"
    label = "core"
    verbose_name = "Socle du site"

    def ready(self):
        # Deploy checks; signal receivers: the next due publication, the page cache, the Site's
        # public address after each migration.
        from django.db.models.signals import post_migrate

        from . import checks, invalidation, scheduling  # noqa: F401
        from .public_address import sync_default_site

        post_migrate.connect(sync_default_site, sender=self)
