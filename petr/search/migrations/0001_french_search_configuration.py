"""On PostgreSQL, a French full-text configuration that also ignores accents (« mobilite »
finds « mobilité »): French stemming for plurals, unaccent when the extension can be created."""

from django.db import migrations, transaction

CONFIG = "petr_french"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = %s", [CONFIG])
        if cursor.fetchone():
            return
        cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = pg_catalog.french)")
        try:
            with transaction.atomic():  # a savepoint: without the right, carry on without it
                cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        except Exception:
            return
        cursor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} ALTER MAPPING FOR "
            "hword, hword_part, word WITH unaccent, french_stem"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}")


class Migration(migrations.Migration):
    dependencies = []
    operations = [migrations.RunPython(create, drop)]
