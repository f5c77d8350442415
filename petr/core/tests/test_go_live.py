"""The go-live check: what the law or a visitor needs and the seeded site still lacks, on the
dashboard and from `check --deploy --database default`; nothing once it is filled in."""

import html

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from wagtail.models import Site

from petr.core.models import AccessibilitySettings, SiteIdentity

pytestmark = pytest.mark.django_db

LEGAL_FACTS = [
    "Adresse postale de l'éditeur",
    "Directeur ou directrice de la publication",
    "Nom, adresse et téléphone de l'hébergeur",
    "Adresse électronique ou téléphone du PETR",
    "Contact pour signaler un défaut d'accessibilité",
    "Délégué à la protection des données",
    "SIRET du siège",
]


def fill_in(site):
    identity = SiteIdentity.for_site(site)
    identity.address = "1 place de la Mairie\n00000 Exemple"
    identity.publication_director = "Prénom Nom, président"
    identity.host_details = "Hébergeur, 1 rue du Serveur, 00000 Exemple, 01 00 00 00 00"
    identity.phone = "03 00 00 00 00"
    identity.data_protection_officer = "Centre de gestion, dpd@example.org"
    identity.siret = "20000000800017"  # fictional, with a valid key
    identity.full_clean()
    identity.save()
    accessibility = AccessibilitySettings.for_site(site)
    accessibility.contact_email = "accessibilite@example.org"
    accessibility.save()


def dashboard(client):
    from petr.users.models import User

    client.force_login(User.objects.create_superuser("chef", "chef@example.org", "x"))
    return html.unescape(client.get("/admin/").content.decode())


def test_the_dashboard_lists_each_missing_fact_with_a_link_then_none(client, seeded):
    site = Site.objects.get(is_default_site=True)
    page = dashboard(client)
    assert "Avant la mise en ligne : 7 informations manquantes" in page
    settings_url = f"/admin/settings/core/siteidentity/{site.pk}/"
    for label in LEGAL_FACTS:
        assert f">{label}</a>" in page
    assert f'href="{settings_url}">Délégué à la protection des données</a>' in page
    fill_in(site)
    assert "Avant la mise en ligne" not in client.get("/admin/").content.decode()


def test_an_editor_who_cannot_fix_them_is_not_told(client, seeded):
    from django.contrib.auth.models import Group

    from petr.users.models import User

    editor = User.objects.create_user("redac", "redac@example.org", "x")
    editor.groups.add(Group.objects.get(name="Rédaction"))
    client.force_login(editor)
    assert "Avant la mise en ligne" not in client.get("/admin/").content.decode()


def test_check_deploy_with_the_database_warns_until_filled_and_not_without_it(seeded):
    with pytest.raises(SystemCheckError) as failure:
        call_command("check", deploy=True, databases=["default"], fail_level="WARNING",
                     tags=["compatibility"])  # fmt: skip
    for label in LEGAL_FACTS:
        assert f"« {label} » est vide" in str(failure.value)
    call_command("check", deploy=True, fail_level="WARNING", tags=["compatibility"])
    fill_in(Site.objects.get(is_default_site=True))
    call_command("check", deploy=True, databases=["default"], fail_level="WARNING",
                 tags=["compatibility"])  # fmt: skip


def test_the_legal_pages_show_the_facts_once_filled(client, seeded):
    fill_in(Site.objects.get(is_default_site=True))
    legal = client.get("/mentions-legales/").content.decode()
    for text in ("1 place de la Mairie", "Prénom Nom, président", "Hébergeur, 1 rue du Serveur",
                 "Centre de gestion, dpd@example.org"):  # fmt: skip
        assert text in legal
    accessibility = client.get("/accessibilite/").content.decode()
    assert "Retour d'information et contact" in accessibility
    assert "accessibilite@example.org" in accessibility
