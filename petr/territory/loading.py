"""Write validated territory data to the database, all or nothing, and log the run."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Concat
from django.utils.text import slugify

from .models import Commune, DataImport, Epci
from .snapshot import TerritoryData


@dataclass(frozen=True)
class Provenance:
    source: str
    attribution: str
    data_version: str
    population_vintage: int


def unique_slugs(names_by_key: dict[str, str]) -> dict[str, str]:
    """Slug each name; a name shared by two keys gets the key appended, so URLs stay stable."""
    slugs = {key: slugify(name) for key, name in names_by_key.items()}
    seen: dict[str, int] = {}
    for slug in slugs.values():
        seen[slug] = seen.get(slug, 0) + 1
    return {key: slug if seen[slug] == 1 else f"{slug}-{key}" for key, slug in slugs.items()}


@transaction.atomic
def apply_territory(data: TerritoryData, provenance: Provenance) -> DataImport:
    existing_codes = set(Commune.objects.values_list("code_insee", flat=True))
    epci_slugs = unique_slugs({e.siren: e.name for e in data.epcis})
    epcis = {}
    for record in data.epcis:
        epcis[record.siren], _ = Epci.objects.update_or_create(
            siren=record.siren,
            defaults={"name": record.name, "slug": epci_slugs[record.siren], "kind": record.kind},
        )
    commune_slugs = unique_slugs({c.code_insee: c.name for c in data.communes})
    # Clear slugs first so a renamed commune can take a slug another one is giving up.
    Commune.objects.update(slug=Concat(Value("renommage-"), F("code_insee")))
    for record in data.communes:
        Commune.objects.update_or_create(
            code_insee=record.code_insee,
            defaults={
                "siren": record.siren,
                "name": record.name,
                "slug": commune_slugs[record.code_insee],
                "epci": epcis[record.epci_siren],
                "postal_codes": ", ".join(record.postal_codes),
                "population": record.population,
                "surface_ha": record.surface_ha,
                "latitude": record.latitude,
                "longitude": record.longitude,
            },
        )
    new_codes = {c.code_insee for c in data.communes}
    Commune.objects.exclude(code_insee__in=new_codes).delete()
    Epci.objects.exclude(siren__in=epcis).delete()
    added, removed = new_codes - existing_codes, existing_codes - new_codes
    summary = (
        f"{len(data.epcis)} communautés, {len(new_codes)} communes "
        f"({len(added)} ajoutée(s), {len(removed)} retirée(s))."
    )
    return DataImport.objects.create(
        source=provenance.source,
        attribution=provenance.attribution,
        data_version=provenance.data_version,
        population_vintage=provenance.population_vintage,
        succeeded=True,
        summary=summary,
    )
