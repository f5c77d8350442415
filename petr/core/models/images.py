from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CustomImage(AbstractImage):
    """The project's image model: one alternative text (Wagtail's description, used everywhere the
    image appears, rich text included), required unless staff say the image is decorative."""

    description = models.CharField(
        "texte alternatif",
        max_length=255,
        blank=True,
        default="",
        help_text="Ce que l'image apporte, pour qui ne la voit pas (lu par les lecteurs d'écran, "
        "affiché si l'image ne charge pas). Par exemple « Le conseil syndical réuni à "
        "Vigneulles ». Obligatoire, sauf pour une image décorative.",
    )
    # Not `decorative`: Wagtail keeps an attribute of that name for its own ImageBlock.
    is_decorative = models.BooleanField(
        "image décorative",
        default=False,
        help_text="Elle n'apporte aucune information : les lecteurs d'écran l'ignoreront.",
    )
    credit = models.CharField("crédit", max_length=255, blank=True)

    admin_form_fields = (*Image.admin_form_fields, "is_decorative", "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = "image"
        verbose_name_plural = "images"

    @property
    def alt(self):
        """The `alt` attribute: empty, knowingly, for a decorative image."""
        return "" if self.is_decorative else self.description

    @property
    def default_alt_text(self):
        return self.alt  # what Wagtail proposes when the image is inserted in rich text


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
