"""Public media (images and their renditions) read from object storage and answered at
MEDIA_URL, when they are not on this server's disk (petr/web/storage.py); nginx keeps what it
answers. As nginx does for the files on disk: library documents are never served by path (only
by their checked view, /documents/<id>/<name>), and nothing is run or shown as a page."""

import mimetypes
import posixpath

from django.core.exceptions import SuspiciousOperation
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404

CHECKED = "documents/"
AS_TEXT = (".htm", ".html", ".svg", ".xml", ".js")
WEEK = 7 * 24 * 3600


def serve_media(request, name):
    if posixpath.normpath(name) != name or name.startswith(("/", "../", CHECKED)):
        raise Http404
    try:
        stream = default_storage.open(name, "rb")
    except (FileNotFoundError, SuspiciousOperation) as exc:
        raise Http404 from exc
    kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
    if name.lower().endswith(AS_TEXT):
        kind = "text/plain"
    response = FileResponse(stream, content_type=kind)
    response["Cache-Control"] = f"public, max-age={WEEK}"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = (
        "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"
    )
    return response
