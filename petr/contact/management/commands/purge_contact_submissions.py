from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone
from wagtail.models import Site

from petr.contact.models import ContactSettings, ContactSubmission
from petr.core.models.of_a_site import rows_of


class Command(BaseCommand):
    help = (
        "Supprime les messages du formulaire de contact plus anciens que la durée de conservation "
        "(celle de chaque site de l'installation)."
    )

    def handle(self, *args, **options):
        for site in Site.objects.order_by("-is_default_site", "pk"):
            days = ContactSettings.load(site).retention_days
            limit = timezone.now() - timedelta(days=days)
            expired = rows_of(ContactSubmission.objects, site).filter(created_at__lt=limit)
            deleted, _ = expired.delete()
            self.stdout.write(f"{site}: {deleted} message(s) de plus de {days} jours supprimé(s).")
