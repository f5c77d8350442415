"""Supported projects: amounts typed the French way, aid never above the cost, the committee
within the programme's period, a private person never named unless the law requires it, a
catalogue with filters that keeps a fixed number of queries."""

import datetime
import re
from decimal import Decimal

import pytest
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from petr.programmes.models import (
    ActionPage,
    ProgrammePage,
    ProjectFunding,
    ProjectIndexPage,
    ProjectPage,
)
from petr.territory.models import Commune
from petr.users.models import User

pytestmark = pytest.mark.django_db


def add_project(title="Tiers-lieu de Saint-Mihiel", fundings=(("leader", "20000", "0"),), **fields):
    values = dict(
        beneficiary="Association Les Ateliers", beneficiary_kind="association",
        total_cost=Decimal("50000"), status="programme",
    ) | fields  # fmt: skip
    communes = values.pop("communes", [])
    actions = values.pop("actions", [])
    project = ProjectPage(
        title=title,
        fundings=[
            ProjectFunding(funder=f, amount=Decimal(a), paid=Decimal(p)) for f, a, p in fundings
        ],
        **values,
    )
    ProjectIndexPage.objects.get().add_child(instance=project)
    project.communes.set(communes)
    project.actions.set(actions)
    project.save_revision().publish()
    return project


def admin_post(client, parent, **fields):
    admin = User.objects.filter(username="claire").first()
    client.force_login(admin or User.objects.create_superuser("claire", "c@p.example", "x" * 16))
    data = {
        "title": "Maison de santé", "slug": "maison-de-sante", "intro": "",
        "beneficiary": "Commune de Woël", "beneficiary_kind": "commune", "total_cost": "",
        "committee_date": "", "status": "programme", "body": streamfield([]),
        "related": streamfield([]), "action-publish": "publish",
        "fundings": inline_formset([{"funder": "leader", "other": "", "amount": "", "paid": "0"}]),
    } | fields  # fmt: skip
    actions = data.pop("actions", [])  # several values of one field, not a nested list
    url = f"/admin/pages/add/programmes/projectpage/{parent.pk}/"
    return client.post(url, {**nested_form_data(data), "actions": actions})


def test_amounts_are_typed_the_french_way_and_checked(client, seeded):
    catalogue = ProjectIndexPage.objects.get()
    funding = [{"funder": "leader", "other": "", "amount": "30 000,00", "paid": "0"}]
    refused = admin_post(
        client, catalogue, total_cost="12 500,50", fundings=inline_formset(funding)
    )
    assert refused.status_code == 200
    assert (
        "Les aides (30000,00 €) dépassent le coût total (12500,50 €)." in refused.content.decode()
    )
    wrong = [{"funder": "autre", "other": "", "amount": "100", "paid": "200"}]
    html = admin_post(client, catalogue, total_cost="1000", fundings=inline_formset(wrong))
    html = html.content.decode().replace("&#x27;", "'")
    assert "Nommez ce financeur." in html and "Le versé dépasse le montant de l'aide." in html
    funding[0]["amount"] = "10 000"
    done = admin_post(client, catalogue, total_cost="12 500,50", fundings=inline_formset(funding))
    assert done.status_code == 302
    project = ProjectPage.objects.get(slug="maison-de-sante")
    assert project.total_cost == Decimal("12500.50") and project.aid_rate == Decimal("80.0")


def test_the_committee_meets_within_the_programme_period(client, seeded):
    cls3 = ProgrammePage.objects.get(slug="cls-3")
    action = ActionPage(title="Prévention", axis=cls3.axes.first())
    cls3.add_child(instance=action)
    funding = [{"funder": "leader", "other": "", "amount": "100", "paid": "0"}]
    refused = admin_post(
        client, ProjectIndexPage.objects.get(), total_cost="1000", committee_date="05/12/2019",
        actions=[action.pk], fundings=inline_formset(funding),
    )  # fmt: skip
    assert "hors de la période de « Contrat local de santé 2025-2030 (CLS 3) » (2025–2030)" in (
        refused.content.decode().replace("&#x27;", "'")
    )


def test_a_private_person_is_never_named_unless_the_law_requires_it(client, seeded):
    project = add_project(beneficiary="Jeanne Martin", beneficiary_kind="particulier")
    html = client.get(project.url).content.decode()
    assert "Jeanne Martin" not in html and "Un particulier" in html
    assert "Jeanne Martin" not in client.get("/projets-soutenus/").content.decode()
    project.name_required_by_law = True
    project.save_revision().publish()
    assert "Jeanne Martin" in client.get(project.url).content.decode()


def test_the_catalogue_filters_and_keeps_a_fixed_number_of_queries(client, seeded, query_counts):
    assert "Aucun projet soutenu n'est publié" in client.get("/projets-soutenus/").content.decode()
    mihiel = Commune.objects.get(slug="saint-mihiel")
    add_project("Tiers-lieu", communes=[mihiel], committee_date=datetime.date(2026, 3, 2))
    add_project("Vergers", communes=[Commune.objects.get(slug="woel")], status="solde")
    html = client.get("/projets-soutenus/?commune=saint-mihiel").content.decode()
    assert "Tiers-lieu" in html and "Vergers" not in html and "1 projet soutenu" in html
    html = client.get("/projets-soutenus/?status=solde&year=2026").content.decode()
    assert "Aucun projet ne correspond" in html
    cls3 = ProgrammePage.objects.get(slug="cls-3")
    action = ActionPage(title="Prévention", axis=cls3.axes.first())
    cls3.add_child(instance=action)
    action.save_revision().publish()
    add_project("Maison de santé", actions=[action])
    html = client.get("/projets-soutenus/?mission=contrat-local-de-sante").content.decode()
    assert "Maison de santé" in html and "Tiers-lieu" not in html and "1 projet soutenu" in html
    html = client.get("/projets-soutenus/?programme=cls-3").content.decode()
    assert "Maison de santé" in html and "Vergers" not in html
    urls = ["/projets-soutenus/", "/projets-soutenus/?communaute=cc-du-sammiellois"]
    before = query_counts(urls)
    for n in range(4):
        add_project(f"Projet {n}", communes=[mihiel], fundings=[("leader", "100", "0")] * 2)
    assert query_counts(urls) == before
    assert Page.objects.type(ProjectPage).live().count() == 7


def test_the_leader_dashboard_matches_a_hand_calculation(client, seeded):
    from petr.programmes.envelope import envelope_of

    leader = ProgrammePage.objects.get(slug="programme-leader-2023-2027")
    assert envelope_of(leader) is None  # no envelope known, nothing funded: nothing shown
    leader.envelope = Decimal("1000000")
    leader.save_revision().publish()
    a1, a2 = (ActionPage(title=f"Action {n}", number=str(n)) for n in (1, 2))
    for action in (a1, a2):
        leader.add_child(instance=action)
        action.save_revision().publish()
    add_project(
        "P1", actions=[a1], fundings=[("leader", "40000", "10000"), ("region", "5000", "0")]
    )
    add_project("P2", actions=[a1, a2], fundings=[("leader", "25000.50", "0")], status="en-cours")
    add_project("P3", actions=[a2], fundings=[("leader", "12000", "12000")], status="solde")
    add_project("P4", actions=[a2], fundings=[("leader", "30000", "0")], status="abandonne")
    # By hand: programmed 40 000 + 25 000,50 + 12 000 (P4 abandoned, the Région's aid is not
    # FEADER); paid 10 000 + 12 000; P2 counts once, under action 1.
    envelope = envelope_of(ProgrammePage.objects.get(pk=leader.pk))
    assert envelope.programmed == Decimal("77000.50") and envelope.paid == Decimal("22000")
    assert envelope.remaining == Decimal("922999.50") and envelope.programmed_rate == Decimal("7.7")
    lines = [
        (line.action.number, line.projects, line.programmed, line.paid) for line in envelope.lines
    ]
    assert lines == [
        ("1", 2, Decimal("65000.50"), Decimal("10000")),
        ("2", 1, Decimal("12000"), Decimal("12000")),
    ]
    html = client.get(leader.url).content.decode()
    assert "Reste à programmer" in html and "922\u202f999,50" in html and "mis à jour le" in html


def test_a_commune_page_lists_its_projects(client, seeded):
    add_project("Halle du marché", communes=[Commune.objects.get(slug="saint-mihiel")])
    html = client.get("/territoire/saint-mihiel/").content.decode()
    assert "Projets soutenus à Saint-Mihiel" in html and "Halle du marché" in html
    assert "Projets soutenus" not in client.get("/territoire/woel/").content.decode()


def test_a_mission_page_lists_its_latest_projects(client, seeded):
    cls3 = ProgrammePage.objects.get(slug="cls-3")
    action = ActionPage(title="Prévention", number="3.1", axis=cls3.axes.get(number="3"))
    cls3.add_child(instance=action)
    action.save_revision().publish()
    for day in range(1, 9):
        add_project(f"Projet {day}", actions=[action], committee_date=datetime.date(2026, 1, day))
    add_project("Sans fiche action")
    html = client.get(cls3.get_parent().url).text
    listed = re.findall(r'<a href="/projets-soutenus/[^"]+/">([^<]+)</a>', html)
    assert listed == [f"Projet {day}" for day in range(8, 2, -1)]  # the six latest
    assert 'href="/projets-soutenus/?mission=contrat-local-de-sante"' in html


def test_a_project_links_its_live_documents_only(client, seeded):
    from petr.library.tests.helpers import publish_document

    shown = publish_document("Convention FEADER")
    draft = publish_document("Avenant en préparation", publish=False)
    project = add_project("Halle", related=[("page", shown), ("page", draft)])
    html = client.get(project.url).text
    assert "Documents liés" in html and "Convention FEADER" in html
    assert "Avenant en préparation" not in html


def test_only_the_leader_officer_and_the_direction_type_a_projects_money(client, seeded):
    from django.contrib.auth.models import Group

    project = add_project(fundings=(("leader", "20000", "0"),))
    line = project.fundings.get()

    def edit(role, amount, title):
        user = User.objects.create_user(f"agent-{User.objects.count()}", password="x" * 16)
        user.groups.add(Group.objects.get(name=role))
        client.force_login(user)
        funding = {"id": line.pk, "funder": "leader", "other": "", "amount": amount, "paid": "0"}
        data = {
            "title": title, "slug": project.slug, "intro": "", "beneficiary": project.beneficiary,
            "beneficiary_kind": "association", "total_cost": "50 000", "committee_date": "",
            "status": "programme", "body": streamfield([]), "related": streamfield([]),
            "fundings": inline_formset([funding], initial=1),
        }  # fmt: skip
        return client.post(f"/admin/pages/{project.pk}/edit/", nested_form_data(data))

    refused = edit("Communication", "25 000", "Tiers-lieu rénové")
    assert refused.status_code == 200
    assert "Seules la mission LEADER et la direction" in refused.content.decode()
    assert "Tiers-lieu rénové" in refused.content.decode()  # what was typed stays
    assert edit("Communication", "20 000", "Tiers-lieu rénové").status_code == 302  # words only
    assert edit("Chargé·e de mission — LEADER", "25 000", "Tiers-lieu").status_code == 302
    saved = ProjectPage.objects.get(pk=project.pk).get_latest_revision_as_object()
    assert saved.fundings.get().amount == Decimal("25000")


def test_a_projects_actions_are_ticked_under_their_programme_drafts_marked(client, seeded):
    cls3 = ProgrammePage.objects.get(slug="cls-3")
    live = ActionPage(title="Prévention", axis=cls3.axes.first())
    cls3.add_child(instance=live)
    live.save_revision().publish()
    draft = ActionPage(title="Télémédecine", axis=cls3.axes.first(), live=False)
    cls3.add_child(instance=draft)
    admin = User.objects.create_superuser("claire", "c@p.example", "x" * 16)
    client.force_login(admin)
    html = client.get(
        f"/admin/pages/add/programmes/projectpage/{ProjectIndexPage.objects.get().pk}/"
    )
    html = html.content.decode().replace("&#x27;", "'")
    group = html[html.index(f'<legend class="w-field__label">{cls3.title}</legend>') :]
    group = group[: group.index("</fieldset>")]
    assert 'type="checkbox" name="actions"' in group
    assert group.index("Prévention") < group.index("Télémédecine — brouillon")  # live first
