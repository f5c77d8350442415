"""The admin speaks French from end to end, our corrections to Wagtail's catalogue included."""

from wagtail.models import Page, Site

from petr.users.models import User


def test_the_admin_speaks_french_and_links_to_no_english_help(client, seeded):
    client.force_login(User.objects.create_superuser("claire", "c@petr.example", "x" * 16))
    html = client.get("/admin/").content.decode()
    assert "<title>Tableau de bord - Administration</title>" in html
    assert "wagtail.org" not in html and "Guide du redacteur" not in html
    assert "créées dans" in html and "crées dans" not in html
    assert Page.objects.get(depth=1).title == "Racine"

    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/core/siteidentity/{site.pk}/"
    response = client.post(url, {"name": "PETR de test", "email": "", "phone": ""}, follow=True)
    assert "Paramètres « identité et coordonnées » enregistrés." in response.content.decode()

    legal = Page.objects.get(slug="mentions-legales")
    editor = client.get(f"/admin/pages/{legal.pk}/edit/").content.decode()
    assert "Adresse de la page<span" in editor  # Wagtail's "Slug"

    sites = client.get("/admin/sites/").content.decode()
    assert "Nom du site" in sites and "Page racine" in sites and "Site name" not in sites


def test_the_file_library_says_what_it_is_for(client, seeded):
    client.force_login(User.objects.create_superuser("claire", "c@petr.example", "x" * 16))
    assert "Fichiers li\\u00e9s" in client.get("/admin/").content.decode()  # the menu, in JSON
    html = client.get("/admin/documents/").content.decode()
    assert "liens dans les textes" in html and "« Nouveau document »" in html


def test_the_login_page_speaks_french(client, seeded):
    html = client.get("/admin/login/").content.decode()
    assert "Mot de passe<span" in html and "Password<span" not in html
