"""Checked files: behind nginx the view answers with the internal address nginx sends from, only
once it has checked the request; a library document of a restricted collection asks for a login
first. (Through the real nginx: .ci/run_stack.py.)"""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from petr.library.tests.helpers import PDF, publish_act

pytestmark = pytest.mark.django_db


@pytest.fixture
def accel(settings):
    settings.X_ACCEL_REDIRECT = True


def library_document(collection=None):
    document = get_document_model()(title="Compte rendu interne")
    if collection:
        document.collection = collection
    document.file.save("compte-rendu-réunion.pdf", ContentFile(PDF))
    return document


def restricted_collection():
    collection = Collection.get_first_root_node().add_child(name="Interne")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


def test_a_public_library_document_is_handed_to_nginx(client, accel):
    document = library_document()
    response = client.get(document.url)
    assert response.status_code == 200 and response.content == b""
    assert response["X-Accel-Redirect"] == (
        "/internal/media/documents/compte-rendu-r%C3%A9union.pdf"
    )
    assert "compte-rendu-r%C3%A9union.pdf" in response["Content-Disposition"]


def test_a_restricted_library_document_asks_for_a_login_first(client, admin_client, accel):
    document = library_document(restricted_collection())
    response = client.get(document.url)
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert "X-Accel-Redirect" not in response
    assert admin_client.get(document.url)["X-Accel-Redirect"].startswith("/internal/media/")


def test_without_nginx_the_file_is_streamed(client):
    document = library_document()
    response = client.get(document.url)
    assert "X-Accel-Redirect" not in response
    assert b"".join(response.streaming_content) == PDF


def test_a_live_act_hands_its_private_file_to_nginx(client, seeded, accel):
    act = publish_act()
    response = client.get(f"{act.url}fichier/")
    assert response["X-Accel-Redirect"].startswith("/internal/private/")
    assert response["Content-Type"] == "application/pdf" and response.content == b""
    assert response["ETag"] and "inline" in response["Content-Disposition"]
    again = client.get(f"{act.url}fichier/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
