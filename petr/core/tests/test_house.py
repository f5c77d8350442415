"""The shape of the house, as the README draws it: each app imports only apps of lower layers
(lazy imports inside functions and models reached by name included: a later app's content on an
earlier app's page is one of its `page_parts`, core/parts.py), and the architecture table stays
one short line per app."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PETR = ROOT / "petr"
# The README's picture of the layers, bottom up.
LAYERS = [
    {"web"},
    {"core", "users"},
    {"missions", "territory", "contact", "accounts"},
    {"places", "news", "events", "library"},
    {"programmes", "search", "people", "wordpress", "newsletter"},
    {"declarations"},
    {"home", "ops", "api"},
]
LAYER = {app: level for level, apps in enumerate(LAYERS) for app in apps}


GET_MODEL = re.compile(r"get_model\(\s*[\"'](\w+)[\"']")


def imported_apps(app):
    """The other apps of `petr` an app's modules import, or reach by `apps.get_model("app", …)`
    (tests and migrations aside)."""
    found = set()
    for path in (PETR / app).rglob("*.py"):
        if {"tests", "migrations"} & set(path.relative_to(PETR).parts):
            continue
        source = path.read_text(encoding="utf-8")
        found.update(GET_MODEL.findall(source))
        for node in ast.walk(ast.parse(source)):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            found.update(n.split(".")[1] for n in names if n.startswith("petr.") and "." in n)
    return found - {app}


def test_every_app_has_a_layer():
    apps = {path.parent.name for path in PETR.glob("*/apps.py")}
    assert apps == set(LAYER)


def test_apps_import_only_lower_layers():
    upward = {
        app: sorted(other for other in imported_apps(app) if LAYER.get(other, -1) >= LAYER[app])
        for app in LAYER
    }
    assert {app: others for app, others in upward.items() if others} == {}


def test_the_readme_shows_one_short_line_per_app():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = [line for line in readme.splitlines() if re.match(r"\| \d \| `\w+/` \|", line)]
    assert {line.split("|")[2].strip().strip("`/") for line in rows} == set(LAYER)
    assert max(len(line) for line in rows) <= 120


def child_blocks(block):
    yield block
    children = getattr(block, "child_blocks", None) or {}
    for child in children.values():
        yield from child_blocks(child)
    if hasattr(block, "child_block"):  # a ListBlock
        yield from child_blocks(block.child_block)


def test_every_date_or_time_in_a_block_is_typed_the_french_way():
    from django.apps import apps
    from wagtail import blocks
    from wagtail.fields import StreamField

    from petr.core.blocks import FrenchDateBlock, FrenchDateTimeBlock, FrenchTimeBlock

    wagtails = (blocks.DateBlock, blocks.TimeBlock, blocks.DateTimeBlock)
    french = (FrenchDateBlock, FrenchTimeBlock, FrenchDateTimeBlock)
    found = {}
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                for block in child_blocks(field.stream_block):
                    if isinstance(block, wagtails):
                        found[f"{model.__name__}.{field.name}.{block.name}"] = block
    assert found  # the indicators' measurements at least
    assert [name for name, block in found.items() if not isinstance(block, french)] == []


def test_every_page_form_says_when_its_address_is_taken():
    from petr.conftest import project_page_models
    from petr.core.admin.page_form import PageForm, TakenAddressPanel

    for model in project_page_models():
        assert issubclass(model.get_edit_handler().get_form_class(), PageForm), model
        assert isinstance(model.content_panels[0], TakenAddressPanel), model
