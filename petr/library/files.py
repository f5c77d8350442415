"""Uploaded files of the library: checked to be what their name says, measured, fingerprinted."""

import hashlib
from pathlib import Path

from django.core.exceptions import ValidationError

ZIP = b"PK\x03\x04"  # Office Open XML and OpenDocument files are ZIP archives
# Extension: (signature at the start of the file, or None for text; label shown to the public).
FORMATS = {
    "pdf": (b"%PDF-", "PDF"),
    "odt": (ZIP, "ODT"),
    "ods": (ZIP, "ODS"),
    "docx": (ZIP, "DOCX"),
    "xlsx": (ZIP, "XLSX"),
    "csv": (None, "CSV"),
}


def extension(name):
    return Path(name).suffix.lower().lstrip(".")


def format_label(name):
    return FORMATS.get(extension(name), (None, extension(name).upper()))[1]


def check_file(file, allowed, max_bytes):
    """Refuse a file over the size limit, of another type, or whose content is not its type."""
    ext = extension(file.name)
    if ext not in allowed:
        names = ", ".join(FORMATS[e][1] for e in allowed)
        raise ValidationError(f"Format non accepté : déposez un fichier {names}.")
    if file.size > max_bytes:
        raise ValidationError(f"Le fichier dépasse {max_bytes // (1024 * 1024)} Mo.")
    signature = FORMATS[ext][0]
    file.seek(0)
    head = file.read(1024)
    file.seek(0)
    if signature == b"%PDF-":
        valid = signature in head  # readers accept a little junk before the header
    elif signature:
        valid = head.startswith(signature)
    else:
        valid = b"\x00" not in head
    if not valid:
        raise ValidationError(
            f"Ce fichier n'est pas un {FORMATS[ext][1]}, quel que soit son nom : "
            "vérifiez le fichier déposé."
        )


def fingerprint(file):
    digest = hashlib.sha256()
    file.seek(0)
    for chunk in iter(lambda: file.read(1024 * 1024), b""):
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest(), file.size
