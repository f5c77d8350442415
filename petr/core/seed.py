"""Starter content owned by core: the site's identity, the pages every public body's site owes."""

from petr.core.models import (
    AccessibilityPage,
    AccessibilitySettings,
    ContentPage,
    SiteIdentity,
    SitemapPage,
)
from petr.core.starter import pack, seed_once, seed_page


def seed_settings(site):
    def identity():
        settings = SiteIdentity.for_site(site)
        for name, value in pack().get("site.identity").items():
            setattr(settings, name, value)
        settings.save()

    seed_once("settings.identity", identity)
    seed_once("settings.accessibility", lambda: AccessibilitySettings.for_site(site).save())


def seed_service_pages(home):
    """The legal pages and the site map, children of the home page."""
    pages = pack().get
    return {
        "legal": seed_page("page.mentions-legales", home, ContentPage(**pages("pages.legal"))),
        "accessibility": seed_page(
            "page.accessibilite", home, AccessibilityPage(**pages("pages.accessibility"))
        ),
        "personal_data": seed_page(
            "page.donnees-personnelles", home, ContentPage(**pages("pages.personal_data"))
        ),
        "sitemap": seed_page("page.plan-du-site", home, SitemapPage(**pages("pages.sitemap"))),
    }
