"""The home page and the composition of the starter site."""

from django.conf import settings
from wagtail.models import Collection, Locale, Page, Site

from petr.core.models import NavigationSettings
from petr.core.starter import pack, seed_once, seed_page
from petr.missions.seed import catalogue
from petr.web.public_address import sync_default_site
from petr.web.shared_lookups import current_site_id

from .models import HomePage

HOME_KEY = "page.home"


def create_tree_root():
    """What Wagtail's migrations create, for a database emptied by `flush` (browser tests)."""
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Collection.get_first_root_node():  # where images and files go
        Collection.add_root(name="Root")
    return Page.add_root(instance=Page(title="Racine", slug="root"))


def seed_home():
    """Create the home page as the served site's root, replacing Wagtail's welcome page; on an
    empty installation, create the default site with it."""
    site = Site.objects.filter(pk=current_site_id()).first()
    root = Page.get_first_root_node() or create_tree_root()
    Page.objects.filter(pk=root.pk, title="Root").update(title="Racine", draft_title="Racine")
    home = seed_page(HOME_KEY, root, HomePage(**pack().get("site.home")))
    if home is None:
        return None, site
    if site is None:
        site = Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
        sync_default_site()  # the public address, when SITE_URL gives one
        site.refresh_from_db()
    elif site.root_page_id != home.pk:
        welcome = site.root_page
        site.root_page = home
        site.save()
        if type(welcome.specific) is Page and not welcome.get_children().exists():
            welcome.delete()
    return home, site


def seed_home_sections(home, missions):
    sections = pack().get("site.home_sections")

    def apply():
        texts = dict(pack().get("site.home_tabs"))  # the pack's own first, in its order
        for key, fields in catalogue().items():
            texts.setdefault(key, fields["tab"])
        tabs = [
            {"page": missions[key].pk, "label": "", "text": text, "image": None, "link_text": ""}
            for key, text in texts.items()
            if missions.get(key)
        ]
        home.body = [
            {"type": "key_figures", "value": {"title": sections["figures"], "intro": ""}},
            {"type": "missions", "value": {"title": sections["missions"], "tabs": tabs}},
        ]
        home.save_revision().publish()

    seed_once("home.sections", apply)


def seed_home_quick_access(home, pages):
    """« Accès rapides », right after the figures, added once."""

    quick_access = pack().get("site.quick_access")

    def apply():
        tiles = [
            {
                "audience": tile["audience"],
                "links": [
                    {"page": pages[key].pk, "label": label}
                    for key, label in tile["links"]
                    if pages.get(key)
                ],
            }
            for tile in quick_access["tiles"]
        ]
        block = home.body.stream_block.child_blocks["quick_access"]
        value = block.to_python({"title": quick_access["title"], "tiles": tiles})
        home.body.insert(1, ("quick_access", value))
        home.save_revision().publish()

    seed_once("home.quick_access", apply)


def seed_home_publishing_sections(home):
    """Appended once each, on their own, so sites seeded before they existed get them too."""
    titles = pack().get("site.home_sections")
    for key, block_type, title in (
        ("home.news_section", "latest_news", titles["news"]),
        ("home.events_section", "next_events", titles["events"]),
    ):

        def apply(block_type=block_type, title=title):
            home.body.append((block_type, {"title": title, "count": 3}))
            home.save_revision().publish()

        seed_once(key, apply)


def seed_navigation(site, pages):
    def apply():
        settings = NavigationSettings.for_site(site)

        def links(keys):
            return [
                {"type": "link", "value": {"page": pages[key].pk, "label": label}}
                for key, label in keys
                if pages.get(key)
            ]

        settings.main_menu = links(pack().get("site.main_menu"))  # missions: with a sub-menu
        settings.footer_links = links(pack().get("site.footer_links"))
        settings.save()

    seed_once("settings.navigation", apply)
