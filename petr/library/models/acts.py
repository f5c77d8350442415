"""Registre des actes: the PETR's deliberations, orders, decisions and minutes, published
electronically (ordonnance 2021-1310, décret 2021-1311).

Each act is a page, so it has a permanent URL, revisions, workflows and scheduled publishing.
Its PDF is checked to be one, fingerprinted (SHA-256, shown to the public) and kept out of the
public media: it is served only through the live act's page. Once an act is online its file can
never change; a correction is a new act that points to the one it corrects."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.formats import date_format
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, TitleFieldPanel
from wagtail.search import index

from petr.core.admin.page_form import TakenAddressPanel
from petr.core.models import BasePage
from petr.library import actes
from petr.library.files import fingerprint
from petr.web.wagtail_internals import is_new_upload

from .private_file import PrivateFileMixin, private_storage


class Body(models.Model):
    """One of the PETR's bodies whose séances are listed (conseil syndical, bureau…): data staff
    keep, seeded from the starter pack, chosen from a list when a séance is created."""

    name = models.CharField("nom", max_length=100, unique=True)
    order = models.PositiveSmallIntegerField("ordre dans la liste", default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "instance"
        verbose_name_plural = "instances"

    def __str__(self):
        return self.name


class MeetingManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().select_related("body")  # named by every séance's title


class Meeting(models.Model):
    """A meeting of one of the PETR's bodies, whose deliberations are listed together."""

    body = models.ForeignKey(
        Body, verbose_name="instance", on_delete=models.PROTECT, related_name="meetings"
    )
    date = models.DateField("date de la séance")

    objects = MeetingManager()

    class Meta:
        ordering = ["-date", "body__order", "body__name"]
        verbose_name = "séance"
        verbose_name_plural = "séances"

    def __str__(self):
        return f"{self.body} du {date_format(self.date, 'j F Y')}"


class ActPage(PrivateFileMixin, BasePage):
    shown_on = ("/donnees/deliberations.csv",)  # the national file (exports.py)

    class Kind(models.TextChoices):
        DELIBERATION = "deliberation", "Délibération"
        ARRETE = "arrete", "Arrêté"
        DECISION = "decision", "Décision"
        PROCES_VERBAL = "proces-verbal", "Procès-verbal"
        LISTE = "liste-deliberations", "Liste des délibérations"

    kind = models.CharField("nature de l'acte", max_length=30, choices=Kind.choices)
    number = models.CharField("numéro", max_length=50)
    matter = models.CharField(
        "matière (nomenclature ACTES)",
        max_length=5,
        choices=actes.CHOICES,
        blank=True,
        help_text="Celle sous laquelle l'acte est transmis au contrôle de légalité. Requise pour "
        "une délibération : elle la classe dans le fichier national des délibérations.",
    )
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
        TakenAddressPanel(),
        TitleFieldPanel("title", heading="Objet de l'acte"),
        FieldPanel("intro", heading="Résumé (facultatif)"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("number")]),
                FieldPanel("matter"),
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
    file_inline = True  # read in the browser, as the law publishes it

    class Meta:
        app_label = "library"
        verbose_name = "acte"
        verbose_name_plural = "actes"

    def download_name(self):
        return f"{self.kind}-{self.number}.pdf".replace("/", "-")

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
        self.check_new_file()
        if self.kind == self.Kind.DELIBERATION and not self.matter:
            raise ValidationError(
                {"matter": "Indiquez la matière d'une délibération : le fichier national des "
                 "délibérations la demande."}
            )  # fmt: skip
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
        elif self.file and (is_new_upload(self.file) or not self.sha256):
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
