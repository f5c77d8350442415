"""Staff accounts resist guessing: lockouts per account and per client, unlocked by an
administrator, logged; the client's address is the one the proxy saw."""

import io

import pytest
from axes.models import AccessAttempt, AccessLog
from django.test import Client

from petr.core.tests.helpers import REDIS_AWAY
from petr.users.models import User
from petr.web.clients import client_ip

pytestmark = pytest.mark.django_db
PASSWORD = "un-mot-de-passe-solide"


@pytest.fixture
def claire(seeded):
    return User.objects.create_superuser("claire", "claire@petr.example", PASSWORD)


def log_in(username, password, address="203.0.113.7"):
    client = Client(REMOTE_ADDR=address)
    response = client.post("/admin/login/", {"username": username, "password": password})
    return response, client


def test_ten_wrong_passwords_lock_the_client_not_the_account_elsewhere(claire):
    statuses = [log_in("claire", "au-hasard")[0].status_code for _ in range(10)]
    assert statuses == [200] * 9 + [429]  # the form again with its error, then the lock
    response, client = log_in("claire", PASSWORD)  # the right password, too late
    assert response.status_code == 429 and "Connexion temporairement bloquée" in response.text
    assert "30 minutes" in response.text and "_auth_user_id" not in client.session
    assert log_in("autre", "x")[0].status_code == 429  # the client is locked for any account
    # The owner, from her own address, is not locked out by a stranger's guesses.
    assert log_in("claire", PASSWORD, address="198.51.100.9")[0].status_code == 302


def test_a_client_guessing_many_accounts_is_locked(claire):
    statuses = [log_in(f"compte{n}", "au-hasard")[0].status_code for n in range(10)]
    assert statuses == [200] * 9 + [429]
    assert log_in("claire", PASSWORD)[0].status_code == 429


def test_an_administrator_unlocks_and_sees_the_log(claire):
    for _ in range(10):
        log_in("claire", "au-hasard")
    admin = User.objects.create_superuser("admin2", "a@petr.example", PASSWORD)
    staff = Client()
    staff.force_login(admin)
    listing = staff.get("/admin/securite/blocages/").content.decode()
    assert "claire" in listing and "203.0.113.7" in listing
    attempt = AccessAttempt.objects.get(username="claire")
    staff.post(f"/admin/securite/blocages/delete/{attempt.pk}/")
    response, client = log_in("claire", PASSWORD)
    assert response.status_code == 302 and client.session["_auth_user_id"] == str(claire.pk)
    assert AccessLog.objects.filter(username="claire").exists()
    assert "claire" in staff.get("/admin/securite/connexions/").content.decode()
    assert "au-hasard" not in staff.get("/admin/securite/echecs/").content.decode()


def test_editors_do_not_see_account_security(claire):
    from django.contrib.auth.models import Group

    editor = User.objects.create_user("eve", "eve@petr.example", PASSWORD)
    editor.groups.add(Group.objects.get(name="Rédaction"))
    for user, sees in ((claire, True), (editor, False)):
        client = Client()
        client.force_login(user)
        assert (client.get("/admin/securite/blocages/").status_code == 200) is sees
        assert ("/admin/securite/blocages/" in client.get("/admin/").content.decode()) is sees


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "1.2.3.4", "10.0.0.1"),  # no trusted proxy: the header is ignored
        (1, "", "10.0.0.1"),
        (1, "198.51.100.9", "198.51.100.9"),  # what nginx saw
        (1, "6.6.6.6, 198.51.100.9", "198.51.100.9"),  # a forged entry on the left
        (2, "6.6.6.6, 198.51.100.9, 10.1.1.1", "198.51.100.9"),
    ],
)
def test_the_client_is_the_address_the_nearest_proxy_saw(
    rf, settings, proxies, forwarded, expected
):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


@pytest.fixture(params=["shared cache", "Redis away"])
def reset_cache(request, settings):
    if request.param == "Redis away":
        settings.CACHES = {**settings.CACHES, **REDIS_AWAY}


def test_password_resets_are_limited_and_mailed_by_the_worker(claire, mailoutbox, reset_cache):
    def ask(email, address="203.0.113.7"):
        response = Client(REMOTE_ADDR=address).post("/admin/password_reset/", {"email": email})
        assert response.status_code == 302  # the same answer, sent or not

    for _ in range(5):
        ask("claire@petr.example")
    assert len(mailoutbox) == 3  # three an hour for one address
    assert "/admin/password_reset/confirm/" in mailoutbox[0].body
    User.objects.create_user("bob", "bob@petr.example", PASSWORD)
    for i in range(10):
        ask(f"inconnu{i}@example.fr", address="198.51.100.9")
    ask("bob@petr.example", address="198.51.100.9")  # that client is over its limit
    assert len(mailoutbox) == 3
    ask("bob@petr.example")  # from elsewhere, Bob's request goes through
    assert len(mailoutbox) == 4 and mailoutbox[-1].to == ["bob@petr.example"]


def test_an_idle_admin_session_is_closed(claire):
    import datetime

    import time_machine

    client = Client()
    client.force_login(claire)
    assert client.get("/admin/").status_code == 200
    with time_machine.travel(datetime.timedelta(minutes=25)):
        assert client.get("/admin/").status_code == 200  # activity keeps the session
    with time_machine.travel(datetime.timedelta(minutes=50)):
        assert client.get("/admin/").status_code == 200  # 25 minutes after the last request
    with time_machine.travel(datetime.timedelta(minutes=81)):
        response = client.get("/admin/pages/")
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
        assert "_auth_user_id" not in client.session
        assert "30 minutes sans activité" in client.get(response["Location"]).content.decode()


def test_login_records_are_kept_ninety_days(claire):
    """The README's daily recipe: staff addresses in the login logs are personal data."""
    import datetime

    import time_machine
    from axes.models import AccessFailureLog
    from django.core.management import call_command

    log_in("claire", "au-hasard")
    log_in("claire", PASSWORD)
    assert AccessLog.objects.exists() and AccessFailureLog.objects.exists()
    with time_machine.travel(datetime.timedelta(days=89)):
        call_command("axes_reset_logs", "--age", "90", stdout=io.StringIO())
        call_command("axes_reset_failure_logs", "--age", "90", stdout=io.StringIO())
    assert AccessLog.objects.exists() and AccessFailureLog.objects.exists()
    with time_machine.travel(datetime.timedelta(days=91)):
        call_command("axes_reset_logs", "--age", "90", stdout=io.StringIO())
        call_command("axes_reset_failure_logs", "--age", "90", stdout=io.StringIO())
    assert not AccessLog.objects.exists() and not AccessFailureLog.objects.exists()
