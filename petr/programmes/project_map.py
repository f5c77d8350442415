"""The catalogue's map: communes shaded by the number of the listed projects or by the aid they
received, with a legend and the same figures as a table, and the missions' places as symbols.
Five queries whatever the number of projects: the links with their aid, the places, and the
map's three."""

from dataclasses import dataclass
from decimal import Decimal

from django.apps import apps
from django.db.models import OuterRef, Subquery, Sum

from petr.territory.presentation import map_data

MEASURES = {"nombre": "nombre de projets", "montant": "montant des aides"}
SHADES = 4  # classes besides « aucun projet » (site.css: .map-shade-0 to -4)


@dataclass
class CommuneRow:
    commune: object
    count: int = 0
    aid: Decimal = Decimal(0)


@dataclass
class ShadeClass:
    number: int
    low: object
    high: object


def totals(projects, communes):
    """One row per commune with at least one of the projects (in the order of `communes`). A
    project in several communes counts fully in each: its aid is not split, since nothing
    says how."""
    fundings = projects.model.fundings.rel.related_model.objects
    aid = fundings.filter(project_id=OuterRef("projectpage_id")).values("project_id")
    links = (
        projects.model.communes.through.objects.filter(projectpage_id__in=projects.values("pk"))
        .annotate(aid=Subquery(aid.annotate(total=Sum("amount")).values("total")))
        .values_list("commune_id", "aid")
    )
    rows = {}
    for commune, amount in links:
        row = rows.setdefault(commune, CommuneRow(None))
        row.count += 1
        row.aid += amount or 0
    listed = []
    for commune in communes:
        if commune.pk in rows:
            rows[commune.pk].commune = commune
            listed.append(rows[commune.pk])
    return listed


def shade_classes(values):
    """Up to SHADES classes of the non-zero values, by quantiles (each class holds about as
    many communes), bounded by values that occur."""
    ordered = sorted(v for v in values if v)
    if not ordered:
        return []
    classes, start = [], 0
    for number in range(1, SHADES + 1):
        if start >= len(ordered):
            break
        end = max(start + 1, round(len(ordered) * number / SHADES))
        while end < len(ordered) and ordered[end] == ordered[end - 1]:
            end += 1  # equal values share a class
        classes.append(ShadeClass(len(classes) + 1, ordered[start], ordered[end - 1]))
        start = end
    return classes


def shade_of(value, classes):
    if not value:
        return 0
    return next(c.number for c in classes if value <= c.high)


def project_map(projects, measure):
    data = map_data(None)
    rows = totals(projects, data.communes)
    value = (lambda row: row.count) if measure == "nombre" else (lambda row: row.aid)
    classes = shade_classes(value(row) for row in rows)
    places = apps.get_model("places", "Place").objects.for_map().filter(is_open=True)
    return {
        "data": data,
        "measure": measure,
        "measure_label": MEASURES[measure],
        "measures": MEASURES,
        "rows": rows,
        "classes": classes,
        "shading": {row.commune.pk: shade_of(value(row), classes) for row in rows},
        "places": list(places),
    }
