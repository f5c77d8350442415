"""The home page and the composition of the starter site."""

from django.conf import settings
from wagtail.models import Collection, Locale, Page, Site

from petr.core.models import NavigationSettings
from petr.core.seeding import seed_once, seed_page
from petr.web.public_address import sync_default_site

from .models import HomePage

HOME_INTRO = (
    "Les communautés de communes du Cœur de Lorraine, dans la Meuse, portent ensemble des "
    "projets pour la santé, la transition écologique, la mobilité et le développement rural."
)

TAB_TEXTS = {
    "health": (
        "Le troisième contrat local de santé, signé en juillet 2025 avec l'ARS Grand Est, "
        "organise quatre axes d'action pour la santé et le bien-être des habitants d'ici 2030."
    ),
    "transition": (
        "Moins consommer, produire plus d'énergies renouvelables : des programmes TEPCV et CTE "
        "au pacte territorial de relance et de transition écologique."
    ),
    "mobility": (
        "Un numéro unique, Roul'en Meuse, le covoiturage et l'auto-stop organisé pour se "
        "déplacer sur le territoire."
    ),
    "leader": (
        "Des fonds européens pour les projets de développement rural : la démarche pour "
        "déposer un projet, étape par étape."
    ),
}


def create_tree_root():
    """What Wagtail's migrations create, for a database emptied by `flush` (browser tests)."""
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Collection.get_first_root_node():  # where images and files go
        Collection.add_root(name="Root")
    return Page.add_root(instance=Page(title="Racine", slug="root"))


def seed_home():
    """Create the home page as the default site's root, replacing Wagtail's welcome page."""
    site = Site.objects.filter(is_default_site=True).first()
    root = Page.get_first_root_node() or create_tree_root()
    Page.objects.filter(pk=root.pk, title="Root").update(title="Racine", draft_title="Racine")
    home = seed_page(
        "page.home", root, HomePage(title="PETR Cœur de Lorraine", slug="accueil", intro=HOME_INTRO)
    )
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
    def apply():
        tabs = [
            {"page": missions[key].pk, "label": "", "text": text, "image": None, "link_text": ""}
            for key, text in TAB_TEXTS.items()
            if missions.get(key)
        ]
        home.body = [
            {"type": "key_figures", "value": {"title": "Le PETR en chiffres", "intro": ""}},
            {"type": "missions", "value": {"title": "Nos missions", "tabs": tabs}},
        ]
        home.save_revision().publish()

    seed_once("home.sections", apply)


QUICK_ACCESS = [
    ("Habitant ou habitante", [("territory", "Ma commune et le territoire"), ("agenda", ""),
                               ("mobility", "Se déplacer"), ("health", "Santé")]),
    ("Porteur ou porteuse de projet", [("leader", "Financer un projet avec LEADER"),
                                       ("projects", "Les projets déjà soutenus"),
                                       ("transition", ""), ("contact", "Rencontrer l'équipe")]),
    ("Élu ou élue", [("acts", "Délibérations et actes"), ("documents", ""), ("petr", "")]),
    ("Partenaire", [("missions", ""), ("petr", "Gouvernance du PETR"), ("contact", "")]),
]  # fmt: skip


def seed_home_quick_access(home, pages):
    """« Accès rapides », right after the figures, added once."""

    def apply():
        tiles = [
            {
                "audience": audience,
                "links": [
                    {"page": pages[key].pk, "label": label}
                    for key, label in links
                    if pages.get(key)
                ],
            }
            for audience, links in QUICK_ACCESS
        ]
        block = home.body.stream_block.child_blocks["quick_access"]
        value = block.to_python({"title": "Accès rapides", "tiles": tiles})
        home.body.insert(1, ("quick_access", value))
        home.save_revision().publish()

    seed_once("home.quick_access", apply)


def seed_home_publishing_sections(home):
    """Appended once each, on their own, so sites seeded before they existed get them too."""
    for key, block_type, title in (
        ("home.news_section", "latest_news", "Actualités"),
        ("home.events_section", "next_events", "Prochains rendez-vous"),
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

        settings.main_menu = links(
            [
                ("petr", ""),
                ("missions", ""),  # with its missions as a sub-menu
                ("territory", "Territoire"),
                ("news", ""),
                ("agenda", ""),
                ("documents", ""),
                ("contact", ""),
            ]
        )
        settings.footer_links = links(
            [
                ("documents", ""),
                ("acts", ""),
                ("legal", ""),
                ("accessibility", "Accessibilité"),
                ("personal_data", ""),
                ("sitemap", ""),
                ("contact", ""),
            ]
        )
        settings.save()

    seed_once("settings.navigation", apply)
