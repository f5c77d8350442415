"""Starter content: a site's first pages and settings, created once each and recorded in SeedMark,
never touched again — an editor's change or deletion survives every later run.

The words come from a starter pack, YAML files under `starter/<name>/` (one per section: `site`,
`pages`, `missions`…); each app's `seed.py` holds the structure (page types, where each page
goes, how pages link) and reads the pack in use: `pack().get("missions.health")`. A content
value named `body` (or ending in `_body`) is a list of blocks written `- heading: {text: …}`,
turned here into StreamField's raw form. A pack may complete another: `pack.yaml` says
`base: NAME`, and its sections are merged over the base's (mappings key by key, lists replaced).
`seed_site --starter NAME` chooses the pack: a folder of `starter/`, or the path of one
elsewhere (the tests' own, petr/fixtures/starter/)."""

import re
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

import yaml
from django.conf import settings
from django.core.management.base import CommandError
from wagtail.models import Page

from petr.core.models import SeedMark

PACKS = Path(settings.BASE_DIR) / "starter"
_MISSING = object()
_in_use = ContextVar("starter_pack")


class StarterPackError(CommandError):
    pass


def available():
    return sorted(path.name for path in PACKS.iterdir() if any(path.glob("*.yaml")))


def _folder(name):
    if "/" in str(name) and Path(name).is_dir():
        return Path(name)
    if re.fullmatch(r"[a-z0-9][a-z0-9-]*", str(name)) and (PACKS / name).is_dir():
        return PACKS / name
    known = ", ".join(available())
    raise StarterPackError(f"Pack de départ inconnu : « {name} » (packs : {known}).")


def _merged(base, over):
    if isinstance(base, dict) and isinstance(over, dict):
        return {**base, **{key: _merged(base.get(key), value) for key, value in over.items()}}
    return over


class StarterPack:
    def __init__(self, name):
        folder = _folder(name)
        self.name = folder.name
        self.sections = {}
        for path in sorted(folder.glob("*.yaml")):
            try:
                content = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            except yaml.YAMLError as error:
                message = f"starter/{self.name}/{path.name} est mal formé : {error}"
                raise StarterPackError(message) from error
            self.sections[path.stem] = content
        base = self.sections.pop("pack", {}).get("base")
        if base:
            sections = StarterPack(base).sections
            for section, content in self.sections.items():
                sections[section] = _merged(sections.get(section, {}), content)
            self.sections = sections

    def get(self, key, default=_MISSING):
        """The value at `key` (`section.name.…`), its blocks in StreamField's raw form."""
        section, *names = key.split(".")
        value = self.sections.get(section, _MISSING)
        for name in names:
            value = value.get(name, _MISSING) if isinstance(value, dict) else _MISSING
        if value is _MISSING:
            if default is not _MISSING:
                return default
            raise StarterPackError(f"« {key} » manque dans starter/{self.name}/{section}.yaml.")
        return _raw_blocks(value)


def _raw_blocks(value, name=""):
    if isinstance(value, dict):
        return {key: _raw_blocks(item, key) for key, item in value.items()}
    if isinstance(value, list) and (name == "body" or name.endswith("_body")):
        return [
            {"type": kind, "value": item or {}} for block in value for kind, item in block.items()
        ]
    return value


def pack():
    """The starter pack `seed_site` is using."""
    return _in_use.get()


@contextmanager
def using(name):
    token = _in_use.set(StarterPack(name))
    try:
        yield pack()
    finally:
        _in_use.reset(token)


def seed_page(key, parent, page):
    """Create and publish `page` under `parent` the first time; afterwards return what is there
    (None if an editor deleted it). A page already at that slug is adopted, not duplicated."""
    mark = SeedMark.objects.filter(key=key).first()
    if mark:
        return Page.objects.filter(pk=mark.object_id).specific().first()
    if parent is None:
        return None
    existing = parent.get_children().filter(slug=page.slug).specific().first()
    if existing is None:
        parent.add_child(instance=page)
        page.save_revision().publish()
        existing = page
    SeedMark.objects.create(key=key, object_id=existing.pk)
    return existing


def seed_once(key, apply):
    """Run `apply()` the first time only (for settings and other non-page content)."""
    if SeedMark.objects.filter(key=key).exists():
        return False
    apply()
    SeedMark.objects.create(key=key)
    return True
