"""Media read from storage by the site (web/media.py, used with object storage): images are
answered and kept a week, a library document or a path out of the media is never answered, and
nothing is shown as a page. With a real bucket and two servers: ops/tests/test_servers.py."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404
from django.test import RequestFactory

from petr.web.media import serve_media
from petr.web.storage import SiteServedS3Storage


def answer(name):
    return serve_media(RequestFactory().get(f"/media/{name}"), name)


@pytest.fixture
def stored():
    names = [
        default_storage.save(name, ContentFile(b"contenu " + name.encode()))
        for name in ("images/photo.png", "documents/interne.pdf", "images/page.svg")
    ]
    yield names
    for name in names:
        default_storage.delete(name)


def test_an_image_is_answered_and_kept_a_week(stored):
    response = answer(stored[0])
    assert response["Content-Type"] == "image/png" and b"".join(response) == b"contenu " + (
        stored[0].encode()
    )
    assert response["Cache-Control"] == "public, max-age=604800"
    assert "sandbox" in response["Content-Security-Policy"]
    assert answer(stored[2])["Content-Type"] == "text/plain"  # never run as a page


@pytest.mark.parametrize(
    "name",
    [
        "documents/interne.pdf",
        "images/../documents/interne.pdf",
        "../private/acte.pdf",
        "/etc/passwd",
        "images//photo.png",
        "images/absente.png",
    ],  # fmt: skip
)
def test_a_document_a_path_out_or_a_missing_file_is_not_found(stored, name):
    with pytest.raises(Http404):
        answer(name)


def test_object_storage_files_are_addressed_on_the_site_not_on_the_bucket():
    storage = SiteServedS3Storage(base_url="/media/", bucket_name="petr", location="media")
    assert storage.url("images/été 2026.png") == "/media/images/%C3%A9t%C3%A9%202026.png"
