"""What documents and acts share: an uploaded file checked to be what its name says, kept in
private storage, and served only by the live page's `fichier/` address."""

import mimetypes

from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from petr.library.files import check_file, format_label
from petr.library.forms import PrivateFilePageForm
from petr.web.sendfile import serve_field_file
from petr.web.wagtail_internals import is_new_upload


def private_storage():
    return storages["private"]


class PrivateFileMixin(RoutablePageMixin):
    """For a page with a `file` field in private storage. Wagtail serves a page's routes only
    while it is live: a draft, unpublished or expired page has no file address."""

    base_form_class = PrivateFilePageForm  # names the current file with its public address
    file_formats = {"pdf"}  # extensions accepted
    max_file_bytes = 20 * 1024 * 1024
    file_inline = False  # shown in the browser (acts) rather than downloaded (documents)

    @property
    def format_label(self):
        return format_label(self.file.name)

    def schema_org(self, request):
        """schema.org: the published file (core's structured_data tags)."""
        data = {
            "@type": "DigitalDocument",
            "name": self.title,
            "url": request.build_absolute_uri(f"{self.url}fichier/"),
            "encodingFormat": mimetypes.guess_type(self.file.name)[0] or "application/pdf",
        }
        if self.first_published_at:
            data["datePublished"] = self.first_published_at.date().isoformat()
        return data

    def download_name(self):
        return self.file.name.rsplit("/", 1)[-1]

    @path("fichier/", name="file")
    def download(self, request):
        return serve_field_file(
            self.file, as_attachment=not self.file_inline, filename=self.download_name()
        )

    def check_new_file(self):
        """Refuse an upload that is not what its name says (on a new file only)."""
        if self.file and is_new_upload(self.file):
            try:
                check_file(self.file, self.file_formats, self.max_file_bytes)
            except ValidationError as error:
                raise ValidationError({"file": error.messages}) from error
