from .attempts import Attempt
from .contact import ContactSettings, ContactSubmission
from .images import CustomImage, CustomRendition
from .pages import AccessibilityPage, BasePage, ContactPage, ContentPage, SitemapPage
from .seed import SeedMark
from .site_settings import AccessibilitySettings, NavigationSettings, SiteIdentity

__all__ = [
    "Attempt",
    "AccessibilityPage",
    "AccessibilitySettings",
    "BasePage",
    "ContactPage",
    "ContactSettings",
    "ContactSubmission",
    "ContentPage",
    "CustomImage",
    "CustomRendition",
    "NavigationSettings",
    "SeedMark",
    "SiteIdentity",
    "SitemapPage",
]
