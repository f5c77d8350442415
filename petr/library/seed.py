"""The register of acts and the documents, empty: staff publish them, a seed never invents them."""

from petr.core.starter import pack, seed_once, seed_page

from .models import ActIndexPage, Body, DocumentIndexPage


def seed_bodies():
    for order, name in enumerate(pack().get("site.bodies")):
        Body.objects.get_or_create(name=name, defaults={"order": order})


def seed_register(home):
    seed_once("library.bodies", seed_bodies)
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
