"""The open-data catalogue: /donnees/ lists every dataset of the registry with its files and
sizes; /donnees/catalogue.jsonld is DCAT-AP, valid against the shipped JSON Schema and read by an
RDF parser; every CSV is read by the reference CSV on the Web implementation over HTTP."""

import json
import re
import warnings
from pathlib import Path

import csvw
import jsonschema
import pytest
import rdflib
from wagtail.models import Site

from petr.core import opendata
from petr.core.models import OpenDataSettings

pytestmark = pytest.mark.django_db
SCHEMA = Path(__file__).resolve().parents[1] / "data" / "dcat-ap-catalogue.schema.json"
DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
DCT = rdflib.Namespace("http://purl.org/dc/terms/")


def test_the_page_lists_every_dataset_with_its_files_and_a_staff_description(client, seeded):
    html = client.get("/donnees/").content.decode()
    for name in [*opendata.DATASETS, *opendata.NATIONAL]:
        assert f'id="{name}"' in html, name
    assert 'href="communes-tableur.csv" download' in html
    assert re.search(r'communes\.csv – <span class="download-meta">CSV, \d+(,\d+)?\s[kKM]?o<', html)
    settings = OpenDataSettings.for_site(Site.objects.get(is_default_site=True))
    settings.descriptions = [("dataset", {"dataset": "communes", "text": "Nos 123 communes."})]
    settings.save()
    assert "Nos 123 communes." in client.get("/donnees/").content.decode()


def test_the_dcat_catalogue_is_valid_and_its_files_are_where_it_says(client, seeded):
    response = client.get("/donnees/catalogue.jsonld")
    assert response["Content-Type"].startswith("application/ld+json")
    document = json.loads(response.content)
    jsonschema.validate(document, json.loads(SCHEMA.read_text()))
    graph = rdflib.Graph().parse(data=response.content, format="json-ld")
    datasets = set(graph.subjects(rdflib.RDF.type, DCAT.Dataset))
    assert len(datasets) == len(opendata.DATASETS) + len(opendata.NATIONAL)
    for distribution in graph.subjects(rdflib.RDF.type, DCAT.Distribution):
        url = str(graph.value(distribution, DCAT.downloadURL))
        size = int(graph.value(distribution, DCAT.byteSize))
        served = client.get(url.removeprefix("http://testserver"))
        assert served.status_code == 200 and len(served.content) == size, url
    deliberations = next(d for d in datasets if str(d).endswith("#deliberations.csv"))
    assert "scdl/deliberations" in str(graph.value(deliberations, DCT.conformsTo))


def test_the_catalogue_fails_its_schema_without_a_dataset_s_licence(client, seeded):
    document = json.loads(client.get("/donnees/catalogue.jsonld").content)
    del document["dcat:dataset"][0]["dct:license"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, json.loads(SCHEMA.read_text()))


def test_csv_on_the_web_reads_every_csv_over_http(live_seeded):
    warnings.simplefilter("ignore")  # csvw's notes on optional properties
    for name in opendata.DATASETS:
        table = csvw.CSVW(f"{live_seeded.url}/donnees/{name}.csv-metadata.json", validate=True)
        assert table.is_valid, name
        rows = list(table.tables[0].iterdicts())
        first = opendata.DATASETS[name].columns[0].name
        assert all(first in row for row in rows), name  # no byte-order mark in the header
    communes = csvw.CSVW(f"{live_seeded.url}/donnees/communes.csv-metadata.json")
    assert len(list(communes.tables[0].iterdicts())) == 123
