"""The portal is for any PETR: its identity is data. No module, template or test names one (the
first site's texts are its starter pack, starter/<name>/), and a second identity set through the
settings is the only one in what the portal adds around the staff's content."""

import re
from pathlib import Path

from django.conf import settings
from wagtail.models import Page, Site

from petr.conftest import ROOT, publish_samples
from petr.core.models import SiteIdentity
from petr.news.tests.helpers import make_image
from petr.users.models import User

FIRST_SITE = re.compile(r"C(œ|oe)ur[ \u00a0-]de[ \u00a0-]Lorraine", re.IGNORECASE)
PACK = "coeur-de-lorraine"  # the first site's starter pack is named by its folder, not in text


def names_the_first_site(text):
    return any(match.group() != PACK for match in FIRST_SITE.finditer(text))


def test_no_module_or_template_names_a_petr():
    named = [
        str(path.relative_to(ROOT))
        for path in Path(ROOT, "petr").rglob("*")
        if path.suffix in {".py", ".html", ".txt", ".css", ".js", ".svg", ".xml"}
        and "migrations" not in path.parts  # history: a default the first site once had
        and path.name != "test_identity.py"
        and names_the_first_site(path.read_text(encoding="utf-8", errors="ignore"))
    ]
    assert named == []
    assert not names_the_first_site(settings.TERRITORY_API["USER_AGENT"])


def frame(html):
    """What the portal adds around a page's own content (its text, and its lead as the meta
    description): head, header, footer."""
    html = re.sub(r'<meta (name|property)="(og:)?description"[^>]*>', "", html)
    return re.sub(r"<main.*</main>", "", html, flags=re.DOTALL)


def test_a_second_identity_is_the_only_one_the_portal_shows(client, seeded):
    site = Site.objects.get(is_default_site=True)
    identity = SiteIdentity.for_site(site)
    identity.name, identity.tagline = "PETR du Val d'Exemple", "Douze communes, un projet"
    identity.primary_colour, identity.accent_colour = "#5a2a82", "#f2c14e"
    identity.logo = make_image("Logo du Val d'Exemple")
    identity.save()
    home = Page.objects.get(depth=2).specific
    home.title = "Accueil du Val d'Exemple"
    home.save_revision().publish()
    site.refresh_from_db()
    assert site.site_name == "PETR du Val d'Exemple"  # the admin calls it so too

    for path in publish_samples():
        html = client.get(path).content.decode()
        assert "Val d&#x27;Exemple" in html, path
        assert not FIRST_SITE.search(frame(html)), path
    html = client.get("/").content.decode()
    css = re.search(r'<link rel="stylesheet" href="(/identite\.css\?v=\w+)">', html)[1]
    response = client.get(css)
    assert "--color-primary: #5a2a82;" in response.content.decode()
    assert "--color-accent: #f2c14e;" in response.content.decode()
    assert "immutable" in response["Cache-Control"]  # a new address for new colours
    assert re.search(r'<img class="brand__mark brand__mark--logo" src="[^"]+\.height-96', html)

    feeds = ["/actualites/flux/rss/", "/agenda/ical/", "/donnees/communes.csv"]
    for path in [*feeds, "/donnees/communes.csv-metadata.json", "/donnees/communautes.geojson"]:
        body = client.get(path).content.decode("utf-8-sig")
        assert not FIRST_SITE.search(body), path
    assert (
        "Actualités — PETR du Val d'Exemple" in client.get("/actualites/flux/rss/").content.decode()
    )


def test_colours_that_white_text_cannot_be_read_on_are_refused(client, seeded):
    client.force_login(User.objects.create_superuser("claire", "c@petr.example", "x" * 16))
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/core/siteidentity/{site.pk}/"
    fields = {"name": "PETR de test", "email": "", "phone": ""}
    refused = client.post(url, {**fields, "primary_colour": "#7fd1c0", "accent_colour": "bleu"})
    html = refused.content.decode()
    assert refused.status_code == 200 and "contraste de 1,8:1" in html
    assert "format #RRVVBB" in html
    assert SiteIdentity.for_site(site).primary_colour == ""  # nothing saved
    same = client.post(url, {**fields, "primary_colour": "#0b5c4f", "accent_colour": "#0c5d50"})
    assert "Pas assez visible sur la couleur principale" in same.content.decode()
    pale = client.post(url, {**fields, "primary_colour": "#0b5c4f", "accent_colour": "#fafafa"})
    assert "Trop pâle : sur le fond blanc de l'en-tête" in pale.content.decode().replace(
        "&#x27;", "'"
    )
    assert SiteIdentity.for_site(site).accent_colour == ""  # nothing saved
    done = client.post(url, {**fields, "primary_colour": "#5a2a82", "accent_colour": "#f2c14e"})
    assert done.status_code == 302


def test_a_commune_page_describes_itself(client, seeded):
    html = client.get("/territoire/saint-mihiel/").content.decode()
    assert "<title>Saint-Mihiel — " in html
    assert '<meta property="og:title" content="Saint-Mihiel">' in html
    assert '<meta property="og:description" content="Saint-Mihiel, commune de la CC du' in html
