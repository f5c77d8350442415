"""Two app servers (gunicorn) in front of one PostgreSQL, one Redis and one S3-compatible
object storage (moto's server, a process of its own over HTTP), as a host serving many PETRs
runs them: what an editor uploads on one is served by the other, a publication on one purges
the page cache of both, and a private file is never public, on either server or in the bucket."""

import io
import os
import re
import subprocess
import sys
import tarfile
import time

import boto3
import pytest
import requests
from django.db import connection
from PIL import Image

from petr.conftest import ROOT, free_port, require
from petr.library.models import DocumentIndexPage, DocumentPage
from petr.library.tests.helpers import make_pdf
from petr.news.models import NewsIndexPage, NewsPage

HOST = "www.petr-serveurs.example"  # both servers behind one public name, as behind nginx
BUCKET = "petr-fichiers"
PASSWORD = "mot-de-passe-du-test"  # noqa: S105


def wait_until_up(url, process):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read().decode()[-3000:]
        try:
            requests.get(url, timeout=20, headers={"Host": HOST})
            return
        except requests.ConnectionError:
            time.sleep(0.1)
    raise AssertionError(f"{url} ne répond pas")


@pytest.fixture
def processes():
    started = []
    yield started
    for process in started:
        process.terminate()
    for process in started:
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture
def bucket(processes):
    port = free_port()
    moto = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    processes.append(moto)
    endpoint = f"http://127.0.0.1:{port}"
    wait_until_up(endpoint, moto)
    s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1",
                      aws_access_key_id="petr", aws_secret_access_key="secret")  # fmt: skip
    s3.create_bucket(Bucket=BUCKET)
    return s3, endpoint


class Server:
    def __init__(self, url, files):
        self.url, self.files, self.http = url, files, requests.Session()

    def get(self, path, **kwargs):
        return self.http.get(self.url + path, headers={"Host": HOST}, allow_redirects=False,
                             timeout=30, **kwargs)  # fmt: skip

    def post(self, path, data, **kwargs):
        token = self.http.cookies.get("csrftoken")
        headers = {"Host": HOST, "Referer": f"http://{HOST}{path}", "X-CSRFToken": token}
        return self.http.post(self.url + path, data=data, headers=headers,
                              allow_redirects=False, timeout=60, **kwargs)  # fmt: skip

    def log_in(self, username):
        self.get("/admin/login/")
        response = self.post("/admin/login/", {"username": username, "password": PASSWORD})
        assert response.status_code == 302, response.text[-2000:]


def server_environment(endpoint, files):
    """What each server, and a command run beside them, reads: the shared database, Redis and
    bucket, its own (empty) disk."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "petr.ops.tests.server_settings",
        "PETR_SERVER_DB": str(connection.settings_dict["NAME"]),
        "PETR_TEST_FILES": str(files),
        "S3_BUCKET": BUCKET, "S3_ENDPOINT_URL": endpoint, "S3_REGION": "us-east-1",
        "S3_ACCESS_KEY_ID": "petr", "S3_SECRET_ACCESS_KEY": "secret",
    }  # fmt: skip


@pytest.fixture
def servers(committed_seeded, bucket, processes, tmp_path):
    require(
        connection.vendor == "postgresql" and os.environ.get("REDIS_URL"),
        "PostgreSQL et Redis absents (DATABASE_URL, REDIS_URL) : le test des deux serveurs "
        "est ignoré.",
    )
    _, endpoint = bucket
    started = []
    for name in ("a", "b"):
        port = free_port()
        env = server_environment(endpoint, tmp_path / name)
        gunicorn = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "gunicorn", "petr.wsgi:application", "--workers", "2",
             "--bind", f"127.0.0.1:{port}"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip
        processes.append(gunicorn)
        started.append(Server(f"http://127.0.0.1:{port}", tmp_path / name))
    for server, process in zip(started, processes[-2:], strict=True):
        wait_until_up(server.url + "/healthz", process)
    return started


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (640, 400), (40, 110, 80)).save(buffer, "PNG")
    return buffer.getvalue()


def local_files(server):
    return [p for p in server.files.rglob("*") if p.is_file()]


def test_two_servers_share_uploads_purges_and_keep_private_files_private(
    servers, bucket, django_user_model
):
    a, b = servers
    s3, endpoint = bucket
    django_user_model.objects.create_superuser("admin", "admin@example.fr", PASSWORD)
    a.log_in("admin")
    b.http.cookies.update(a.http.cookies)  # one session, in the shared database

    # An image uploaded on A is served by B, and B's rendition by A.
    original = png()
    a.get("/admin/images/add/")
    added = a.post("/admin/images/add/", {"title": "Paysage", "description": "Un paysage",
                                          "collection": "1"},
                   files={"file": ("paysage.png", original, "image/png")})  # fmt: skip
    assert added.status_code == 302, added.text[-3000:]
    from wagtail.images import get_image_model

    image = get_image_model().objects.get(title="Paysage")
    served = b.get(image.file.url)
    assert served.status_code == 200 and served.content == original
    listing = b.get("/admin/images/").text
    rendition = re.search(r'src="(/media/images/paysage[^"]+)"', listing).group(1)
    assert a.get(rendition).headers["Content-Type"].startswith("image/")
    keys = {o["Key"] for o in s3.list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert f"media/{image.file.name}" in keys and any(k.startswith("media/images/") for k in keys)

    # A publication on A purges the page cache that B answers from.
    for server in (a, b):
        server.http.cookies.clear()  # visitors: the page cache serves them
        server.get("/actualites/")
        assert server.get("/actualites/").headers["X-Page-Cache"] == "HIT"
    index = NewsIndexPage.objects.get()
    draft = index.add_child(instance=NewsPage(title="Ouverture du tiers-lieu", intro="Ouvert.",
                                              slug="tiers-lieu", live=False))  # fmt: skip
    draft.save_revision()
    assert b.get("/actualites/").headers["X-Page-Cache"] == "HIT"  # a draft purges nothing
    a.log_in("admin")
    publish = f"/admin/bulk/wagtailcore/page/publish/?id={draft.pk}"
    a.get(publish)
    assert a.post(publish, {"include_descendants": ""}).status_code == 302
    a.http.cookies.clear()
    news = b.get("/actualites/")
    assert news.headers["X-Page-Cache"] == "MISS" and "Ouverture du tiers-lieu" in news.text

    # A private file uploaded on A: served by B through its page only, and by nobody else.
    a.log_in("admin")
    parent = DocumentIndexPage.objects.get().pk
    add = f"/admin/pages/add/library/documentpage/{parent}/"
    a.get(add)
    pdf = make_pdf("Rapport confidentiel")
    created = a.post(add, {
        "title": "Rapport annuel", "slug": "rapport-annuel", "intro": "", "doc_type": "rapport",
        "year": "2026", "mission": "", "action-publish": "action-publish",
    }, files={"file": ("rapport-annuel.pdf", pdf, "application/pdf")})  # fmt: skip
    assert created.status_code == 302, created.text[-3000:]
    document = DocumentPage.objects.get(slug="rapport-annuel")
    key = f"private/{document.file.name}"
    assert s3.head_object(Bucket=BUCKET, Key=key)["ContentLength"] == len(pdf)
    assert b.get(document.url + "fichier/").content == pdf
    for server in (a, b):
        for path in (f"/media/../{key}", f"/media/{key}", f"/non-public/{document.file.name}",
                     f"/{key}", f"/media/%2e%2e/{key}"):  # fmt: skip
            assert pdf not in server.get(path).content, path
    anonymous = requests.get(f"{endpoint}/{BUCKET}/{key}", timeout=10)
    assert anonymous.status_code == 403
    grants = s3.get_object_acl(Bucket=BUCKET, Key=key)["Grants"]
    assert not any("AllUsers" in g["Grantee"].get("URI", "") for g in grants)
    assert not local_files(a) and not local_files(b)  # nothing on either server's disk

    # The night's backup, made beside them, holds the files of the bucket.
    archive = a.files.parent / "sauvegarde.tar.gz"
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "backup", str(archive)], cwd=ROOT, check=True,
        env=server_environment(endpoint, a.files.parent / "backup"), capture_output=True,
    )  # fmt: skip
    with tarfile.open(archive) as backup:
        assert backup.extractfile(f"private/{document.file.name}").read() == pdf
        assert backup.extractfile(f"media/{image.file.name}").read() == original
