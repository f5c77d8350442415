"""Starter content owned by core: site settings and the pages every public body's site owes."""

from petr.core.models import (
    AccessibilityPage,
    AccessibilitySettings,
    ContentPage,
    SiteIdentity,
    SitemapPage,
)
from petr.core.seeding import block, heading, paragraph, seed_once, seed_page


def seed_settings(site):
    def identity():
        settings = SiteIdentity.for_site(site)
        settings.name = "PETR Cœur de Lorraine"
        settings.tagline = "Pôle d'équilibre territorial et rural — Meuse"
        settings.legal_name = "Pôle d'équilibre territorial et rural Cœur de Lorraine"
        settings.legal_form = (
            "établissement public soumis aux règles des syndicats mixtes fermés "
            "(articles L.5741-1 et suivants du code général des collectivités territoriales)"
        )
        settings.save()

    seed_once("settings.identity", identity)
    seed_once("settings.accessibility", lambda: AccessibilitySettings.for_site(site).save())


LEGAL_NOTICE = [
    block("publisher"),
    heading("Propriété intellectuelle et réutilisation", "reutilisation"),
    paragraph(
        "<p>Sauf mention contraire, les textes de ce site peuvent être réutilisés librement, "
        "à condition d'en citer la source. Les photographies et illustrations restent la "
        "propriété de leurs auteurs.</p>"
        "<p>Les données du territoire affichées sur le site proviennent de l'INSEE, de la DGCL "
        "et de l'IGN, via l'API Découpage administratif, et sont publiées sous Licence Ouverte "
        "2.0.</p>"
    ),
    heading("Liens vers d'autres sites", "liens"),
    paragraph(
        "<p>Le site peut renvoyer vers les sites de partenaires. Le PETR n'est pas responsable "
        "de leur contenu. Tout site public ou privé peut créer un lien vers ce site sans "
        "autorisation préalable.</p>"
    ),
]

PERSONAL_DATA = [
    heading("Ce que le site collecte", "collecte"),
    paragraph(
        "<p>La consultation du site ne demande aucune donnée personnelle. Le site n'utilise "
        "ni outil de mesure d'audience, ni service tiers, ni publicité : aucune donnée de "
        "navigation n'est transmise à un autre organisme et aucun bandeau de consentement "
        "n'est donc nécessaire.</p>"
        "<p>Le formulaire de contact recueille votre nom, votre adresse électronique, l'objet "
        "et le texte de votre message, dans le seul but de vous répondre. Une empreinte "
        "chiffrée de votre adresse IP sert à limiter les envois abusifs. Ces données sont "
        "lues par les agents du PETR et conservées un an, puis supprimées.</p>"
    ),
    heading("Cookies", "cookies"),
    paragraph(
        "<p>Les seuls cookies déposés sont indispensables au fonctionnement du site : la "
        "connexion des agents à l'espace d'administration, et un cookie de sécurité posé par "
        "le formulaire de contact pour le protéger contre les envois frauduleux. Ils ne "
        "servent à aucun suivi.</p>"
    ),
    heading("Vos droits", "droits"),
    paragraph(
        "<p>Conformément au règlement général sur la protection des données (RGPD) et à la loi "
        "« Informatique et libertés », vous disposez d'un droit d'accès, de rectification, "
        "d'effacement, de limitation et d'opposition sur les données qui vous concernent. "
        "Pour les exercer, adressez-vous au PETR (voir la page Contact).</p>"
        "<p>Si vous estimez, après nous avoir contactés, que vos droits ne sont pas respectés, "
        "vous pouvez adresser une réclamation à la Commission nationale de l'informatique et "
        "des libertés (CNIL).</p>"
    ),
]

ACCESSIBILITY = [
    heading("Établissement de cette déclaration", "etablissement"),
    paragraph(
        "<p>Le PETR s'engage à rendre son site accessible conformément à l'article 47 de la "
        "loi n° 2005-102 du 11 février 2005. Le site a été conçu pour respecter le RGAA 4.1 : "
        "chaque modification est vérifiée par des tests automatiques (outil axe-core), au "
        "clavier et sans JavaScript. Ces vérifications ne remplacent pas un audit complet, "
        "qui reste à réaliser.</p>"
    ),
    heading("Contenus non accessibles", "contenus-non-accessibles"),
    paragraph(
        "<p>En l'absence d'audit, la liste des contenus non accessibles n'est pas encore "
        "établie. Les documents téléchargeables anciens (PDF) peuvent ne pas être "
        "accessibles.</p>"
    ),
    heading("Voies de recours", "voies-de-recours"),
    paragraph(
        "<p>Si vous avez signalé un défaut d'accessibilité qui vous empêche d'accéder à un "
        "contenu ou à un service et que vous n'avez pas obtenu de réponse satisfaisante, vous "
        "pouvez saisir le Défenseur des droits :</p>"
        '<ul><li>par le <a href="https://formulaire.defenseurdesdroits.fr/">formulaire en ligne '
        "du Défenseur des droits</a> ;</li>"
        "<li>en contactant le délégué du Défenseur des droits de votre région ;</li>"
        "<li>par courrier gratuit, sans affranchissement : Défenseur des droits, "
        "Libre réponse 71120, 75342 Paris CEDEX 07.</li></ul>"
    ),
]


def seed_service_pages(home):
    """The legal pages and the site map, children of the home page."""
    return {
        "legal": seed_page(
            "page.mentions-legales",
            home,
            ContentPage(title="Mentions légales", slug="mentions-legales", body=LEGAL_NOTICE),
        ),
        "accessibility": seed_page(
            "page.accessibilite",
            home,
            AccessibilityPage(
                title="Déclaration d'accessibilité",
                slug="accessibilite",
                intro="Le niveau d'accessibilité de ce site et les moyens de nous signaler "
                "une difficulté.",
                body=ACCESSIBILITY,
            ),
        ),
        "personal_data": seed_page(
            "page.donnees-personnelles",
            home,
            ContentPage(
                title="Données personnelles",
                slug="donnees-personnelles",
                intro="Comment ce site traite vos données, et comment exercer vos droits.",
                body=PERSONAL_DATA,
            ),
        ),
        "sitemap": seed_page(
            "page.plan-du-site", home, SitemapPage(title="Plan du site", slug="plan-du-site")
        ),
    }
