"""The contact form in Chromium, by keyboard alone and without JavaScript."""

import pytest
from playwright.sync_api import expect

from petr.contact.models import ContactSubmission

pytestmark = pytest.mark.browser


def test_contact_form_by_keyboard_without_javascript(live_seeded, browser, monkeypatch):
    monkeypatch.setattr("petr.web.antispam.MIN_SECONDS", 0)  # no robot check to wait for
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_seeded.url + "/contact/")
    page.locator("#id_name").focus()
    page.keyboard.type("Jeanne Martin")
    page.keyboard.press("Tab")
    page.keyboard.type("pas-une-adresse")
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # first subject
    page.keyboard.press("Tab")
    page.keyboard.type("Bonjour, une question sur LEADER.")
    page.keyboard.press("Tab")  # the personal data link of the consent notice
    assert page.evaluate("document.activeElement.textContent") == "Données personnelles"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Envoyer le message"
    page.keyboard.press("Enter")
    expect(page.locator(".form-errors")).to_contain_text("adresse de courriel valide")
    assert page.locator("#id_name").input_value() == "Jeanne Martin"  # nothing typed is lost
    assert page.locator("#id_email").get_attribute("aria-invalid") == "true"

    page.locator("#id_email").fill("jeanne@example.fr")
    page.locator("#id_email").press("Enter")
    expect(page.locator("#confirmation")).to_contain_text("votre message a bien été reçu")
    assert ContactSubmission.objects.get().email == "jeanne@example.fr"
    context.close()
