"""The public address (SITE_URL) reaches every absolute link; production refuses a local one."""

import os
import subprocess
import sys

import pytest
from django.core import mail
from django.core.checks import run_checks
from django.test import RequestFactory
from wagtail.models import Site

from petr.web.public_address import problem, sync_default_site

PUBLIC = "https://www.petr-exemple.fr"


@pytest.mark.parametrize(
    "url",
    ["", "http://www.petr-exemple.fr", "https://localhost", "https://127.0.0.1:8000",
     "https://[::1]", "https://site.localhost", "https://www.petr-exemple.fr/portail/"],
)  # fmt: skip
def test_a_local_insecure_or_partial_address_is_refused(url):
    assert problem(url)


def test_the_public_address_is_accepted_and_checked_at_deploy(settings):
    assert problem(PUBLIC) is None
    settings.SITE_URL = settings.WAGTAILADMIN_BASE_URL = PUBLIC
    settings.ALLOWED_HOSTS = ["www.petr-exemple.fr"]
    assert not [e for e in run_checks(include_deployment_checks=True) if e.id == "petr.E002"]
    settings.ALLOWED_HOSTS = ["www.petr-exemple.fr", "127.0.0.1"]
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    errors = [e.msg for e in run_checks(include_deployment_checks=True) if e.id == "petr.E002"]
    assert len(errors) == 2 and "127.0.0.1" in errors[1]


def test_sitemap_canonical_links_and_emails_carry_the_public_address(client, seeded, settings):
    settings.SITE_URL = settings.WAGTAILADMIN_BASE_URL = PUBLIC
    sync_default_site()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("www.petr-exemple.fr", 443)
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"<loc>{PUBLIC}/territoire/</loc>" in sitemap and "localhost" not in sitemap
    home = client.get("/", HTTP_HOST="10.0.0.5").content.decode()  # as seen behind a proxy
    assert f'<link rel="canonical" href="{PUBLIC}/">' in home
    assert '<meta name="description" content="' in home

    from petr.accounts.password_reset import ThrottledPasswordResetForm
    from petr.users.models import User

    User.objects.create_user("agent", "agent@example.org", "x" * 16, is_staff=True)
    form = ThrottledPasswordResetForm({"email": "agent@example.org"})
    assert form.is_valid()
    form.save(
        request=RequestFactory().post("/admin/password_reset/", HTTP_HOST="10.0.0.5"),
        email_template_name="wagtailadmin/account/password_reset/email.txt",
    )
    assert f"{PUBLIC}/admin/" in mail.outbox[-1].body


def production(site_url, code):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "petr.settings.production"}
    env.update(SITE_URL=site_url, SECRET_KEY="k" * 50, ALLOWED_HOSTS="")
    script = f"import django; django.setup(); from django.conf import settings; {code}"
    return subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=False
    )


def test_production_starts_on_the_public_address_and_refuses_this_machine():
    started = production(PUBLIC, "print(settings.ALLOWED_HOSTS, settings.WAGTAILADMIN_BASE_URL)")
    assert started.stdout.strip() == f"['www.petr-exemple.fr'] {PUBLIC}", started.stderr
    refused = production("https://127.0.0.1", "pass")
    assert refused.returncode != 0
    assert "SITE_URL désigne cette machine (127.0.0.1)" in refused.stderr
