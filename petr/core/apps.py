from django.apps import AppConfig


def index_settings_references():
    """Settings join Wagtail's reference index, so that a page the menu shows is known to be shown
    everywhere (web/invalidation.py), and its usage in the admin lists the menu."""
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
        from django.db.backends.signals import connection_created

        from petr.core import golive  # noqa: F401  (registers its deploy check)
        from petr.core.admin import amounts, dates
        from petr.core.french.sorting import register_sqlite_collation

        connection_created.connect(register_sqlite_collation)
        dates.register()
        amounts.register()
        index_settings_references()
