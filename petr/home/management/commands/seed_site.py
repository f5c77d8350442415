from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Site

from petr.accounts.roles import sync_roles
from petr.contact.seed import seed_contact_page, seed_privacy_page_setting
from petr.core.models import SeedMark
from petr.core.seed import seed_service_pages, seed_settings
from petr.core.starter import using
from petr.declarations.seed import seed_declaration_page
from petr.events.seed import seed_agenda
from petr.home import new_site
from petr.home.seed import (
    HOME_KEY,
    seed_home,
    seed_home_publishing_sections,
    seed_home_quick_access,
    seed_home_sections,
    seed_navigation,
)
from petr.library.seed import seed_documents, seed_register
from petr.missions.seed import seed_mission_actions, seed_missions
from petr.news.seed import seed_news_index
from petr.newsletter.seed import seed_newsletter
from petr.programmes.seed import seed_programmes, seed_project_catalogue
from petr.territory.seed import seed_petr_page, seed_territory, seed_territory_page
from petr.web.shared_lookups import current_site_id, serving

# STARTER_PACK for a PETR whose site `new_site` builds from its SIRENs: nothing is seeded on an
# empty installation; once built, the pack `new_site` used brings its later additions.
NO_PACK = "aucun"


class Command(BaseCommand):
    help = (
        "Crée le contenu de départ du site (accueil, missions, Le PETR, pages légales) et "
        "charge le territoire s'il est vide. Sans effet sur ce que les éditeurs ont modifié."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--starter",
            default=settings.STARTER_PACK,
            help="Le pack de départ (dossier starter/<nom>/) ; par défaut STARTER_PACK. "
            f"« {NO_PACK} » sur une installation vide : rien n'est créé, le site l'est par "
            "new_site.",
        )
        parser.add_argument(
            "--missions",
            default="",
            help="Missions du catalogue du pack à créer, séparées par des virgules (scot, sante…).",
        )

    def handle(self, *args, starter, missions, **options):
        chosen = [key.strip() for key in missions.split(",") if key.strip()]
        if starter == NO_PACK:
            if new_site.is_empty():
                self.stdout.write(
                    "Installation vide : créez le site avec « manage.py new_site » ou depuis "
                    "l'écran « Créer le site » de l'administration (compte superutilisateur)."
                )
                return
            starter = new_site.STARTER
        try:
            with using(starter), transaction.atomic():
                self.seed(chosen)
            if Site.objects.filter(pk=current_site_id(), is_default_site=True).exists():
                self.seed_other_sites()
        except (TypeError, ValueError, KeyError, AttributeError, ValidationError) as error:
            # A pack's key or value the pages do not take (a misspelt field, a list for a text).
            raise CommandError(
                f"Le pack de départ « {starter} » contient une valeur que le site ne comprend "
                f"pas ({type(error).__name__} : {error}) : rien n'a été créé."
            ) from error

    def seed_other_sites(self):
        """The sites `new_site` added beside the default one (their home is a seeded page) get
        what an update adds to the pack they were built with; a site staff made otherwise (a
        section of the tree under another name) gets nothing."""
        built = SeedMark.everywhere.filter(key=HOME_KEY).values("site")
        for site in Site.objects.filter(is_default_site=False, pk__in=built).order_by("pk"):
            self.stdout.write(f"{site} :")
            with serving(site), using(new_site.STARTER), transaction.atomic():
                self.seed([])

    def seed(self, chosen):
        home, site = seed_home()
        if home is None:
            self.stdout.write("La page d'accueil initiale a été supprimée : rien d'autre à créer.")
            return
        seed_territory(self.stdout)
        seed_settings(site)
        missions = seed_missions(home, chosen)
        seed_programmes(missions)
        pages = {
            "petr": seed_petr_page(home),
            "territory": seed_territory_page(home),
            "news": seed_news_index(home),
            "agenda": seed_agenda(home),
            "acts": seed_register(home),
            "documents": seed_documents(home),
            "projects": seed_project_catalogue(home),
            **missions,
            "contact": seed_contact_page(home),
            **seed_service_pages(home),
        }
        pages.update(seed_newsletter(home, pages))
        seed_privacy_page_setting(pages["personal_data"])
        seed_home_sections(home, missions)
        seed_home_publishing_sections(home)
        seed_navigation(site, pages)
        seed_home_quick_access(home, pages)
        seed_mission_actions(pages, chosen)
        seed_declaration_page(pages)
        sync_roles()
        self.stdout.write(self.style.SUCCESS("Contenu de départ en place."))
