"""Starter content for « Le PETR »: what a PETR is, its history, members and governance."""

from django.core.management import call_command

from petr.core.seeding import block, heading, paragraph, seed_once, seed_page, steps

from .models import Commune, Epci, PetrPage, TerritoryPage, TerritorySettings

# The four members and their seats (« siège »), as listed in the official data snapshot's
# SOURCES; the perimeter is then staff's to change in Paramètres › Territoire du PETR.
MEMBERS = {
    "200066140": "55040",  # CC de l'Aire à l'Argonne, Beausite
    "200034874": "55551",  # CC Côtes de Meuse Woëvre, Vigneulles-lès-Hattonchâtel
    "245500327": "55463",  # CC du Sammiellois, Saint-Mihiel
    "245501176": "55198",  # CC du Territoire de Fresnes-en-Woëvre, Fresnes-en-Woëvre
}


def seed_territory(stdout):
    """Perimeter setting, then the shipped snapshot if no territory is loaded, then the seats."""

    def perimeter():
        settings = TerritorySettings.load()
        settings.member_sirens = "\n".join(MEMBERS)
        settings.save()

    seed_once("settings.territory", perimeter)
    call_command("import_territory", source="snapshot", if_empty=True, stdout=stdout)

    def seats():
        for siren, code in MEMBERS.items():
            Epci.objects.filter(siren=siren, seat=None).update(
                seat=Commune.objects.filter(code_insee=code).first()
            )

    seed_once("territory.seats", seats)


PETR_BODY = [
    heading("Qu'est-ce qu'un PETR ?", "definition"),
    paragraph(
        "<p>Un pôle d'équilibre territorial et rural (PETR) est un établissement public créé "
        "par des communautés de communes pour porter ensemble un projet de territoire. Institué "
        "par la loi du 27 janvier 2014, il fonctionne selon les règles des syndicats mixtes "
        "fermés (articles L.5741-1 et suivants du code général des collectivités "
        "territoriales).</p>"
        "<p>Le PETR Cœur de Lorraine réunit quatre communautés de communes du département de la "
        "Meuse, en région Grand Est.</p>"
    ),
    block("members", {"title": "Les communautés de communes membres"}),
    heading("La gouvernance", "gouvernance"),
    paragraph(
        "<p>Le PETR s'appuie sur trois instances :</p>"
        "<ul><li><strong>le conseil syndical</strong>, qui délibère. Ses sièges sont répartis "
        "selon la population de chaque communauté de communes : chacune dispose d'au moins un "
        "siège et aucune de plus de la moitié ;</li>"
        "<li><strong>la conférence des maires</strong>, qui réunit les maires de toutes les "
        "communes et est consultée sur le projet de territoire ;</li>"
        "<li><strong>le conseil de développement territorial</strong>, qui rassemble les "
        "acteurs économiques, sociaux, culturels, éducatifs, scientifiques et associatifs du "
        "territoire.</li></ul>"
    ),
    heading("Notre histoire", "histoire"),
    steps(
        "",
        [
            (
                "1977",
                "Un « contrat de pays » est signé pour les cantons de Pierrefitte-sur-Aire, "
                "Saint-Mihiel et Vigneulles-lès-Hattonchâtel.",
            ),
            (
                "2000 – 2004",
                "Le projet « Pays Entre Aire et Woëvre », puis un nouveau diagnostic et une "
                "charte de pays.",
            ),
            (
                "Une dizaine d'années de coopération",
                "Le « Pays Cœur de Lorraine » fonctionne sans statut juridique, par des "
                "conventions entre communautés de communes qui financent un chargé de mission "
                "commun.",
            ),
            (
                "2013",
                "Deux communautés de communes fusionnent le 1er janvier : le Pays en compte "
                "désormais quatre. Il crée l'Office de tourisme Cœur de Lorraine.",
            ),
            (
                "2015",
                "Le Pays devient un PETR ; ses statuts avaient été présentés au conseil du "
                "19 décembre 2014.",
            ),
            (
                "2016 – 2019",
                "Le territoire est lauréat TEPCV en 2016, puis retenu pour un contrat de "
                "transition écologique en 2019.",
            ),
            (
                "2017",
                "Les communautés de communes Entre Aire et Meuse et de Triaucourt-Vaubecourt "
                "fusionnent en communauté de communes de l'Aire à l'Argonne : le territoire "
                "passe de 99 à 123 communes.",
            ),
        ],
    ),
    paragraph(
        '<p>Découvrez <a href="/missions/transition-ecologique/#tepcv">les actions financées par '
        'le programme TEPCV</a> et <a href="/missions/transition-ecologique/#cte">le contrat de '
        "transition écologique</a> sur la page de la mission Transition écologique et "
        "énergétique.</p>"
    ),
]


def seed_petr_page(home):
    return seed_page(
        "page.le-petr",
        home,
        PetrPage(
            title="Le PETR",
            slug="le-petr",
            intro="Des communautés de communes de la Meuse qui portent ensemble un projet de "
            "territoire.",
            body=PETR_BODY,
        ),
    )


def seed_territory_page(home):
    return seed_page(
        "page.territoire",
        home,
        TerritoryPage(
            title="Le territoire",
            slug="territoire",
            intro="Les communautés de communes et les communes du PETR, leur population et leur "
            "superficie, d'après les données officielles.",
        ),
    )
