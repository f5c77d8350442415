from django.db import migrations

# Background tasks whose module moved on 4 December 2026; a task queued before the deploy and not
# yet run names the old one, which the worker could no longer import.
MOVED = {
    "petr.core.mail.send_queued": "petr.web.mail.send_queued",
    "petr.core.contact.notify_staff": "petr.contact.forms.notify_staff",
    "petr.core.password_reset.send_password_reset": "petr.accounts.password_reset.send_password_reset",
}


def follow_the_moves(apps, schema_editor):
    tasks = apps.get_model("django_tasks_database", "DBTaskResult").objects
    for old, new in MOVED.items():
        tasks.filter(task_path=old).update(task_path=new)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_attempt_table"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(follow_the_moves, migrations.RunPython.noop)]
