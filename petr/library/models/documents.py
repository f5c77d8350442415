"""One document of the library. Its file is kept out of the public media and served only while
the page is live: a draft, unpublished or expired document is not reachable by any URL."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, TitleFieldPanel
from wagtail.search import index

from petr.core.admin.page_form import TakenAddressPanel
from petr.core.models import BasePage
from petr.library.files import FORMATS
from petr.web.shared_lookups import public
from petr.web.wagtail_internals import is_new_upload

from .private_file import PrivateFileMixin, private_storage


class DocumentPage(PrivateFileMixin, BasePage):
    shown_on_pages_of = ("mission",)  # beside its mission (web/invalidation.py)
    page_parts = {"mission.aside": 3}  # the latest three, in its side column (core/parts.py)

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
        TakenAddressPanel(),
        TitleFieldPanel("title"),
        FieldPanel("intro", heading="Description"),
        FieldRowPanel([FieldPanel("doc_type"), FieldPanel("year")]),
        FieldPanel("mission"),
        FieldPanel("file"),
    ]
    search_kind = ("documents", "Documents")
    parent_page_types = ["library.DocumentIndexPage"]
    subpage_types = []
    file_formats = set(FORMATS)
    max_file_bytes = 50 * 1024 * 1024

    class Meta:
        app_label = "library"
        verbose_name = "document"
        verbose_name_plural = "documents"

    def clean(self):
        super().clean()
        self.check_new_file()
        if self.year and not 1950 <= self.year <= timezone.localdate().year + 1:
            raise ValidationError({"year": "Indiquez l'année du document, sur quatre chiffres."})

    def save(self, *args, **kwargs):
        if self.file and is_new_upload(self.file):
            self.file_size = self.file.size
        super().save(*args, **kwargs)

    @classmethod
    def page_part(cls, slot, mission):
        documents = public(cls.objects.live()).filter(mission=mission).order_by("-year", "-pk")
        documents = list(documents[:3])
        return (
            {"template": "library/mission_part.html", "documents": documents} if documents else None
        )
