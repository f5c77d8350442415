from django.apps import AppConfig


def index_settings_references():
    """Settings join Wagtail's reference index, so that a page the menu shows is known to be shown
    everywhere (invalidation.py), and its usage in the admin lists the menu."""
    from django.apps import apps
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.models import ReferenceIndex

    for model in apps.get_models():
        if issubclass(model, BaseSiteSetting | BaseGenericSetting):
            ReferenceIndex.register_model(model)


class CoreConfig(AppConfig):
    name = "petr.core"
    label = "core"
    verbose_name = "Socle du site"

    def ready(self):
        # Deploy checks; signal receivers: the next due publication, the page cache, the pages
        # that take files, the Site's public address after each migration.
        from django.db.backends.signals import connection_created
        from django.db.models.signals import post_migrate

        from . import (  # noqa: F401
            admin_amounts,
            admin_csp,
            admin_dates,
            checks,
            invalidation,
            limits,
            scheduling,
        )
        from .french import register_sqlite_collation
        from .public_address import sync_default_site

        post_migrate.connect(sync_default_site, sender=self)
        connection_created.connect(register_sqlite_collation)
        admin_dates.register()
        admin_amounts.register()
        admin_csp.install()
        index_settings_references()
