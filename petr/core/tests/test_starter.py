"""Starter packs: one loader for any pack, and errors that say which file and key to fix."""

import pytest

from petr.core import starter
from petr.core.starter import StarterPack, StarterPackError


@pytest.fixture
def packs(tmp_path, monkeypatch):
    monkeypatch.setattr(starter, "PACKS", tmp_path)
    (tmp_path / "exemple").mkdir()
    return tmp_path / "exemple"


def test_blocks_are_written_short_and_read_raw(packs):
    (packs / "pages.yaml").write_text(
        "legal:\n  title: Mentions\n  body:\n  - heading: {text: Titre, anchor: titre}\n"
        "  - paragraph: <p>Texte</p>\n  - publisher:\n  intro_body_free: [a, b]\n",
        encoding="utf-8",
    )
    legal = StarterPack("exemple").get("pages.legal")
    assert legal["body"] == [
        {"type": "heading", "value": {"text": "Titre", "anchor": "titre"}},
        {"type": "paragraph", "value": "<p>Texte</p>"},
        {"type": "publisher", "value": {}},
    ]
    assert legal["intro_body_free"] == ["a", "b"] and legal["title"] == "Mentions"


def test_a_missing_key_names_its_file(packs):
    (packs / "site.yaml").write_text("home: {title: Accueil}\n", encoding="utf-8")
    pack = StarterPack("exemple")
    assert pack.get("site.home.title") == "Accueil"
    assert pack.get("site.menu", []) == []
    with pytest.raises(
        StarterPackError, match=r"« site\.identity\.name » manque dans starter/exemple/site\.yaml"
    ):
        pack.get("site.identity.name")
    with pytest.raises(StarterPackError, match="missions.yaml"):
        pack.get("missions.index")


@pytest.mark.parametrize("name", ["inconnu", "..", "../exemple", "exemple/../exemple"])
def test_an_unknown_pack_lists_the_known_ones(packs, name):
    (packs / "site.yaml").write_text("{}\n", encoding="utf-8")
    with pytest.raises(StarterPackError, match=r"packs : exemple\)"):
        StarterPack(name)


def test_a_malformed_file_is_named(packs):
    (packs / "pages.yaml").write_text("legal: [title: x\n", encoding="utf-8")
    with pytest.raises(StarterPackError, match="starter/exemple/pages.yaml est mal formé"):
        StarterPack("exemple")


def test_the_shipped_packs_give_every_key_the_seeding_reads():
    """The generic pack has every section and key the first site's has (missions, programmes
    and their texts aside, which it leaves to each PETR)."""
    first, generic = StarterPack("coeur-de-lorraine"), StarterPack("generique")
    assert set(first.sections) == set(generic.sections)
    for section in ("site", "pages", "declarations"):
        assert set(first.sections[section]) == set(generic.sections[section]), section


def test_a_pack_completes_its_base_key_by_key(packs):
    (packs / "site.yaml").write_text(
        "identity: {name: Base, tagline: Devise}\nmenu: [a, b]\n", encoding="utf-8"
    )
    other = packs.parent / "autre"
    other.mkdir()
    (other / "pack.yaml").write_text("base: exemple\n", encoding="utf-8")
    (other / "site.yaml").write_text("identity: {name: Autre}\nmenu: [c]\n", encoding="utf-8")
    (other / "missions.yaml").write_text("sante: {title: Santé}\n", encoding="utf-8")
    pack = StarterPack(str(other))  # a folder given by its path
    assert pack.get("site.identity") == {"name": "Autre", "tagline": "Devise"}
    assert pack.get("site.menu") == ["c"] and pack.get("missions.sante.title") == "Santé"
    assert "pack" not in pack.sections
