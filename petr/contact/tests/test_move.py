"""The contact models and Attempt left core for their own apps with their rows: the migrations
rename the tables and relabel the content types, so a site seeded before the move keeps its
contact page, its messages, its limits and the tasks it had queued (run on both engines by CI)."""

from django.apps import apps as django_apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client

from petr.accounts.models import Attempt
from petr.contact.models import ContactPage, ContactSubmission

BEFORE = [("core", "0011_attempts"), ("contact", None), ("accounts", None)]


def test_a_site_seeded_before_the_move_keeps_its_rows(committed_seeded, queue):
    from django_tasks_db.models import DBTaskResult

    from petr.contact.forms import notify_staff

    notify_staff.enqueue(0)  # queued before the deploy, under the module it had then
    DBTaskResult.objects.update(task_path="petr.core.contact.notify_staff")
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = MigrationExecutor(connection).loader.project_state(BEFORE[:1]).apps
    old.get_model("core", "ContactSubmission").objects.create(
        name="Jeanne", email="jeanne@example.fr", subject="LEADER", message="Bonjour"
    )
    old.get_model("core", "Attempt").objects.create(kind="password_reset", key_hash="0" * 64)
    assert ContentType.objects.filter(app_label="core", model="contactpage").exists()

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    # The migrations relabelled rows behind the cache's back: read again, as the next tests'
    # reload of the starter site expects (it creates none while loading).
    ContentType.objects.clear_cache()
    ContentType.objects.get_for_models(*django_apps.get_models())

    assert ContactSubmission.objects.get().message == "Bonjour"
    assert Attempt.objects.get().kind == "password_reset"
    assert not ContentType.objects.filter(app_label="core", model__startswith="contact").exists()
    assert DBTaskResult.objects.get().task_path == "petr.contact.forms.notify_staff"
    page = ContactPage.objects.get()
    assert Client().get(page.url).status_code == 200
