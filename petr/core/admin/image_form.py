"""The admin's image form (WAGTAILIMAGES_IMAGE_FORM_BASE): an informative image needs its
alternative text; a decorative one says so and gets `alt=""` knowingly. In the upload window,
where Wagtail offers no focal point tool, the zone to keep when the image is cropped is chosen
from a 3 × 3 grid (the image's own page keeps Wagtail's finer tool)."""

from django import forms
from wagtail.images.forms import BaseImageForm

MISSING_ALT = (
    "Décrivez ce que l'image apporte, pour qui ne la voit pas, ou cochez « Image décorative »."
)
ROWS = (("haut", "En haut"), ("milieu", "Au milieu"), ("bas", "En bas"))
COLUMNS = (("gauche", "à gauche"), ("centre", "au centre"), ("droite", "à droite"))
ZONES = {
    f"{row}-{column}": ("Au centre" if r == c == 1 else f"{row_label} {column_label}", r, c)
    for r, (row, row_label) in enumerate(ROWS)
    for c, (column, column_label) in enumerate(COLUMNS)
}


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "focal_point_x" not in self.fields:  # the upload window's form
            self.fields["focal_zone"] = forms.ChoiceField(
                label="Zone à garder quand l'image est recadrée",
                help_text="Les vignettes et les images de partage la garderont visible. "
                "Sans choix, le centre de l'image.",
                choices=[(key, label) for key, (label, _r, _c) in ZONES.items()],
                required=False,
                widget=forms.RadioSelect(attrs={"class": "petr-focal-zones"}),
            )

    def clean(self):
        cleaned = super().clean()
        described = (cleaned.get("description") or "").strip()
        if "description" in self.fields and not described and not cleaned.get("is_decorative"):
            self.add_error("description", MISSING_ALT)
        return cleaned

    def save(self, commit=True):
        zone = ZONES.get(self.cleaned_data.get("focal_zone") or "")
        if zone and self.instance.width and self.instance.height:
            _label, row, column = zone
            width, height = self.instance.width // 3, self.instance.height // 3
            self.instance.focal_point_x = width * column + width // 2
            self.instance.focal_point_y = height * row + height // 2
            self.instance.focal_point_width, self.instance.focal_point_height = width, height
        return super().save(commit=commit)
