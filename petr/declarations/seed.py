"""The declaration page under the LEADER mission, the mission's first call to action pointing
at it, and what the « Données personnelles » page says of declarations (once each)."""

from petr.core.seeding import heading, paragraph, seed_once, seed_page

from .models import DeclarationPage

BODY = [
    paragraph(
        "<p>Avant toute dépense, le porteur d'un projet LEADER envoie une déclaration "
        "d'intention : une courte description du projet et de son budget. Son accusé de "
        "réception fixe la date à partir de laquelle les dépenses du projet peuvent devenir "
        "éligibles ; il ne vaut pas promesse d'aide.</p>"
        "<p>Ensuite, l'équipe LEADER vous contacte pour vérifier que le projet correspond à une "
        "fiche action du programme et chercher avec vous les cofinancements. Le projet est noté "
        "et reçoit l'avis du comité de programmation ; vous déposez alors le dossier complet, "
        "qui est instruit, puis programmé par le comité avant la convention et les "
        "paiements.</p>"
        "<p>Vous recevez l'accusé de réception tout de suite, sur cette page et par courriel, "
        "et vous pouvez suivre l'état de votre déclaration à l'adresse qu'il indique.</p>"
    ),
]
PRIVACY = [
    heading("Déclarations d'intention LEADER", "declarations-leader"),
    paragraph(
        "<p>Le formulaire de déclaration d'intention LEADER recueille les informations sur "
        "votre structure, la personne à contacter et votre projet, pour son instruction par "
        "l'équipe LEADER (mission d'intérêt public de gestion des fonds européens). Une "
        "déclaration qui ne devient pas un projet soutenu est supprimée au bout de cinq ans, "
        "l'horizon habituel des contrôles européens ; celle d'un projet soutenu est conservée "
        "avec le dossier du projet. Une empreinte chiffrée de votre adresse IP sert à limiter "
        "les envois abusifs.</p>"
    ),
]


def seed_declaration_page(pages):
    leader = pages.get("leader")
    page = seed_page(
        "page.declaration",
        leader,
        DeclarationPage(
            title="Déclarer un projet LEADER",
            slug="declarer-un-projet",
            intro="La déclaration d'intention, première étape d'un projet LEADER : en ligne, "
            "avec un accusé de réception daté tout de suite.",
            body=BODY,
        ),
    )

    def add_action():
        if leader and page:
            first = ("action", {"label": "Déclarer un projet", "page": page})
            leader.actions = [first, *((b.block_type, b.value) for b in leader.actions)]
            leader.save_revision().publish()

    def tell_privacy():
        privacy = pages.get("personal_data")
        if privacy:
            privacy.body = [*privacy.body.raw_data, *PRIVACY]
            privacy.save_revision().publish()

    seed_once("leader.declaration-action", add_action)
    seed_once("privacy.declarations", tell_privacy)
    return page
