"""One archive holds the whole site: the database as Django JSON (portable between SQLite and
PostgreSQL), the public media, the private files (acts, documents), a manifest giving the
SHA-256 of every member and the portal's version, and the manifest's HMAC-SHA256 under a key that
is not in the archive (`BACKUP_KEY`, else derived from `SECRET_KEY`): altering a member and
recomputing its checksum is caught. The archive is written readable by its owner only, and
encrypted when BACKUP_ENCRYPTION_KEY is set (ops/backup_crypto.py). A restore checks the whole
archive before touching anything, then rebuilds an empty instance from it.

Why a full dump without natural keys, loaded into emptied tables: content types and permissions
keep their ids, so every generic relation (revisions, logs, settings) points where it did. The
search index is rebuilt rather than copied (its tables differ between databases)."""

import contextlib
import hashlib
import hmac
import io
import json
import os
import posixpath
import tarfile
import tempfile
from datetime import datetime
from importlib.metadata import version
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files import File
from django.core.files.storage import storages
from django.core.management import call_command
from django.db import connections, transaction
from django.utils import timezone
from wagtail.models import Page

from petr.ops import backup_crypto
from petr.users.models import User

FORMAT = 2  # 2: signed manifest
DATABASE_MEMBER = "database.json"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
EXCLUDED = [
    "sessions",
    "wagtailsearch",
    "django_tasks_database",
]  # index: rebuilt; tasks: transient
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A French message for the command's user."""


def file_storages():
    """Archive folder -> the storage of its files: the disk, or object storage (web/storage.py)."""
    return {"media": storages["default"], "private": storages["private"]}


def stored_names(storage, folder=""):
    """Every file of `storage`, sorted; none where its directory does not exist yet."""
    try:
        directories, files = storage.listdir(folder)
    except FileNotFoundError:
        return []
    names = [posixpath.join(folder, name) for name in files]
    for directory in directories:
        names += stored_names(storage, posixpath.join(folder, directory))
    return sorted(names)


def _signature(manifest_bytes):
    key = hashlib.sha256(f"petr.backup:{settings.BACKUP_KEY or settings.SECRET_KEY}".encode())
    return hmac.new(key.digest(), manifest_bytes, hashlib.sha256).hexdigest()


def _sha256(stream):
    digest = hashlib.sha256()
    for chunk in iter(lambda: stream.read(CHUNK), b""):
        digest.update(chunk)
    return digest.hexdigest()


def write_backup(path, database="default"):
    """Write the archive to `path`; return the manifest."""
    dump = io.StringIO()
    call_command(
        "dumpdata", exclude=EXCLUDED, database=database, indent=None, stdout=dump, verbosity=0
    )
    data = dump.getvalue().encode()
    if settings.BACKUP_ENCRYPTION_KEY:
        with tempfile.TemporaryDirectory() as folder:  # private to this process (0700)
            plain = Path(folder) / "archive.tar.gz"
            manifest = _write_archive(plain, data, database)
            with _private_file(path) as out:
                _encryption(backup_crypto.encrypt, plain, out)
        return manifest
    return _write_archive(path, data, database)


def _encryption(function, *args):
    try:
        return function(*args)
    except backup_crypto.EncryptionError as exc:
        raise BackupError(str(exc)) from exc


def _private_file(path):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)  # also when it replaces an older file
    return os.fdopen(fd, "wb")


def _write_archive(path, data, database):
    files = {DATABASE_MEMBER: hashlib.sha256(data).hexdigest()}
    with _private_file(path) as out, tarfile.open(fileobj=out, mode="w:gz") as archive:
        _add_bytes(archive, DATABASE_MEMBER, data)
        for folder, storage in file_storages().items():
            for relative in stored_names(storage):
                name = f"{folder}/{relative}"
                info = tarfile.TarInfo(name)
                info.size = storage.size(relative)
                info.mtime = int(storage.get_modified_time(relative).timestamp())
                with storage.open(relative, "rb") as stream:
                    files[name] = _sha256(stream)
                    stream.seek(0)
                    archive.addfile(info, stream)
        manifest = {
            "format": FORMAT,
            "portal_version": version("petr-portal"),
            "created_at": timezone.localtime().isoformat(),
            "database_vendor": connections[database].vendor,
            "files": files,
        }
        manifest_bytes = json.dumps(manifest, indent=1).encode()
        _add_bytes(archive, MANIFEST, manifest_bytes)
        _add_bytes(archive, SIGNATURE, _signature(manifest_bytes).encode())
    return manifest


ARCHIVE_NAME = "petr-%Y-%m-%d-%H%M.tar.gz"


def prune(folder, keep_daily, keep_weekly):
    """Keep the newest archive of each of the last `keep_daily` days and of each of the last
    `keep_weekly` ISO weeks; delete the other archives this command wrote. Returns them."""
    dated = []
    for path in Path(folder).glob("petr-*.tar.gz"):
        try:
            dated.append((datetime.strptime(path.name, ARCHIVE_NAME), path))
        except ValueError:
            continue  # not one of ours: left alone
    dated.sort(reverse=True)
    keep = set()
    for period, count in ((lambda d: d.date(), keep_daily),
                          (lambda d: d.isocalendar()[:2], keep_weekly)):  # fmt: skip
        newest = {}
        for moment, path in dated:
            newest.setdefault(period(moment), path)
        keep.update(list(newest.values())[:count])
    removed = [path for _, path in dated if path not in keep]
    for path in removed:
        path.unlink()
    return removed


def _add_bytes(archive, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


def verify(path):
    """The manifest, once every member is present, expected and intact; else BackupError."""
    try:
        with tarfile.open(path, "r:gz") as archive:
            members = {m.name: m for m in archive.getmembers() if m.isfile()}
            if MANIFEST not in members:
                raise BackupError("Archive incomplète : le manifeste est absent.")
            manifest_bytes = archive.extractfile(members.pop(MANIFEST)).read()
            signature = members.pop(SIGNATURE, None)
            signature = archive.extractfile(signature).read().decode() if signature else ""
            if not hmac.compare_digest(signature, _signature(manifest_bytes)):
                raise BackupError(
                    "Archive non authentifiée : sa signature ne correspond pas à la clé de ce "
                    "site. Elle a été modifiée, ou elle vient d'un site dont la clé "
                    "(BACKUP_KEY, sinon SECRET_KEY) n'est pas celle d'ici."
                )
            manifest = json.loads(manifest_bytes)
            if manifest.get("format") != FORMAT:
                raise BackupError("Format d'archive inconnu : elle vient d'une autre version.")
            expected = manifest["files"]
            if missing := sorted(expected.keys() - members.keys()):
                raise BackupError(f"Archive incomplète : « {missing[0]} » manque.")
            if unexpected := sorted(members.keys() - expected.keys()):
                raise BackupError(f"Archive altérée : « {unexpected[0]} » n'est pas dans le "
                                  "manifeste.")  # fmt: skip
            for name, member in members.items():
                if not _safe(name):
                    raise BackupError(f"Archive refusée : chemin dangereux « {name} ».")
                if _sha256(archive.extractfile(member)) != expected[name]:
                    raise BackupError(f"Archive altérée : « {name} » ne correspond pas à son "
                                      "empreinte SHA-256.")  # fmt: skip
    except (tarfile.TarError, OSError, EOFError, ValueError, KeyError) as exc:
        raise BackupError(f"Archive illisible ou tronquée ({type(exc).__name__}).") from exc
    return manifest


def _safe(name):
    path = PurePosixPath(name)
    return (
        not path.is_absolute()
        and ".." not in path.parts
        and (name == DATABASE_MEMBER or path.parts[0] in file_storages())
    )


def restore(path, database="default", replace=False):
    """Rebuild the instance from a verified archive (decrypted first if it is encrypted);
    return its manifest."""
    if not Path(path).is_file():
        raise BackupError(f"Archive introuvable : {path}")
    copy = backup_crypto.plain_copy(path)
    with contextlib.ExitStack() as stack:
        plain = _encryption(stack.enter_context, copy)
        return _restore(plain, database, replace)


def _restore(path, database, replace):
    manifest = verify(path)
    call_command("migrate", database=database, interactive=False, verbosity=0)
    targets = file_storages()
    if not replace:
        if _has_content(database):
            raise BackupError("La base de données contient déjà un site : restaurez dans une "
                              "instance neuve, ou ajoutez --replace pour l'écraser.")  # fmt: skip
        if any(stored_names(storage) for storage in targets.values()):
            raise BackupError("Les dossiers de fichiers ne sont pas vides : restaurez dans une "
                              "instance neuve, ou ajoutez --replace.")  # fmt: skip
    with tarfile.open(path, "r:gz") as archive:
        dump = archive.extractfile(DATABASE_MEMBER).read().decode()
        with transaction.atomic(using=database):  # all the rows, or none
            empty_tables(database)
            _load(dump, database)
        for member in archive.getmembers():
            folder, _, relative = member.name.partition("/")
            if member.isfile() and folder in targets:
                storage = targets[folder]
                storage.delete(relative)  # --replace: the archive's copy, under the same name
                with archive.extractfile(member) as source:
                    storage.save(relative, File(source, name=relative))
    if database == "default":  # the search index lives beside the site's own database
        call_command("update_index", verbosity=0)
    return manifest


def empty_tables(database):
    """Every table emptied, nothing recreated. PostgreSQL refuses to TRUNCATE a table with
    foreign-key checks still pending in the transaction: they are run first, then deferred
    again for the load, whose rows refer to one another in any order."""
    postgresql = connections[database].vendor == "postgresql"
    if postgresql:
        connections[database].cursor().execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command(
        "flush", database=database, interactive=False, inhibit_post_migrate=True, verbosity=0
    )
    if postgresql:
        connections[database].cursor().execute("SET CONSTRAINTS ALL DEFERRED")


# Models that moved to another app (4 December 2026), as an older archive names them.
MOVED = {
    "core.attempt": "accounts.attempt",
    "core.contactpage": "contact.contactpage",
    "core.contactsettings": "contact.contactsettings",
    "core.contactsubmission": "contact.contactsubmission",
}


def _relabelled(objects):
    """An older archive's rows and content types under the apps their models now belong to."""
    for row in objects:
        row["model"] = MOVED.get(row["model"], row["model"])
        if row["model"] == "contenttypes.contenttype":
            fields = row["fields"]
            label = MOVED.get(f"{fields['app_label']}.{fields['model']}")
            if label:
                fields["app_label"] = label.split(".")[0]
    return objects


def _load(dump, database):
    """Content types and permissions first: anything saved before them would create its own
    content type, with another id, and the dump's would then collide with it."""
    ContentType.objects.clear_cache()
    objects = _relabelled(json.loads(dump))
    first = [o for o in objects if o["model"] in ("contenttypes.contenttype", "auth.permission")]
    rest = [o for o in objects if o["model"] not in ("contenttypes.contenttype", "auth.permission")]
    for part in (first, rest):
        with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as f:
            json.dump(part, f)
        try:
            call_command("loaddata", f.name, database=database, verbosity=0)
        finally:
            Path(f.name).unlink()


def _has_content(database):
    """More than the root and welcome pages Wagtail's migrations create, or any account."""
    return User.objects.using(database).exists() or Page.objects.using(database).count() > 2
