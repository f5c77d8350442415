from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from petr.territory.loading import import_territory
from petr.territory.models import Commune, TerritorySettings
from petr.territory.parsing import TerritoryDataError
from petr.territory.sources import GeoApiSource, SnapshotSource, SourceError
from petr.web.shared_lookups import serving


class Command(BaseCommand):
    help = (
        "Importe les communautés de communes membres et leurs communes depuis l'API Découpage "
        "administratif (geo.api.gouv.fr) ou depuis l'instantané livré avec le site. Tout ou rien : "
        "en cas d'erreur, le site garde ses données et la commande sort en erreur. Sans --site, "
        "chaque site de l'installation dont le périmètre est indiqué."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--source",
            choices=("api", "snapshot"),
            default="api",
            help="api (par défaut) ou snapshot (instantané livré, sans réseau).",
        )
        parser.add_argument("--base-url", help="Adresse de l'API (défaut : réglage TERRITORY_API).")
        parser.add_argument("--millesime", type=int, help="Millésime des populations, si inconnu.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Affiche les changements sans rien écrire."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Accepte un nombre de communes qui varie de plus de 10 % à périmètre constant.",
        )
        parser.add_argument(
            "--if-empty", action="store_true", help="Ne rien faire si des communes existent déjà."
        )
        parser.add_argument("--site", help="Le nom d'hôte du seul site à importer.")

    def handle(self, *args, site, **options):
        sites = self.sites(site)
        failed = []
        for each in sites:
            with serving(each):
                if len(sites) == 1:
                    self.import_site(**options)
                    continue
                self.stdout.write(f"— {each.site_name or each.hostname}")
                try:
                    self.import_site(**options)
                except CommandError as exc:
                    self.stderr.write(str(exc))
                    failed.append(each.hostname)
        if failed:
            raise CommandError(f"Import refusé pour : {', '.join(failed)} ; les autres sont faits.")

    def sites(self, hostname):
        if hostname:
            found = list(Site.objects.filter(hostname=hostname))
            if not found:
                raise CommandError(f"Aucun site de l'installation ne répond à « {hostname} ».")
            return found
        with_perimeter = Site.objects.filter(
            pk__in=TerritorySettings.objects.exclude(member_sirens="").values("site")
        )
        found = list(with_perimeter) or list(Site.objects.filter(is_default_site=True))
        if not found:
            raise CommandError("L'installation n'a pas encore de site : créez-le avec new_site.")
        return found

    def import_site(self, **options):
        if options["if_empty"] and Commune.objects.exists():
            self.stdout.write("Territoire déjà chargé : rien à faire.")
            return
        try:
            sirens = TerritorySettings.load().sirens
            if options["source"] == "snapshot":
                source = SnapshotSource()
            else:
                source = GeoApiSource(options["base_url"])
            changes, run = import_territory(
                source,
                sirens,
                dry_run=options["dry_run"],
                force=options["force"],
                population_vintage=options["millesime"],
            )
        except (TerritoryDataError, SourceError) as exc:
            raise CommandError(f"Import refusé, rien n'a été modifié. {exc}") from exc
        for line in changes.lines():
            self.stdout.write(line)
        if run is None:
            self.stdout.write(self.style.WARNING("Simulation : rien n'a été écrit."))
        else:
            self.stdout.write(self.style.SUCCESS(f"Territoire importé ({source.describe()})."))
