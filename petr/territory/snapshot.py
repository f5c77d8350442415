"""Read the territory snapshot shipped with the site into validated, database-free records."""

import json
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

SNAPSHOT_PATH = Path(__file__).parent / "data" / "snapshot.json"
SNAPSHOT_ATTRIBUTION = (
    "INSEE (COG 2026, populations de référence 2023), DGCL, IGN ADMIN EXPRESS — "
    "via l'API Découpage administratif (geo.api.gouv.fr), Licence Ouverte 2.0"
)
SNAPSHOT_POPULATION_VINTAGE = 2023
SNAPSHOT_DATA_VERSION = "decoupage-administratif 6.0.0 (COG 2026)"

SIREN_RE = re.compile(r"^\d{9}$")
INSEE_RE = re.compile(r"^(\d{5}|2[AB]\d{3})$")


class TerritoryDataError(ValueError):
    """The data cannot be trusted; the message is French, for the person running the import."""


@dataclass(frozen=True)
class EpciRecord:
    siren: str
    name: str
    kind: str


@dataclass(frozen=True)
class CommuneRecord:
    code_insee: str
    siren: str
    name: str
    epci_siren: str
    postal_codes: tuple[str, ...]
    population: int
    surface_ha: Decimal
    latitude: float | None
    longitude: float | None


@dataclass(frozen=True)
class TerritoryData:
    epcis: tuple[EpciRecord, ...]
    communes: tuple[CommuneRecord, ...]


def load_snapshot(path: Path = SNAPSHOT_PATH) -> TerritoryData:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        epcis = tuple(
            EpciRecord(siren=e["siren"], name=e["nom"], kind=e.get("type", ""))
            for e in raw["epcis"]
        )
        communes = tuple(
            CommuneRecord(
                code_insee=c["code_insee"],
                siren=c.get("siren_commune", ""),
                name=c["nom"],
                epci_siren=c["epci_siren"],
                postal_codes=tuple(filter(None, re.split(r"[;, ]+", c.get("codes_postaux", "")))),
                population=int(c["population_municipale"]),
                surface_ha=Decimal(str(c["surface_ha"])),
                latitude=c.get("centre_lat"),
                longitude=c.get("centre_lon"),
            )
            for c in raw["communes"]
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise TerritoryDataError(f"Instantané illisible ({path.name}) : {exc}") from exc
    data = TerritoryData(epcis=epcis, communes=communes)
    validate(data)
    return data


def validate(data: TerritoryData) -> None:
    """Refuse anything that would make the site's figures wrong."""
    sirens = {e.siren for e in data.epcis}
    if not data.epcis or len(sirens) != len(data.epcis):
        raise TerritoryDataError("La liste des communautés de communes est vide ou a des doublons.")
    for epci in data.epcis:
        if not SIREN_RE.match(epci.siren):
            raise TerritoryDataError(f"SIREN invalide pour « {epci.name} » : {epci.siren!r}.")
    codes = set()
    for commune in data.communes:
        if not INSEE_RE.match(commune.code_insee):
            raise TerritoryDataError(f"Code INSEE invalide : {commune.code_insee!r}.")
        if commune.code_insee in codes:
            raise TerritoryDataError(f"Commune en double : {commune.code_insee}.")
        codes.add(commune.code_insee)
        if commune.epci_siren not in sirens:
            raise TerritoryDataError(
                f"{commune.name} ({commune.code_insee}) appartient à un EPCI hors périmètre : "
                f"{commune.epci_siren}."
            )
        if commune.population <= 0 or commune.surface_ha <= 0:
            raise TerritoryDataError(
                f"Population ou superficie non positive pour {commune.name} ({commune.code_insee})."
            )
    empty = sirens - {c.epci_siren for c in data.communes}
    if empty:
        raise TerritoryDataError(f"Communauté(s) sans commune : {', '.join(sorted(empty))}.")
