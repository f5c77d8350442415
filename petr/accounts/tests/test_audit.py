"""Administrators see who changed users, groups and settings, and when."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import ModelLogEntry

from petr.contact.models import ContactSettings
from petr.users.models import User

pytestmark = pytest.mark.django_db


def test_changes_to_rights_and_settings_are_logged_with_their_author(admin_client, seeded):
    admin = User.objects.get(username="admin")
    url = f"/admin/settings/contact/contactsettings/{ContactSettings.load().pk}/"
    response = admin_client.post(
        url, {"recipient": "accueil@petr.example", "retention_days": "100"}
    )
    assert response.status_code == 302
    editors = Group.objects.get(name="Rédaction")
    editors.permissions.add(Permission.objects.get(codename="delete_contactsubmission"))
    assert ModelLogEntry.objects.filter(user=None).count() == 0  # outside the admin: not here

    from wagtail.log_actions import LogContext

    with LogContext(user=admin):  # what every admin view does
        editors.permissions.add(Permission.objects.get(codename="view_contactsubmission"))
        User.objects.create_user("bob", "bob@petr.example", "x")
    entries = {(e.content_type.model, e.action, e.user_id) for e in ModelLogEntry.objects.all()}
    assert ("contactsettings", "wagtail.edit", admin.pk) in entries
    assert ("group", "wagtail.edit", admin.pk) in entries
    assert ("user", "wagtail.create", admin.pk) in entries
    history = admin_client.get("/admin/reports/site-history/").content.decode()
    assert "bob" in history and "Rédaction" in history
    assert ContactSettings.load().retention_days == 100
