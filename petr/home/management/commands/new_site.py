"""A new PETR's or Pays's site in one command, on an empty installation: its perimeter from the
SIRENs of its member communautés (read from the API Découpage administratif, outlines included),
its map, its name, and every page from the generic starter pack. All or nothing: in one
transaction, so an error leaves the installation as empty as it was."""

import io
from urllib.parse import urlsplit

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Site

from petr.core.french.identifiers import siren_error
from petr.core.french.numbers import fr_number
from petr.core.models import SeedMark, SiteIdentity
from petr.core.starter import StarterPackError, using
from petr.missions.seed import missions as mission_list
from petr.territory.figures import territory_figures
from petr.territory.loading import import_territory
from petr.territory.models import Epci, TerritorySettings
from petr.territory.parsing import TerritoryDataError
from petr.territory.sources import GeoApiSource, SourceError
from petr.web.public_address import problem

# The legal natures of an EPCI à fiscalité propre, as the API names them (« type »).
OWN_TAX_EPCI = {"CC", "CA", "CU", "METRO", "MET69"}
STARTER = "generique"


class Command(BaseCommand):
    help = (
        "Crée le site d'un PETR ou d'un Pays sur une installation vide : son périmètre d'après "
        "les SIREN de ses communautés membres (API Découpage administratif, contours compris), "
        "sa carte, son nom et toutes ses pages (pack de départ générique). Tout ou rien."
    )

    def add_arguments(self, parser):
        parser.add_argument("--nom", required=True, help="Par exemple « PETR du Pays de … ».")
        parser.add_argument(
            "--siren", required=True, action="append", dest="sirens",
            help="Le SIREN d'une communauté membre ; répétez l'option pour chacune.",
        )  # fmt: skip
        parser.add_argument(
            "--mission", action="append", dest="missions", default=[],
            help="Une mission du catalogue (scot, sante, transition, mobilite, leader, tourisme, "
            "habitat, alimentation) ; répétez l'option pour chacune.",
        )  # fmt: skip
        parser.add_argument("--adresse", help="L'adresse publique, https://…")
        parser.add_argument("--api", help="Adresse de l'API (défaut : réglage TERRITORY_API).")

    def handle(self, *args, nom, sirens, missions, adresse, api, **options):
        name = " ".join(nom.split())
        sirens = list(dict.fromkeys(s.replace(" ", "") for s in sirens))
        errors = [f"SIREN « {s} » : {siren_error(s)}" for s in sirens if siren_error(s)]
        if not name:
            errors.append("Le nom du PETR est vide.")
        if adresse and problem(adresse):
            errors.append(problem(adresse))
        if SeedMark.objects.exists():
            errors.append(
                "Ce site est déjà construit : new_site ne sert qu'à une installation vide."
            )
        if errors:
            raise CommandError("Rien n'a été créé. " + " ".join(errors))
        try:
            with transaction.atomic():
                self.build(name, sirens, missions, adresse, GeoApiSource(api))
        except (TerritoryDataError, SourceError, StarterPackError) as exc:
            raise CommandError(f"Rien n'a été créé. {exc}") from exc
        figures = territory_figures()
        self.stdout.write(self.style.SUCCESS(
            f"Site « {name} » créé : {figures.epci_count} communautés, "
            f"{fr_number(figures.commune_count)} communes, {fr_number(figures.population)} "
            "habitants."
        ))  # fmt: skip
        self.stdout.write(
            "Ensuite : créez les comptes de l'équipe, puis remplissez Paramètres › Identité et "
            "coordonnées (adresse, directeur de la publication, hébergeur) ; le tableau de bord "
            "liste ce qui manque."
            + (f" Indiquez SITE_URL={adresse.rstrip('/')} dans petr.env." if adresse else "")
        )

    def build(self, name, sirens, missions, address, source):
        with using(STARTER):
            mission_list(missions)  # an unknown mission stops it before anything is built
        call_command("seed_site", starter=STARTER, missions=",".join(missions),
                     stdout=io.StringIO())  # its notes are ours  # fmt: skip
        perimeter = TerritorySettings.load()
        perimeter.member_sirens = "\n".join(sirens)
        perimeter.save()
        import_territory(source, sirens)
        wrong = Epci.objects.exclude(kind__in=OWN_TAX_EPCI)
        if wrong.exists():
            listed = ", ".join(
                f"{e.name} ({e.siren}, {e.kind or 'nature inconnue'})" for e in wrong
            )
            raise TerritoryDataError(
                f"Ces SIREN ne sont pas ceux de communautés (EPCI à fiscalité propre) : {listed}."
            )
        site = Site.objects.get(is_default_site=True)
        if address:
            parts = urlsplit(address)
            site.hostname, site.port = parts.hostname, parts.port or 443
            site.save()
        identity = SiteIdentity.for_site(site)
        identity.name = name
        identity.save()
