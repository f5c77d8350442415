"""The test database is built once (migrations, then the starter site) and kept under var/ as a
template named after the code that builds it; each test worker clones it: a file copy on SQLite,
`CREATE DATABASE … TEMPLATE` on PostgreSQL. A change to a model, a migration, the seeding code
or a starter pack names a new template, which is built on the next run; the old one is removed."""

import fcntl
import hashlib
import shutil
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "var" / "test-databases"
PREFIX = "petr_template_"


def code_key():
    """A digest of what the built database depends on: the application's code and data (not its
    tests, templates or static files), the starter packs and the pinned dependencies."""
    digest = hashlib.sha256()
    skipped = {"tests", "static", "templates", "locale", "__pycache__"}
    files = [ROOT / "pyproject.toml"]
    for folder in ("petr", "starter"):
        files += [
            path
            for path in (ROOT / folder).rglob("*")
            if path.is_file() and not skipped.intersection(path.relative_to(ROOT).parts)
        ]
    for path in sorted(files):
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    digest.update(connection.vendor.encode())
    return digest.hexdigest()[:16]


@contextmanager
def _exclusive():
    TEMPLATES.mkdir(parents=True, exist_ok=True)
    with open(TEMPLATES / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _set_name(name):
    settings.DATABASES["default"]["NAME"] = connection.settings_dict["NAME"] = name


def _execute(*statements):
    with connection._nodb_cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def _build(template, fill):
    """Migrate a new database named `template`, fill it, and keep its serialized copy."""
    if connection.vendor == "postgresql":
        _execute(f'DROP DATABASE IF EXISTS "{template}"', f'CREATE DATABASE "{template}"')
    else:
        Path(template).unlink(missing_ok=True)
    _set_name(template)
    connection.close()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False, run_syncdb=True)
    fill()
    serialized = connection.creation.serialize_db_to_string()
    connection.close()
    return serialized


def _remove_other_templates(key):
    for path in TEMPLATES.glob(f"{connection.vendor}-*"):
        if key not in path.name:
            path.unlink()
    if connection.vendor == "postgresql":
        with connection._nodb_cursor() as cursor:
            cursor.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", [PREFIX + "%"])
            names = [row[0] for row in cursor.fetchall()]
        for name in names:
            if key not in name:
                try:  # another checkout may be cloning it: it goes next time
                    _execute(f'DROP DATABASE "{name}"')
                except Exception:  # noqa: S112, BLE001
                    continue


def clone_template(fill):
    """Give this worker its own copy of the template, building the template first when the code
    changed; returns the starter site's serialized copy (Django's serialized rollback)."""
    key = code_key()
    worker = connection.creation._get_test_db_name()
    copy = TEMPLATES / f"{connection.vendor}-{key}.json"
    if connection.vendor == "postgresql":
        template = f"{PREFIX}{key}"
    else:
        template = str(TEMPLATES / f"{connection.vendor}-{key}.sqlite3")
    with _exclusive():
        if not copy.exists():
            serialized = _build(template, fill)
            copy.write_text(serialized, encoding="utf-8")
            _remove_other_templates(key)
        if connection.vendor == "postgresql":
            _execute(
                f'DROP DATABASE IF EXISTS "{worker}"',
                f'CREATE DATABASE "{worker}" TEMPLATE "{template}"',
            )
        else:
            shutil.copyfile(template, worker)
    _set_name(worker)
    connection.close()
    return copy.read_text(encoding="utf-8")


def drop_clone():
    name = connection.settings_dict["NAME"]
    connection.close()
    if connection.vendor == "postgresql":
        _execute(f'DROP DATABASE IF EXISTS "{name}"')
    else:
        Path(name).unlink(missing_ok=True)
