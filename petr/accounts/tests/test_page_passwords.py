"""A page or a collection protected by a password cannot be guessed without limit: ten wrong
passwords an hour per client, then a French 429 page; other clients are not affected."""

import pytest
from django.test import Client
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

pytestmark = pytest.mark.django_db


def guess(path, password, address="203.0.113.7"):
    return Client(REMOTE_ADDR=address).post(path, {"password": password, "return_url": "/"})


def test_page_passwords_are_limited_per_client(seeded):
    page = Page.objects.get(slug="mentions-legales")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="bon-mot-de-passe"
    )
    path = f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    assert [guess(path, f"essai-{n}").status_code for n in range(10)] == [200] * 10
    refused = guess(path, "bon-mot-de-passe")  # even the right one, from this client
    assert refused.status_code == 429 and "Trop de tentatives" in refused.content.decode()
    assert guess(path, "bon-mot-de-passe", address="198.51.100.9").status_code == 302


def test_collection_passwords_are_limited_too(seeded):
    collection = Collection.get_first_root_node().add_child(name="Réservé")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type="password", password="bon-mot-de-passe"
    )
    path = f"/documents/authenticate_with_password/{restriction.pk}/"
    assert [guess(path, f"essai-{n}").status_code for n in range(10)] == [200] * 10
    assert guess(path, "bon-mot-de-passe").status_code == 429
