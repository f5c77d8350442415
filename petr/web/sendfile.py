"""Files the portal checks before it lets them out (Wagtail's library documents, the private files
of acts, documents and declarations): the view decides, then nginx sends.

Behind the recipe's nginx (`X_ACCEL_REDIRECT`, on in production) the answer is an empty response
naming the file under an `internal` location (`/internal/media/`, `/internal/private/`), which
nginx alone may follow; anywhere else the file is streamed by Django. nginx never serves
`/media/documents/` by path (deploy/nginx/petr.conf), so a restricted collection's file is
reachable only through its checked view."""

import hashlib
import mimetypes
import os
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.http import FileResponse, HttpResponse
from django.utils.http import content_disposition_header
from wagtail.utils import sendfile_streaming_backend

INTERNAL = {"MEDIA_ROOT": "/internal/media/", "PRIVATE_MEDIA_ROOT": "/internal/private/"}


def internal_location(filename):
    """The internal address nginx serves `filename` from, or None outside the known roots."""
    path = Path(filename).resolve()
    for setting, prefix in INTERNAL.items():
        root = Path(getattr(settings, setting)).resolve()
        if path.is_relative_to(root):
            return prefix + quote(path.relative_to(root).as_posix())
    return None


def _accel(filename, mimetype):
    location = settings.X_ACCEL_REDIRECT and internal_location(filename)
    if not location:
        return None
    response = HttpResponse(content_type=mimetype)
    response["X-Accel-Redirect"] = location
    # The body is empty: the ETag names the file, not the (empty) answer.
    stat = os.stat(filename)
    tag = hashlib.sha256(f"{location}:{stat.st_size}:{stat.st_mtime_ns}".encode()).hexdigest()
    response["ETag"] = f'"{tag[:32]}"'
    return response


def sendfile(request, filename, mimetype=None, **kwargs):
    """Wagtail's SENDFILE_BACKEND (documents of the library, `/documents/…`)."""
    return _accel(filename, mimetype) or sendfile_streaming_backend.sendfile(
        request, filename, **kwargs
    )


def _local_path(field_file):
    try:
        return field_file.path
    except NotImplementedError:  # object storage (web/storage.py): streamed by the view
        return None


def serve_field_file(field_file, *, as_attachment, filename):
    """A stored file (private storage) as a download or shown inline."""
    path = _local_path(field_file)
    response = _accel(path, None) if path else None
    if response is None:
        return FileResponse(field_file.open("rb"), as_attachment=as_attachment, filename=filename)
    response["Content-Type"] = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    response["Content-Disposition"] = content_disposition_header(as_attachment, filename)
    return response
