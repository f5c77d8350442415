from petr.core.models.images import CustomImage, CustomRendition
from petr.core.models.open_data import OpenDataSettings
from petr.core.models.pages import AccessibilityPage, BasePage, ContentPage, SitemapPage
from petr.core.models.site_settings import AccessibilitySettings, NavigationSettings, SiteIdentity
from petr.core.models.starter import SeedMark

__all__ = [
    "AccessibilityPage",
    "AccessibilitySettings",
    "BasePage",
    "ContentPage",
    "CustomImage",
    "CustomRendition",
    "NavigationSettings",
    "OpenDataSettings",
    "SeedMark",
    "SiteIdentity",
    "SitemapPage",
]
