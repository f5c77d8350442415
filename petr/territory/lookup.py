"""Communes and communautés found by name, postcode or code, whatever the accents, hyphens,
capitals, abbreviations (« st », « ste ») or a small typo: what residents type to reach their
commune's page (the search, « Trouver ma commune », the territory's list). Two short queries over
the territory's rows, matched in Python."""

from dataclasses import dataclass, field

from petr.core.french.sorting import french_sort_key
from petr.web.shared_lookups import in_served_site, public

from .matching import closeness, fold, select
from .models.data import Commune, Epci
from .models.pages import TerritoryPage

__all__ = ["Places", "commune_paths", "find_places", "fold", "territory_url"]

MAX_PLACES = 8  # by name; a postcode or code lists all of its communes


@dataclass
class Place:
    kind: str
    name: str
    url: str
    detail: str
    population: int = 0
    epci: str = ""


@dataclass
class Places:
    """What a query found: `shown` (at most MAX_PLACES by name), how many in all, and whether
    they were found by spelling tolerance rather than by the words typed."""

    found: list = field(default_factory=list)
    shown: list = field(default_factory=list)
    approximate: bool = False
    by_code: bool = False
    territory_url: str = ""

    def __bool__(self):
        return bool(self.found)

    def __iter__(self):
        return iter(self.shown)

    def __len__(self):
        return len(self.shown)

    @property
    def total(self):
        return len(self.found)

    @property
    def communes(self):
        return sum(1 for place in self.found if place.kind == "Commune")


def territory_url():
    """The territory page's address on the served site: relative, as `page.url` is no longer
    once an installation has several sites (the cache's purges need the path)."""
    territory = public(in_served_site(TerritoryPage.objects.live())).first()
    parts = territory.get_url_parts() if territory else None
    return parts[2] if parts else ""


def commune_paths(communes):
    """The pages of these communes, for the cache to purge what shows on them."""
    base_url = territory_url()
    return {f"{base_url}{commune.slug}/" for commune in communes if commune} if base_url else set()


def _candidates(base_url):
    for epci in Epci.objects.only("name", "slug", "siren"):
        url = f"{base_url}communautes/{epci.slug}/"
        yield f"{epci.name} {epci.siren}", Place("Communauté de communes", epci.name, url, "")
    communes = Commune.objects.select_related("epci").only(
        "name", "slug", "code_insee", "postal_codes", "population", "epci__name"
    )
    for commune in communes:
        codes = commune.postal_codes.replace(",", " ").split()
        url = f"{base_url}{commune.slug}/"
        epci = commune.epci.name if commune.epci else ""
        place = Place("Commune", commune.name, url, ", ".join(codes), commune.population, epci)
        yield f"{commune.name} {commune.code_insee} {' '.join(codes)}", place


def _ranked(found):
    return [place for *_, place in sorted(found, key=lambda item: item[:3])]


def find_places(query, limit=MAX_PLACES):
    """The places whose words start with every word typed (matching.select): the exact name
    first, then names that start so, then the others, the most populated first; a postcode's
    communes all listed; nothing so, the names a typo away, the closest first."""
    terms = fold(query).split()
    base_url = territory_url() if terms else ""
    if not base_url:
        return Places()
    wanted = " ".join(terms)
    candidates = list(_candidates(base_url))
    found, approximate, by_code = select(
        query, candidates, haystack=lambda item: item[0], name=lambda item: item[1].name,
        postcodes=lambda item: item[1].detail.split(", ") if item[1].kind == "Commune" else [],
    )  # fmt: skip
    places = [place for _, place in found]

    def rank(place):
        name = fold(place.name)
        if approximate:
            first = -closeness(wanted, place.name)
        else:
            first = 0 if name == wanted else 1 if name.startswith(wanted) and not by_code else 2
        return (first, -place.population, french_sort_key(place.name))

    places.sort(key=rank)
    shown = places if by_code else places[:limit]
    return Places(places, shown, approximate, by_code, base_url)
