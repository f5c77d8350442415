"""Two PETRs served by one installation under two names: each site has its own perimeter,
figures, map, commune pages and open data, and an import into one never touches the other's
communes (the second is the Drôme perimeter of conftest, imported from a local server answering
like the API). On SQLite by `make test`, on PostgreSQL by CI."""

import csv
import datetime
import email
import io
import json
from email import policy
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.management import CommandError, call_command
from django.forms import modelform_factory
from django.test import Client
from django.utils import timezone
from wagtail.models import Page, Site

from petr.contact.forms import ContactForm, notify_staff
from petr.contact.models import ContactSettings, ContactSubmission
from petr.core.models import SeedMark, SiteIdentity
from petr.core.starter import StarterPack
from petr.missions.models import MissionPage
from petr.news.models import NewsPage
from petr.news.tests.helpers import publish_news
from petr.newsletter.models import Mailing, Subscriber
from petr.newsletter.tests.helpers import confirmed
from petr.territory.figures import territory_figures
from petr.territory.loading import import_territory
from petr.territory.lookup import commune_paths
from petr.territory.models import Commune, DataImport, Epci, TerritoryMap, TerritorySettings
from petr.territory.parsing import TerritoryDataError
from petr.territory.sources import SnapshotSource, epci_path
from petr.territory.tests.geo_api import GeoApiServer
from petr.web.shared_lookups import serving

from .conftest import FIXTURE, SIRENS

pytestmark = pytest.mark.django_db
NewsForm = modelform_factory(NewsPage, fields=["communes"])
NEIGHBOUR = "petr-voisin.example"
PARIS = ZoneInfo("Europe/Paris")


def build_neighbour(api, *extra):
    arguments = ["--nom", "PETR voisin", "--adresse", f"https://{NEIGHBOUR}", "--api", api.url]
    for siren in SIRENS:
        arguments += ["--siren", siren]
    out = io.StringIO()
    call_command("new_site", *arguments, *extra, stdout=out)
    return out.getvalue()


@pytest.fixture
def two_sites(seeded, drome_api):
    """The tests' site, and a second PETR made beside it by `new_site --adresse`."""
    build_neighbour(drome_api, "--mission", "sante")
    return Site.objects.get(is_default_site=True), Site.objects.get(hostname=NEIGHBOUR)


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
    names = ("Saint-Mihiel", "Grignan")
    for site, ours, theirs in ((first, *names), (second, *reversed(names))):
        with serving(site):  # the communes an editor or a LEADER applicant may choose
            offered = {c.name for c in NewsForm().fields["communes"].queryset}
        assert ours in offered and theirs not in offered
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


def test_staff_make_a_second_site_beside_the_first_with_its_own_pages_and_settings(
    client, two_sites
):
    first, second = two_sites
    assert second.root_page.specific_class.__name__ == "HomePage"
    assert not second.root_page.is_descendant_of(first.root_page)
    marks = {site: set(SeedMark.everywhere.filter(site=site).values_list("key", flat=True))
             for site in two_sites}  # fmt: skip
    assert {"page.home", "page.contact", "page.missions.contrat-local-de-sante"} <= marks[second]
    assert "settings.identity" in marks[first] & marks[second]
    perimeters = {row.site_id: row.sirens for row in TerritorySettings.objects.all()}
    assert list(perimeters[second.pk]) == SIRENS and list(perimeters[first.pk]) != SIRENS
    assert SiteIdentity.for_site(second).name == "PETR voisin" != SiteIdentity.for_site(first).name
    health = "/missions/contrat-local-de-sante/"
    for path in ("/", health, "/contact/", "/mentions-legales/", "/actualites/"):
        page = client.get(path, HTTP_HOST=NEIGHBOUR)
        assert page.status_code == 200 and "PETR voisin" in page.text, path
    ours = Page.objects.descendant_of(first.root_page, inclusive=True)
    assert not ours.filter(pk__in=Page.objects.descendant_of(second.root_page)).exists()

    pages = Page.objects.count()
    out = io.StringIO()
    call_command("seed_site", stdout=out)  # the recipe's run: every site, each with its pack
    assert Page.objects.count() == pages  # neither adopts nor rebuilds the other's pages
    assert "Périmètre inconnu" not in out.getvalue()
    section = Page.objects.descendant_of(first.root_page).get(slug="missions")
    made = Site.objects.create(hostname="missions.example", root_page=section)  # by staff
    call_command("seed_site", stdout=io.StringIO())
    made.refresh_from_db()  # nothing seeded into a section served under a name, nor moved
    assert Page.objects.count() == pages and made.root_page_id == section.pk
    assert not SeedMark.everywhere.filter(site=made).exists()
    SeedMark.everywhere.filter(site=second, key="page.mentions-legales").delete()
    Page.objects.descendant_of(second.root_page).get(slug="mentions-legales").delete()
    call_command("seed_site", stdout=io.StringIO())  # as after an update adding that page
    assert client.get("/mentions-legales/", HTTP_HOST=NEIGHBOUR).status_code == 200
    assert Page.objects.count() == pages


def test_a_second_site_needs_its_own_address(seeded, drome_api):
    with pytest.raises(CommandError, match="indiquez l'adresse publique du nouveau"):
        call_command("new_site", "--nom", "PETR voisin", "--siren", SIRENS[0], "--api",
                     drome_api.url, stdout=io.StringIO())  # fmt: skip
    pages = Page.objects.count()
    drome_api.fail(epci_path(SIRENS[2]), status=500, times=1)  # half-way: nothing stays
    with pytest.raises(CommandError, match="HTTP 500"):
        build_neighbour(drome_api)
    assert Page.objects.count() == pages and Site.objects.count() == 1
    assert len(Site.get_site_root_paths()) == 1 and Commune.everywhere.count() == 123
    assert Client().get("/").status_code == 200

    build_neighbour(drome_api)
    pages = Page.objects.count()
    with pytest.raises(CommandError, match=f"répond déjà à {NEIGHBOUR}"):
        build_neighbour(drome_api)
    assert Page.objects.count() == pages and Site.objects.count() == 2


def test_the_monthly_import_refreshes_every_site_and_reports_the_one_refused(two_sites):
    first, second = two_sites
    snapshot = GeoApiServer()  # the first site's perimeter, then both
    both = GeoApiServer({**snapshot.responses, **json.loads(FIXTURE.read_text(encoding="utf-8"))})
    runs = {site: DataImport.everywhere.filter(site=site).count() for site in two_sites}
    try:
        with pytest.raises(CommandError, match=f"Import refusé pour : {NEIGHBOUR}"):
            call_command("import_territory", base_url=snapshot.url, force=True,
                         stdout=io.StringIO(), stderr=io.StringIO())  # fmt: skip
        call_command("import_territory", base_url=both.url, force=True, stdout=io.StringIO())
    finally:
        snapshot.close()
        both.close()
    after = {site: DataImport.everywhere.filter(site=site, succeeded=True) for site in two_sites}
    assert after[first].count() == runs[first] + 2 and after[second].count() == runs[second] + 1
    with serving(second):
        assert Commune.objects.count() == 54


def test_each_site_lists_searches_and_exports_its_own_pages_only(client, two_sites):
    first, second = two_sites
    titles = {first: "Fête de la mirabelle", second: "Marché de la truffe"}
    for site, title in titles.items():
        with serving(site):
            publish_news(title=title)
    for site, host in ((first, {}), (second, {"HTTP_HOST": NEIGHBOUR})):
        ours, theirs = titles[site], titles[second if site == first else first]
        for word in ("mirabelle", "truffe"):
            found = client.get(f"/recherche/?q={word}", **host).text
            assert (ours in found) == (word in ours) and theirs not in found, (site, word)
        for path in ("/actualites/", "/api/v1/actualites", "/"):
            text = client.get(path, **host).text
            assert ours in text and theirs not in text, (site, path)
        urls = client.get("/sitemap.xml", **host).text
        assert urls.count("/actualites/actualite-") == 1, site
        signup = client.get("/abonnement/", **host)  # the footer's form: its own sign-up page,
        assert signup["Location"] == "/abonnement-courriel/"  # on the same site, so a path


def test_a_message_goes_to_the_team_of_the_site_whose_form_it_came_through(
    client, two_sites, mailoutbox
):
    addresses = ("equipe@premier.example", "equipe@voisin.example")
    for site, address in zip(two_sites, addresses, strict=True):
        settings_of_site = ContactSettings.load(site)
        settings_of_site.recipient = address
        settings_of_site.save()
    second = two_sites[1]
    subject = MissionPage.objects.descendant_of(second.root_page).get().title
    sent = client.post("/contact/", {
        "name": "Jeanne Martin", "email": "jeanne@example.fr", "subject": subject,
        "message": "Bonjour, où consulter le contrat local de santé ?", "website": "",
        "token": ContactForm.signer().sign(str(timezone.now().timestamp() - 30)),
    }, HTTP_HOST=NEIGHBOUR)  # fmt: skip
    assert sent.status_code == 302
    submission = ContactSubmission.objects.get()
    assert submission.site == second
    assert [message.to for message in mailoutbox] == [["equipe@voisin.example"]]
    mailoutbox.clear()  # sent again as the worker does, outside any request
    ContactSubmission.objects.filter(pk=submission.pk).update(notified=False)
    notify_staff.call(submission.pk)
    assert [message.to for message in mailoutbox] == [["equipe@voisin.example"]]


def test_each_site_alerts_its_own_subscribers_with_its_own_news(
    two_sites, smtp, django_capture_on_commit_callbacks
):
    first, second = two_sites
    readers = {}
    with time_machine.travel(datetime.datetime(2026, 12, 8, 6, tzinfo=PARIS)):
        for site, title in ((first, "Fête de la mirabelle"), (second, "Marché de la truffe")):
            with serving(site):  # as the sign-up form and the editor on that site do
                readers[site] = confirmed("lecteur@example.fr", newsletter=False, news=True,
                                          frequency=Subscriber.Frequency.DAILY)  # fmt: skip
                publish_news(title=title)
    alerts = datetime.datetime(2026, 12, 8, 7, 30, tzinfo=PARIS)
    with time_machine.travel(alerts), django_capture_on_commit_callbacks(execute=True):
        call_command("newsletter_tick", stdout=io.StringIO())
    assert Mailing.objects.filter(digest_day=datetime.date(2026, 12, 8)).count() == 2
    texts = {}
    for raw in smtp.messages:
        message = email.message_from_bytes(raw.encode(), policy=policy.default)
        texts[message["Message-ID"].split(".")[2].split("@")[0]] = message
    ours, theirs = (texts[str(readers[site].pk)] for site in two_sites)
    assert "Fête de la mirabelle" in ours.get_body(("plain",)).get_content()
    assert "Marché de la truffe" not in ours.get_body(("plain",)).get_content()
    text = theirs.get_body(("plain",)).get_content()
    assert "Marché de la truffe" in text and "Fête de la mirabelle" not in text
    assert f"https://{NEIGHBOUR}/abonnement/" in text and "PETR voisin" in theirs["From"]


def test_a_superuser_adds_a_site_from_the_admin(seeded, drome_api, admin_client, settings):
    settings.TERRITORY_API = {**settings.TERRITORY_API, "BASE_URL": drome_api.url}
    assert "/admin/nouveau-site/" in admin_client.get("/admin/").text  # Paramètres › Ajouter
    form = {"name": "PETR voisin", "sirens": "\n".join(SIRENS), "missions": ["leader"]}
    refused = admin_client.post("/admin/nouveau-site/", form)
    assert refused.status_code == 400 and "Adresse publique" in refused.text
    assert Site.objects.count() == 1
    done = admin_client.post("/admin/nouveau-site/", {**form, "address": f"https://{NEIGHBOUR}"})
    assert done.status_code == 302 and Site.objects.get(hostname=NEIGHBOUR).site_name
    assert "PETR voisin" in Client().get("/missions/leader/", HTTP_HOST=NEIGHBOUR).text


def test_only_a_superuser_adds_a_site(seeded, client, django_user_model):
    staff = django_user_model.objects.create_user("equipe", password="x", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff)
    assert client.get("/admin/nouveau-site/").status_code in (302, 403)
    assert "/admin/nouveau-site/" not in client.get("/admin/").text
