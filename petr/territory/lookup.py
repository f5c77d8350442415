"""Communes and communautés found by name, postcode or code, whatever the accents, hyphens,
capitals, abbreviations (« st », « ste ») or a small typo: what residents type to reach their
commune's page (the search, « Trouver ma commune », the territory's list). Two short queries over
the territory's rows, matched in Python."""

import re
from dataclasses import dataclass, field

from petr.core.french.sorting import french_sort_key
from petr.web.shared_lookups import public

from .matching import TYPO_CUTOFF, closeness, fold, starts_every
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
    territory = public(TerritoryPage.objects.live()).first()
    return territory.url if territory else ""


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
    """The places whose words start with every word typed: the exact name first, then names
    that start so, then the others (a postcode's communes), the most populated first. Nothing
    so? The names within a typo or two of what was typed."""
    terms = fold(query).split()
    base_url = territory_url() if terms else ""
    if not base_url:
        return Places()
    wanted = " ".join(terms)
    candidates = list(_candidates(base_url))
    if re.fullmatch(r"\d{5}", wanted):
        # A whole code: its postcode's communes, or else the commune of that INSEE code.
        places = _by_code(wanted, candidates)
        return Places(places, places, by_code=True, territory_url=base_url)
    found = []
    for haystack, place in candidates:
        if starts_every(terms, haystack):
            name = fold(place.name)
            rank = 0 if name == wanted else 1 if name.startswith(wanted) else 2
            found.append((rank, -place.population, french_sort_key(place.name), place))
    if found:
        places = _ranked(found)
        return Places(places, places[:limit], territory_url=base_url)
    close = _close_names(wanted, [place for _, place in candidates])
    return Places(close, close[:limit], approximate=True, territory_url=base_url)


def _by_code(code, candidates):
    communes = [(haystack.split(), place) for haystack, place in candidates
                if place.kind == "Commune"]  # fmt: skip
    by_postcode = [place for words, place in communes if code in place.detail.split(", ")]
    by_insee = [place for words, place in communes if code in words]
    return sorted(
        by_postcode or by_insee, key=lambda place: (-place.population, french_sort_key(place.name))
    )


def _close_names(wanted, places):
    """Names a typo away, the closest first: compared whole, and on as many words as typed
    (« saint mihel » against « Saint-Mihiel », « fresnes » against « Fresnes-en-Woëvre »)."""
    scored = []
    for place in places:
        ratio = closeness(wanted, place.name)
        if ratio >= TYPO_CUTOFF:
            scored.append((-ratio, -place.population, french_sort_key(place.name), place))
    return _ranked(scored)
