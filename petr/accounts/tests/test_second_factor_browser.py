"""Setting up the second factor in Chromium, as a new administrator would."""

import base64

import pytest
from django_otp.oath import totp
from playwright.sync_api import expect

from petr.users.models import User

pytestmark = pytest.mark.browser


def test_an_administrator_enrols_in_a_browser(live_seeded, browser, settings):
    settings.TWO_FACTOR_ENFORCED = True
    User.objects.create_superuser("claire", "c@petr.example", "un-mot-de-passe-solide")
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(live_seeded.url + "/admin/login/")
    page.locator("#id_username").fill("claire")
    page.locator("#id_password").fill("un-mot-de-passe-solide")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Activer la double authentification")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    key = page.locator(".otp-key").inner_text().replace(" ", "")
    code = f"{totp(base64.b32decode(key)):06d}"  # what the phone's application shows
    page.get_by_label("Code à usage unique").fill(code)
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Double authentification activée")
    expect(page.locator(".recovery-codes li")).to_have_count(10)
    page.get_by_role("link", name="Continuer vers l'administration").click()
    expect(page).to_have_url(live_seeded.url + "/admin/")
    context.close()
