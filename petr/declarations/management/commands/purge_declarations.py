from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from petr.core.models.of_a_site import rows_of
from petr.declarations.models import Declaration, DeclarationAttachment, DeclarationSettings


def years_before(moment, years):
    try:
        return moment.replace(year=moment.year - years)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year - years, day=28)


class Command(BaseCommand):
    help = (
        "Supprime les déclarations d'intention LEADER restées sans projet soutenu au-delà de la "
        "durée de conservation, avec leurs pièces jointes (petr-daily.timer)."
    )

    def handle(self, *args, **options):
        for site in Site.objects.order_by("-is_default_site", "pk"):
            years = DeclarationSettings.load(site).retention_years
            deleted = self.purge(rows_of(Declaration.objects, site), years)
            self.stdout.write(
                f"{site}: {deleted} déclaration(s) de plus de {years} ans supprimée(s)."
            )

    def purge(self, declarations, years):
        expired = declarations.filter(
            project__isnull=True, created_at__lt=years_before(timezone.now(), years)
        )
        files = list(DeclarationAttachment.objects.filter(declaration__in=expired))
        with transaction.atomic():
            deleted = expired.count()
            expired.delete()
        for attachment in files:  # after the rows: a failure leaves a file, never a broken row
            attachment.file.delete(save=False)
        return deleted
