"""The matters of the ACTES nomenclature (Aide au Contrôle de légaliTé dématErialiSé), level 2:
what the prefecture's legality check classifies an act under, and the SCDL « Délibérations »
export's DELIB_MATIERE_CODE and DELIB_MATIERE_NOM (level 1 / level 2, in lower case)."""

CHAPTERS = {
    "1": ("Commande publique", [
        "Marchés publics", "Délégation de service public", "Conventions de mandat",
        "Autres types de contrats", "Transactions protocole d'accord transactionnel",
        "Maîtrise d'œuvre", "Actes spéciaux et divers",
    ]),
    "2": ("Urbanisme", [
        "Documents d'urbanisme", "Actes relatifs au droit d'occupation ou d'utilisation des sols",
        "Droit de préemption urbain",
    ]),
    "3": ("Domaine et patrimoine", [
        "Acquisitions", "Aliénations", "Locations", "Limites territoriales",
        "Actes de gestion du domaine public", "Autres actes de gestion du domaine privé",
    ]),
    "4": ("Fonction publique", [
        "Personnels titulaires et stagiaires de la FPT", "Personnels contractuels",
        "Fonction publique hospitalière", "Autres catégories de personnels",
        "Régime indemnitaire",
    ]),
    "5": ("Institutions et vie politique", [
        "Élection exécutif", "Fonctionnement des assemblées", "Désignation de représentants",
        "Délégation de fonctions", "Délégation de signature", "Exercice des mandats locaux",
        "Intercommunalité", "Décision d'ester en justice",
    ]),
    "6": ("Libertés publiques et pouvoirs de police", [
        "Police municipale", "Pouvoirs du président du conseil général",
        "Pouvoirs du président du conseil régional", "Autres actes réglementaires",
        "Actes pris au nom de l'État",
    ]),
    "7": ("Finances locales", [
        "Décisions budgétaires", "Fiscalité", "Emprunts", "Interventions économiques",
        "Subventions", "Contributions budgétaires", "Avances", "Fonds de concours",
        "Prise de participation", "Divers",
    ]),
    "8": ("Domaines de compétences par thèmes", [
        "Enseignement", "Aide sociale", "Voirie", "Aménagement du territoire",
        "Politique de la ville habitat logement", "Emploi formation professionnelle",
        "Transports", "Environnement", "Culture",
    ]),
    "9": ("Autres domaines de compétences", [
        "Autres domaines de compétences des communes",
        "Autres domaines de compétences des départements",
        "Autres domaines de compétences des régions", "Vœux et motions",
    ]),
}  # fmt: skip

MATTERS = {
    f"{chapter}.{index}": (title, name)
    for chapter, (title, names) in CHAPTERS.items()
    for index, name in enumerate(names, start=1)
}
CHOICES = [(code, f"{code} {title} › {name}") for code, (title, name) in MATTERS.items()]


def scdl_name(code):
    """« 8.4 » → « domaines de compétences par thèmes/aménagement du territoire »."""
    title, name = MATTERS[code]
    return f"{title}/{name}".lower()
