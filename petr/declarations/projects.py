"""A programmed declaration becomes a supported project of the catalogue: a draft carrying what
the holder declared, for the LEADER team to complete and publish (with the usual approval)."""

from django.apps import apps
from django.db import transaction
from django.utils.html import escape, linebreaks

from petr.programmes.choices import Funder, ProjectStatus


@transaction.atomic
def create_project(declaration, user):
    project_model = apps.get_model("programmes", "ProjectPage")
    funding = apps.get_model("programmes", "ProjectFunding")
    catalogue = apps.get_model("programmes", "ProjectIndexPage").objects.get()
    project = project_model(
        title=declaration.title,
        beneficiary=declaration.structure_name,
        beneficiary_kind=declaration.structure_kind,
        total_cost=declaration.total_cost,
        status=ProjectStatus.PROGRAMMED,
        body=[("paragraph", linebreaks(escape(declaration.summary)))],
        fundings=[funding(funder=Funder.LEADER, amount=declaration.leader_aid)],
        live=False,
        owner=user,
    )
    project.communes.set(declaration.communes.all())
    project.actions.set([declaration.action] if declaration.action_id else [])
    catalogue.add_child(instance=project)  # saves the page with its communes and actions
    project.save_revision(user=user)
    declaration.project = project
    declaration.save(update_fields=["project"])
    return project
