"""Site-wide duties: sitemap, robots, error pages, headers, French admin, legal footer."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory, override_settings
from wagtail.models import Page

from petr.conftest import QUERY_CEILING

pytestmark = pytest.mark.django_db


def test_sitemap_lists_the_public_pages(client, seeded):
    xml = client.get("/sitemap.xml").content.decode()
    for path in ("/le-petr/", "/missions/leader/", "/accessibilite/", "/mentions-legales/"):
        assert f"{path}</loc>" in xml


def test_page_excluded_from_sitemap_is_not_listed(client, seeded):
    from petr.core.models import ContentPage

    page = ContentPage.objects.get(slug="mentions-legales")
    page.exclude_from_sitemap = True
    page.save_revision().publish()
    assert "/mentions-legales/</loc>" not in client.get("/sitemap.xml").content.decode()
    html = client.get("/plan-du-site/").content.decode()
    tree = html.split('class="container body-content sitemap"')[1].split("</main>")[0]
    assert "/mentions-legales/" not in tree and "/accessibilite/" in tree


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_unknown_page_is_a_designed_404(client, seeded):
    response = client.get("/nulle-part/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page introuvable" in html and 'class="skip-link"' in html
    assert "Accessibilité : non conforme" in html


@override_settings(DEBUG=False)
def test_server_error_page_renders_without_the_database(client):
    from petr.web.error_views import server_error

    response = server_error(None)
    assert response.status_code == 500
    assert "Le site rencontre une difficulté" in response.content.decode()


def test_footer_states_accessibility_status_and_legal_links(client, seeded):
    html = client.get("/").content.decode()
    assert "Accessibilité : non conforme" in html
    for path in (
        "/mentions-legales/",
        "/accessibilite/",
        "/donnees-personnelles/",
        "/plan-du-site/",
    ):
        assert f'href="{path}"' in html


def test_accessibility_status_comes_from_the_setting(client, seeded):
    from wagtail.models import Site

    from petr.core.models import AccessibilitySettings

    settings = AccessibilitySettings.for_site(Site.objects.get(is_default_site=True))
    settings.status = "partielle"
    settings.compliance_rate = 72
    settings.audit_date = "2026-10-01"
    settings.save()
    html = client.get("/accessibilite/").content.decode()
    assert "partiellement conforme" in html and "72 %" in html
    assert "Accessibilité : partiellement conforme" in client.get("/").content.decode()


def test_contact_details_are_hidden_while_empty(client, seeded):
    from wagtail.models import Site

    from petr.core.models import SiteIdentity

    assert "Nous trouver" not in client.get("/contact/").content.decode()
    identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    identity.phone = "03 29 00 00 00"
    identity.save()
    html = client.get("/contact/").content.decode()
    assert "Nous trouver" in html and 'href="tel:0329000000"' in html


def test_security_headers_on_public_pages(client, seeded):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    policy = response["Permissions-Policy"]
    assert "camera=()" in policy and "geolocation=()" in policy and "fullscreen=(self)" in policy


def test_bad_requests_and_refusals_are_explained_in_french(client, rf, seeded):
    from django.core.exceptions import PermissionDenied
    from django.test import Client
    from django.views.defaults import permission_denied

    response = client.get("/", HTTP_HOST="adresse invalide")  # a malformed Host header
    assert response.status_code == 400 and "Requête incorrecte" in response.content.decode()
    response = Client(enforce_csrf_checks=True).post("/contact/", {"name": "Jeanne"})
    html = response.content.decode()
    assert response.status_code == 403 and "Le formulaire n'a pas pu être envoyé" in html
    assert 'lang="fr"' in html and "CSRF" not in html
    response = permission_denied(rf.get("/"), PermissionDenied())
    assert response.status_code == 403 and "Accès refusé" in response.content.decode()


@pytest.mark.parametrize("path", ["/", "/contact/", "/recherche/", "/nulle-part/", "/admin/login/"])
def test_a_form_posted_in_utf16_is_a_400_not_a_500(seeded, path):
    from django.test import Client

    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.cookies["csrftoken"] = token = "a" * 32  # a valid cookie and header: the check reads
    body = "name=Jeanne".encode("utf-16")  # the body, which is not UTF-8
    response = client.generic("POST", path, body, "application/x-www-form-urlencoded; "
                              "charset=utf-16", HTTP_X_CSRFTOKEN=token)  # fmt: skip
    assert response.status_code == 400 and "Requête incorrecte" in response.content.decode()


@pytest.mark.parametrize(
    ("path", "size"), [("/contact/", 200 * 2**20), ("/recherche/", 2 * 2**20), ("/admin/", 2**30)]
)
def test_oversized_bodies_are_refused_unread(client, seeded, path, size):
    # The declared length is all the server knows before reading; the body is never read.
    response = client.generic("POST", path, b"x", "multipart/form-data; boundary=b",
                              CONTENT_LENGTH=str(size))  # fmt: skip
    assert response.status_code == 413 and "Envoi trop volumineux" in response.content.decode()
    assert not response.has_header("Connection")  # hop-by-hop: WSGI servers refuse it (a 500)


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("put", "/", "GET, HEAD, POST, OPTIONS"),
        ("delete", "/contact/", "GET, HEAD, POST, OPTIONS"),
        ("patch", "/healthz", "GET, HEAD, POST, OPTIONS"),
        ("post", "/donnees/communes.csv", "GET, HEAD"),  # the view's own refusal
    ],
)
def test_methods_the_site_does_not_take_are_explained(client, seeded, method, path, allow):
    response = getattr(client, method)(path)
    assert response.status_code == 405 and response["Allow"] == allow
    assert "Méthode non acceptée" in response.content.decode()


def test_the_admin_takes_bodies_the_public_site_refuses(client, seeded):
    upload = {"file": SimpleUploadedFile("plan.pdf", b"%PDF-" + b"0" * (3 * 2**19))}  # 1.5 MB
    assert client.post("/contact/", upload).status_code == 413
    assert client.post("/admin/login/", upload).status_code == 200  # read, then the login form


def test_admin_speaks_french(client, seeded, admin_user):
    client.force_login(admin_user)
    html = client.get("/admin/").content.decode()
    assert 'lang="fr"' in html
    assert "Tableau de bord" in html and "Dashboard" not in html


def test_every_page_type_stays_within_its_query_budget(sample_paths, query_counts):
    # The menu, the settings and the private sections come from the shared cache; a page's
    # address is found in two queries whatever its depth.
    # The open-data catalogue builds each file once to weigh it, then is cached until the next
    # purge: a fixed number of queries per dataset, whatever their rows (test_open_data_catalogue).
    measured = [path for path in sample_paths if "inexistante" not in path and path != "/donnees/"]
    counts = query_counts(measured)
    assert max(counts.values()) <= QUERY_CEILING, counts
    deep = [path for path in counts if path.count("/") >= 4]
    assert deep and all(counts[path] <= 10 for path in deep), counts


def test_a_page_named_like_a_route_does_not_hide_the_route(client, seeded):
    # Addresses are routed in one query (BasePage.route); a routable page still answers its
    # own routes before its children's, as Wagtail does level by level.
    from petr.news.tests.helpers import publish_news

    (news,) = publish_news(1, title="Flux")
    news.slug = "flux"
    news.save_revision().publish()
    assert client.get("/actualites/flux/")["Content-Type"].startswith("text/html")
    assert b"<rss" in client.get("/actualites/flux/rss/").content
    assert client.get("/actualites/flux/inconnu/").status_code == 404
    assert client.get("/actualites/absente/rss/").status_code == 404
    news.unpublish()
    assert client.get("/actualites/flux/").status_code == 404


def test_the_cached_menu_follows_its_pages_and_settings(client, seeded):
    client.get("/")  # the menu and the settings are now in the shared cache
    agenda = Page.objects.get(slug="agenda").specific
    agenda.title = "Agenda du territoire"
    agenda.save_revision().publish()
    assert "Agenda du territoire</a>" in client.get("/mentions-legales/").content.decode()
    agenda.unpublish()
    assert 'href="/agenda/"' not in client.get("/mentions-legales/").content.decode()


def test_the_cached_site_and_home_page_follow_their_changes(client, seeded):
    from petr.web.shared_lookups import cached_site

    client.get("/")  # the site and its home page are now in the shared cache
    home = Page.objects.get(depth=2).specific
    home.intro = "Un chapeau tout neuf pour l'accueil."
    home.save_revision().publish()
    assert "Un chapeau tout neuf" in client.get("/").content.decode()

    site = home.get_site()
    site.site_name = "Renommé"
    site.save()
    request = RequestFactory().get("/", HTTP_HOST=site.hostname)
    assert cached_site(request).site_name == "Renommé"


def test_a_bad_host_is_logged_in_one_short_line(client, settings, caplog):
    settings.ALLOWED_HOSTS = ["www.petr.example"]
    response = client.get("/", HTTP_HOST="x" * 5000 + ".example")
    assert response.status_code == 400
    (record,) = [r for r in caplog.records if r.name == "django.security.DisallowedHost"]
    assert record.exc_info is None and len(record.getMessage()) <= 300
    assert "\n" not in caplog.text.strip()
