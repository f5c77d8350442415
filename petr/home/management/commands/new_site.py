from django.core.management.base import BaseCommand, CommandError

from petr.core.french.numbers import fr_number
from petr.home.new_site import NewSiteError, create, is_empty
from petr.territory.figures import territory_figures
from petr.web.shared_lookups import serving


class Command(BaseCommand):
    help = (
        "Crée le site d'un PETR ou d'un Pays (sur une installation qui a déjà un site, un site "
        "de plus, à son adresse) : son périmètre d'après "
        "les SIREN de ses communautés membres (API Découpage administratif, contours compris), "
        "sa carte, son nom et toutes ses pages (pack de départ générique, missions choisies "
        "dans son catalogue). Tout ou rien."
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
        parser.add_argument(
            "--adresse", default="",
            help="L'adresse publique, https://… ; obligatoire pour un site de plus.",
        )  # fmt: skip
        parser.add_argument("--api", help="Adresse de l'API (défaut : réglage TERRITORY_API).")

    def handle(self, *args, nom, sirens, missions, adresse, api, **options):
        first = is_empty()
        try:
            site = create(nom, sirens, missions, adresse, api)
        except NewSiteError as exc:
            raise CommandError(str(exc)) from exc
        with serving(site):
            figures = territory_figures()
        self.stdout.write(self.style.SUCCESS(
            f"Site « {' '.join(nom.split())} » créé : {figures.epci_count} communautés, "
            f"{fr_number(figures.commune_count)} communes, {fr_number(figures.population)} "
            "habitants."
        ))  # fmt: skip
        self.stdout.write(
            "Ensuite : créez les comptes de l'équipe, puis remplissez Paramètres › Identité et "
            "coordonnées (adresse, directeur de la publication, hébergeur) ; le tableau de bord "
            "liste ce qui manque."
            + (f" Indiquez SITE_URL={adresse.rstrip('/')} dans petr.env." if first and adresse
               else "")
        )  # fmt: skip
        if not first:
            self.stdout.write(
                f"Ajoutez {site.hostname} à ALLOWED_HOSTS dans petr.env et redémarrez petr-web ; "
                "faites-le servir par nginx avec son certificat (un bloc server comme celui du "
                "premier site)."
            )
