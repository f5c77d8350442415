"""The territory map as a reusable piece, for any app that has a place on it:

    {% load territory_map %}
    {% territory_map "Communes du projet" caption="En foncé : les communes du projet."
                     highlight=page.communes.all colouring="muted" %}

(one line in a real template: Django tags do not span lines).

- title (required): the map's accessible name;
- caption: shown under the map (the legend, when empty and `links` is on);
- highlight: communes drawn dark (a queryset or list of `Commune`);
- colouring: how the other communes are drawn: "communautes" (default, each in its
  communauté's colour), "muted" (grey), or an `Epci` (its communes in colour, the rest grey);
- outline: an `Epci` whose boundary is drawn thick;
- links: every commune is a link to its page, with the legend (the territory page's map);
- shading: {commune pk: class number} drawn as `map-shade-<n>` (a choropleth: its legend is
  the caller's);
- points: objects with `longitude`, `latitude`, `name`, `symbol` (its shape) and `symbol_label`
  (the legend's words), drawn over the communes.

It reads the outlines the last import drew, in three queries whatever the number of communes;
the territory pages, which already have them, pass their `map_data` as `data`."""

from django import template
from django.utils.text import slugify

from petr.territory.models import Epci, TerritoryPage
from petr.territory.presentation import map_data
from petr.web.shared_lookups import in_served_site

register = template.Library()


@register.inclusion_tag("territory/includes/map.html", takes_context=True)
def territory_map(
    context, title, caption="", highlight=(), colouring="communautes", outline=None, links=False,
    data=None, shading=None, points=(),
):  # fmt: skip
    if data is None:
        # for the links only
        page = in_served_site(TerritoryPage.objects.live()).first() if links else None
        data = map_data(page.get_url(context.get("request")) if page else None)
    current = {commune.pk for commune in highlight}

    def css_class(commune):
        if shading is not None:
            return f"map-shade-{shading.get(commune.pk, 0)}"
        if commune.pk in current:
            return "map-current"
        if colouring == "communautes" or (
            isinstance(colouring, Epci) and commune.epci_id == colouring.pk
        ):
            return f"map-c{commune.member.colour}"
        return "map-muted"

    placed = _projected(data.territory_map, points)
    return {
        "territory_map": data.territory_map,
        "shapes": [(c, css_class(c)) for c in data.communes if c.map_path],
        "epcis": data.epcis,
        "outline": outline,
        "points": placed,
        "point_kinds": list(dict.fromkeys((p.symbol, p.symbol_label) for p, _, _ in placed)),
        "links": links,
        "map_id": f"carte-{slugify(title)[:40]}",
        "map_title": title,
        "map_caption": caption,
    }


def _projected(territory_map, points):
    if territory_map is None:
        return []
    placed = []
    for point in points:
        at = territory_map.to_svg(point.longitude, point.latitude)
        if at:
            placed.append((point, *at))
    return placed
