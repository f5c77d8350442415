"""The admin speaks French from end to end, our corrections to Wagtail's catalogue included."""

import re
from html.parser import HTMLParser

from django.contrib.auth.models import Group
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


# Words staff met on everyday screens that are English or jargon, and the brackets Wagtail's
# French uses to dodge gender (« Nouvel(le) », « créé(e) », « Ce(tte) », « le/la »).
ENGLISH = ["Is open", "Moderators", "Editors", "Admin", "Workflows", "Collections", "Redirection",
           "slug", "e.g", "Status", "True", "False", "None", "Mio", "contenupour", "Text editing",
           "Édition de text"]  # fmt: skip
BRACKETS = re.compile(r"\w\((?:e|le|la|s|es|x|tte)\)|\ble/la\b")


VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class ReadText(HTMLParser):
    """What a person reads or hears: text, and the labels, titles and alternatives; not what is
    hidden."""

    def __init__(self):
        super().__init__()
        self.parts, self.open = [], []  # the open elements: whether each hides its content

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag not in VOID:
            hides = tag in ("script", "style", "template") or "hidden" in attrs
            self.open.append((tag, hides))
        if not any(hides for _tag, hides in self.open):
            self.parts += [attrs[name] for name in ("aria-label", "title", "placeholder", "alt")
                           if attrs.get(name)]  # fmt: skip

    def handle_endtag(self, tag):
        while self.open and self.open.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if not any(hides for _tag, hides in self.open):
            self.parts.append(data)


def not_french(html):
    reader = ReadText()
    reader.feed(html)
    text = " ".join(" ".join(reader.parts).split())
    words = [w for w in ENGLISH if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text)]
    return words + BRACKETS.findall(text)


def everyday_screens():
    home, news = Page.objects.get(depth=2), Page.objects.get(slug="actualites")
    acts, legal = Page.objects.get(slug="actes"), Page.objects.get(slug="mentions-legales")
    site = Site.objects.get(is_default_site=True)
    return [
        "/admin/", f"/admin/pages/{home.pk}/", f"/admin/pages/{news.pk}/",
        f"/admin/pages/add/news/newspage/{news.pk}/", f"/admin/pages/{legal.pk}/edit/",
        f"/admin/pages/add/library/actpage/{acts.pk}/", "/admin/pages/search/?q=a",
        "/admin/images/", "/admin/documents/", "/admin/snippets/places/place/",
        "/admin/snippets/places/place/add/", "/admin/snippets/library/meeting/",
        "/admin/snippets/library/meeting/add/", "/admin/snippets/library/body/",
        "/admin/fiches-actions/", "/admin/projets-soutenus/", "/admin/lieux/importer/",
        "/admin/fiches-actions/choose_parent/",
        "/admin/declarations/", f"/admin/settings/core/siteidentity/{site.pk}/",
        "/admin/account/", "/admin/guide/", "/admin/users/", "/admin/groups/", "/admin/sites/",
        "/admin/collections/", "/admin/workflows/list/", "/admin/workflows/tasks/index/",
        "/admin/redirects/", "/admin/reports/site-history/", "/admin/snippets/people/person/",
        "/admin/snippets/people/person/add/", "/admin/territoire/mairies/",
        "/admin/territoire/mairies/new/", f"/admin/settings/core/opendatasettings/{site.pk}/",
    ]  # fmt: skip


def test_every_role_reads_french_on_its_everyday_screens(client, seeded):
    # Rédaction and Direction see what Communication sees; None: an administrator.
    roles = ["Communication", "Secrétariat — actes", "Chargé·e de mission — LEADER", None]
    found, seen = {}, set()
    for index, role in enumerate(roles):
        user = User.objects.create_user(f"agent-{index}", password="x" * 16,
                                        is_superuser=role is None)  # fmt: skip
        if role:
            user.groups.add(Group.objects.get(name=role))
        client.force_login(user)
        for url in everyday_screens():
            response = client.get(url)
            if response.status_code == 200:
                seen.add(url)
                if words := not_french(response.content.decode()):
                    found[f"{role} {url}"] = sorted(set(words))
    assert found == {}
    assert seen == set(everyday_screens())  # each screen read by one role at least


def test_what_staff_read_after_saving_has_no_bracketed_gender(seeded):
    """The messages that follow a save, a lock, a submission or a deletion (not on any screen
    the crawl above reads: they appear once, after an action)."""
    from django.utils.translation import gettext, override

    everyday = [
        "%(model_name)s '%(object)s' created.", "%(model_name)s '%(object)s' updated.",
        "%(model_name)s '%(object)s' created and published.",
        "%(model_name)s '%(object)s' updated and published.",
        "%(model_name)s '%(object)s' deleted.", "'%(object)s' unpublished.",
        "%(model_name)s '%(object)s' has been submitted for moderation.",
        "%(model_name)s '%(title)s' is now unlocked.", "Locked", "Locked by you",
        "Are you sure you want to delete this %(model_name)s?", "Choose another",
        "No %(model_name)s match your query.", "Published", "Unlocked", "Created",
    ]  # fmt: skip
    with override("fr"):
        read = {msgid: gettext(msgid) for msgid in everyday}
    assert {msgid: text for msgid, text in read.items() if BRACKETS.search(text)} == {}
    assert all(text != msgid for msgid, text in read.items())  # all in French
