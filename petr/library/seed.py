"""The register of acts and the documents, empty: staff publish them, a seed never invents them."""

from petr.core.seeding import seed_page

from .models import ActIndexPage, DocumentIndexPage


def seed_register(home):
    return seed_page(
        "page.actes",
        home,
        ActIndexPage(
            title="Registre des actes",
            slug="actes",
            intro="Les délibérations, arrêtés, décisions et procès-verbaux du PETR, publiés sous "
            "forme électronique. Chaque acte indique sa date de mise en ligne et l'empreinte de "
            "son fichier.",
        ),
    )


def seed_documents(home):
    return seed_page(
        "page.documents",
        home,
        DocumentIndexPage(
            title="Documents",
            slug="documents-du-petr",
            intro="Contrats, études, rapports et comptes rendus du PETR, à consulter et à "
            "télécharger.",
        ),
    )
