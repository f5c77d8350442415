from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from petr.contact.models import ContactSettings, ContactSubmission


class Command(BaseCommand):
    help = (
        "Supprime les messages du formulaire de contact plus anciens que la durée de conservation."
    )

    def handle(self, *args, **options):
        days = ContactSettings.load().retention_days
        limit = timezone.now() - timedelta(days=days)
        deleted, _ = ContactSubmission.objects.filter(created_at__lt=limit).delete()
        self.stdout.write(f"{deleted} message(s) de plus de {days} jours supprimé(s).")
