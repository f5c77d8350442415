"""The staff roles, as data: each is a group with the pages it works on (by the starter pages'
seed keys, so renaming a page changes nothing), the libraries, settings and records it may touch.
`sync_roles()` creates the groups and adds what is listed here, never removing what an
administrator granted on top; `seed_site` runs it. A new content family gives its role its
permissions by adding a line here.

« Rédaction » writes everywhere and publishes nothing. Publication of the missions' pages needs
the approval of « Direction » (the workflow « Validation par la direction »); the other roles
publish their own pages."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Task,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from petr.core.models import SeedMark
from petr.core.starter import seed_once

ADMIN = ["wagtailadmin.access_admin"]
# On the root collection.
IMAGES_AND_FILES = [f"{action}_{kind}" for kind in ("image", "document")
                    for action in ("add", "change", "choose")]  # fmt: skip
PUBLISHING = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
EDITING = ["add_page", "change_page"]
# The missions' places (carpool areas, health centres…): every mission officer keeps them.
PLACES = [f"places.{action}_place" for action in ("add", "change", "delete")]
# Who runs the PETR and whom to call (people app).
PEOPLE = [f"people.{action}_person" for action in ("add", "change", "delete")]
# Whoever may publish an act creates its séance from the act form.
SEANCES = ["library.add_meeting", "library.change_meeting", "library.view_body"]
# Subscribers and sendings, read (the letters themselves are pages).
NEWSLETTER = ["newsletter.view_subscriber", "newsletter.view_mailing", "newsletter.view_delivery"]

ROLES = {
    "Communication": {
        "pages": {"page.home": PUBLISHING},
        "collections": IMAGES_AND_FILES,
        "models": ADMIN
        + [
            "core.change_siteidentity",
            "core.change_navigationsettings",
            "core.change_opendatasettings",
            "territory.add_townhall",
            "territory.change_townhall",
            "contact.view_contactsubmission",
            "contact.delete_contactsubmission",
            *PEOPLE,
            *SEANCES,
            *NEWSLETTER,
            "newsletter.delete_subscriber",
        ],
    },  # fmt: skip
    "Secrétariat — actes": {
        "pages": {"page.actes": PUBLISHING, "page.documents": PUBLISHING},
        "collections": IMAGES_AND_FILES,
        "models": ADMIN + SEANCES + ["library.add_body", "library.change_body"],
    },
    "Rédaction": {
        "pages": {"page.home": EDITING},
        "collections": IMAGES_AND_FILES,
        "models": ADMIN + SEANCES,
    },
    "Direction": {
        "pages": {"page.home": PUBLISHING},
        "collections": IMAGES_AND_FILES,
        "models": ADMIN
        + SEANCES
        + PEOPLE
        + NEWSLETTER
        + ["contact.view_contactsubmission", "programmes.change_project_amounts"],
    },
}
# One role per mission, on its own pages: « Chargé·e de mission — LEADER »…
MISSION_ROLE = "Chargé·e de mission — {title}"
MISSION_KEY_PREFIX = "page.missions."
# What a mission's officer also works on, beyond its mission's pages (by seed keys).
MISSION_EXTRA_PAGES = {"page.missions.leader": ["page.projects"]}
# What a mission's officer alone handles among the records: the LEADER declarations.
MISSION_EXTRA_MODELS = {
    "page.missions.leader": [
        "declarations.view_declaration",
        "declarations.change_declaration",
        "declarations.change_declarationsettings",
        "programmes.change_project_amounts",
    ]
}
# Wagtail's English groups become French roles: members and every permission move over, and the
# English group goes (« Editors » writes without publishing, like « Rédaction »).
ENGLISH_GROUPS = {"Moderators": "Direction", "Editors": "Rédaction"}
WAGTAILS_WORKFLOW = "Moderators approval"
RETIRED_WORKFLOW = "Validation d'origine de Wagtail (désactivée)"
WORKFLOW = "Validation par la direction"
# The sections whose pages are published once « Direction » approves.
WORKFLOW_PAGES = ["page.missions", "page.projects"]
APPROVERS = "Direction"


def page_for(key):
    """The page of the site being seeded: each site's sections join the same roles (one team
    per installation)."""
    mark = SeedMark.objects.filter(key=key).first()
    return Page.objects.filter(pk=mark.object_id).first() if mark else None


def mission_roles():
    roles = {}
    for mark in SeedMark.objects.filter(key__startswith=MISSION_KEY_PREFIX):
        page = Page.objects.filter(pk=mark.object_id).first()
        if page:
            extra = MISSION_EXTRA_PAGES.get(mark.key, [])
            roles[MISSION_ROLE.format(title=page.title)] = {
                "pages": {key: EDITING for key in [mark.key, *extra]},
                "collections": IMAGES_AND_FILES,
                "models": ADMIN + PLACES + MISSION_EXTRA_MODELS.get(mark.key, []),
            }
    return roles


def permission(name):
    """`app.codename`, or a page, image or document permission by its codename (Wagtail checks
    images against its own `wagtailimages.Image` permissions, whatever the image model)."""
    if "." in name:
        app_label, codename = name.split(".")
    else:
        kind = name.rsplit("_", 1)[1]
        app_label = {"page": "wagtailcore", "image": "wagtailimages"}.get(kind, "wagtaildocs")
        codename = name
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def grant(group, role):
    group.permissions.add(*(permission(name) for name in role["models"]))
    for key, codenames in role["pages"].items():
        page = page_for(key)
        for codename in codenames if page else []:
            GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=permission(codename)
            )
    root = Collection.get_first_root_node()
    for codename in role["collections"] if root else []:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission(codename)
        )


def merge_into(source, target):
    target.user_set.add(*source.user_set.all())
    target.permissions.add(*source.permissions.all())
    for granted in source.page_permissions.all():
        GroupPagePermission.objects.get_or_create(
            group=target, page=granted.page, permission=granted.permission
        )
    for granted in source.collection_permissions.all():
        GroupCollectionPermission.objects.get_or_create(
            group=target, collection=granted.collection, permission=granted.permission
        )
    for task in GroupApprovalTask.objects.filter(groups=source):
        task.groups.add(target)
    source.delete()


def retire_english_groups():
    for english, french in ENGLISH_GROUPS.items():
        group = Group.objects.filter(name=english).first()
        if group:
            merge_into(group, Group.objects.get(name=french))
    # Wagtail's workflow and task of that name, retired (retire_wagtails_workflow), say so.
    Workflow.objects.filter(name=WAGTAILS_WORKFLOW).update(name=RETIRED_WORKFLOW)
    Task.objects.filter(name=WAGTAILS_WORKFLOW).update(name=RETIRED_WORKFLOW, active=False)


def the_workflow():
    task, _ = GroupApprovalTask.objects.get_or_create(name="Validation par la direction")
    task.groups.add(Group.objects.get(name=APPROVERS))
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def retire_wagtails_workflow():
    """Wagtail's own English « Moderators approval » on the whole site is retired: the roles
    publish their pages, but for the sections of WORKFLOW_PAGES."""
    for name in (WAGTAILS_WORKFLOW, RETIRED_WORKFLOW):
        WorkflowPage.objects.filter(workflow__name=name).delete()
        Workflow.objects.filter(name=name).update(active=False)


def apply_workflow(key):
    page = page_for(key)
    if page:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": the_workflow()})


@transaction.atomic
def sync_roles():
    for name, role in {**ROLES, **mission_roles()}.items():
        group, _ = Group.objects.get_or_create(name=name)
        grant(group, role)
    retire_english_groups()
    # Once each: an administrator's later changes stay.
    seed_once("roles.workflow", retire_wagtails_workflow)
    for key in WORKFLOW_PAGES:
        if page_for(key):
            seed_once(f"roles.workflow:{key}", lambda key=key: apply_workflow(key))
