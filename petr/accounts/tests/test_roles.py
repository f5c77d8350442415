"""Each staff role, as the seed creates it, can do its daily work and nothing more; nobody needs to
be a superuser."""

import pytest
from django.contrib.auth.models import Group
from wagtail.images import get_image_model
from wagtail.models import Page, Workflow
from wagtail.permissions import policy_registry

from petr.users.models import User


def member(role):
    user = User.objects.create_user(f"agent-{Group.objects.get(name=role).pk}", password="x" * 16)
    user.groups.add(Group.objects.get(name=role))
    return user


def rights(user, slug):
    page = Page.objects.get(slug=slug).permissions_for_user(user)
    return page.can_edit(), page.can_publish(), page.can_add_subpage()


@pytest.fixture
def pages(seeded):
    return ["actualites", "agenda", "actes", "documents-du-petr", "leader", "mobilite"]


def test_communication_publishes_news_agenda_and_pages_and_keeps_the_identity(pages):
    user = member("Communication")
    assert rights(user, "actualites") == rights(user, "agenda") == (True, True, True)
    assert user.has_perm("core.change_siteidentity") and user.has_perm(
        "core.change_navigationsettings"
    )
    assert user.has_perm("contact.view_contactsubmission")  # reads the contact messages
    assert policy_registry.get_by_type(get_image_model()).user_has_permission(user, "add")
    assert not user.has_perm("wagtailusers.add_user") and not user.is_superuser


def test_whoever_may_publish_an_act_may_create_its_seance(pages):
    """The guide's step « Nouvel acte › Choisir séance › Nouvelle séance » ends for every role."""
    for group in Group.objects.all():
        user = member(group.name)
        if rights(user, "actes")[2]:
            assert user.has_perm("library.add_meeting"), group.name
            assert user.has_perm("library.view_body"), group.name  # the list of instances


def test_the_secretariat_keeps_the_register_and_nothing_else(pages):
    user = member("Secrétariat — actes")
    assert rights(user, "actes") == rights(user, "documents-du-petr") == (True, True, True)
    assert user.has_perm("library.add_meeting")  # a new séance from the act form
    assert rights(user, "actualites") == (False, False, False)
    assert not user.has_perm("core.change_siteidentity")


def test_a_mission_officer_edits_their_mission_and_submits_it_for_approval(pages):
    user = member("Chargé·e de mission — LEADER")
    assert rights(user, "leader") == (True, False, True)  # publishing waits for Direction
    assert rights(user, "mobilite") == (False, False, False)
    assert rights(user, "actualites") == (False, False, False)
    workflow = Page.objects.get(slug="leader").get_workflow()
    assert workflow.name == "Validation par la direction"
    [task] = workflow.tasks
    assert list(task.specific.groups.values_list("name", flat=True)) == ["Direction"]
    # the LEADER officer also records the projects the programme funds, approved the same way
    assert rights(user, "projets-soutenus") == (True, False, True)
    assert Page.objects.get(slug="projets-soutenus").get_workflow().name == workflow.name
    health = member("Chargé·e de mission — Contrat local de santé")
    assert rights(health, "projets-soutenus") == (False, False, False)
    assert rights(health, "cls-3") == (True, False, True)  # its programme, under its mission


def test_direction_approves_and_publishes_everywhere(pages):
    user = member("Direction")
    for slug in pages:
        assert rights(user, slug)[1], slug
    assert not Workflow.objects.get(name="Validation d'origine de Wagtail (désactivée)").active
    assert Page.objects.get(slug="actualites").get_workflow() is None  # published directly


def test_roles_are_synchronised_again_without_losing_an_administrators_grant(seeded):
    from petr.accounts.roles import sync_roles

    communication = Group.objects.get(name="Communication")
    extra = Group.objects.get(name="Rédaction").permissions.first()
    communication.permissions.add(extra)
    before = communication.page_permissions.count()
    sync_roles()
    assert extra in communication.permissions.all()
    assert communication.page_permissions.count() == before


def test_wagtails_english_groups_become_french_roles_with_their_members_and_rights(seeded):
    from django.contrib.auth.models import Permission
    from wagtail.models import GroupPagePermission

    from petr.accounts.roles import sync_roles

    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()
    # A site installed before: Wagtail's groups, a member each, a right granted there alone.
    moderators, editors = (Group.objects.create(name=n) for n in ("Moderators", "Editors"))
    mona = User.objects.create_user("mona", password="x" * 16)
    eddy = User.objects.create_user("eddy", password="x" * 16)
    mona.groups.add(moderators)
    eddy.groups.add(editors)
    delete_image = Permission.objects.get(codename="delete_image")
    moderators.permissions.add(delete_image)
    news = Page.objects.get(slug="actualites")
    lock = Permission.objects.get(codename="lock_page")
    GroupPagePermission.objects.create(group=editors, page=news, permission=lock)
    sync_roles()
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()
    assert [g.name for g in mona.groups.all()] == ["Direction"]
    assert [g.name for g in eddy.groups.all()] == ["Rédaction"]
    assert delete_image in Group.objects.get(name="Direction").permissions.all()
    eddy = User.objects.get(pk=eddy.pk)  # permissions are cached per user
    assert news.permissions_for_user(eddy).can_lock()
    assert not news.permissions_for_user(eddy).can_publish()  # Rédaction writes only
