"""Where territory data comes from: the live API Découpage administratif, or the snapshot shipped
with the site, which holds the API's own responses keyed by request path (the communes' outlines
included, as the API's GeoJSON). Both answer `get(path)` with the decoded JSON, so one parser
reads either."""

import json
from pathlib import Path

import urllib3
from django.conf import settings

from petr.web.http import polite_pool

SNAPSHOT_PATH = Path(__file__).parent / "data" / "snapshot.json"

EPCI_FIELDS = "nom,code,type,financement,population,surface"
COMMUNE_FIELDS = ",".join(
    ("nom", "code", "codesPostaux", "siren", "codeEpci", "codeDepartement", "codeRegion")
    + ("population", "surface", "centre", "mairie")
)


INFOS_PATH = "/infos"


def epci_path(siren: str) -> str:
    return f"/epcis/{siren}?fields={EPCI_FIELDS}"


def communes_path(siren: str) -> str:
    return f"/epcis/{siren}/communes?fields={COMMUNE_FIELDS}"


def contours_path(siren: str) -> str:
    """The communes' outlines, in the API's own GeoJSON shape (one FeatureCollection)."""
    return f"/epcis/{siren}/communes?fields=code&format=geojson&geometry=contour"


class SourceError(Exception):
    """The source could not give an answer; the message is French, for the person importing."""


class MissingResource(SourceError):
    """The source answered that this resource does not exist (HTTP 404, or absent from the file)."""


class SnapshotSource:
    kind = "snapshot"

    def __init__(self, path: Path = SNAPSHOT_PATH):
        self.path = path
        try:
            self.responses = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise SourceError(f"Instantané illisible ({path.name}) : {exc}") from exc
        if not isinstance(self.responses, dict):
            raise SourceError(f"Instantané illisible ({path.name}) : un objet JSON est attendu.")

    def describe(self) -> str:
        return f"instantané {self.path.name}"

    def get(self, path: str):
        if path not in self.responses:
            raise MissingResource(f"Absent de l'instantané : {path}")
        return self.responses[path]


class GeoApiSource:
    """A small, polite client: timeouts, retries with exponential backoff on network errors and on
    429/5xx (waiting as long as Retry-After asks), and a User-Agent that says who is calling."""

    kind = "api"

    def __init__(self, base_url=None, *, timeout=None, retries=None, backoff_factor=None):
        conf = settings.TERRITORY_API
        self.base_url = (base_url or conf["BASE_URL"]).rstrip("/")
        self.http = polite_pool(
            timeout=conf["TIMEOUT"] if timeout is None else timeout,
            retries=conf["RETRIES"] if retries is None else retries,
            backoff_factor=conf["BACKOFF"] if backoff_factor is None else backoff_factor,
            user_agent=conf["USER_AGENT"],
        )

    def describe(self) -> str:
        return self.base_url

    def get(self, path: str):
        url = self.base_url + path
        try:
            response = self.http.request("GET", url)
        except urllib3.exceptions.MaxRetryError as exc:
            raise SourceError(f"{url} injoignable après plusieurs essais ({exc.reason}).") from exc
        except urllib3.exceptions.HTTPError as exc:
            raise SourceError(f"Erreur réseau sur {url} : {exc}.") from exc
        if response.status == 404:
            raise MissingResource(f"{url} : ressource introuvable (HTTP 404).")
        if response.status != 200:
            raise SourceError(f"{url} a répondu HTTP {response.status} après plusieurs essais.")
        try:
            return json.loads(response.data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise SourceError(f"{url} n'a pas renvoyé de JSON valide ({exc}).") from exc
