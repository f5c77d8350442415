"""Starter content for the four missions, written from the facts in shared/facts."""

from petr.core.seeding import callout, heading, key_figures, paragraph, seed_once, seed_page, steps

from .models import MissionIndexPage, MissionPage

HEALTH = dict(
    title="Contrat local de santé",
    short_title="Santé",
    slug="contrat-local-de-sante",
    intro="Améliorer la santé et le bien-être des habitants d'ici 2030, avec l'Agence régionale "
    "de santé et les partenaires du territoire.",
    body=[
        heading("Le troisième contrat local de santé", "cls-3"),
        paragraph(
            "<p>Le troisième contrat local de santé (CLS 3) du Cœur de Lorraine a été signé le "
            "21 juillet 2025. Porté avec les quatre communautés de communes, il vise le "
            "bien-être des habitants à l'horizon 2030. Sa feuille de route découle d'un "
            "diagnostic partagé conduit en 2024.</p>"
        ),
        steps(
            "Les quatre axes du contrat",
            [
                ("Faire de l'environnement un facteur clef de la santé", ""),
                (
                    "Renforcer les offres de soins, d'accompagnement social et médico-social, "
                    "et l'accès aux soins et aux droits",
                    "",
                ),
                ("Soutenir la prévention et l'éducation pour la santé sur le territoire", ""),
                (
                    "Renforcer la dynamique partenariale, la coordination des actions et "
                    "améliorer l'évaluation du contrat",
                    "",
                ),
            ],
        ),
        heading("Les actions", "actions"),
        paragraph(
            "<p>Le contrat compte huit fiches actions : prévention, santé à tous les âges de la "
            "vie (enfants et personnes âgées), nutrition et services d'aide à domicile. D'autres "
            "actions, sur la santé environnementale et les addictions, sont à l'étude.</p>"
        ),
        heading("Les signataires", "signataires"),
        paragraph(
            "<ul><li>la préfecture de la Meuse ;</li><li>l'Agence régionale de santé Grand Est "
            ";</li><li>la Région Grand Est ;</li><li>le Département de la Meuse ;</li>"
            "<li>la Mutualité sociale agricole (MSA) ;</li><li>la Caisse d'allocations "
            "familiales (CAF).</li></ul>"
        ),
        heading("Une démarche engagée depuis 2014", "historique"),
        paragraph(
            "<p>Le premier contrat local de santé a été signé le 22 décembre 2014, pour les 99 "
            "communes que comptait alors le territoire. Un deuxième contrat a suivi en 2018.</p>"
        ),
    ],
)

TRANSITION = dict(
    title="Transition écologique et énergétique",
    short_title="Transition écologique",
    slug="transition-ecologique",
    intro="Consommer moins d'énergie, produire davantage d'énergies renouvelables, et "
    "accompagner les communes et les habitants dans ces changements.",
    body=[
        heading("Les objectifs pour 2030", "objectifs-2030"),
        paragraph(
            "<p>L'étude du profil énergétique du territoire, achevée le 12 avril 2019, a fixé "
            "deux objectifs pour 2030.</p>"
        ),
        key_figures(
            "",
            [
                ("−14,5 %", "de consommation d'énergie"),
                ("× 2,3", "de production d'énergies renouvelables"),
            ],
            "étude du profil énergétique du territoire, 12 avril 2019.",
        ),
        heading("Le pacte territorial de relance et de transition écologique", "ptrte"),
        paragraph(
            "<p>Depuis janvier 2021, le pacte territorial de relance et de transition "
            "écologique (PTRTE), déclinaison en Grand Est des contrats de relance et de "
            "transition écologique, est signé avec l'État et la Région. Il fixe la stratégie et "
            "le plan d'actions du territoire jusqu'en 2026. Avec le Cerema, le PETR a classé "
            "ses actions par priorité selon la grille de la norme ISO 37101 (six finalités, "
            "douze domaines).</p>"
        ),
        heading("Territoire à énergie positive pour la croissance verte (TEPCV)", "tepcv"),
        paragraph(
            "<p>Lauréat de l'appel à projets TEPCV en 2016, le territoire a financé des "
            "diagnostics (agriculture, énergie) et de premières actions :</p>"
            "<ul><li>des véhicules électriques ;</li><li>des animations dans les écoles ;</li>"
            "<li>la distribution gratuite de kits d'ampoules LED ;</li>"
            "<li>la promotion des circuits courts alimentaires ;</li>"
            "<li>la rénovation énergétique du gymnase COSEC des Avrils à Saint-Mihiel, couvert "
            "d'une toiture photovoltaïque ;</li>"
            "<li>la rénovation au niveau basse consommation (BBC) d'une maison communale à "
            "Saint-Mihiel.</li></ul>"
        ),
        heading("Contrat de transition écologique (CTE)", "cte"),
        paragraph(
            "<p>En 2019, le territoire a été retenu pour un contrat de transition écologique "
            "(CTE), qui a prolongé la démarche engagée avec TEPCV. Le PTRTE a pris sa suite en "
            "2021.</p>"
        ),
        heading("Un pilier du projet de territoire", "projet-de-territoire"),
        paragraph(
            "<p>La transition écologique et énergétique est l'un des quatre piliers du projet "
            "de territoire validé en 2018.</p>"
        ),
    ],
)

MOBILITY = dict(
    title="Mobilité",
    slug="mobilite",
    intro="Se déplacer sans voiture ou sans permis en Cœur de Lorraine : un numéro unique, le "
    "covoiturage et l'auto-stop organisé.",
    body=[
        callout(
            "Roul'en Meuse : un numéro pour toutes vos questions de mobilité",
            '<p><a href="tel:+33329753230">03 29 75 32 30</a></p>'
            "<p>Des conseillers vous renseignent sur les horaires des cars régionaux, la "
            "location de véhicules et les aides à la mobilité : garages solidaires, aide au "
            "permis de conduire, accompagnement pour prendre le train.</p>",
        ),
        heading("Un service partagé avec les territoires voisins", "service-partage"),
        paragraph(
            "<p>Le PETR n'est pas autorité organisatrice de la mobilité. Avec le Pays de "
            "Verdun et le Pays Barrois, il anime un service de mobilité partagé, financé par "
            "l'Europe (FEADER), qui couvre environ 165 000 habitants et 14 intercommunalités, "
            "avec une personne chargée de mission commune.</p>"
            "<p>Le label Roul'en Meuse a été lancé en septembre 2022 avec le Département ; son "
            "numéro unique fonctionne depuis février 2023.</p>"
        ),
        heading("Le covoiturage", "covoiturage"),
        paragraph(
            "<p>Depuis mars 2023, le covoiturage du quotidien est proposé avec l'opérateur "
            "Karos, dans le cadre du programme AcoTÉ (certificats d'économies d'énergie).</p>"
        ),
        heading("L'auto-stop organisé", "auto-stop"),
        steps(
            "Comment en profiter",
            [
                (
                    "S'inscrire dans un point d'accueil",
                    "À partir de 16 ans, en signant la charte de l'auto-stop organisé.",
                ),
                ("Recevoir le kit de reconnaissance", "Il est remis gratuitement."),
                (
                    "Attendre aux arrêts signalés",
                    "Des points de prise en charge sont balisés sur le territoire.",
                ),
            ],
        ),
    ],
)

LEADER = dict(
    title="LEADER",
    eu_cofunded=True,
    slug="leader",
    intro="Des fonds européens pour les projets de développement rural portés par les "
    "associations, les entreprises et les collectivités du territoire.",
    body=[
        heading("Qu'est-ce que LEADER ?", "presentation"),
        paragraph(
            "<p>LEADER est le volet du Fonds européen agricole pour le développement rural "
            "(FEADER) consacré aux stratégies locales de développement. En France, les Pays et "
            "les PETR portent plus de 90 % des programmes LEADER.</p>"
            "<p>Le groupe d'action locale (GAL) sélectionne les projets au sein d'un comité de "
            "programmation qui réunit un collège public et un collège privé, ce dernier étant "
            "majoritaire. La Région Grand Est est l'autorité de gestion ; l'Agence de services "
            "et de paiement (ASP) verse les aides.</p>"
        ),
        callout(
            "Avant toute dépense",
            "<p>Envoyez une déclaration d'intention avant d'engager la moindre dépense : son "
            "accusé de réception fixe la date à partir de laquelle vos dépenses deviennent "
            "éligibles.</p>",
        ),
        heading("Déposer un projet, étape par étape", "demarche"),
        steps(
            "",
            [
                (
                    "Déclaration d'intention",
                    "Une courte description du projet et son budget prévisionnel.",
                ),
                (
                    "Vérifier l'adéquation du projet",
                    "Le projet doit répondre à l'une des fiches actions du programme.",
                ),
                (
                    "Rencontre avec l'équipe LEADER",
                    "Éligibilité, plan de financement, recherche de cofinanceurs.",
                ),
                (
                    "Avis du comité de programmation",
                    "Le projet est noté selon une grille de sélection.",
                ),
                ("Dossier de demande complet", "Sa complétude est vérifiée."),
                (
                    "Instruction, puis programmation",
                    "Le comité décide de l'attribution de l'aide.",
                ),
                (
                    "Convention, puis demandes de paiement",
                    "L'aide est versée sur justificatifs des dépenses réalisées.",
                ),
            ],
        ),
    ],
)

MISSIONS = {"health": HEALTH, "transition": TRANSITION, "mobility": MOBILITY, "leader": LEADER}


def seed_missions(home):
    index = seed_page(
        "page.missions",
        home,
        MissionIndexPage(
            title="Nos missions",
            slug="missions",
            intro="Les quatre missions que les communautés de communes ont confiées au PETR.",
        ),
    )
    return {
        "missions": index,
        **{
            key: seed_page(
                f"page.missions.{fields['slug']}", index, MissionPage(show_in_menus=True, **fields)
            )
            for key, fields in MISSIONS.items()
        },
    }


def seed_mission_actions(pages):
    """Each mission's first call to action, once: writing to the team through the contact form."""

    def apply():
        for key in MISSIONS:
            mission, contact = pages.get(key), pages.get("contact")
            if mission and contact and not mission.actions:
                label = "Rencontrer l'équipe LEADER" if key == "leader" else "Écrire à l'équipe"
                mission.actions = [("action", {"label": label, "page": contact})]
                if key == "leader" and pages.get("projects"):
                    label = "Voir les projets soutenus"
                    mission.actions.append(("action", {"label": label, "page": pages["projects"]}))
                mission.save_revision().publish()

    seed_once("missions.actions", apply)
