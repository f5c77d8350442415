"""schema.org data in JSON-LD on every page type: parsed by an RDF JSON-LD processor (rdflib),
each block allowed by its hash in the page's Content-Security-Policy, never by 'unsafe-inline'."""

import base64
import hashlib
import json
import re

import pytest
import rdflib

from petr.events.tests.helpers import publish_event
from petr.library.tests.helpers import publish_act, publish_document
from petr.news.tests.helpers import publish_news

pytestmark = pytest.mark.django_db
SCHEMA = rdflib.Namespace("https://schema.org/")
BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def structured(client, url):
    """(RDF graph of the page's JSON-LD, its CSP header), each block checked against the header."""
    response = client.get(url)
    assert response.status_code == 200, url
    policy = response["Content-Security-Policy"]
    assert "unsafe-inline" not in policy
    graph = rdflib.Graph()
    for text in BLOCK.findall(response.content.decode()):
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy, url
        data = json.loads(text)
        assert data.pop("@context") == "https://schema.org"
        # The same vocabulary, given inline: the parser needs no network.
        graph.parse(data=json.dumps({"@context": {"@vocab": str(SCHEMA)}, **data}),
                    format="json-ld")  # fmt: skip
    return graph


def typed(graph, kind):
    return list(graph.subjects(rdflib.RDF.type, SCHEMA[kind]))


def test_each_page_type_describes_itself_and_its_breadcrumb(client, seeded):
    from wagtail.models import Site

    from petr.core.models import SiteIdentity

    identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    identity.phone = "03 00 00 00 00"
    identity.save()
    home = structured(client, "/")
    (organisation,) = typed(home, "GovernmentOrganization")
    assert str(home.value(organisation, SCHEMA.telephone)) == "03 00 00 00 00"

    (news,) = publish_news(1, title="Une </script><b>nouvelle</b>", intro="Résumé.")
    graph = structured(client, news.url)
    (article,) = typed(graph, "NewsArticle")
    assert str(graph.value(article, SCHEMA.headline)) == "Une </script><b>nouvelle</b>"
    (crumbs,) = typed(graph, "BreadcrumbList")
    assert len(list(graph.objects(crumbs, SCHEMA.itemListElement))) == 3

    event = publish_event("Atelier en ligne", 5, online_url="https://visio.example.org/atelier")
    graph = structured(client, event.url)
    (entity,) = typed(graph, "Event")
    assert typed(graph, "VirtualLocation") and graph.value(entity, SCHEMA.startDate)

    for page in (publish_act(number="2026-001"), publish_document()):
        graph = structured(client, page.url)
        (document,) = typed(graph, "DigitalDocument")
        assert str(graph.value(document, SCHEMA.url)).endswith(f"{page.url}fichier/")


def test_a_page_without_data_keeps_the_plain_policy(client, seeded):
    response = client.get("/recherche/")
    assert '<script type="application/ld+json">' not in response.content.decode()
    assert "sha256-" not in response["Content-Security-Policy"]


def test_every_sample_page_s_data_parses_and_is_allowed_by_its_policy(client, seeded):
    from petr.conftest import publish_samples

    for path in publish_samples():
        if "inexistante" not in path:
            structured(client, path)  # each block parsed, each hash in the header
    catalogue = structured(client, "/donnees/")
    assert len(typed(catalogue, "Dataset")) >= 7 and typed(catalogue, "DataCatalog")
