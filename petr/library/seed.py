"""The register of acts and the documents, empty: staff publish them, a seed never invents them."""

from petr.core.starter import pack, seed_page

from .models import ActIndexPage, DocumentIndexPage


def seed_register(home):
    return seed_page(
        "page.actes",
        home,
        ActIndexPage(**pack().get("pages.acts")),
    )


def seed_documents(home):
    return seed_page(
        "page.documents",
        home,
        DocumentIndexPage(**pack().get("pages.documents")),
    )
