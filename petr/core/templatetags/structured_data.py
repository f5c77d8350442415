"""schema.org data in JSON-LD for search engines: the page's own (`schema_org(request)` on its
model: a news article, an event, a document, the organisation on the home page) and its
breadcrumb. Each block's SHA-256 goes into the page's Content-Security-Policy
(web/structured_data_csp.py), so the strict policy stands with no inline script allowed."""

import base64
import hashlib
import json

from django import template
from django.utils.safestring import mark_safe

register = template.Library()
CONTEXT = "https://schema.org"


def script(request, data):
    text = json.dumps({"@context": CONTEXT, **data}, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c")  # never closes the script element, whatever staff typed
    digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
    if request is not None:
        request.csp_script_hashes = [*getattr(request, "csp_script_hashes", []), digest]
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


@register.simple_tag(takes_context=True)
def page_data(context, page):
    """The page's own entity, if its type describes one."""
    request = context.get("request")
    describe = getattr(page, "schema_org", None)
    data = describe(request) if describe and request else None
    return script(request, data) if data else ""


@register.simple_tag(takes_context=True)
def breadcrumb_data(context, links):
    """links: [(title, absolute or site-relative URL)], from the home page to this page."""
    request = context.get("request")
    if request is None or not links:
        return ""
    items = [
        {"@type": "ListItem", "position": index, "name": str(name),
         "item": request.build_absolute_uri(url)}
        for index, (name, url) in enumerate(links, start=1)
    ]  # fmt: skip
    return script(request, {"@type": "BreadcrumbList", "itemListElement": items})


@register.simple_tag
def breadcrumb_links(ancestors, page, current_title="", trail=(), path=""):
    """The breadcrumb's links as (title, url), as includes/breadcrumb.html shows them."""
    links = [("Accueil" if a.depth == 2 else a.title, a.url) for a in ancestors]
    links.append((page.title, page.url))
    if current_title:
        links += [*((str(title), url) for title, url in trail), (str(current_title), path)]
    return links


@register.simple_tag(takes_context=True)
def catalogue_data(context, entries):
    """The open-data page's datasets (core/opendata_catalogue.py), as a schema.org DataCatalog."""
    request = context.get("request")
    if request is None or not entries:
        return ""
    datasets = [
        {
            "@type": "Dataset",
            "name": entry.title,
            "description": entry.description,
            "license": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
            "distribution": [
                {"@type": "DataDownload", "encodingFormat": kind,
                 "contentUrl": request.build_absolute_uri(filename)}
                for label, filename, kind, size in entry.distributions
            ],
        }
        for entry in entries
    ]  # fmt: skip
    return script(
        request,
        {
            "@type": "DataCatalog",
            "name": "Données ouvertes",
            "url": request.build_absolute_uri(),
            "dataset": datasets,
        },
    )
