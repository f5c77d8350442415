"""Sample content the site-wide checks publish: a carpool area and a hitch-hiking stop of the
mobility mission, so its page and its commune's page draw places."""

from decimal import Decimal

from petr.missions.models import MissionPage
from petr.places.models import Category, Place
from petr.territory.models import Commune, TerritoryPage


def publish():
    mobility = MissionPage.objects.get(slug="mobilite")
    commune = Commune.objects.get(slug="saint-mihiel")
    for name, category in (("Aire de la gare", Category.CARPOOL),
                           ("Arrêt de la mairie", Category.HITCHHIKING)):  # fmt: skip
        place = Place(name=name, category=category, mission=mobility, commune=commune,
                      longitude=Decimal(f"{commune.longitude:.6f}"),
                      latitude=Decimal(f"{commune.latitude:.6f}"), spaces=12)  # fmt: skip
        place.full_clean()
        place.save()
    territory = TerritoryPage.objects.live().first()
    return [mobility.url, f"{territory.url}{commune.slug}/"]
