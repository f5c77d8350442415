"""Communes and communautés found by name, postcode or code, whatever the accents, hyphens or
capitals: what residents type to reach their commune's page (the search, « Trouver ma
commune »). Two short queries over the territory's rows, matched in Python."""

import re
from dataclasses import dataclass

from petr.core.french.sorting import french_sort_key
from petr.web.shared_lookups import public

from .models.data import Commune, Epci
from .models.pages import TerritoryPage

MAX_PLACES = 8


def fold(text):
    """« Saint-Mihiel » → « saint mihiel », « Èvres » → « evres »."""
    return re.sub(r"[^a-z0-9]+", " ", french_sort_key(text)).strip()


@dataclass
class Place:
    kind: str
    name: str
    url: str
    detail: str
    population: int = 0


def _candidates(base_url):
    for epci in Epci.objects.only("name", "slug", "siren"):
        url = f"{base_url}communautes/{epci.slug}/"
        yield f"{epci.name} {epci.siren}", Place("Communauté de communes", epci.name, url, "")
    for commune in Commune.objects.only("name", "slug", "code_insee", "postal_codes", "population"):
        codes = commune.postal_codes.replace(",", " ").split()
        detail = ", ".join(codes)
        url = f"{base_url}{commune.slug}/"
        yield (
            f"{commune.name} {commune.code_insee} {' '.join(codes)}",
            Place("Commune", commune.name, url, detail, commune.population),
        )


def find_places(query, limit=MAX_PLACES):
    """The places whose words start with every word typed: the exact name first, then names
    that start so, then the others (a postcode's communes), the most populated first."""
    terms = fold(query).split()
    territory = public(TerritoryPage.objects.live()).first() if terms else None
    if territory is None:
        return []
    wanted = " ".join(terms)
    found = []
    for haystack, place in _candidates(territory.url):
        words = fold(haystack).split()
        if all(any(word.startswith(term) for word in words) for term in terms):
            name = fold(place.name)
            rank = 0 if name == wanted else 1 if name.startswith(wanted) else 2
            found.append((rank, -place.population, french_sort_key(place.name), place))
    return [place for *_, place in sorted(found, key=lambda item: item[:3])][:limit]
