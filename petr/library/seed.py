"""The register of acts, empty: acts are published by staff, never invented by a seed."""

from petr.core.seeding import seed_page

from .models import ActIndexPage


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
