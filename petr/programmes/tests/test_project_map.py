"""The catalogue's map: communes shaded by the listed projects' number or aid, with a legend
and a table of the same figures; filters narrow the map as they narrow the list."""

import re

import pytest

from petr.programmes.project_map import ShadeClass, shade_classes, shade_of
from petr.programmes.tests.test_projects import add_project
from petr.territory.models import Commune

pytestmark = pytest.mark.django_db


def test_classes_split_the_values_by_quantiles_and_keep_ties_together():
    assert shade_classes([0, 0]) == []
    assert shade_classes([3]) == [ShadeClass(1, 3, 3)]
    classes = shade_classes([1, 1, 1, 2, 5, 8, 9, 40])
    # Eight values, four classes of about two; the three 1s stay together.
    assert [(c.low, c.high) for c in classes] == [(1, 1), (2, 2), (5, 8), (9, 40)]
    assert [shade_of(v, classes) for v in (0, 1, 3, 9, 40)] == [0, 1, 3, 4, 4]


def shade(html, commune):
    """The class of a commune's shape: shapes are drawn in the map's French order."""
    return re.search(rf'class="(map-shade-\d)" d="{re.escape(commune.map_path)}"', html).group(1)


def test_the_map_shades_communes_and_its_table_gives_the_figures(seeded, client):
    woel, mihiel, other = (Commune.objects.get(slug=s) for s in
                           ("woel", "saint-mihiel", "vigneulles-les-hattonchatel"))  # fmt: skip
    add_project("Halle", communes=[woel, mihiel], fundings=[("leader", "10000", "0")])
    add_project("Verger", communes=[woel], fundings=[("leader", "2500.50", "0"),
                                                     ("region", "500", "0")])  # fmt: skip
    html = client.get("/projets-soutenus/").text
    assert shade(html, woel) != shade(html, mihiel) and shade(html, other) == "map-shade-0"
    table = html[html.index("<table") : html.index("</table>")]
    assert re.search(r"Woël</a></th><td>2</td><td>13\u202f000,50</td>", table), table
    assert re.search(r"Saint-Mihiel</a></th><td>1</td><td>10\u202f000</td>", table)
    assert "2 projets" in html and "1 projet<" in html  # the legend
    by_amount = client.get("/projets-soutenus/?carte=montant").text
    assert (
        "13\u202f000,50&nbsp;€" in by_amount and "<strong>montant des aides</strong>" in by_amount
    )
    filtered = client.get("/projets-soutenus/?commune=saint-mihiel").text
    assert re.search(r"Woël</a></th><td>1</td>", filtered)  # only the « Halle » now
