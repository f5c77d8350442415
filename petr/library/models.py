"""The library: documents, and the register of acts.

Registre des actes: the PETR's deliberations, orders, decisions and minutes, published
electronically (ordonnance 2021-1310, décret 2021-1311).

Each act is a page, so it has a permanent URL, revisions, workflows and scheduled publishing.
Its PDF is checked to be one, fingerprinted (SHA-256, shown to the public) and kept out of the
public media: it is served only through the live act's page. Once an act is online its file can
never change; a correction is a new act that points to the one it corrects."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.db import models
from django.http import FileResponse, Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from petr.core.listing import render_listing
from petr.core.models import BasePage

from .files import FORMATS, check_file, fingerprint, format_label

MAX_PDF_BYTES = 20 * 1024 * 1024
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
PER_PAGE = 20


def private_storage():
    return storages["private"]


@register_snippet
class Meeting(models.Model):
    """A meeting of one of the PETR's bodies, whose deliberations are listed together."""

    body = models.CharField(
        "instance",
        max_length=100,
        default="Conseil syndical",
        help_text="Conseil syndical, bureau…",
    )
    date = models.DateField("date de la séance")

    class Meta:
        ordering = ["-date", "body"]
        verbose_name = "séance"
        verbose_name_plural = "séances"

    def __str__(self):
        return f"{self.body} du {date_format(self.date, 'j F Y')}"


class ActIndexPage(RoutablePageMixin, BasePage):
    """« Registre des actes »: every act online, by year, kind and meeting, with an RSS feed."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["library.ActPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "registre des actes"

    def acts(self):
        return (
            ActPage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("meeting")
            .order_by("-decision_date", "-number", "-pk")
        )

    @path("")
    def listing(self, request):
        from .forms import ActFilterForm

        form = ActFilterForm(request.GET or None)
        template = "library/act_index_page.html"
        return render_listing(self, request, template, self.acts(), PER_PAGE, form)

    @path("seances/<int:pk>/", name="meeting")
    def meeting(self, request, pk):
        meeting = Meeting.objects.filter(pk=pk).first()
        acts = self.acts().filter(meeting=meeting) if meeting else None
        if not acts:
            raise Http404("Séance inconnue ou sans acte publié.")
        context = self.get_context(request)
        context.update(meeting=meeting, acts=acts)
        return TemplateResponse(request, "library/meeting.html", context)

    @path("flux/rss/", name="rss")
    def rss(self, request):
        from .feeds import ActRssFeed

        return ActRssFeed(self)(request)


class ActPage(RoutablePageMixin, BasePage):
    class Kind(models.TextChoices):
        DELIBERATION = "deliberation", "Délibération"
        ARRETE = "arrete", "Arrêté"
        DECISION = "decision", "Décision"
        PROCES_VERBAL = "proces-verbal", "Procès-verbal"
        LISTE = "liste-deliberations", "Liste des délibérations"

    kind = models.CharField("nature de l'acte", max_length=30, choices=Kind.choices)
    number = models.CharField("numéro", max_length=50)
    decision_date = models.DateField("date de la décision")
    meeting = models.ForeignKey(
        Meeting,
        verbose_name="séance",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="acts",
    )
    author_name = models.CharField("signataire : nom", max_length=150)
    author_title = models.CharField(
        "signataire : qualité", max_length=150, help_text="Par exemple « Président du PETR »."
    )
    file = models.FileField(
        "acte (PDF)",
        storage=private_storage,
        upload_to="actes/%Y/",
        help_text="Le PDF signé, 20 Mo au plus. Une fois l'acte en ligne, il ne peut plus être "
        "remplacé : publiez un acte rectificatif.",
    )
    sha256 = models.CharField("empreinte SHA-256", max_length=64, editable=False)
    file_size = models.PositiveIntegerField("taille (octets)", default=0, editable=False)
    put_online_at = models.DateTimeField("mis en ligne le", null=True, editable=False)
    corrects = models.ForeignKey(
        "self",
        verbose_name="rectifie l'acte",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="corrections",
    )

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("number"),
        index.SearchField("author_name"),
        index.FilterField("kind"),
    ]
    content_panels = [
        FieldPanel("title", heading="Objet de l'acte"),
        FieldPanel("intro", heading="Résumé (facultatif)"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("number")]),
                FieldRowPanel([FieldPanel("decision_date"), FieldPanel("meeting")]),
                FieldRowPanel([FieldPanel("author_name"), FieldPanel("author_title")]),
            ],
            heading="Identification",
        ),
        FieldPanel("file"),
        FieldPanel("corrects"),
    ]
    search_kind = ("actes", "Registre des actes")
    parent_page_types = ["library.ActIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "acte"
        verbose_name_plural = "actes"

    @path("fichier/", name="file")
    def download(self, request):
        response = FileResponse(
            self.file.open("rb"),
            content_type="application/pdf",
            filename=f"{self.kind}-{self.number}.pdf".replace("/", "-"),
        )
        response["Content-Disposition"] = response["Content-Disposition"].replace(
            "attachment", "inline"
        )
        return response

    def clean(self):
        super().clean()
        stored = self._stored()
        if stored and stored.put_online_at and self.file.name != stored.file.name:
            raise ValidationError(
                {
                    "file": "Cet acte est en ligne depuis le "
                    f"{date_format(stored.put_online_at, 'j F Y')} : son fichier ne peut pas "
                    "être remplacé. Publiez un acte rectificatif qui renvoie à celui-ci."
                }
            )
        if self.file and not self.file._committed:
            try:
                check_file(self.file, {"pdf"}, MAX_PDF_BYTES)
            except ValidationError as error:
                raise ValidationError({"file": error.messages}) from error
        if self.corrects_id and self.corrects_id == self.pk:
            raise ValidationError({"corrects": "Un acte ne peut pas se rectifier lui-même."})

    def save(self, *args, **kwargs):
        stored = self._stored()
        if stored and stored.put_online_at:
            # Whatever a form or an old revision says: an online act keeps its file and date.
            if self.file.name != stored.file.name:
                raise ValidationError("Le fichier d'un acte en ligne ne peut pas être remplacé.")
            self.sha256, self.file_size = stored.sha256, stored.file_size
            self.put_online_at = stored.put_online_at
        elif self.file and (not self.file._committed or not self.sha256):
            self.sha256, self.file_size = fingerprint(self.file)
        super().save(*args, **kwargs)

    def _stored(self):
        if not self.pk:
            return None
        return (
            ActPage.objects.filter(pk=self.pk)
            .only("file", "sha256", "file_size", "put_online_at")
            .first()
        )


class DocumentIndexPage(RoutablePageMixin, BasePage):
    """« Documents »: the PETR's contracts, studies, reports and minutes, with filters."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["library.DocumentPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "bibliothèque de documents"

    def documents(self):
        return (
            DocumentPage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("mission")
            .order_by("-year", "title", "pk")
        )

    @path("")
    def listing(self, request):
        from .forms import DocumentFilterForm

        form = DocumentFilterForm(request.GET or None)
        template = "library/document_index_page.html"
        return render_listing(self, request, template, self.documents(), PER_PAGE, form)


class DocumentPage(RoutablePageMixin, BasePage):
    """One document. Its file is kept out of the public media and served only while the page
    is live: a draft, unpublished or expired document is not reachable by any URL."""

    class Type(models.TextChoices):
        CONTRAT = "contrat", "Contrat"
        ETUDE = "etude", "Étude"
        RAPPORT = "rapport", "Rapport"
        COMPTE_RENDU = "compte-rendu", "Compte rendu"
        PLAQUETTE = "plaquette", "Plaquette"
        AUTRE = "autre", "Autre document"

    doc_type = models.CharField("type", max_length=20, choices=Type.choices)
    year = models.PositiveSmallIntegerField("année")
    mission = models.ForeignKey(
        "missions.MissionPage",
        verbose_name="mission concernée",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    file = models.FileField(
        "fichier",
        storage=private_storage,
        upload_to="documents/%Y/",
        help_text="PDF, ODT, ODS, DOCX, XLSX ou CSV, 50 Mo au plus.",
    )
    file_size = models.PositiveIntegerField("taille (octets)", default=0, editable=False)

    search_fields = [*BasePage.search_fields, index.FilterField("doc_type")]
    content_panels = [
        FieldPanel("title"),
        FieldPanel("intro", heading="Description"),
        FieldRowPanel([FieldPanel("doc_type"), FieldPanel("year")]),
        FieldPanel("mission"),
        FieldPanel("file"),
    ]
    search_kind = ("documents", "Documents")
    parent_page_types = ["library.DocumentIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "document"
        verbose_name_plural = "documents"

    @property
    def format_label(self):
        return format_label(self.file.name)

    @path("fichier/", name="file")
    def download(self, request):
        name = Path(self.file.name).name
        return FileResponse(self.file.open("rb"), as_attachment=True, filename=name)

    def clean(self):
        super().clean()
        if self.file and not self.file._committed:
            try:
                check_file(self.file, set(FORMATS), MAX_DOCUMENT_BYTES)
            except ValidationError as error:
                raise ValidationError({"file": error.messages}) from error
        if self.year and not 1950 <= self.year <= timezone.localdate().year + 1:
            raise ValidationError({"year": "Indiquez l'année du document, sur quatre chiffres."})

    def save(self, *args, **kwargs):
        if self.file and not self.file._committed:
            self.file_size = self.file.size
        super().save(*args, **kwargs)
