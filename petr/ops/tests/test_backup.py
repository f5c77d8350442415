"""A backup restores the site whole: the same pages, the same files, the acts' fingerprints; a
damaged archive is refused before anything is touched."""

import datetime
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.models import Page

from petr.conftest import ROOT, publish_samples, require
from petr.contact.models import ContactSubmission
from petr.library.models import ActPage
from petr.news.tests.helpers import make_image, publish_news
from petr.ops.backup import EXCLUDED, empty_tables

pytestmark = pytest.mark.django_db
VOLATILE = re.compile(r'name="(csrfmiddlewaretoken|token)" value="[^"]*"')


@pytest.fixture
def roots(settings):
    """The test run's own file folders (settings/test.py), which this test may wipe."""
    return [settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT]


@pytest.fixture
def site(seeded, roots):
    paths = publish_samples()
    news = publish_news(1, title="Halle rénovée", image=make_image("Halle"))[0]
    ContactSubmission.objects.create(name="Jeanne", email="j@example.fr", subject="LEADER",
                                     message="Bonjour")  # fmt: skip
    return [*paths, news.url, "/territoire/saint-mihiel/", "/recherche/?q=halle"]


def snapshot(client, paths, roots):
    pages = {path: VOLATILE.sub("", client.get(path).content.decode()) for path in paths}
    files = {
        str(file): hashlib.sha256(file.read_bytes()).hexdigest()
        for root in roots
        for file in sorted(root.rglob("*"))
        if file.is_file()
    }
    return pages, files


def backup(tmp_path):
    path = tmp_path / "site.tar.gz"
    call_command("backup", str(path), stdout=io.StringIO())
    return path


def test_a_restored_site_is_the_same_site(client, site, roots, tmp_path, settings):
    before = snapshot(client, site, roots)
    assert any("/private/" in name for name in before[1])  # acts and documents are there
    archive = backup(tmp_path)
    empty_tables("default")  # disaster: the database and the files are gone
    for root in roots:
        shutil.rmtree(root)
    assert client.get(site[0]).status_code == 404

    out = io.StringIO()
    call_command("restore", str(archive), "--replace", stdout=out)
    assert "Site restauré depuis la sauvegarde du" in out.getvalue()
    assert "fichiers statiques collectés" in out.getvalue()
    assert (settings.STATIC_ROOT / "css").is_dir()
    after = snapshot(client, site, roots)
    assert after[1] == before[1] and after[0].keys() == before[0].keys()
    for path in site:
        assert after[0][path] == before[0][path], path
    for act in ActPage.objects.all():
        assert hashlib.sha256(act.file.read()).hexdigest() == act.sha256
    assert ContactSubmission.objects.get().message == "Bonjour"
    assert "Halle rénovée" in after[0]["/recherche/?q=halle"]  # the index was rebuilt


def test_an_archive_from_before_the_contact_move_restores(client, site, roots, tmp_path):
    """Made when the contact models and Attempt were core's (before 4 December 2026): their rows
    and content types come back under the apps that now hold them."""
    from petr.contact.models import ContactPage
    from petr.ops.backup import MOVED, _write_archive

    dump = io.StringIO()
    call_command("dumpdata", exclude=EXCLUDED, indent=None, stdout=dump, verbosity=0)
    rows = json.loads(dump.getvalue())
    old_labels = {new: old for old, new in MOVED.items()}
    for row in rows:
        row["model"] = old_labels.get(row["model"], row["model"])
        fields = row["fields"]
        label = f"{fields.get('app_label')}.{fields.get('model')}"
        if row["model"] == "contenttypes.contenttype" and label in old_labels:
            fields["app_label"] = "core"
    assert any(row["model"] == "core.contactsubmission" for row in rows)
    archive = tmp_path / "ancienne.tar.gz"
    _write_archive(archive, json.dumps(rows).encode(), "default")
    contact = ContactPage.objects.get().url

    call_command("restore", str(archive), "--replace", stdout=io.StringIO())

    assert ContactSubmission.objects.get().message == "Bonjour"
    assert client.get(contact).status_code == 200


def rewrite(archive, change):
    """A copy of the archive with its members passed through change(name, data)."""
    with tarfile.open(archive) as source:
        members = [(m, source.extractfile(m).read()) for m in source.getmembers()]
    damaged = archive.with_name("damaged.tar.gz")
    with tarfile.open(damaged, "w:gz") as target:
        for member, data in members:
            for name, content in change(member.name, data):
                info = tarfile.TarInfo(name)
                info.size = len(content)
                target.addfile(info, io.BytesIO(content))
    return damaged


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda n, d: [] if n.startswith("private/") else [(n, d)], "Archive incomplète"),
        (lambda n, d: [(n, d + b"!")] if n.startswith("private/") else [(n, d)], "empreinte"),
        (lambda n, d: [] if n == "manifest.json" else [(n, d)], "manifeste est absent"),
        (
            lambda n, d: [(n, d), ("../evil", b"x")] if n == "manifest.json" else [(n, d)],
            "n'est pas dans le manifeste",
        ),  # fmt: skip
    ],
    ids=["missing-file", "altered-file", "no-manifest", "extra-path"],
)
def test_a_damaged_archive_is_refused_before_anything_changes(site, tmp_path, change, message):
    damaged = rewrite(backup(tmp_path), change)
    pages = Page.objects.count()
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(damaged), "--replace")
    assert Page.objects.count() == pages


def test_an_archive_altered_with_its_checksums_recomputed_is_refused(site, tmp_path, settings):
    archive = backup(tmp_path)
    assert archive.stat().st_mode & 0o777 == 0o600
    with tarfile.open(archive) as source:
        dump = source.extractfile("database.json").read().replace(b"Bonjour", b"Bonsoir")
        manifest = json.load(source.extractfile("manifest.json"))
    manifest["files"]["database.json"] = hashlib.sha256(dump).hexdigest()
    forged = rewrite(archive, lambda n, d: [(n, dump if n == "database.json" else
                                             json.dumps(manifest).encode() if n == "manifest.json"
                                             else d)])  # fmt: skip
    with pytest.raises(CommandError, match="non authentifiée"):
        call_command("restore", str(forged), "--replace")
    settings.BACKUP_KEY = "une-autre-clé"  # another site's archive
    with pytest.raises(CommandError, match="non authentifiée"):
        call_command("restore", str(archive), "--replace")
    assert ContactSubmission.objects.get().message == "Bonjour"


def test_an_encrypted_backup_restores_with_its_key_only(client, site, roots, tmp_path, settings):
    import base64

    settings.BACKUP_ENCRYPTION_KEY = base64.urlsafe_b64encode(os.urandom(32)).decode()
    before = snapshot(client, site[:2], roots)
    archive = backup(tmp_path)
    data = archive.read_bytes()
    assert data.startswith(b"PETR-AESGCM-1") and b"database.json" not in data
    assert archive.stat().st_mode & 0o777 == 0o600
    altered = tmp_path / "altered.tar.gz"
    altered.write_bytes(data[:100] + bytes([data[100] ^ 1]) + data[101:])
    cut = tmp_path / "cut.tar.gz"
    cut.write_bytes(data[: len(data) - 10])
    for damaged in (altered, cut):
        with pytest.raises(CommandError, match="illisible"):
            call_command("restore", str(damaged), "--replace")
    key = settings.BACKUP_ENCRYPTION_KEY
    settings.BACKUP_ENCRYPTION_KEY = ""
    with pytest.raises(CommandError, match="indiquez sa clé"):
        call_command("restore", str(archive), "--replace")
    settings.BACKUP_ENCRYPTION_KEY = base64.urlsafe_b64encode(os.urandom(32)).decode()
    with pytest.raises(CommandError, match="clé n'est pas la bonne"):
        call_command("restore", str(archive), "--replace")
    settings.BACKUP_ENCRYPTION_KEY = key
    call_command("restore", str(archive), "--replace", stdout=io.StringIO())
    assert snapshot(client, site[:2], roots) == before


def test_a_truncated_archive_or_a_live_site_is_refused(site, tmp_path):
    archive = backup(tmp_path)
    truncated = archive.with_name("truncated.tar.gz")
    truncated.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    with pytest.raises(CommandError, match="illisible ou tronquée"):
        call_command("restore", str(truncated))
    with pytest.raises(CommandError, match="contient déjà un site"):
        call_command("restore", str(archive))
    with pytest.raises(CommandError, match="introuvable"):
        call_command("restore", str(tmp_path / "absent.tar.gz"))


def test_daily_backups_keep_seven_days_and_four_weeks(tmp_path):
    from petr.ops.backup import prune

    start = datetime.datetime(2026, 9, 1, 3, 15)
    for day in range(70):  # ten weeks of nightly backups, and a foreign file
        name = (start + datetime.timedelta(days=day)).strftime("petr-%Y-%m-%d-%H%M.tar.gz")
        (tmp_path / name).write_bytes(b"")
    (tmp_path / "petr-notes.tar.gz").write_bytes(b"")
    prune(tmp_path, keep_daily=7, keep_weekly=4)
    kept = sorted(p.name[5:15] for p in tmp_path.glob("petr-2026-*"))
    assert kept[-7:] == [f"2026-11-{d:02d}" for d in range(3, 10)]  # the last seven days
    # The newest of each of the last four ISO weeks: two fall within those seven days, the
    # other two are the Sundays before.
    assert kept[:-7] == ["2026-10-25", "2026-11-01"]
    assert (tmp_path / "petr-notes.tar.gz").exists()


RENDER = """
import json, os
from django.test import Client
client = Client()
paths = json.loads(os.environ["RENDER_PATHS"])
print(json.dumps({p: client.get(p).content.decode() for p in paths}))
"""


def test_a_backup_moves_between_sqlite_and_postgresql(client, site, roots, tmp_path):
    """The other engine's empty database is named by RESTORE_DATABASE_URL (CI sets it both
    ways: PostgreSQL when the suite runs on SQLite, « sqlite » when it runs on PostgreSQL)."""
    target = os.environ.get("RESTORE_DATABASE_URL")
    require(target, "RESTORE_DATABASE_URL absent : l'aller-retour entre moteurs est ignoré.")
    if target == "sqlite":
        target = f"sqlite:///{tmp_path / 'restored.sqlite3'}"
    before = snapshot(client, site, roots)
    archive = backup(tmp_path)
    files = tmp_path / "restored-files"
    env = {**os.environ, "DATABASE_URL": target, "PETR_TEST_FILES": str(files)}
    env.pop("REDIS_URL", None)
    manage = [sys.executable, str(ROOT / "manage.py")]
    restored = subprocess.run(
        [*manage, "restore", str(archive), "--replace"], env=env, capture_output=True, text=True
    )
    assert restored.returncode == 0, restored.stderr[-2000:]
    vendor = "postgresql" if target.startswith("postgres") else "sqlite"
    assert connection.vendor != vendor  # the other engine, really
    shell = subprocess.run(
        [*manage, "shell", "--no-imports", "-c", RENDER],
        env={**env, "RENDER_PATHS": json.dumps(site)},
        capture_output=True,
        text=True,
    )
    assert shell.returncode == 0, shell.stderr[-2000:]
    pages = {path: VOLATILE.sub("", html) for path, html in json.loads(shell.stdout).items()}
    for path in site:
        assert pages[path] == before[0][path], path
    restored = [  # the media and private files (restore also collected the static ones)
        hashlib.sha256(f.read_bytes()).hexdigest()
        for folder in ("media", "private")
        for f in (files / folder).rglob("*")
        if f.is_file()
    ]
    assert sorted(restored) == sorted(before[1].values())
