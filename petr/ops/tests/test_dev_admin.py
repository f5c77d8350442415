import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_dev_admin_is_created_once_and_its_login_printed(tmp_path):
    path = tmp_path / "admin-credentials.txt"
    with override_settings(DEBUG=True, DEV_ADMIN_CREDENTIALS_FILE=path):
        first, second = io.StringIO(), io.StringIO()
        call_command("ensure_dev_admin", stdout=first)
        call_command("ensure_dev_admin", stdout=second)
    username, password = path.read_text().split()
    user = get_user_model().objects.get(username=username)
    assert user.is_superuser and user.check_password(password)
    assert password in first.getvalue() and first.getvalue() == second.getvalue()
    assert get_user_model().objects.count() == 1


@override_settings(DEBUG=False)
def test_dev_admin_refuses_outside_development():
    with pytest.raises(CommandError, match="Réservé au développement"):
        call_command("ensure_dev_admin")
    assert not get_user_model().objects.exists()
