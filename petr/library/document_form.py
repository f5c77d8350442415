"""The admin form of Wagtail's own document library (« Documents »): a file is checked to be
what its name says, as the pages' files are (petr/library/files.py), and a file chosen before
an error on another field is kept, as the pages' are (petr/library/forms.py)."""

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm

from petr.library.files import check_file
from petr.library.forms import KeepsUpload, KeptFileInput


class CheckedDocumentForm(KeepsUpload, BaseDocumentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            self.fields["file"].widget = KeptFileInput()
            self.take_kept()

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if isinstance(file, UploadedFile):  # a new upload, not the stored file
            check_file(file, set(settings.WAGTAILDOCS_EXTENSIONS),
                       settings.WAGTAILDOCS_MAX_UPLOAD_SIZE)  # fmt: skip
        return file
