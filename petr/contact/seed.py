"""Starter content for the contact page and its form's settings."""

from petr.contact.models import ContactPage, ContactSettings
from petr.core.starter import pack, seed_once, seed_page


def seed_contact_page(home):
    return seed_page(
        "page.contact",
        home,
        ContactPage(**pack().get("pages.contact")),
    )


def seed_privacy_page_setting(page):
    def apply():
        settings = ContactSettings.load()
        settings.privacy_page = page
        settings.save()

    if page is not None:
        seed_once("settings.contact.privacy-page", apply)
