"""« Nous trouver »: the contact page opens with the office's details and its point on the map."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_page_opens_with_where_to_find_us_and_the_office_on_the_map(client, seeded):
    from wagtail.models import Site

    from petr.core.models import SiteIdentity
    from petr.territory.models import Commune

    html = client.get("/contact/").content.decode()
    assert "Nous trouver" not in html  # nothing known yet: nothing shown
    seat = Commune.objects.get(slug="saint-mihiel")
    identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    identity.address, identity.phone = "1 rue de l'Exemple\n00000 Exemple", "03 00 00 00 00"
    identity.opening_hours = "Du lundi au vendredi, 9 h – 12 h"
    identity.office_latitude, identity.office_longitude = seat.latitude, seat.longitude
    identity.save()
    html = client.get("/contact/").content.decode()
    found, form = html.index('id="nous-trouver"'), html.index('id="ecrire"')
    assert found < html.index("1 rue de l&#x27;Exemple") < html.index('class="map-point"') < form
    assert 'href="tel:0300000000"' in html and "Du lundi au vendredi" in html
    identity.office_latitude, identity.office_longitude = 43.3, 5.4  # Marseille: off the map
    identity.save()
    assert 'class="map-point"' not in client.get("/contact/").content.decode()


def test_the_office_needs_both_its_latitude_and_longitude(seeded):
    from django.core.exceptions import ValidationError
    from wagtail.models import Site

    from petr.core.models import SiteIdentity

    identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    identity.office_latitude = 48.89
    with pytest.raises(ValidationError, match="la latitude et la longitude"):
        identity.full_clean()
