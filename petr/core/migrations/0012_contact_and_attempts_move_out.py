from django.db import migrations


class Migration(migrations.Migration):
    """The contact models and Attempt now belong to the contact and accounts apps, which took
    their tables and content types; core only forgets them."""

    dependencies = [
        ('core', '0011_attempts'),
        ('accounts', '0001_initial'),
        ('contact', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='Attempt'),
                migrations.DeleteModel(name='ContactSubmission'),
                migrations.DeleteModel(name='ContactPage'),
                migrations.DeleteModel(name='ContactSettings'),
            ],
        ),
    ]
