"""The admin asks administrators and moderators for a second factor: set up once with an
authenticator application, then a code or a single-use recovery code at every login."""

import base64
import datetime
import re

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from petr.users.models import User

pytestmark = pytest.mark.django_db
PASSWORD = "un-mot-de-passe-solide"


@pytest.fixture(autouse=True)
def enforced(settings):
    settings.TWO_FACTOR_ENFORCED = True


def log_in(username):
    client = Client()
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def current_code(user):
    device = TOTPDevice.objects.get(user=user)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


def set_up(client, user):
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith(
        "/admin/double-authentification/activer/"
    )
    page = client.get(response["Location"]).content.decode()
    assert "Activer la double authentification" in page and "<svg" in page
    response = client.post("/admin/double-authentification/activer/", {"code": "000000"})
    assert response.status_code == 400 and "ne correspond pas" in response.content.decode()
    with time_machine.travel(datetime.timedelta(seconds=5)):  # a wrong code delays the next try
        response = client.post("/admin/double-authentification/activer/",
                               {"code": current_code(user), "next": "/admin/pages/"})  # fmt: skip
    html = response.content.decode()
    assert "Double authentification activée" in html and 'href="/admin/pages/"' in html
    return re.findall(r"<li><code>([^<]+)</code></li>", html)


def test_an_administrator_sets_it_up_then_needs_it_at_every_login(seeded):
    claire = User.objects.create_superuser("claire", "c@petr.example", PASSWORD)
    client = log_in("claire")
    codes = set_up(client, claire)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert client.get("/admin/").status_code == 200  # verified for this session

    later = log_in("claire")
    response = later.get("/admin/pages/")
    assert response["Location"] == "/admin/double-authentification/?next=%2Fadmin%2Fpages%2F"
    assert later.post("/admin/double-authentification/", {"code": "123456"}).status_code == 400
    with time_machine.travel(datetime.timedelta(seconds=5)):  # after the wrong code's delay
        response = later.post("/admin/double-authentification/",
                              {"code": codes[0], "next": "/admin/pages/"})  # fmt: skip
        assert response["Location"] == "/admin/pages/"
        assert later.get("/admin/pages/").status_code == 200

    again = log_in("claire")  # a recovery code serves once
    with time_machine.travel(datetime.timedelta(seconds=10)):
        refused = again.post("/admin/double-authentification/", {"code": codes[0]})
        assert refused.status_code == 400 and "déjà utilisé" in refused.content.decode()
    with time_machine.travel(datetime.timedelta(seconds=35)):  # the next 30-second code
        response = again.post("/admin/double-authentification/", {
            "code": current_code(claire), "next": "https://ailleurs.example/"})  # fmt: skip
    assert response["Location"] == "/admin/"  # never sent to another site


def test_those_who_publish_must_those_who_write_may(seeded):
    for name, group in (("mona", "Direction"), ("eddy", "Rédaction")):
        user = User.objects.create_user(name, f"{name}@petr.example", PASSWORD)
        user.groups.add(Group.objects.get(name=group))
    assert (
        log_in("mona")
        .get("/admin/")["Location"]
        .startswith("/admin/double-authentification/activer/")
    )
    assert log_in("eddy").get("/admin/").status_code == 200


def test_production_refuses_to_run_without_it(settings):
    from petr.accounts.checks import second_factor_enforced

    assert second_factor_enforced(None) == []
    settings.TWO_FACTOR_ENFORCED = False
    assert second_factor_enforced(None)[0].id == "petr.E001"


def test_an_administrator_resets_a_lost_phone(seeded, settings):
    claire = User.objects.create_superuser("claire", "c@petr.example", PASSWORD)
    set_up(log_in("claire"), claire)
    device = TOTPDevice.objects.get(user=claire)
    settings.TWO_FACTOR_ENFORCED = False  # the administrator's own second factor is not the point
    staff = Client()
    staff.force_login(User.objects.create_superuser("admin2", "a@petr.example", PASSWORD))
    assert "claire" in staff.get("/admin/securite/double-authentification/").content.decode()
    staff.post(f"/admin/securite/double-authentification/delete/{device.pk}/")
    settings.TWO_FACTOR_ENFORCED = True
    response = log_in("claire").get("/admin/")  # a new phone: set up again, new codes
    assert response["Location"].startswith("/admin/double-authentification/activer/")


def shown_key(client):
    html = client.get("/admin/double-authentification/activer/").content.decode()
    return re.search(r"<code[^>]*>([A-Z2-7 ]{16,})</code>", html).group(1)


def test_each_set_up_attempt_has_its_own_secret(seeded):
    """Whoever had the password before the owner (another session) saw another secret: the one
    the owner confirms was shown to the owner's session only, once."""
    claire = User.objects.create_superuser("claire", "c@petr.example", PASSWORD)
    intruder, owner = log_in("claire"), log_in("claire")
    seen_by_intruder = shown_key(intruder)
    first, second = shown_key(owner), shown_key(owner)
    assert len({seen_by_intruder, first, second}) == 3  # a new secret at every display
    assert TOTPDevice.objects.filter(user=claire).count() == 1  # the others are gone
    response = owner.post("/admin/double-authentification/activer/", {"code": current_code(claire)})
    assert "Double authentification activée" in response.content.decode()
    confirmed = TOTPDevice.objects.get(user=claire)
    assert base64.b32encode(confirmed.bin_key).decode() == second.replace(" ", "")


def test_an_unconfirmed_secret_expires_after_ten_minutes(seeded):
    claire = User.objects.create_superuser("claire", "c@petr.example", PASSWORD)
    client = log_in("claire")
    old = shown_key(client)
    with time_machine.travel(datetime.timedelta(minutes=11)):
        response = client.post("/admin/double-authentification/activer/",
                               {"code": current_code(claire)})  # fmt: skip
    assert response.status_code == 400 and "a expiré (10 minutes)" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=claire, confirmed=True).exists()
    assert shown_key(client) != old


def test_a_session_whose_second_factor_is_pending_reaches_no_restricted_page(seeded):
    from wagtail.models import Page, PageViewRestriction

    page = Page.objects.get(slug="mentions-legales")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    claire = User.objects.create_superuser("claire", "c@petr.example", PASSWORD)
    client = log_in("claire")  # password only: the set-up is pending
    response = client.get("/mentions-legales/")
    assert response.status_code == 302 and "login" in response["Location"]
    set_up(client, claire)
    assert client.get("/mentions-legales/").status_code == 200
