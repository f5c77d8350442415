"""Settings staff edit in the admin (Paramètres). Empty fields are hidden on the site."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Site

from petr.core import colours
from petr.core.admin.colour_input import ColourInput
from petr.core.blocks import NavigationLinkBlock
from petr.core.french.identifiers import siren_error, siret_error
from petr.core.phones import tel_uri
from petr.web.shared_lookups import cached_setting, public


class CachedSiteSetting(BaseSiteSetting):
    """A setting every page shows: read from the shared cache, not the database (shared_lookups)."""

    class Meta:
        abstract = True

    @classmethod
    def for_site(cls, site):
        load = lambda: super(CachedSiteSetting, cls).for_site(site)  # noqa: E731
        return cached_setting(cls, site, load, family=CachedSiteSetting.__subclasses__())

    def prepare_for_cache(self):
        """Load now what templates would fetch later, so that the cached copy carries it."""


@register_setting(icon="home")
class SiteIdentity(CachedSiteSetting):
    name = models.CharField(
        "nom",
        max_length=100,
        help_text="Affiché en tête de chaque page, par exemple « PETR du Pays de … ».",
    )
    tagline = models.CharField("sous-titre", max_length=200, blank=True)
    legal_name = models.CharField("dénomination légale", max_length=200, blank=True)
    legal_form = models.CharField("forme juridique", max_length=200, blank=True)
    siren = models.CharField(
        "SIREN", max_length=9, blank=True, help_text="Rempli d'après le SIRET s'il est vide."
    )
    siret = models.CharField(
        "SIRET du siège",
        max_length=14,
        blank=True,
        help_text="14 chiffres : il identifie le PETR dans le fichier national des délibérations.",
    )
    publication_director = models.CharField(
        "directeur ou directrice de la publication",
        max_length=200,
        blank=True,
        help_text="Nom et fonction, par exemple « Prénom Nom, président du PETR ».",
    )
    host_details = models.TextField(
        "hébergeur", blank=True, help_text="Nom, adresse et téléphone de l'hébergeur du site."
    )
    data_protection_officer = models.TextField(
        "délégué à la protection des données",
        blank=True,
        help_text="Nom ou organisme (souvent le centre de gestion ou un service mutualisé) et "
        "moyen de le joindre : le RGPD l'impose à tout organisme public.",
    )
    address = models.TextField("adresse postale", blank=True)
    email = models.EmailField("adresse électronique", blank=True)
    phone = models.CharField("téléphone", max_length=30, blank=True)
    opening_hours = models.TextField("horaires d'accueil", blank=True)
    office_latitude = models.FloatField(
        "latitude de l'accueil",
        null=True,
        blank=True,
        help_text="Pour placer les bureaux sur la carte de la page Contact, par exemple 48,8876 "
        "(clic droit sur une carte en ligne).",
    )
    office_longitude = models.FloatField("longitude de l'accueil", null=True, blank=True)
    logo = models.ForeignKey(
        "core.CustomImage",
        verbose_name="logo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Affiché à gauche du nom, 48 pixels de haut. Par défaut : un pictogramme.",
    )
    share_image = models.ForeignKey(
        "core.CustomImage",
        verbose_name="image de partage par défaut",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Montrée par les réseaux sociaux quand une page n'a pas la sienne (recadrée "
        "en 1200 × 630).",
    )
    hero_image = models.ForeignKey(
        "core.CustomImage",
        verbose_name="photo de l'accueil",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Une photo du territoire, à côté du titre de la page d'accueil, avec son texte "
        "alternatif. Sans photo : la carte des communautés de communes.",
    )
    primary_colour = models.CharField(
        "couleur principale",
        max_length=7,
        blank=True,
        help_text="Menu, boutons, liens, pied de page, au format #RRVVBB. Le texte blanc doit y "
        "rester lisible : les couleurs trop claires sont refusées. Par défaut : #0b5c4f.",
    )
    accent_colour = models.CharField(
        "couleur d'accent",
        max_length=7,
        blank=True,
        help_text="Filets et repère de la page en cours dans le menu, au format #RRVVBB. Par "
        "défaut : #e8b100.",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("tagline"),
                FieldPanel("logo"),
                FieldPanel("share_image"),
                FieldPanel("hero_image"),
                FieldPanel("primary_colour", widget=ColourInput),
                FieldPanel("accent_colour", widget=ColourInput),
            ],
            heading="Identité affichée",
        ),
        MultiFieldPanel(
            [
                FieldPanel("legal_name"),
                FieldPanel("legal_form"),
                FieldPanel("siren"),
                FieldPanel("siret"),
                FieldPanel("publication_director"),
                FieldPanel("host_details"),
                FieldPanel("data_protection_officer"),
            ],
            heading="Mentions légales",
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("email"),
                FieldPanel("phone"),
                FieldPanel("opening_hours"),
                FieldPanel("office_latitude"),
                FieldPanel("office_longitude"),
            ],
            heading="Coordonnées (masquées tant qu'elles sont vides)",
        ),
    ]

    class Meta:
        verbose_name = "identité et coordonnées"

    def clean(self):
        super().clean()
        colours.validate(self.primary_colour, self.accent_colour)
        self.siret = self.siret.replace(" ", "")
        if self.siret:
            if error := siret_error(self.siret):
                raise ValidationError({"siret": error})
            self.siren = self.siren or self.siret[:9]  # typed once
            if not self.siret.startswith(self.siren):
                raise ValidationError({"siret": "Le SIRET ne commence pas par le SIREN."})
        if self.siren and (error := siren_error(self.siren)):
            raise ValidationError({"siren": error})
        if (self.office_latitude is None) != (self.office_longitude is None):
            raise ValidationError(
                {"office_longitude": "Indiquez la latitude et la longitude, ou aucune des deux."}
            )

    @property
    def colours_version(self):
        """In the stylesheet's address: a new one when the colours change (css is cached)."""
        if self.primary_colour or self.accent_colour:
            return colours.version(self.primary_colour, self.accent_colour)
        return ""

    def prepare_for_cache(self):
        # Every page shows the logo and names the share image: their renditions come cached.
        self.logo_rendition = self.logo.get_rendition("height-96") if self.logo else None
        self.share_rendition = (
            self.share_image.get_rendition("fill-1200x630") if self.share_image else None
        )
        self.hero_rendition = (
            self.hero_image.get_rendition("fill-640x480|format-webp") if self.hero_image else None
        )

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # The admin (sidebar, confirmations) calls the site by its Site record's name.
        Site.objects.filter(pk=self.site_id).exclude(site_name=self.name).update(
            site_name=self.name
        )

    @property
    def phone_uri(self):
        return tel_uri(self.phone)

    @property
    def has_contact_details(self):
        return any([self.address, self.email, self.phone, self.opening_hours])


@register_setting(icon="view")
class AccessibilitySettings(CachedSiteSetting):
    """One source for the compliance status shown in the footer and in the declaration."""

    class Status(models.TextChoices):
        FULL = "totale", "totalement conforme"
        PARTIAL = "partielle", "partiellement conforme"
        NONE = "non", "non conforme"

    status = models.CharField(
        "état de conformité au RGAA",
        max_length=10,
        choices=Status.choices,
        default=Status.NONE,
        help_text="Sans audit, le site est « non conforme ». « Partiellement » à partir de 50 % "
        "des critères respectés.",
    )
    compliance_rate = models.DecimalField(
        "taux de conformité (%)", max_digits=5, decimal_places=2, null=True, blank=True
    )
    audit_date = models.DateField("date de l'audit", null=True, blank=True)
    auditor = models.CharField("auditeur", max_length=200, blank=True)
    declaration_date = models.DateField("date de la déclaration", null=True, blank=True)
    contact_email = models.EmailField(
        "adresse pour signaler un défaut d'accessibilité",
        blank=True,
        help_text="Par défaut : l'adresse électronique des coordonnées du site.",
    )
    multiyear_plan_url = models.URLField("schéma pluriannuel (adresse)", blank=True)
    action_plan_url = models.URLField("plan d'actions de l'année (adresse)", blank=True)

    class Meta:
        verbose_name = "accessibilité"

    @property
    def footer_label(self):
        return f"Accessibilité : {self.get_status_display()}"


@register_setting(icon="list-ul")
class NavigationSettings(CachedSiteSetting):
    main_menu = StreamField(
        [("link", NavigationLinkBlock())], blank=True, verbose_name="menu principal"
    )
    footer_links = StreamField(
        [("link", NavigationLinkBlock())],
        blank=True,
        verbose_name="liens du pied de page",
        help_text="Les pages légales : mentions légales, accessibilité, données personnelles…",
    )

    panels = [FieldPanel("main_menu"), FieldPanel("footer_links")]

    @cached_property
    def menu(self):
        return self._links(self.main_menu)

    @cached_property
    def footer(self):
        return self._links(self.footer_links)

    @staticmethod
    def _links(stream):
        # Plain values, pages loaded: a cached copy renders without a query (a StreamValue is
        # pickled as its raw data). A page's children shown in menus (« Afficher dans les
        # menus », in its Promotion tab) make its sub-menu: « Nos missions » and its missions.
        links = []
        for link in stream:
            page = link.value["page"]
            if page is None:
                continue
            children = public(page.get_children().live().in_menu().specific())
            links.append(
                {"page": page.specific, "label": link.value["label"], "children": list(children)}
            )
        return links

    def prepare_for_cache(self):
        self.menu, self.footer  # noqa: B018

    class Meta:
        verbose_name = "navigation"
