"""Migrations to several sites on one installation: what existed was the default site's."""

import django.db.models.deletion
from django.db import migrations, models


def rows_to_the_default_site(app_label, *model_names):
    """Rows that now belong to a site (OfASite) and were written when there was one."""

    def fill(apps, schema_editor):
        site = apps.get_model("wagtailcore", "Site").objects.filter(is_default_site=True).first()
        for name in model_names if site else ():
            apps.get_model(app_label, name)._default_manager.update(site=site)

    return migrations.RunPython(fill, migrations.RunPython.noop)


def setting_per_site(app_label, model_name):
    """A setting that was one per installation (BaseGenericSetting) becomes one per site
    (ServedSiteSetting): the existing row is the default site's."""

    def to_the_default_site(apps, schema_editor):
        rows = apps.get_model(app_label, model_name)._default_manager
        site = apps.get_model("wagtailcore", "Site").objects.filter(is_default_site=True).first()
        first = rows.order_by("pk").first()
        if site is None or first is None:
            rows.all().delete()  # no site to hold it: the setting starts empty with the site
            return
        rows.exclude(pk=first.pk).delete()
        rows.filter(pk=first.pk).update(site=site)

    def field(null):
        return models.OneToOneField(
            editable=False,
            null=null,
            on_delete=django.db.models.deletion.CASCADE,
            to="wagtailcore.site",
        )

    return [
        migrations.AddField(model_name=model_name, name="site", field=field(null=True)),
        migrations.RunPython(to_the_default_site, migrations.RunPython.noop),
        migrations.AlterField(model_name=model_name, name="site", field=field(null=False)),
    ]
