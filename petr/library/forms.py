"""The admin form of pages with a private file (documents, acts). The current file is named with
a link to where the public gets it (the live page's `fichier/`), not to private storage, which
has no address. An act's file is shown read-only once the act is online: it can no longer be
replaced (a corrective act is published instead).

A file chosen in a form that is sent back for another field's error is kept (KeepsUpload, for
these pages and for the library's documents, document_form.py): it waits in a temporary
directory, the form carries a signed reference to it, the form says so, and it is used when the
form is sent again without a new file. Nobody picks the same 40 MB file twice."""

import mimetypes
import shutil
import tempfile
import time
import uuid
from pathlib import Path

from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms import ClearableFileInput

from petr.core.admin.page_form import PageForm

PENDING = Path(tempfile.gettempdir()) / "petr-pending-uploads"
KEPT_FIELD = "file_kept"
KEPT_SECONDS = 24 * 3600
signer = signing.TimestampSigner(salt="petr.library.kept-upload")


def forget_abandoned():
    """Copies whose form was never sent again are deleted once their reference has expired."""
    for folder in PENDING.glob("*/"):
        if folder.stat().st_mtime < time.time() - KEPT_SECONDS:
            shutil.rmtree(folder, ignore_errors=True)


def keep(upload):
    """Put an upload aside; returns the signed reference the form carries."""
    if PENDING.is_dir():
        forget_abandoned()
    folder = PENDING / uuid.uuid4().hex
    folder.mkdir(parents=True)
    path = folder / Path(upload.name).name
    with path.open("wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return signer.sign(str(path))


def kept(reference):
    """The upload put aside under `reference`, or None (forged, older than a day, or gone)."""
    try:
        path = Path(signer.unsign(reference, max_age=KEPT_SECONDS))
    except signing.BadSignature:
        return None
    if path.parent.parent != PENDING or not path.is_file():
        return None
    content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return path, SimpleUploadedFile(path.name, path.read_bytes(), content_type)


class KeptFileInput(ClearableFileInput):
    """A file input that says when the file chosen before an error is kept."""

    template_name = "library/widgets/kept_file_input.html"
    kept = None  # (signed reference, file name), set by KeepsUpload

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if self.kept:
            context["widget"]["attrs"].pop("required", None)  # the kept file will do
        context["widget"].update(
            kept=self.kept, kept_field=KEPT_FIELD,
            file_name=value.name.rsplit("/", 1)[-1] if value else "",
        )  # fmt: skip
        return context


class PrivateFileInput(KeptFileInput):
    template_name = "library/widgets/private_file_input.html"
    page = None  # set by the form: the page whose file this is

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        page = self.page
        live = bool(page and page.pk and page.live and value)
        context["widget"].update(
            public_url=f"{page.url}fichier/" if live and page.url else "",
            locked_since=getattr(page, "put_online_at", None) if page else None,
        )
        return context


class KeepsUpload:
    """A form whose `file` field keeps its upload across an error on another field. Call
    `take_kept()` at the end of `__init__`, once the field has its widget."""

    kept_path = None

    def take_kept(self):
        field = self.fields.get("file")
        if field and not field.disabled and self.is_bound and not self.files.get("file"):
            found = kept(self.data.get(KEPT_FIELD, ""))
            if found:
                self.kept_path, upload = found
                self.files = self.files.copy()
                self.files["file"] = upload

    def full_clean(self):
        super().full_clean()
        upload = self.files.get("file") if self.is_bound else None
        field = self.fields.get("file")
        if self.errors and upload and field and not field.disabled and "file" not in self.errors:
            reference = keep(upload) if self.kept_path is None else self.data[KEPT_FIELD]
            field.widget.kept = (reference, Path(upload.name).name)

    def save(self, *args, **kwargs):
        saved = super().save(*args, **kwargs)
        if self.kept_path:
            self.kept_path.unlink(missing_ok=True)
            self.kept_path.parent.rmdir()
        return saved


class PrivateFilePageForm(KeepsUpload, PageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is None:
            return
        field.widget = PrivateFileInput()
        field.widget.page = self.instance
        if getattr(self.instance, "put_online_at", None):
            field.disabled = True  # the posted value is ignored: the act keeps its file
            field.required = False
        self.take_kept()
