"""The admin's image form (WAGTAILIMAGES_IMAGE_FORM_BASE): an informative image needs its
alternative text; a decorative one says so and gets `alt=""` knowingly."""

from wagtail.images.forms import BaseImageForm

MISSING_ALT = (
    "Décrivez ce que l'image apporte, pour qui ne la voit pas, ou cochez « Image décorative »."
)


class ImageForm(BaseImageForm):
    def clean(self):
        cleaned = super().clean()
        described = (cleaned.get("description") or "").strip()
        if "description" in self.fields and not described and not cleaned.get("is_decorative"):
            self.add_error("description", MISSING_ALT)
        return cleaned
