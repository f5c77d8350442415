"""A new PETR's or Pays's site: its perimeter from the SIRENs of its member communautés (read
from the API Découpage administratif, outlines included), its map, its name, and every page from
the generic starter pack with the missions chosen from its catalogue. All or nothing, in one
transaction. On an empty installation it is the default site (`manage.py new_site` or the
admin's first-run screen); on one that has a site, another Wagtail site under its own address
(`manage.py new_site --adresse`), with its own perimeter, settings and pages."""

import io
import re
from urllib.parse import urlsplit

from django.core.management import call_command
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Page, Site

from petr.core.french.identifiers import siren_error
from petr.core.models import SeedMark, SiteIdentity
from petr.core.starter import StarterPackError, pack, using
from petr.home.models import HomePage
from petr.home.seed import HOME_KEY
from petr.missions.seed import catalogue
from petr.missions.seed import missions as mission_list
from petr.territory.loading import import_territory
from petr.territory.models import Epci, TerritorySettings
from petr.territory.parsing import TerritoryDataError
from petr.territory.sources import GeoApiSource, SourceError
from petr.web.public_address import problem
from petr.web.shared_lookups import current_site_id, forget_sites, serving

# The legal natures of an EPCI à fiscalité propre, as the API names them (« type »).
OWN_TAX_EPCI = {"CC", "CA", "CU", "METRO", "MET69"}
STARTER = "generique"


class NewSiteError(Exception):
    """Why nothing was created, in French."""


def is_empty():
    return not SeedMark.everywhere.exists()


def mission_choices():
    with using(STARTER):
        return [(key, fields["title"]) for key, fields in catalogue().items()]


def create(name, sirens, missions=(), address="", api=None):
    """Build the site, or raise NewSiteError having built nothing."""
    name = " ".join((name or "").split())
    sirens = list(dict.fromkeys(s.replace(" ", "") for s in sirens))
    errors = [f"SIREN « {s} » : {siren_error(s)}" for s in sirens if siren_error(s)]
    if not sirens:
        errors.append("Indiquez le SIREN d'au moins une communauté membre.")
    if not name:
        errors.append("Le nom du PETR est vide.")
    if address and problem(address):
        errors.append(problem(address))
    empty = is_empty()
    if not empty and not address:
        errors.append("Cette installation a déjà un site : indiquez l'adresse publique du nouveau.")
    elif address and not problem(address) and Site.objects.filter(hostname=_host(address)).exists():
        errors.append(f"Un site de l'installation répond déjà à {_host(address)}.")
    if errors:
        raise NewSiteError("Rien n'a été créé. " + " ".join(errors))
    try:
        with transaction.atomic():
            site = None if empty else _another_site(address)
            with serving(site):
                return _build(name, sirens, list(missions), address, GeoApiSource(api))
    except (TerritoryDataError, SourceError, StarterPackError) as exc:
        Site.clear_site_root_paths_cache()  # the build cached a site that was never made
        forget_sites()
        raise NewSiteError(f"Rien n'a été créé. {exc}") from exc


def _host(address):
    return urlsplit(address).hostname


def _another_site(address):
    """A Wagtail site beside the first: its home page under the tree's root, marked as seeded so
    that `seed_site`, run for it, builds the rest there."""
    with using(STARTER):
        home = HomePage(**pack().get("site.home"))
    home.slug = slugify(_host(address).replace(".", "-"))
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    parts = urlsplit(address)
    site = Site.objects.create(hostname=parts.hostname, port=parts.port or 443, root_page=home)
    SeedMark.everywhere.create(site=site, key=HOME_KEY, object_id=home.pk)
    return site


def _build(name, sirens, missions, address, source):
    with using(STARTER):
        mission_list(missions)  # an unknown mission stops it before anything is built
    import_territory(source, sirens)  # the API first: most errors come from there
    wrong = Epci.objects.exclude(kind__in=OWN_TAX_EPCI)
    if wrong.exists():
        listed = ", ".join(f"{e.name} ({e.siren}, {e.kind or '?'})" for e in wrong)
        raise TerritoryDataError(
            f"Ces SIREN ne sont pas ceux de communautés (EPCI à fiscalité propre) : {listed}."
        )
    call_command("seed_site", starter=STARTER, missions=",".join(missions),
                 stdout=io.StringIO())  # its notes are ours  # fmt: skip
    perimeter = TerritorySettings.load()
    perimeter.member_sirens = "\n".join(sirens)
    perimeter.save()
    site = Site.objects.get(pk=current_site_id())
    if address and site.is_default_site:
        parts = urlsplit(address)
        site.hostname, site.port = parts.hostname, parts.port or 443
    site.site_name = name
    site.save()
    identity = SiteIdentity.for_site(site)
    identity.name = name
    identity.save()
    home = site.root_page.specific
    home.title = name  # the home's heading: the PETR's name, not the pack's « Accueil »
    home.save_revision().publish()
    return site


def split_sirens(text):
    """SIRENs as typed in a form: separated by spaces, commas or new lines."""
    return [siren for siren in re.split(r"[\s,;]+", text or "") if siren]
