"""The MDN HTTP Observatory's grade, worked out by hand from its published rubric
(mozilla/http-observatory, httpobs/docs/scoring.md) on the production settings' responses:
100 to start, bonuses counted only from 90. A+ is 100 or more."""

import importlib
import re

import pytest
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db
SECURITY = [
    "SECURE_SSL_REDIRECT", "SECURE_PROXY_SSL_HEADER", "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE",
]  # fmt: skip
PRIVATE_REFERRERS = {
    "no-referrer",
    "same-origin",
    "strict-origin",
    "strict-origin-when-cross-origin",
}


@pytest.fixture
def production(monkeypatch):
    # Production insists on a secret and a public address.
    monkeypatch.setattr("petr.settings.base.SECRET_KEY", "x" * 50)
    monkeypatch.setattr("petr.settings.base.SITE_URL", "https://www.petr-exemple.fr")
    module = importlib.import_module("petr.settings.production")
    with override_settings(**{name: getattr(module, name) for name in SECURITY}):
        yield


def grade(http, https, form_page):
    score, bonus, report = 100, 0, []

    def rule(name, passed, penalty=0, reward=0):
        nonlocal score, bonus
        report.append(f"{'ok' if passed else 'ÉCHEC'} {name}")
        if passed:
            bonus += reward
        else:
            score -= penalty

    csp = https["Content-Security-Policy"]
    rule("csp-implemented-with-no-unsafe", "unsafe-" not in csp and "http:" not in csp, 25, 5)
    rule("x-frame-options-implemented-via-csp", "frame-ancestors 'none'" in csp, 20, 5)
    hsts = re.search(r"max-age=(\d+)", https.get("Strict-Transport-Security", ""))
    rule("hsts-implemented-max-age-at-least-six-months", hsts and int(hsts[1]) >= 15768000, 20)
    rule("redirection-to-https", http.status_code in (301, 302)
         and http["Location"].startswith("https://testserver/"), 20)  # fmt: skip
    rule("x-content-type-options-nosniff", https["X-Content-Type-Options"] == "nosniff", 5)
    rule("referrer-policy-private", https["Referrer-Policy"] in PRIVATE_REFERRERS, 0, 5)
    rule("cross-origin-resource-sharing-not-implemented",
         "Access-Control-Allow-Origin" not in https, 50)  # fmt: skip
    scripts = re.findall(r'<script[^>]*src="([^"]+)"', https.content.decode())
    rule("sri-not-needed-all-scripts-same-origin", all(s.startswith("/") for s in scripts), 5)
    cookies = form_page.cookies.values()
    rule("cookies-secure-with-httponly-sessions-and-samesite", cookies and all(
        c["secure"] and c["samesite"] for c in cookies), 20, 5)  # fmt: skip
    return score + (bonus if score >= 90 else 0), report


def test_the_public_site_grades_a_plus(production, seeded):
    client = Client()
    http = client.get("/")
    https = client.get("/", secure=True)
    form_page = client.get("/contact/", secure=True)  # the page that sets a cookie (CSRF)
    assert https.status_code == 200 and form_page.status_code == 200
    score, report = grade(http, https, form_page)
    print("\n".join(report), f"\nScore : {score}")
    assert score >= 100, report
