"""Read the territory from a source (live API or shipped snapshot) into validated records.

Nothing here touches the database: a payload that is malformed, partial or inconsistent with the
configured perimeter raises TerritoryDataError before anything is written."""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from . import geometry
from .sources import (
    INFOS_PATH,
    MissingResource,
    SourceError,
    communes_path,
    contours_path,
    epci_path,
)

ATTRIBUTION = (
    "INSEE (COG, populations de référence), DGCL, IGN ADMIN EXPRESS — via l'API Découpage "
    "administratif (geo.api.gouv.fr), Licence Ouverte 2.0"
)
DATA_PACKAGE = "@etalab/decoupage-administratif"
# Population vintage (millésime) packaged by each major version of the data package. Only versions
# we have checked are listed: for any other, the operator states the vintage (--millesime).
POPULATION_VINTAGES = {"6": 2023}

SIREN_RE = re.compile(r"^\d{9}$")
INSEE_RE = re.compile(r"^(\d{5}|2[AB]\d{3})$")
POSTAL_RE = re.compile(r"^\d{5}$")


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
    data_version: str
    population_vintage: int
    outlines: dict  # GeoJSON geometry (WGS84, simplified) by INSEE code


def parse_sirens(text: str) -> tuple[str, ...]:
    """The member SIRENs as typed in the settings: separated by spaces, commas or new lines."""
    sirens = tuple(dict.fromkeys(filter(None, re.split(r"[\s,;]+", text or ""))))
    bad = [s for s in sirens if not SIREN_RE.match(s)]
    if bad:
        raise TerritoryDataError(f"SIREN invalide (9 chiffres attendus) : {', '.join(bad)}.")
    return sirens


def read_territory(source, sirens, population_vintage: int | None = None) -> TerritoryData:
    if not sirens:
        raise TerritoryDataError(
            "Aucune communauté membre n'est configurée (Paramètres › Territoire du PETR)."
        )
    try:
        infos = _fetch(source, INFOS_PATH)
        data_version, known_vintage = _read_infos(infos)
        epcis, communes, outlines = [], [], {}
        for siren in sirens:
            epcis.append(_read_epci(siren, _fetch(source, epci_path(siren))))
            outlines.update(_read_contours(siren, _fetch(source, contours_path(siren))))
            payload = _fetch(source, communes_path(siren))
            if not isinstance(payload, list):
                raise TerritoryDataError(f"Liste de communes attendue pour l'EPCI {siren}.")
            for item in payload:
                commune = _read_commune(item)
                if commune.epci_siren != siren:
                    raise TerritoryDataError(
                        f"{commune.name} ({commune.code_insee}) est listée dans l'EPCI {siren} "
                        f"mais rattachée à {commune.epci_siren}."
                    )
                communes.append(commune)
    except TerritoryDataError:
        raise
    except (AttributeError, KeyError, TypeError, ValueError, InvalidOperation) as exc:
        raise TerritoryDataError(f"Réponse incomplète ou mal formée : {exc!r}.") from exc
    vintage = population_vintage or known_vintage
    if vintage is None:
        raise TerritoryDataError(
            f"Millésime de population inconnu pour {data_version} : vérifiez-le sur "
            "geo.api.gouv.fr puis relancez avec --millesime AAAA."
        )
    data = TerritoryData(tuple(epcis), tuple(communes), data_version, vintage, outlines)
    validate(data, sirens)
    return data


def _fetch(source, path):
    try:
        return source.get(path)
    except MissingResource as exc:
        raise TerritoryDataError(f"Donnée introuvable : {exc}") from exc
    except SourceError as exc:
        raise TerritoryDataError(str(exc)) from exc


def _read_infos(infos):
    version = str(infos[DATA_PACKAGE])
    return f"{DATA_PACKAGE} {version}", POPULATION_VINTAGES.get(version.split(".")[0])


def _read_epci(siren, item):
    if item["code"] != siren:
        raise TerritoryDataError(f"L'API a répondu pour l'EPCI {item['code']} au lieu de {siren}.")
    return EpciRecord(siren=siren, name=_text(item["nom"]), kind=str(item.get("type") or ""))


def _read_contours(siren, payload):
    """{code: outline} from the API's GeoJSON; a feature without a usable outline is left out
    (`validate` then names the commune)."""
    if not isinstance(payload, dict) or not isinstance(payload.get("features"), list):
        raise TerritoryDataError(f"Contours attendus (GeoJSON) pour l'EPCI {siren}.")
    outlines = {}
    for feature in payload["features"]:
        code = _text((feature.get("properties") or {}).get("code"))
        outline = geometry.outline_from_api(feature.get("geometry"))
        if outline:
            outlines[code] = outline
    return outlines


def _read_commune(item):
    centre = item.get("centre") or {}
    longitude, latitude = centre.get("coordinates") or (None, None)
    return CommuneRecord(
        code_insee=_text(item["code"]),
        siren=str(item.get("siren") or ""),
        name=_text(item["nom"]),
        epci_siren=str(item["codeEpci"]),
        postal_codes=tuple(sorted(str(code) for code in item.get("codesPostaux") or ())),
        population=_integer(item["population"]),
        surface_ha=Decimal(str(item["surface"])).quantize(Decimal("0.01")),
        latitude=None if latitude is None else float(latitude),
        longitude=None if longitude is None else float(longitude),
    )


def _text(value):
    if not isinstance(value, str) or not value.strip():
        raise TerritoryDataError(f"Texte attendu, reçu {value!r}.")
    return value.strip()


def _integer(value):
    if isinstance(value, bool) or not isinstance(value, int):
        raise TerritoryDataError(f"Nombre entier attendu, reçu {value!r}.")
    return value


def validate(data: TerritoryData, sirens) -> None:
    """Refuse anything that would make the site's figures or pages wrong."""
    got = [e.siren for e in data.epcis]
    if sorted(got) != sorted(sirens):
        raise TerritoryDataError(
            f"Communautés reçues ({', '.join(got)}) ≠ communautés configurées "
            f"({', '.join(sirens)})."
        )
    codes = set()
    for commune in data.communes:
        label = f"{commune.name} ({commune.code_insee})"
        if not INSEE_RE.match(commune.code_insee):
            raise TerritoryDataError(f"Code INSEE invalide : {commune.code_insee!r}.")
        if commune.siren and not SIREN_RE.match(commune.siren):
            raise TerritoryDataError(f"SIREN invalide pour {label} : {commune.siren!r}.")
        if not all(POSTAL_RE.match(code) for code in commune.postal_codes):
            raise TerritoryDataError(f"Code postal invalide pour {label}.")
        if commune.code_insee in codes:
            raise TerritoryDataError(f"Commune en double : {label}.")
        codes.add(commune.code_insee)
        if commune.epci_siren not in sirens:
            raise TerritoryDataError(
                f"{label} appartient à un EPCI hors périmètre : {commune.epci_siren}."
            )
        if commune.population <= 0 or commune.surface_ha <= 0:
            raise TerritoryDataError(f"Population ou superficie non positive pour {label}.")
        if commune.code_insee not in data.outlines:
            raise TerritoryDataError(
                f"Contour absent ou illisible pour {label} : la carte ne peut pas être dessinée."
            )
    empty = set(sirens) - {c.epci_siren for c in data.communes}
    if empty:
        raise TerritoryDataError(f"Communauté(s) sans commune : {', '.join(sorted(empty))}.")
