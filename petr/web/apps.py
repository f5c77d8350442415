from django.apps import AppConfig


class WebConfig(AppConfig):
    """The request pipeline, below every content app: caches and purges, limits, the public
    address, scheduled publishing, the public forms' defences, mail and spreadsheets. It has no
    models and imports nothing else of the portal."""

    name = "petr.web"
    label = "web"
    verbose_name = "Services du site"

    def ready(self):
        # Deploy checks; signal receivers: the next due publication, the page cache, the pages
        # that take files, the Site's public address after each migration.
        from django.apps import apps
        from django.db.models.signals import post_migrate

        from petr.web import admin_csp, checks, invalidation, limits, scheduling  # noqa: F401
        from petr.web.public_address import sync_default_site
        from petr.web.wagtail_internals import french_header_titles

        # Sent per app with models, which this one is not: once per `migrate`, after Wagtail's.
        post_migrate.connect(sync_default_site, sender=apps.get_app_config("wagtailcore"))
        admin_csp.install()
        french_header_titles()
