"""The admin as staff use it, in Chromium: its main screens pass axe and ask no other host, a
page's preview shows beside its form, dates are typed the French way (scheduling included), a
séance is created from the act form."""

import re
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, Site

from petr.core.tests.test_accessibility import AXE_RUN, WCAG_TAGS
from petr.users.models import User

pytestmark = pytest.mark.browser
PASSWORD = "un-mot-de-passe-solide"


def admin_screens():
    home = Page.objects.get(depth=2)
    legal = Page.objects.get(slug="mentions-legales")
    news = Page.objects.get(slug="actualites")
    site = Site.objects.get(is_default_site=True)
    projects = Page.objects.get(slug="projets-soutenus")
    programme = Page.objects.get(slug="cls-3")
    return [
        "/admin/",
        f"/admin/pages/{home.pk}/",
        f"/admin/pages/{legal.pk}/edit/",  # rich text in StreamField blocks
        f"/admin/pages/add/news/newspage/{news.pk}/",
        "/admin/images/",
        "/admin/images/multiple/add/",
        "/admin/documents/",
        "/admin/snippets/",
        f"/admin/settings/core/siteidentity/{site.pk}/",
        "/admin/users/",
        "/admin/sites/",
        "/admin/reports/site-history/",
        "/admin/guide/",
        f"/admin/pages/add/programmes/projectpage/{projects.pk}/",
        f"/admin/pages/add/programmes/actionpage/{programme.pk}/",
        "/admin/snippets/places/place/",
        "/admin/snippets/places/place/add/",  # the map to click
        "/admin/lieux/importer/",
        "/admin/declarations/",
        "/admin/users/new/",
        "/admin/snippets/library/meeting/add/",
        "/admin/account/",
        "/admin/fiches-actions/",
        "/admin/snippets/people/person/add/",
        "/admin/territoire/mairies/",
        f"/admin/settings/core/opendatasettings/{site.pk}/",
    ]


PHONE_FORMS = [
    "/admin/snippets/places/place/add/",
    "/admin/snippets/people/person/add/",
    "/admin/snippets/library/meeting/add/",
    "/admin/users/new/",
    "/admin/account/",
]


def axe_violations(page, axe_source, where):
    """axe's WCAG violations on what the page shows now, as {where + rule: [targets]}."""
    page.evaluate("document.getAnimations().forEach(animation => animation.finish())")
    # The admin's repairs (static/js/admin.js) run at the next frame after a change.
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => setTimeout(done)))")
    page.evaluate(axe_source)
    result = page.evaluate(AXE_RUN, WCAG_TAGS)
    return {f"{where} {v['id']}": [(n["target"], n["html"][:160]) for n in v["nodes"]]
            for v in result["violations"]}  # fmt: skip


def logged_in(live_server, browser, user=None):
    """A browser logged into the admin, as `user` (default: a new administrator)."""
    user = user or User.objects.create_superuser("claire", "claire@petr.example", PASSWORD)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + "/admin/login/")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(PASSWORD)
    page.keyboard.press("Enter")
    expect(page).to_have_url(live_server.url + "/admin/")
    return context, page


def save_draft(page):
    page.get_by_role("button", name="Plus d'actions").click()  # « Publier » is the main button
    page.get_by_role("button", name="Enregistrer le brouillon").click()


def test_the_admin_passes_axe_asks_no_other_host_and_shows_previews(
    live_seeded, browser, axe_source
):
    context, page = logged_in(live_seeded, browser)
    hosts, report, refused = set(), {}, []
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    # The admin's own CSP (web/admin_csp.py) refuses nothing the admin needs.
    page.on("console", lambda m: "Content Security Policy" in m.text and refused.append(m.text))
    for path in admin_screens():
        assert page.goto(live_seeded.url + path).ok, path
        if path == "/admin/":
            page.wait_for_load_state("networkidle")  # the update check ran from the dashboard
        report |= axe_violations(page, axe_source, path)
    assert report == {}
    assert hosts == {urlsplit(live_seeded.url).netloc}  # no Gravatar, no releases.wagtail.org
    assert refused == []

    legal = Page.objects.get(slug="mentions-legales")
    page.goto(f"{live_seeded.url}/admin/pages/{legal.pk}/edit/")
    page.locator("button[data-side-panel-toggle='preview']").click()
    preview = page.frame_locator("iframe[title]").first
    expect(preview.locator("h1")).to_have_text("Mentions légales")  # framed, not refused
    assert refused == []
    context.close()


def test_the_admin_has_a_strict_policy_of_its_own(admin_client, seeded):
    policy = admin_client.get("/admin/")["Content-Security-Policy"]
    script = next(d for d in policy.split("; ") if d.startswith("script-src"))
    assert "'nonce-" in script and "unsafe" not in script
    assert "object-src 'none'" in policy and "frame-ancestors 'self'" in policy


def test_public_pages_still_refuse_to_be_framed(client, seeded):
    csp = client.get("/mentions-legales/")["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp


def test_dates_and_slugs_are_typed_the_french_way(live_seeded, browser):
    context, page = logged_in(live_seeded, browser)
    agenda = Page.objects.get(slug="agenda")
    page.goto(f"{live_seeded.url}/admin/pages/add/events/eventpage/{agenda.pk}/")
    page.get_by_role("textbox", name="Titre*").fill("Réunion publique n° 12 à Vigneulles")
    page.locator("#id_intro").fill("Présentation des aires de covoiturage.")
    page.locator("#id_address").fill("Salle des fêtes")
    expect(page.get_by_text("Format : JJ/MM/AAAA, par exemple 05/12/2026").first).to_be_visible()
    page.locator("#id_start_date").type("05/12/2026")
    page.locator("#id_start_time").type("9h30")
    page.locator("#id_end_time").type("25h99")  # not a time
    page.locator("#id_organiser").click()  # leaving the fields changes nothing
    expect(page.locator("#id_start_date")).to_have_value("05/12/2026")
    expect(page.locator("#id_start_time")).to_have_value("9h30")
    expect(page.get_by_role("button", name="Publier", exact=True)).to_be_visible()  # not hidden
    save_draft(page)
    error = "Heure non reconnue : saisissez-la au format HH:MM ou 9h30."
    expect(page.get_by_text(error)).to_be_visible()
    expect(page.locator("#id_end_time")).to_have_value("25h99")  # what was typed stays
    page.locator("#id_end_time").fill("11h")
    save_draft(page)
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/"), timeout=20_000)  # created
    expect(page.locator("#id_start_time")).to_have_value("09:30")

    page.locator("[data-side-panel-toggle='status']").click()  # scheduling, the same way
    page.get_by_role("button", name="Programmer").click()
    expect(
        page.get_by_text("Format : JJ/MM/AAAA HH:MM, par exemple 05/12/2026 09:30").first
    ).to_be_visible()
    page.locator("#id_go_live_at").type("01/12/2026 8h15")
    page.get_by_role("button", name="Enregistrer la programmation").click()
    save_draft(page)
    expect(page.locator("#id_go_live_at")).to_have_value("01/12/2026 08:15")
    context.close()
    event = Page.objects.get(title="Réunion publique n° 12 à Vigneulles").specific
    go_live = event.get_latest_revision_as_object().go_live_at
    assert timezone.localtime(go_live).strftime("%d/%m/%Y %H:%M") == "01/12/2026 08:15"
    assert event.slug == "reunion-publique-n-12-a-vigneulles"  # filled from the title
    assert (str(event.start_date), str(event.start_time), str(event.end_time)) == (
        "2026-12-05",
        "09:30:00",
        "11:00:00",
    )


def test_the_secretariat_creates_a_seance_without_leaving_the_act(live_seeded, browser):
    from django.contrib.auth.models import Group

    from petr.library.models import Body, Meeting

    secretary = User.objects.create_user("paul", "paul@petr.example", PASSWORD)
    secretary.groups.add(Group.objects.get(name="Secrétariat — actes"))
    context, page = logged_in(live_seeded, browser, secretary)
    page.get_by_role("link", name="Nouvel acte").click()  # the dashboard's shortcut
    form_url = page.url
    page.get_by_role("button", name="Choisir séance").click()
    page.get_by_role("tab", name="Nouvelle séance").click()
    dialog = page.locator(".modal-content")
    expect(dialog.get_by_text("Format : JJ/MM/AAAA, par exemple 05/12/2026")).to_be_visible()
    instance = dialog.get_by_label("Instance")
    expect(instance.locator("option:checked")).to_have_text("Choisissez l'instance")  # no guess
    options = instance.locator("option").all_inner_texts()
    assert options[1:] == [str(body) for body in Body.objects.all()]
    expect(dialog.get_by_role("link", name="Modifier la liste des instances")).to_be_visible()
    dialog.get_by_label("Date de la séance").fill("05/12/2026")
    dialog.get_by_role("button", name="Créer la séance").click()
    expect(dialog.get_by_text("Champ requis")).to_be_visible()  # the form comes back
    instance.select_option(label="Bureau")
    dialog.get_by_role("button", name="Créer la séance").click()
    expect(page.locator("#id_meeting-title")).to_have_text("Bureau du 5 décembre 2026")
    assert page.url == form_url  # still on the act being written
    context.close()
    assert Meeting.objects.get(date="2026-12-05").body.name == "Bureau"


def test_a_date_typed_in_a_block_is_the_date_saved(live_seeded, browser):
    programme = Page.objects.get(slug="cls-3")
    context, page = logged_in(live_seeded, browser)
    page.goto(f"{live_seeded.url}/admin/pages/add/programmes/actionpage/{programme.pk}/")
    page.get_by_role("textbox", name="Titre*").fill("Ateliers de prévention")
    page.locator("[data-contentpath='indicators']").get_by_title("Insérer un bloc").click()
    page.locator("#indicators-0-value-label").fill("Ateliers tenus")
    page.locator("#indicators-0-value-baseline").fill("0")
    page.locator("#indicators-0-value-target").fill("12")
    measured = page.locator("#indicators-0-value-measurements-0-value-date")
    expect(page.get_by_text("Format : JJ/MM/AAAA, par exemple 05/12/2026").first).to_be_visible()
    measured.type("31/11/2026")  # no such day
    page.locator("#indicators-0-value-measurements-0-value-value").fill("3")
    expect(measured).to_have_value("31/11/2026")  # leaving the field changes nothing
    save_draft(page)
    expect(page.get_by_text("Date non reconnue").first).to_be_visible()
    measured = page.locator("#indicators-0-value-measurements-0-value-date")
    expect(measured).to_have_value("31/11/2026")  # what was typed stays
    measured.fill("30/11/2026")
    save_draft(page)
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/"), timeout=20_000)
    expect(measured).to_have_value("30/11/2026")
    context.close()
    action = Page.objects.get(title="Ateliers de prévention").specific
    indicator = action.get_latest_revision_as_object().indicators[0].value
    assert str(indicator["measurements"][0]["date"]) == "2026-11-30"


def test_the_place_map_names_and_outlines_the_commune_clicked(live_seeded, browser):
    from petr.territory.models import Commune

    chosen, clicked = (Commune.objects.get(slug=s).pk for s in
                       ("saint-mihiel", "rupt-devant-saint-mihiel"))  # fmt: skip
    context, page = logged_in(live_seeded, browser)
    page.goto(f"{live_seeded.url}/admin/snippets/places/place/add/")
    page.locator("#id_commune").select_option(str(chosen))
    expect(page.locator(f"path[data-commune='{chosen}']")).to_have_class("is-chosen")
    page.locator(f"path[data-commune='{clicked}']").click()
    expect(page.locator(".place-picker__where")).to_have_text(
        "Point placé à Rupt-devant-Saint-Mihiel : commune choisie à la place de Saint-Mihiel."
    )
    expect(page.locator("#id_commune")).to_have_value(str(clicked))
    expect(page.locator(f"path[data-commune='{clicked}']")).to_have_class("is-chosen")
    expect(page.locator(f"path[data-commune='{chosen}']")).not_to_have_class("is-chosen")
    expect(page.locator("#id_latitude")).not_to_have_value("")
    context.close()


def test_the_admins_windows_and_states_pass_axe(live_seeded, browser, axe_source):
    """What the screens show once used: an upload's form, a chooser, errors, an open block, at
    the narrow width of a phone and on a desktop (one session for both)."""
    context, page = logged_in(live_seeded, browser)
    page.set_viewport_size({"width": 375, "height": 900})
    report = {}
    # The forms staff fill at phone width too (every screen at 1280 px: the test above).
    for path in PHONE_FORMS:
        page.goto(live_seeded.url + path)
        report |= axe_violations(page, axe_source, f"{path} @375")
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        report |= used_states_violations(live_seeded, page, axe_source, f"@{width}")
    context.close()
    assert report == {}


def used_states_violations(live_seeded, page, axe_source, suffix):
    report = {}
    page.goto(f"{live_seeded.url}/admin/images/multiple/add/")
    png = get_test_image_file().file.getvalue()
    page.locator("input[type=file]").set_input_files(
        files=[{"name": "mairie.png", "mimeType": "image/png", "buffer": png}]
    )
    expect(page.locator("form.image-edit-form, .upload-list form").first).to_be_visible()
    report |= axe_violations(page, axe_source, f"image uploaded {suffix}")

    site = Site.objects.get(is_default_site=True)
    page.goto(f"{live_seeded.url}/admin/settings/core/siteidentity/{site.pk}/")
    page.locator("#id_email").fill("pas-une-adresse")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.locator(".error-message").first).to_be_visible()
    report |= axe_violations(page, axe_source, f"identity with errors {suffix}")

    news = Page.objects.get(slug="actualites")
    page.goto(f"{live_seeded.url}/admin/pages/add/news/newspage/{news.pk}/")
    page.get_by_role("button", name="Choisissez une page (Mission)").click()
    expect(page.locator(".modal-content").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    report |= axe_violations(page, axe_source, f"mission chooser {suffix}")

    programme = Page.objects.get(slug="cls-3")
    page.goto(f"{live_seeded.url}/admin/pages/add/programmes/actionpage/{programme.pk}/")
    page.locator("[data-contentpath='indicators']").get_by_title("Insérer un bloc").click()
    expect(page.locator("#indicators-0-value-label")).to_be_visible()
    expect(page.locator("[data-contentpath='indicators'] [data-panel-heading-text]").first
           ).to_have_text("sans titre")  # fmt: skip
    report |= axe_violations(page, axe_source, f"indicator block {suffix}")
    return report


def test_a_colour_is_typed_or_chosen_in_the_palette(live_seeded, browser):
    from petr.core.models import SiteIdentity

    site = Site.objects.get(is_default_site=True)
    context, page = logged_in(live_seeded, browser)
    page.goto(f"{live_seeded.url}/admin/settings/core/siteidentity/{site.pk}/")
    palette = page.get_by_label("Choisir dans la palette").first
    palette.fill("#5a2a82")  # what choosing in the browser's palette does
    expect(page.locator("#id_primary_colour")).to_have_value("#5a2a82")
    page.locator("#id_accent_colour").fill("#F2C14E")  # typed: the palette follows
    expect(page.get_by_label("Choisir dans la palette").nth(1)).to_have_value("#f2c14e")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("enregistrés")).to_be_visible()
    context.close()
    identity = SiteIdentity.for_site(site)
    assert (identity.primary_colour, identity.accent_colour) == ("#5a2a82", "#F2C14E")
