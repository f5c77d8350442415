"""The portal is for any PETR: its identity is data. No module or template names one (the seed,
which writes the first site's starter content, is content), and a second identity set through
the settings is the only one in what the portal adds around the staff's content."""

import re
from pathlib import Path

from django.conf import settings
from wagtail.models import Page, Site

from petr.conftest import ROOT, publish_samples
from petr.core.models import SiteIdentity

FIRST_SITE = re.compile(r"C(œ|oe)ur[ -]de[ -]Lorraine", re.IGNORECASE)
CONTENT = ("seed.py", "seeding.py")  # the first site's starter texts


def test_no_module_or_template_names_a_petr():
    named = [
        str(path.relative_to(ROOT))
        for path in Path(ROOT, "petr").rglob("*")
        if path.suffix in {".py", ".html", ".txt", ".css", ".js", ".svg", ".xml"}
        and "tests" not in path.parts
        and "migrations" not in path.parts
        and path.name not in CONTENT
        and FIRST_SITE.search(path.read_text(encoding="utf-8", errors="ignore"))
    ]
    assert named == []
    assert not FIRST_SITE.search(settings.TERRITORY_API["USER_AGENT"])


def frame(html):
    """What the portal adds around a page's own content (its text, and its lead as the meta
    description): head, header, footer."""
    html = re.sub(r'<meta (name|property)="(og:)?description"[^>]*>', "", html)
    return re.sub(r"<main.*</main>", "", html, flags=re.DOTALL)


def test_a_second_identity_is_the_only_one_the_portal_shows(client, seeded):
    site = Site.objects.get(is_default_site=True)
    identity = SiteIdentity.for_site(site)
    identity.name, identity.tagline = "PETR du Val d'Exemple", "Douze communes, un projet"
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
    feeds = ["/actualites/flux/rss/", "/agenda/ical/", "/donnees/communes.csv"]
    for path in [*feeds, "/donnees/communes.csv-metadata.json", "/donnees/communautes.geojson"]:
        body = client.get(path).content.decode("utf-8-sig")
        assert not FIRST_SITE.search(body), path
    assert (
        "Actualités — PETR du Val d'Exemple" in client.get("/actualites/flux/rss/").content.decode()
    )
