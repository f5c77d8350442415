"""The admin form of Wagtail's own document library (« Documents »): a file is checked to be
what its name says, as the pages' files are (petr/library/files.py)."""

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm

from petr.library.files import check_file


class CheckedDocumentForm(BaseDocumentForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        if isinstance(file, UploadedFile):  # a new upload, not the stored file
            check_file(file, set(settings.WAGTAILDOCS_EXTENSIONS),
                       settings.WAGTAILDOCS_MAX_UPLOAD_SIZE)  # fmt: skip
        return file
