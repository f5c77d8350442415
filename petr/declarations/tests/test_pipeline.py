"""The LEADER team's pipeline: only the LEADER role sees declarations; an officer moves one
through the statuses with comments (history kept), assigns it, exports the list safely, and
turns a programmed declaration into a draft supported project; the holder sees the status."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from petr.declarations.models import Declaration, DeclarationAttachment, Status
from petr.declarations.projects import create_project
from petr.declarations.tests.helpers import post
from petr.library.tests.helpers import PDF
from petr.programmes.models import ProjectPage
from petr.users.models import User

pytestmark = pytest.mark.django_db
LEADER = "Chargé·e de mission — LEADER"


@pytest.fixture
def declaration(seeded, client):
    response = post(client, structure_name='=HYPERLINK("http://x")')
    declaration = Declaration.objects.get()
    declaration.receipt_url = response.url
    return declaration


def staff(client, group):
    user = User.objects.create_user(f"u{Group.objects.get(name=group).pk}", "u@p.example",
                                    "x" * 16)  # fmt: skip
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return user


def move(client, declaration, status, comment=""):
    response = client.post(f"/admin/declarations/edit/{declaration.pk}/",
                           {"status": status, "assigned_to": "", "comment": comment})  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]


def test_only_the_leader_role_sees_declarations(client, declaration):
    staff(client, "Communication")
    assert client.get("/admin/declarations/").status_code == 302  # Wagtail's « no permission »
    assert client.get(f"/admin/declarations/edit/{declaration.pk}/").status_code == 302
    staff(client, LEADER)
    listing = client.get("/admin/declarations/")
    assert listing.status_code == 200 and declaration.number in listing.text


def test_an_officer_follows_a_declaration_to_a_project(client, declaration):
    officer = staff(client, LEADER)
    page = client.get(f"/admin/declarations/edit/{declaration.pk}/").text
    assert declaration.digest in page and "Atelier de jus de pommes" in page
    assert "Créer le projet" not in page
    move(client, declaration, Status.CONTACTED, "Appel le 3 décembre")
    move(client, declaration, Status.MET)
    move(client, declaration, Status.PROGRAMMED, "Comité du 12 mars")
    history = list(declaration.history.values_list("before", "after", "comment", "by"))
    assert history == [
        ("recue", "contact-pris", "Appel le 3 décembre", officer.pk),
        ("contact-pris", "rencontre-faite", "", officer.pk),
        ("rencontre-faite", "programme", "Comité du 12 mars", officer.pk),
    ]
    assert "<strong>Programmé</strong>" in client.get(declaration.receipt_url).text  # the holder

    url = f"/admin/declarations/{declaration.pk}/creer-projet/"
    assert "Créer le projet" in client.get(f"/admin/declarations/edit/{declaration.pk}/").text
    assert client.get(url).status_code == 200  # a confirmation first
    response = client.post(url)
    project = ProjectPage.objects.get(title="Atelier de jus de pommes itinérant")
    assert response.url == f"/admin/pages/{project.pk}/edit/"
    assert not project.live and project.beneficiary_kind == "association"
    assert [f.amount for f in project.fundings.all()] == [declaration.leader_aid]
    assert [c.slug for c in project.communes.all()] == ["saint-mihiel"]
    declaration.refresh_from_db()
    assert declaration.project == project
    assert client.post(url).status_code == 302 and ProjectPage.objects.filter(
        title=project.title).count() == 1  # fmt: skip


def test_the_export_never_turns_a_name_into_a_formula(client, declaration):
    staff(client, LEADER)
    response = client.get("/admin/declarations/?export=csv")
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(content)))
    assert rows[0]["Structure"].startswith("'=HYPERLINK")
    assert client.get("/admin/declarations/?export=xlsx").status_code == 200


def test_declarations_without_a_project_are_deleted_after_the_retention_period(client, declaration):
    kept = Declaration.objects.get()
    post(client, email="autre@example.fr", attachments=[SimpleUploadedFile("devis.pdf", PDF)])
    old = Declaration.objects.exclude(pk=kept.pk).get()
    stored = DeclarationAttachment.objects.get().file
    six_years_ago = timezone.now() - datetime.timedelta(days=6 * 366)
    Declaration.objects.update(created_at=six_years_ago)
    create_project(kept, None)
    call_command("purge_declarations", stdout=io.StringIO())
    assert list(Declaration.objects.all()) == [kept]  # the one that became a project stays
    assert not stored.storage.exists(stored.name)  # its file too
    assert old.number not in str(list(Declaration.objects.values_list("number", flat=True)))


def test_attachments_are_served_to_the_leader_team_only(client, declaration):
    post(client, email="autre@example.fr", attachments=[SimpleUploadedFile("devis.pdf", PDF)])
    url = f"/admin/declarations/piece/{DeclarationAttachment.objects.get().pk}/"
    staff(client, "Communication")
    assert client.get(url).status_code in (302, 403)
    staff(client, LEADER)
    response = client.get(url)
    assert b"".join(response.streaming_content) == PDF
    assert 'filename="devis.pdf"' in response["Content-Disposition"]


def test_the_team_reads_amounts_the_french_way(client, declaration):
    staff(client, LEADER)
    page = client.get(f"/admin/declarations/edit/{declaration.pk}/").text
    assert "coût total 45\u202f000 €" in page and "sollicitée 18\u202f000,50 €" in page
