"""WordPress attachments: images into the media library (alternative text kept), PDF and office
files into the documents, with the same checks as an upload in the admin."""

from io import BytesIO
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.text import Truncator
from willow.image import Image as WillowImage

from petr.core.models import CustomImage
from petr.library.files import FORMATS, extension
from petr.library.models import DocumentIndexPage, DocumentPage

from .addresses import ImageRef
from .models import ImportedItem
from .sources import WordPressError

MAX_PIXELS = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", 128_000_000)  # Wagtail's default


# An image's extension and the format Willow finds in its bytes (an HTML page named .jpg reads as
# SVG; an SVG may carry scripts).
IMAGE_FORMATS = {"jpg": "jpeg", "jpeg": "jpeg", "png": "png", "gif": "gif", "webp": "webp"}


NO_ALT = "Image sans texte alternatif : à décrire dans la médiathèque, ou à y dire décorative."


class Refused(Exception):
    """A file that is not imported; the message says why, in French."""


def kind_of(item):
    if item.kind != "attachment":
        return item.kind
    return "image" if item.is_image else "document"


def image_ref(image):
    return ImageRef(image.id, image.alt, image.file.url)


def file_name(item):
    return unquote(PurePosixPath(urlsplit(item.file_url).path).name) or f"fichier-{item.wp_id}"


def save(importer, item, record):
    """Create or update the item's image or document; returns its record."""
    name = file_name(item)
    is_image = item.is_image
    allowed = settings.WAGTAILIMAGES_EXTENSIONS if is_image else FORMATS
    if extension(name) not in allowed:
        raise Refused(f"format « {extension(name) or '?'} » non repris ({name})")
    limit = settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE if is_image else DocumentPage.max_file_bytes
    try:
        data = importer.files.get(item.file_url, limit)
    except WordPressError as error:
        raise Refused(str(error)) from error
    if is_image:
        image = _save_image(item, name, data, record)
        if not image.description:
            importer.report.warn(item.file_url, NO_ALT)
        written = {"title": image.title, "alt": image.description}
        fields = {"image": image, "written": written, "revision_id": None}
    else:
        page, revision = _save_document(importer, item, name, data, record)
        fields = {"page": page, "revision_id": revision.id}
    record = record or ImportedItem(source=importer.source, wp_id=item.wp_id)
    record.kind = "image" if is_image else "document"
    record.old_url = item.file_url
    record.fingerprint = item.fingerprint()
    for field, value in fields.items():
        setattr(record, field, value)
    record.save()
    return record


def _title(item, name):
    return Truncator(" ".join(item.title.split()) or name).chars(255)


def _save_image(item, name, data, record):
    try:
        opened = WillowImage.open(BytesIO(data))
        width, height = opened.get_size()
    except Exception as error:  # noqa: BLE001 — Willow raises what each image library raises
        raise Refused(f"{name} n'est pas une image lisible") from error
    if opened.format_name != IMAGE_FORMATS.get(extension(name)):
        raise Refused(f"{name} n'est pas l'image que son nom annonce ({opened.format_name})")
    if width * height > MAX_PIXELS:
        raise Refused(f"{name} dépasse {MAX_PIXELS // 1_000_000} millions de pixels")
    image = record.image if record and record.image_id else CustomImage()
    image.title = _title(item, name)
    image.description = Truncator(" ".join(item.alt.split())).chars(255)
    image.file = ImageFile(BytesIO(data), name=name)
    image._set_image_file_metadata()
    image.save()
    return image


def _save_document(importer, item, name, data, record):
    if record and record.page_id:
        page = record.page.specific
    else:
        index = DocumentIndexPage.objects.descendant_of(importer.site.root_page).first()
        if index is None:
            raise Refused("le site n'a pas de page « Documents » où le ranger")
        page = DocumentPage(doc_type=DocumentPage.Type.AUTRE, slug=importer.free_slug(index, item))
        page.live = False
    page.title = _title(item, name)
    page.intro = item.caption
    page.year = item.date.year if item.date else timezone.localdate().year
    page.file = ContentFile(data, name=name)
    try:
        if not page.pk:
            index.add_child(instance=page)
        revision = page.save_revision()
        revision.publish()
    except ValidationError as error:
        raise Refused(" ".join(error.messages)) from error
    return page, revision
