"""Two PETRs served by one installation under two names: each site has its own perimeter,
figures, map, commune pages and open data, and an import into one never touches the other's
communes (the second is the Drôme perimeter of conftest, imported from a local server answering
like the API). On SQLite by `make test`, on PostgreSQL by CI."""

import csv
import io

import pytest
from django.conf import settings
from wagtail.models import Page, Site

from petr.core.models import SiteIdentity
from petr.core.starter import StarterPack
from petr.home.models import HomePage
from petr.territory.figures import territory_figures
from petr.territory.loading import import_territory
from petr.territory.lookup import commune_paths
from petr.territory.models import Commune, Epci, TerritoryMap, TerritoryPage
from petr.territory.parsing import TerritoryDataError
from petr.territory.sources import GeoApiSource, SnapshotSource
from petr.web.shared_lookups import serving

from .conftest import SIRENS

pytestmark = pytest.mark.django_db
NEIGHBOUR = "petr-voisin.example"


@pytest.fixture
def two_sites(seeded, drome_api):
    home = Page.get_first_root_node().add_child(instance=HomePage(title="PETR voisin"))
    site = Site.objects.create(hostname=NEIGHBOUR, root_page=home, site_name="PETR voisin")
    identity = SiteIdentity.for_site(site)
    identity.name = "PETR voisin"
    identity.save()
    home.add_child(instance=TerritoryPage(title="Territoire", slug="territoire"))
    with serving(site):
        import_territory(GeoApiSource(drome_api.url), SIRENS)
    return Site.objects.get(is_default_site=True), site


def communes_csv(client, **host):
    response = client.get("/donnees/communes.csv", **host)
    assert response.status_code == 200
    rows = csv.DictReader(io.StringIO(response.content.decode()), delimiter=";")
    return {row["nom"] for row in rows}


def test_each_site_serves_its_own_perimeter_figures_map_and_open_data(client, two_sites):
    first, second = two_sites
    neighbour = {"HTTP_HOST": NEIGHBOUR}
    with serving(first):
        ours = territory_figures()
        ours_map = TerritoryMap.objects.get()
    with serving(second):
        theirs = territory_figures()
        theirs_map = TerritoryMap.objects.get()
    assert (theirs.epci_count, theirs.commune_count) == (3, 54)
    assert ours.commune_count == Commune.everywhere.count() - 54 and ours.epci_count == 4
    assert ours_map.petr_path != theirs_map.petr_path and TerritoryMap.everywhere.count() == 2

    mine, other = client.get("/territoire/").text, client.get("/territoire/", **neighbour).text
    assert "Saint-Mihiel" in mine and "Grignan" not in mine
    assert "Grignan" in other and "Saint-Mihiel" not in other and "PETR voisin" in other
    grignan = Commune.everywhere.get(name="Grignan").slug
    assert client.get(f"/territoire/{grignan}/", **neighbour).status_code == 200
    assert client.get(f"/territoire/{grignan}/").status_code == 404
    assert client.get("/territoire/saint-mihiel/", **neighbour).status_code == 404
    with serving(second):  # what a news item naming it purges: the page's path on its site
        assert commune_paths([Commune.everywhere.get(name="Grignan")]) == {
            f"/territoire/{grignan}/"
        }
    assert len(communes_csv(client, **neighbour)) == 54
    assert "Grignan" not in communes_csv(client) and "Saint-Mihiel" in communes_csv(client)


def test_an_import_touches_its_own_site_only(two_sites):
    first, second = two_sites
    members = tuple(StarterPack(settings.STARTER_PACK).get("territory.members"))
    with serving(first):
        import_territory(SnapshotSource(), members, force=True)
    with serving(second):
        assert Commune.objects.count() == 54 and Epci.objects.count() == 3
        with pytest.raises(TerritoryDataError, match="déjà dans le périmètre d'un autre site"):
            import_territory(SnapshotSource(), members[:1], force=True)
        assert Commune.objects.count() == 54  # nothing changed
    with serving(first):
        assert Epci.objects.count() == len(members)
