"""The header and its menu in Chromium: compact on phones, opened by a button (or, without
JavaScript, by a link the page answers with :target), sub-menus by keyboard, one row on a
desktop whatever the number of items, and no page wider than the screen."""

import pytest
from playwright.sync_api import expect
from wagtail.models import Page, Site

from petr.core.models import NavigationSettings

pytestmark = pytest.mark.browser
PAGES = ["/", "/missions/leader/", "/territoire/", "/territoire/saint-mihiel/", "/actualites/",
         "/agenda/", "/recherche/?q=sant%C3%A9"]  # fmt: skip


def header_height(page):
    return page.evaluate("document.querySelector('.site-header').getBoundingClientRect().height")


def test_the_menu_on_phones_desktops_and_without_javascript(live_seeded, browser):
    context = browser.new_context(viewport={"width": 375, "height": 667})
    page = context.new_page()
    page.goto(live_seeded.url + "/agenda/")
    assert header_height(page) <= 120  # before any content
    menu = page.get_by_role("navigation", name="Menu principal")
    expect(menu).to_be_hidden()
    button = page.get_by_role("button", name="Menu")
    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    missions = menu.locator("summary", has_text="Nos missions")
    missions.focus()
    page.keyboard.press("Enter")  # the sub-menu, by keyboard
    menu.get_by_role("link", name="LEADER").click()
    expect(page.locator("h1")).to_have_text("LEADER")
    page.keyboard.press("Escape")
    context.close()

    context = browser.new_context(viewport={"width": 375, "height": 667}, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_seeded.url + "/agenda/")
    page.get_by_role("link", name="Menu").click()
    expect(page.get_by_role("navigation", name="Menu principal")).to_be_visible()
    context.close()

    # Ten items on a 1280 px screen: one row, or the compact header — never two rows.
    settings = NavigationSettings.for_site(Site.objects.get(is_default_site=True))
    extra = Page.objects.filter(depth=3).exclude(slug="missions")[:4]
    settings.main_menu = [*settings.main_menu.raw_data] + [
        {"type": "link", "value": {"page": p.pk, "label": f"Rubrique n° {n}"}}
        for n, p in enumerate(extra)
    ]
    settings.save()
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(live_seeded.url + "/agenda/")
    tops = page.locator(".main-nav__list > li").evaluate_all("items => items.map(i => i.offsetTop)")
    assert len(tops) >= 10
    compact = "is-compact" in page.locator(".site-header").get_attribute("class")
    assert compact or len(set(tops)) == 1
    assert header_height(page) <= 130

    for width in (320, 375, 768, 1280):
        page.set_viewport_size({"width": width, "height": 800})
        for path in PAGES:
            page.goto(live_seeded.url + path)
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            wide = page.evaluate(
                "() => [...document.querySelectorAll('body *')].filter(e => "
                "e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)"
                ".slice(0, 3).map(e => e.outerHTML.slice(0, 120))"
            )
            assert overflow == 0, (width, path, wide)
            assert width > 375 or header_height(page) <= 120
    context.close()
