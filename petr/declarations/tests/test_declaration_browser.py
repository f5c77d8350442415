"""A holder in Chromium, without JavaScript and by keyboard alone: declares a project, is told
what to correct (axe on the errors), gets the receipt and its PDF, and checks the receipt on the
site, where an altered fingerprint is refused."""

import io
import json

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from petr.core.tests.test_accessibility import AXE_RUN, WCAG_TAGS
from petr.declarations.models import Declaration, DeclarationPage

pytestmark = pytest.mark.browser


def tab_to(page, name, limit=300):
    """Press Tab until the control called `name` has the focus, as a keyboard user would."""
    for _ in range(limit):
        if page.evaluate("document.activeElement && document.activeElement.name") == name:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{name} never reached by Tab")


def type_into(page, name, text):
    tab_to(page, name)
    page.keyboard.type(text)


def axe_violations(page, axe_source):
    page.evaluate(axe_source)
    result = page.evaluate(AXE_RUN, WCAG_TAGS)
    return {v["id"]: [n["target"] for n in v["nodes"]] for v in result["violations"]}


def test_a_holder_declares_and_checks_the_receipt_by_keyboard_without_javascript(
    live_seeded, browser, axe_source, monkeypatch
):
    monkeypatch.setattr("petr.web.antispam.MIN_SECONDS", 0)  # no robot check to wait for
    context = browser.new_context(java_script_enabled=False, bypass_csp=True, accept_downloads=True,
                                  viewport={"width": 375, "height": 800})  # fmt: skip
    page = context.new_page()
    form_url = live_seeded.url + DeclarationPage.objects.live().get().url
    page.goto(form_url)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375  # no sideways scroll
    type_into(page, "structure_name", "Association Les Vergers")
    tab_to(page, "structure_kind")
    page.keyboard.type("association")  # a select's type-ahead
    type_into(page, "siret", "21550463600018")  # a wrong key
    type_into(page, "address", "1 rue de la Gare")
    type_into(page, "contact_name", "Jeanne Martin")
    type_into(page, "email", "jeanne@example.fr")
    type_into(page, "phone", "03 29 00 00 00")
    type_into(page, "title", "Pressoir itinérant")
    type_into(page, "summary", "Un pressoir mobile pour les vergers.")
    tab_to(page, "total_cost")  # no commune yet: another error
    page.keyboard.type("45 000")
    type_into(page, "leader_aid", "18 000")
    tab_to(page, "start_date")
    page.keyboard.type("01052030")
    page.keyboard.press("Enter")

    expect(page.locator(".form-errors")).to_contain_text("sa clé ne correspond pas")
    expect(page.locator(".form-errors")).to_contain_text("Communes")
    assert page.locator("#id_contact_name").input_value() == "Jeanne Martin"  # nothing lost

    page.locator("#id_siret").fill("")
    page.locator("#id_siret").focus()
    page.keyboard.type("21550463600006")
    page.locator(".commune-choice summary").nth(2).focus()  # CC du Sammiellois
    page.keyboard.press("Enter")  # opens it
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # ticks its first commune
    page.locator("#id_start_date").press("Enter")

    expect(page.locator("h1")).to_contain_text("Accusé de réception DI-")
    declaration = Declaration.objects.get()
    assert declaration.communes.count() == 1 and declaration.structure_kind == "association"
    with page.expect_download() as download:
        page.get_by_text("Télécharger l'accusé de réception (PDF)").press("Enter")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(
        download.value.path().read_bytes())).pages)  # fmt: skip
    assert declaration.number in text and declaration.digest in text

    page.goto(f"{form_url}verifier/")
    type_into(page, "numero", declaration.number)
    altered = declaration.digest[:-1] + ("1" if declaration.digest.endswith("0") else "0")
    type_into(page, "empreinte", altered)
    page.keyboard.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("Aucun accusé de réception ne correspond")
    page.locator("#empreinte").fill(declaration.digest)
    page.locator("#empreinte").press("Enter")
    expect(page.get_by_role("status")).to_contain_text("authentique")
    context.close()


def test_the_form_with_its_errors_passes_axe(live_seeded, browser, axe_source):
    """axe needs JavaScript (the receipt and check pages are in the site-wide check)."""
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(live_seeded.url + DeclarationPage.objects.live().get().url)
        page.locator("#id_siret").fill("123")
        page.locator("#id_start_date").fill("2020-01-01")
        page.get_by_role("button", name="Envoyer la déclaration").click()
        expect(page.locator(".form-errors")).to_contain_text("Cette date est passée")
        violations = axe_violations(page, axe_source)
        assert violations == {}, json.dumps(violations, ensure_ascii=False)
    context.close()
