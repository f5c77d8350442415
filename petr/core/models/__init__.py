from .contact import ContactSettings, ContactSubmission
from .images import CustomImage, CustomRendition
from .pages import AccessibilityPage, BasePage, ContactPage, ContentPage, SitemapPage
from .password_resets import PasswordResetRequest
from .seed import SeedMark
from .site_settings import AccessibilitySettings, NavigationSettings, SiteIdentity

__all__ = [
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
    "PasswordResetRequest",
    "SeedMark",
    "SiteIdentity",
    "SitemapPage",
]
