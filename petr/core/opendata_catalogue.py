"""The open-data catalogue, from the registry (opendata.py): /donnees/, the page that lists every
dataset with its licence, date, formats and sizes, and /donnees/catalogue.jsonld, the same as a
DCAT-AP catalogue in JSON-LD, which national platforms (data.gouv.fr's DCAT harvester) read."""

import datetime
from dataclasses import dataclass

from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe
from wagtail.models import Site

from petr.core import opendata
from petr.core.models import OpenDataSettings, SiteIdentity
from petr.web.pagecache import cache_until_purged

CATALOGUE = "catalogue.jsonld"
CSV, GEOJSON, CSVW = "text/csv", "application/geo+json", "application/csvm+json"


@dataclass
class Entry:
    name: str
    title: str
    description: str
    modified: str
    distributions: list  # (label, filename, media type, size in bytes)
    conforms_to: str = ""

    @property
    def modified_date(self):
        return datetime.date.fromisoformat(self.modified[:10]) if self.modified else None


def sentence(text):
    return text if text.endswith((".", "!", "?")) else f"{text}."


def _size(request, filename):
    return len(opendata.FILES[filename](request).content)


def entries(request):
    """One per dataset, then the national-format files: what the page and the catalogue list.
    Each file is built once to weigh it; the page and catalogue are cached until purged."""
    staff = OpenDataSettings.for_request(request)

    def files(*specs):
        return [(label, name, kind, _size(request, name)) for label, name, kind in specs]

    found = []
    for name, dataset in opendata.DATASETS.items():
        about = dataset.about()
        specs = [
            ("CSV", f"{name}.csv", CSV),
            ("CSV pour tableur (Excel)", f"{name}{opendata.SPREADSHEET}.csv", CSV),
        ]
        if dataset.geometry:
            specs.append(("GeoJSON", f"{name}.geojson", GEOJSON))
        specs.append(("Métadonnées CSV on the Web", f"{name}.csv-metadata.json", CSVW))
        written = " ".join(sentence(text) for text in [about["source"], *about["notes"]])
        found.append(Entry(name, dataset.title, staff.description_of(name) or written,
                           about["modified"] or "", files(*specs)))  # fmt: skip
    for name, national in opendata.NATIONAL.items():
        found.append(Entry(name, national.title, staff.description_of(name) or national.description,
                           "", files(("CSV, format national", name, CSV)),
                           national.conforms_to))  # fmt: skip
    return found


@require_safe
def index(request):
    context = {
        "entries": entries(request),
        "intro": OpenDataSettings.for_request(request).intro,
        "licence": opendata.LICENCE,
        "licence_url": opendata.LICENCE_URL,
        "catalogue": CATALOGUE,
        "view_title": "Données ouvertes",
    }
    response = TemplateResponse(request, "core/open_data_index.html", context).render()
    return cache_until_purged(response)


def dcat(request):
    """DCAT-AP 2 in JSON-LD: the catalogue, each dataset and each of its files."""
    identity = SiteIdentity.for_site(Site.find_for_request(request))
    base = opendata.files_url(request)
    publisher = {"@type": "foaf:Organization", "foaf:name": identity.legal_name or identity.name}

    def dataset(entry):
        described = {
            "@id": f"{base}#{entry.name}",
            "@type": "dcat:Dataset",
            "dct:identifier": entry.name,
            "dct:title": entry.title,
            "dct:description": entry.description,
            "dct:publisher": publisher,
            "dct:license": {"@id": opendata.LICENCE_URL},
            "dcat:landingPage": {"@id": f"{base}#{entry.name}"},
            "dcat:distribution": [
                {
                    "@id": f"{base}{filename}",
                    "@type": "dcat:Distribution",
                    "dct:title": label,
                    "dcat:accessURL": {"@id": f"{base}{filename}"},
                    "dcat:downloadURL": {"@id": f"{base}{filename}"},
                    "dcat:mediaType": kind,
                    "dcat:byteSize": {"@value": str(size), "@type": "xsd:decimal"},
                    "dct:license": {"@id": opendata.LICENCE_URL},
                }
                for label, filename, kind, size in entry.distributions
            ],
        }
        if entry.modified:
            described["dct:modified"] = {"@value": entry.modified[:10], "@type": "xsd:date"}
        if entry.conforms_to:
            described["dct:conformsTo"] = {"@id": entry.conforms_to}
        return described

    document = {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
            "@language": "fr",
        },
        "@id": f"{base}{CATALOGUE}",
        "@type": "dcat:Catalog",
        "dct:title": f"Données ouvertes — {identity.name}" if identity.name else "Données ouvertes",
        "dct:description": "Les jeux de données publiés par le site, sous Licence Ouverte 2.0.",
        "dct:publisher": publisher,
        "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/FRA"},
        "foaf:homepage": {"@id": base},
        "dcat:dataset": [dataset(entry) for entry in entries(request)],
    }
    return opendata.json_response(document, "application/ld+json")


opendata.FILES[CATALOGUE] = dcat
