import io
import re

import pytest
from django.contrib.auth.models import Permission
from django.core.management import CommandError, call_command
from django.test import Client
from wagtail.models import Site

from petr.core.models import CustomImage, SeedMark
from petr.core.starter import StarterPack, available
from petr.territory.models import Commune
from petr.territory.tests.helpers import add_communes

pytestmark = pytest.mark.django_db
NNBSP = "\u202f"


def test_home_figures_are_in_the_html_with_french_formatting(client, seeded):
    html = client.get("/").content.decode()
    values = dict(re.findall(r'<data value="(\d+)">([^<]+)</data>', html))
    assert values == {"4": "4", "123": "123", "25292": f"25{NNBSP}292", "1599": f"1{NNBSP}599"}
    assert "≈" in html and "km²" in html
    assert "millésime 2023" in html
    assert "Licence Ouverte 2.0" in html and "geo.api.gouv.fr" in html


def test_figures_follow_the_data_not_the_text(client, seeded):
    Commune.objects.filter(code_insee="55017").update(population=1109)
    html = client.get("/").content.decode()
    assert f'<data value="26292">26{NNBSP}292</data>' in html


def test_mission_tabs_link_every_mission_page(client, seeded):
    html = client.get("/").content.decode()
    for slug in ("contrat-local-de-sante", "transition-ecologique", "mobilite", "leader"):
        assert f'href="#mission-{slug}"' in html
        assert f'id="mission-{slug}"' in html
        assert f'href="/missions/{slug}/"' in html


def test_the_home_is_a_front_door(client, seeded):
    """Search, « Trouver ma commune » (suggestions without JavaScript: a datalist; the form
    leads to the commune's page), the territory drawn from the data, quick access by visitor."""
    html = client.get("/").content.decode()
    assert 'action="/recherche/" role="search"' in html
    suggestions = re.search(r'<datalist id="accueil-communes">(.*?)</datalist>', html)[1]
    names = re.findall(r'<option value="([^"]+)">', suggestions)
    assert len(names) == Commune.objects.count() and names.index("Èvres") < names.index(
        "Fresnes-en-Woëvre"
    )
    assert '<input type="hidden" name="lieu" value="on">' in html
    assert html.count('<path class="map-c') == 4  # the four communautés, from their outlines
    assert "Carte du territoire et de ses 4 communautés de communes" in html
    for audience in ("Habitant ou habitante", "Porteur ou porteuse de projet", "Élu ou élue"):
        assert f'<h3 class="quick-access__audience">{audience}</h3>' in html
    assert html.index("Le PETR en chiffres") < html.index("Accès rapides")


def test_home_query_count_does_not_grow_with_communes(seeded, query_counts):
    before = query_counts(["/"])
    add_communes(5)
    assert query_counts(["/"]) == before
    assert before["/"] <= 10  # site, page, figures and their import, missions, news, events


def test_seeding_twice_keeps_editor_changes_and_deletions(client, seeded):
    home = Site.objects.get(is_default_site=True).root_page.specific
    home.title = "Titre choisi par l'éditrice"
    home.save_revision().publish()
    mobility = home.get_descendants().get(slug="mobilite")
    mobility.delete()
    marks = SeedMark.objects.count()

    call_command("seed_site", stdout=open("/dev/null", "w"))  # noqa: SIM115

    home.refresh_from_db()
    assert home.title == "Titre choisi par l'éditrice"
    assert not home.get_descendants().filter(slug="mobilite").exists()
    assert SeedMark.objects.count() == marks
    assert Commune.objects.count() == 123


def test_the_dashboard_offers_each_role_its_everyday_tasks(client, seeded):
    """Per role: the tasks the guide gives it, each one click from the dashboard to a form it may
    send; nothing it may not do."""
    import re

    from django.contrib.auth.models import Group

    from petr.users.models import User

    pages = ["Nouvelle actualité", "Nouvel événement", "Nouvel acte", "Nouveau document"]
    places = ["Nouveau lieu", "Importer des lieux"]
    expected = {
        "Communication": [*pages, "Nouvelle fiche action"],
        "Rédaction": [*pages, "Nouvelle fiche action"],
        "Direction": [*pages, "Nouvelle fiche action", "Nouveau projet soutenu"],
        "Secrétariat — actes": ["Nouvel acte", "Nouveau document"],
        "Chargé·e de mission — LEADER": [
            "Nouvelle fiche action",
            "Nouveau projet soutenu",
            *places,
        ],  # fmt: skip
        "Chargé·e de mission — Mobilité": places,
    }
    guide = None
    for group in Group.objects.all():
        user = User.objects.create_user(f"agent-{group.pk}", password="x" * 16)
        user.groups.add(group)
        client.force_login(user)
        html = client.get("/admin/").content.decode()
        panel = html.split("Que voulez-vous faire")[1].split("</section>")[0]
        found = re.findall(r'class="button button-secondary" href="([^"]+)">([^<]+)</a>', panel)
        if group.name in expected:  # « Nouvelle fiche action : PTRTE »: one per programme
            tasks = list(dict.fromkeys(label.split(" : ")[0] for _url, label in found))
            assert tasks == expected.pop(group.name), group.name
        for url, label in found:
            form = client.get(url)
            assert form.status_code == 200, (group.name, label)
            assert "<form" in form.content.decode(), (group.name, label)
        guide = guide or client.get("/admin/guide/").content.decode()
    assert expected == {}  # every role above exists
    for label in [*pages, "Nouvelle fiche action", "Nouveau projet soutenu", *places]:
        assert f"<strong>{label}</strong>" in guide, label  # each task has its step


def test_a_new_fiche_action_goes_under_the_programme_chosen(admin_client, seeded, monkeypatch):
    from petr.home import dashboard
    from petr.programmes.models import ProgrammePage

    html = admin_client.get("/admin/").content.decode()
    for programme in ProgrammePage.objects.all():  # a few: a button each
        add = f"/admin/pages/add/programmes/actionpage/{programme.pk}/"
        assert f'href="{add}">Nouvelle fiche action : {programme.title}</a>' in html
    monkeypatch.setattr(dashboard, "PARENT_BUTTONS", 0)  # many: one button that asks where
    html = admin_client.get("/admin/").content.decode()
    assert 'href="/admin/fiches-actions/choose_parent/">Nouvelle fiche action</a>' in html
    news = 'href="/admin/pages/add/news/newspage/'
    assert html.count(news) == 1  # a type without a listing keeps its button per place
    asks = admin_client.get("/admin/fiches-actions/choose_parent/").content.decode()
    assert "Où la créer ?" in asks and "Créer : fiche action" in asks


def test_the_dashboard_lists_the_users_abandoned_drafts(admin_client, seeded):
    from wagtail.models import Page
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    from petr.news.models import NewsPage
    from petr.users.models import User

    admin = User.objects.get(pk=admin_client.session["_auth_user_id"])
    news = Page.objects.get(slug="actualites")
    first_try = NewsPage(title="Fête de la santé", owner=admin, live=False, date="2026-12-05",
                         intro="Un premier essai, abandonné.")  # fmt: skip
    news.add_child(instance=first_try)
    first_try.save_revision(user=admin)
    html = admin_client.get("/admin/").content.decode()
    assert "Vos brouillons jamais publiés" in html
    assert f'/admin/pages/{first_try.pk}/edit/">Fête de la santé</a>' in html
    again = admin_client.post(f"/admin/pages/add/news/newspage/{news.pk}/", nested_form_data({
        "title": "Fête de la santé", "slug": "fete-de-la-sante", "date": "05/12/2026",
        "intro": "Le second essai.", "body": streamfield([]), "action-publish": "publish",
    }))  # fmt: skip
    message = again.content.decode().replace("&#x27;", "'").replace("&quot;", '"')
    assert (
        "L'adresse « fete-de-la-sante » est déjà prise par la page « Fête de la santé », "
        "un brouillon jamais publié." in message
    )
    assert f'<a href="/admin/pages/{first_try.pk}/edit/">Ouvrir « Fête de la santé »</a>' in message


def test_the_dashboard_lists_images_without_alternative_text(admin_client, client, seeded):
    from petr.news.tests.helpers import make_image
    from petr.users.models import User

    described, bare, decorative = make_image("Décrite"), make_image("Atelier"), make_image("Motif")
    described.description = "Les participants de l'atelier"
    described.save()
    CustomImage.objects.filter(pk=bare.pk).update(description="")  # as an import leaves it
    CustomImage.objects.filter(pk=decorative.pk).update(description="", is_decorative=True)
    html = admin_client.get("/admin/").content.decode()
    assert "1 image sans texte alternatif" in html
    assert f'/admin/images/{bare.pk}/">Atelier</a>' in html and ">Motif</a>" not in html
    reader = User.objects.create_user("lecture", password="x" * 16, is_staff=True)
    reader.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(reader)
    assert "sans texte alternatif" not in client.get("/admin/").content.decode()


def test_the_dashboard_lists_scheduled_publications(admin_client, seeded):
    import datetime

    from django.utils import timezone
    from wagtail.models import Page

    page = Page.objects.get(slug="mentions-legales").specific
    page.title = "Mentions légales révisées"
    page.go_live_at = timezone.now() + datetime.timedelta(days=2)
    page.save_revision().publish()  # scheduled, not live yet
    html = admin_client.get("/admin/").content.decode()
    assert "Publications programmées" in html and "Mentions légales révisées" in html


def test_the_writing_guide_is_served_by_the_site_with_its_screenshots(client, seeded):
    import re

    from django.contrib.auth.models import Group
    from django.contrib.staticfiles import finders

    from petr.users.models import User

    assert client.get("/admin/guide/").status_code == 302  # staff only
    user = User.objects.create_user("agent-guide", password="x" * 16)
    user.groups.add(Group.objects.get(name="Communication"))
    client.force_login(user)
    html = client.get("/admin/guide/").content.decode()
    assert "Publier un acte et créer sa séance" in html
    shots = re.findall(r'src="/static/(guide/[a-z-]+\.jpg)"', html)
    assert len(shots) >= 4 and all(finders.find(shot) for shot in shots)
    assert all(re.search(r'alt="[^"]{20,}"', tag) for tag in re.findall(r"<img [^>]+>", html))
    dashboard = client.get("/admin/").content.decode()
    assert 'href="/admin/guide/"' in dashboard and "Guide de la r\\u00e9daction" in dashboard


def test_a_photo_of_the_territory_replaces_the_drawing(
    client, seeded, django_assert_max_num_queries
):
    from petr.core.models import SiteIdentity
    from petr.news.tests.helpers import make_image

    identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    identity.hero_image = make_image("Les côtes de Meuse")
    identity.hero_image.description = "Les côtes de Meuse au printemps, vues de Hattonchâtel"
    identity.hero_image.save()
    identity.save()
    client.get("/")  # the renditions are made once
    with django_assert_max_num_queries(10):
        html = client.get("/").content.decode()
    assert 'class="hero__photo"' in html and 'alt="Les côtes de Meuse au printemps' in html
    assert 'class="hero__map"' not in html


def empty_the_site():
    """No site, no home page, nothing marked as seeded: what `seed_site` finds on a new install
    (the territory stays: seeding loads it only when it is empty)."""
    from wagtail.models import Page

    Site.objects.all().delete()
    Page.objects.get(depth=2).delete()
    SeedMark.objects.all().delete()


def test_seeding_an_emptied_site_builds_the_same_site_again(seeded):
    """The starter site is built once per code version and cloned (petr/test_databases.py): this
    runs the seeding itself on every test run, from an empty site to the same pages."""
    from django.contrib.auth.models import Group
    from wagtail.models import Page

    def shape():
        pages = Page.objects.filter(depth__gt=1).values_list("url_path", "content_type__model")
        return sorted(pages), SeedMark.objects.count()

    before = shape()
    empty_the_site()
    Group.objects.filter(name__in=["Communication", "Secrétariat — actes"]).delete()

    call_command("seed_site", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert shape() == before
    assert Site.objects.get(is_default_site=True).root_page.url_path == "/accueil/"
    assert Group.objects.filter(name="Communication").exists()


def test_the_generic_starter_pack_builds_a_site_any_petr_can_keep(seeded):
    """Built on an emptied site: every page a public body's site owes, no mission invented, the
    identity left empty for staff, and nothing of the first site's texts."""
    from wagtail.models import Page

    from petr.core.models import SiteIdentity

    empty_the_site()
    out = io.StringIO()

    call_command("seed_site", starter="generique", stdout=out)

    site = Site.objects.get(is_default_site=True)
    pages = Page.objects.descendant_of(site.root_page, inclusive=True).live().specific()
    slugs = {page.slug for page in pages}
    assert {"accueil", "le-petr", "missions", "contact", "mentions-legales", "accessibilite",
            "donnees-personnelles", "plan-du-site", "actualites", "agenda"} <= slugs  # fmt: skip
    assert not pages.filter(slug__in=["mobilite", "leader", "cls-3"]).exists()
    identity = SiteIdentity.for_site(site)
    assert (identity.name, identity.legal_name) == ("", "")
    assert "Périmètre inconnu" in out.getvalue()
    texts = " ".join(str(vars(page)) for page in pages)
    assert not re.search(r"C(œ|oe)ur de Lorraine|Meuse|Roul'en", texts)
    for path in ("/", "/le-petr/", "/contact/", "/plan-du-site/"):
        assert Client().get(path).status_code == 200, path


# What a page says instead of content: a promise of things to come, a count of nothing.
PLACEHOLDERS = re.compile(r"ser(?:a|ont) publi\w* ici|\b0 fiches? actions?|dès qu'elles seront|"
                          r"prochainement|en cours de rédaction", re.IGNORECASE)  # fmt: skip


@pytest.mark.parametrize("name", available())
def test_every_shipped_starter_pack_builds_a_site_whose_pages_render(seeded, name):
    """`make run` builds the first site's pack, a new PETR the generic one: each, on an emptied
    site, gives the identity it names and pages that all render."""
    from wagtail.models import Page

    from petr.core.models import SiteIdentity

    empty_the_site()

    call_command("seed_site", starter=name, stdout=io.StringIO())

    site = Site.objects.get(is_default_site=True)
    assert SiteIdentity.for_site(site).name == StarterPack(name).get("site.identity.name")
    pages = Page.objects.descendant_of(site.root_page, inclusive=True).live()
    assert pages.count() >= 12
    client = Client()
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        promise = PLACEHOLDERS.search(response.content.decode())
        assert promise is None, f"{page.url} : « {promise and promise[0]} »"


def test_a_pack_the_site_cannot_read_is_refused_in_french_and_leaves_nothing(seeded, tmp_path):
    (tmp_path / "pack.yaml").write_text("base: generique\n", encoding="utf-8")
    (tmp_path / "pages.yaml").write_text("contact: {titre: Contact, slug: contact}\n", "utf-8")
    empty_the_site()

    with pytest.raises(CommandError, match="ne comprend pas.*titre.*rien n'a été créé"):
        call_command("seed_site", starter=str(tmp_path), stdout=io.StringIO())

    assert not Site.objects.exists() and not SeedMark.objects.exists()
