"""The programmes known from public sources (shared/facts): the third health contract and its four
axes, the recovery and ecological transition pact, the LEADER programme with its envelope left
empty until staff know it. No action, indicator or figure is invented: staff add them."""

import datetime

from petr.core.seeding import seed_page

from .models import ProgrammeAxis, ProgrammePage, ProjectIndexPage

CLS3 = dict(
    title="Contrat local de santé 2025-2030 (CLS 3)",
    slug="cls-3",
    kind="Contrat local de santé",
    intro="Le troisième contrat local de santé, porté par les quatre communautés de communes, "
    "vise le bien-être des habitants d'ici 2030. Sa feuille de route vient d'un diagnostic "
    "partagé en 2024.",
    start_year=2025,
    end_year=2030,
    signed_on=datetime.date(2025, 7, 21),
    signatories="Préfecture\nARS Grand Est\nRégion Grand Est\nDépartement de la Meuse\nMSA\nCAF",
)
CLS3_AXES = [
    "Faire de l'environnement un facteur clef de la santé",
    "Renforcer les offres de soins, d'accompagnement social, médico-social et l'accès aux soins "
    "et aux droits",
    "Soutenir la prévention et l'éducation pour la santé sur le territoire",
    "Renforcer la dynamique partenariale, la coordination des actions et améliorer l'évaluation "
    "du CLS",
]
PTRTE = dict(
    title="Pacte territorial de relance et de transition écologique (PTRTE)",
    slug="ptrte",
    kind="Pacte territorial (forme Grand Est du CRTE)",
    intro="La stratégie et le plan d'action du territoire pour la relance et la transition "
    "écologique, signés avec l'État et la Région.",
    start_year=2021,
    end_year=2026,
    signatories="État\nRégion Grand Est",
)
LEADER = dict(
    title="Programme LEADER 2023-2027",
    slug="programme-leader-2023-2027",
    kind="Programme européen LEADER (FEADER)",
    intro="Le programme du groupe d'action locale : ses fiches actions et son enveloppe FEADER "
    "seront publiées ici dès qu'elles seront arrêtées.",
    start_year=2023,
    end_year=2027,
)


def seed_programmes(missions):
    if missions.get("health"):
        cls3 = ProgrammePage(**CLS3)
        cls3.axes = [
            ProgrammeAxis(number=str(n), title=title) for n, title in enumerate(CLS3_AXES, 1)
        ]
        seed_page("page.programmes.cls3", missions["health"], cls3)
    if missions.get("transition"):
        seed_page("page.programmes.ptrte", missions["transition"], ProgrammePage(**PTRTE))
    if missions.get("leader"):
        seed_page("page.programmes.leader", missions["leader"], ProgrammePage(**LEADER))


def seed_project_catalogue(home):
    """« Projets soutenus », empty: staff add the projects the programmes fund."""
    return seed_page(
        "page.projects",
        home,
        ProjectIndexPage(
            title="Projets soutenus",
            slug="projets-soutenus",
            intro="Les projets du territoire financés grâce aux programmes du PETR : qui les "
            "porte, où, pour quel coût et avec quelles aides.",
        ),
    )
