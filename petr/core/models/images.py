from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CustomImage(AbstractImage):
    """The project's image model, so alt text and credits live with the image from day one."""

    alt_text = models.CharField(
        "texte alternatif",
        max_length=255,
        blank=True,
        help_text="Décrit l'image pour qui ne la voit pas. Laisser vide si elle est décorative.",
    )
    credit = models.CharField("crédit", max_length=255, blank=True)

    admin_form_fields = (*Image.admin_form_fields, "alt_text", "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = "image"
        verbose_name_plural = "images"


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
