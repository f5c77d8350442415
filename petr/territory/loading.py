"""Import the territory: read and validate it all, compare it with what the site shows, then
write it in one transaction (or not at all) and log the run, successful or not."""

import hashlib
import json
from dataclasses import asdict

from django.db import transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Concat
from django.utils.text import slugify

from petr.web.shared_lookups import current_site_id

from . import geometry
from .changes import Changes
from .models import Commune, DataImport, Epci, TerritoryMap
from .parsing import ATTRIBUTION, TerritoryData, TerritoryDataError, read_territory

MAX_COUNT_CHANGE = 0.10  # of the communes, for an unchanged perimeter, before --force is needed


def compare(data: TerritoryData) -> Changes:
    current = {c.code_insee: c for c in Commune.objects.select_related("epci")}
    epcis_now = {e.siren: e.name for e in Epci.objects.all()}
    incoming = {c.code_insee: c for c in data.communes}
    names = {e.siren: e.name for e in data.epcis}
    changes = Changes(
        communes_before=len(current),
        communes_after=len(incoming),
        population_before=sum(c.population for c in current.values()),
        population_after=sum(c.population for c in incoming.values()),
        epcis_added=[{"siren": s, "name": n} for s, n in names.items() if s not in epcis_now],
        epcis_removed=[{"siren": s, "name": n} for s, n in epcis_now.items() if s not in names],
        added=[{"code": k, "name": c.name} for k, c in incoming.items() if k not in current],
        removed=[{"code": k, "name": c.name} for k, c in current.items() if k not in incoming],
    )
    for code, new in incoming.items():
        old = current.get(code)
        if old is None:
            continue
        if old.epci.siren != new.epci_siren:
            changes.moved.append(
                {
                    "code": code,
                    "name": new.name,
                    "before": old.epci.name,
                    "after": names[new.epci_siren],
                }
            )
        if old.name != new.name:
            changes.renamed.append({"code": code, "before": old.name, "after": new.name})
        if old.population != new.population:
            changes.population.append(
                {"code": code, "name": new.name, "before": old.population, "after": new.population}
            )
    return changes


def check_commune_count(changes: Changes) -> None:
    """A commune count that jumps while the perimeter is the same is more likely a broken
    payload than a reform: refuse it unless the operator says otherwise."""
    before, after = changes.communes_before, changes.communes_after
    if before and not changes.perimeter_changed and abs(after - before) > before * MAX_COUNT_CHANGE:
        raise TerritoryDataError(
            f"Le nombre de communes passerait de {before} à {after} (plus de "
            f"{MAX_COUNT_CHANGE:.0%}) sans changement de périmètre. Vérifiez la source, puis "
            "relancez avec --force si le changement est réel."
        )


def import_territory(source, sirens, *, dry_run=False, force=False, population_vintage=None):
    """Returns (changes, run); run is None for a dry run. Any failure leaves the territory as it
    was, is logged as a failed run (except in a dry run) and raises TerritoryDataError."""
    try:
        data = read_territory(source, sirens, population_vintage)
        changes = compare(data)
        if not force:
            check_commune_count(changes)
        if dry_run:
            return changes, None
        return changes, apply_territory(data, changes, source.kind)
    except Exception as exc:
        if not dry_run:
            DataImport.objects.create(
                source=source.kind, attribution=ATTRIBUTION, succeeded=False, summary=str(exc)
            )
        if isinstance(exc, TerritoryDataError):
            raise
        raise TerritoryDataError(f"Import interrompu par une erreur inattendue : {exc!r}") from exc


def unique_slugs(names_by_key: dict[str, str]) -> dict[str, str]:
    """Slug each name; a name shared by two keys gets the key appended, so URLs stay stable."""
    slugs = {key: slugify(name) for key, name in names_by_key.items()}
    seen: dict[str, int] = {}
    for slug in slugs.values():
        seen[slug] = seen.get(slug, 0) + 1
    return {key: slug if seen[slug] == 1 else f"{slug}-{key}" for key, slug in slugs.items()}


def _clear_of_other_sites(slugs, others):
    """A slug another site's row holds (two PETRs each with a Saint-Martin) gets the key."""
    taken = set(others.filter(slug__in=slugs.values()).values_list("slug", flat=True))
    return {key: f"{slug}-{key}" if slug in taken else slug for key, slug in slugs.items()}


@transaction.atomic
def apply_territory(data: TerritoryData, changes: Changes, source_kind: str) -> DataImport:
    site = current_site_id()
    elsewhere = Epci.everywhere.filter(siren__in=[e.siren for e in data.epcis]).exclude(
        site_id=site
    )
    if elsewhere:
        listed = ", ".join(f"{e.name} ({e.siren})" for e in elsewhere)
        raise TerritoryDataError(
            f"Ces communautés sont déjà dans le périmètre d'un autre site : {listed}."
        )
    epci_slugs = _clear_of_other_sites(
        unique_slugs({e.siren: e.name for e in data.epcis}), Epci.everywhere.exclude(site_id=site)
    )
    epcis = {}
    # Clear slugs first so a renamed row can take a slug another one is giving up.
    Epci.objects.update(slug=Concat(Value("renommage-"), F("siren")))
    for record in data.epcis:
        epcis[record.siren], _ = Epci.objects.update_or_create(
            siren=record.siren,
            defaults={"name": record.name, "slug": epci_slugs[record.siren], "kind": record.kind},
        )
    # This site's communes, and those it takes in: another site's are never touched.
    incoming = [c.code_insee for c in data.communes]
    ours = Commune.everywhere.filter(Q(epci__site_id=site) | Q(code_insee__in=incoming))
    ours_codes = list(ours.values_list("code_insee", flat=True))
    commune_slugs = _clear_of_other_sites(
        unique_slugs({c.code_insee: c.name for c in data.communes}),
        Commune.everywhere.exclude(code_insee__in=ours_codes),
    )
    Commune.everywhere.filter(code_insee__in=ours_codes).update(
        slug=Concat(Value("renommage-"), F("code_insee"))
    )
    for record in data.communes:
        Commune.everywhere.update_or_create(
            code_insee=record.code_insee,
            defaults={
                "in_perimeter": True,
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
    # A commune that left is kept outside the perimeter: projects, places and news name it.
    Commune.everywhere.filter(code_insee__in=ours_codes).exclude(code_insee__in=incoming).update(
        in_perimeter=False, epci=None, slug=Concat(Value("hors-perimetre-"), F("code_insee"))
    )
    Epci.objects.exclude(siren__in=epcis).delete()
    rebuilt = rebuild_map_if_changed(data.outlines)
    return DataImport.objects.create(
        source=source_kind,
        attribution=ATTRIBUTION,
        data_version=data.data_version,
        population_vintage=data.population_vintage,
        succeeded=True,
        summary=changes.summary() + (" Carte redessinée." if rebuilt else ""),
        changes=asdict(changes),
    )


def rebuild_map_if_changed(outlines) -> bool:
    """Outlines and SVG paths depend only on which commune belongs to which communauté and on
    the communes' outlines: redraw only when one of those changed."""
    communes = list(Commune.objects.select_related("epci").order_by("code_insee"))
    digest = hashlib.sha256(f"v{geometry.DRAWING_VERSION};".encode())
    digest.update(json.dumps(outlines, sort_keys=True).encode())
    for commune in communes:
        digest.update(f"{commune.code_insee}:{commune.epci.siren};".encode())
    fingerprint = digest.hexdigest()
    current = TerritoryMap.objects.first()
    if current and current.fingerprint == fingerprint:
        return False
    by_epci = {}
    for commune in communes:
        commune.outline = outlines.get(commune.code_insee)
        by_epci.setdefault(commune.epci, []).append(commune.outline)
    epci_outlines = {epci.siren: geometry.union_outline(group) for epci, group in by_epci.items()}
    petr_outline = geometry.union_outline(c.outline for c in communes)
    drawing = geometry.draw(
        [geometry.Place(c.code_insee, c.epci.siren, c.longitude, c.latitude) for c in communes],
        outlines,
        epci_outlines,
        petr_outline,
    )
    for commune in communes:
        commune.map_path = drawing.commune_paths.get(commune.code_insee, "")
    Commune.objects.bulk_update(communes, ["outline", "map_path"])
    for epci in by_epci:
        epci.outline = epci_outlines[epci.siren]
        epci.map_path = drawing.epci_paths.get(epci.siren, "")
    Epci.objects.bulk_update(list(by_epci), ["outline", "map_path"])
    TerritoryMap.objects.all().delete()
    TerritoryMap.objects.create(
        width=drawing.width,
        height=drawing.height,
        petr_path=drawing.petr_path,
        outline=petr_outline,
        frame=asdict(drawing.frame) if drawing.frame else None,
        fingerprint=fingerprint,
    )
    return True
