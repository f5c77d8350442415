"""The territory's generated pages, for the site-wide checks (accessibility, valid HTML): a
commune with its mairie imported, the list filtered, and the contact page's office on the map."""

from pathlib import Path

FIXTURE = Path(__file__).parent / "fixtures" / "annuaire-mairies.json"


def publish():
    from wagtail.models import Site

    from petr.core.models import SiteIdentity
    from petr.territory.models import Commune
    from petr.territory.town_hall_import import import_town_halls

    import_town_halls(FIXTURE.read_bytes())
    seat = Commune.objects.get(slug="saint-mihiel")
    identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    identity.address, identity.phone = "1 rue de l'Exemple\n00000 Exemple", "03 00 00 00 00"
    identity.office_latitude, identity.office_longitude = seat.latitude, seat.longitude
    identity.save()
    return [
        "/territoire/communautes/cc-du-sammiellois/",
        "/territoire/saint-mihiel/",
        "/territoire/?commune=55300",  # the list filtered (a typo's answer differs by a sentence)
    ]
