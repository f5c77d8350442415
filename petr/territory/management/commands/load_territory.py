from django.core.management.base import BaseCommand, CommandError

from petr.territory.loading import Provenance, apply_territory
from petr.territory.snapshot import (
    SNAPSHOT_ATTRIBUTION,
    SNAPSHOT_DATA_VERSION,
    SNAPSHOT_POPULATION_VINTAGE,
    TerritoryDataError,
    load_snapshot,
)


class Command(BaseCommand):
    help = "Charge les communautés de communes et les communes depuis l'instantané livré."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty", action="store_true", help="Ne rien faire si des communes existent déjà."
        )

    def handle(self, *args, if_empty=False, **options):
        from petr.territory.models import Commune

        if if_empty and Commune.objects.exists():
            self.stdout.write("Territoire déjà chargé : rien à faire.")
            return
        try:
            data = load_snapshot()
        except TerritoryDataError as exc:
            raise CommandError(str(exc)) from exc
        run = apply_territory(
            data,
            Provenance(
                source="snapshot",
                attribution=SNAPSHOT_ATTRIBUTION,
                data_version=SNAPSHOT_DATA_VERSION,
                population_vintage=SNAPSHOT_POPULATION_VINTAGE,
            ),
        )
        self.stdout.write(self.style.SUCCESS(f"Territoire chargé : {run.summary}"))
