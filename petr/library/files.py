"""Uploaded files of the library: checked to be what their name says, measured, fingerprinted."""

import hashlib
import zipfile
from pathlib import Path

from django.core.exceptions import ValidationError
from pypdf import PdfReader
from pypdf.errors import PyPdfError

# Extension: label shown to the public.
FORMATS = {"pdf": "PDF", "odt": "ODT", "ods": "ODS", "docx": "DOCX", "xlsx": "XLSX", "csv": "CSV"}


def extension(name):
    return Path(name).suffix.lower().lstrip(".")


def format_label(name):
    return FORMATS.get(extension(name), extension(name).upper())


# An office file is a ZIP archive: bounded in what it would unpack to, whatever it weighs.
MAX_ENTRIES = 5000
MAX_UNPACKED_BYTES = 200 * 2**20
# What makes each archive the document it claims to be: OOXML's content types; OpenDocument's
# `mimetype` member, stored first.
OFFICE_MARKERS = {
    "docx": ("[Content_Types].xml", None),
    "xlsx": ("[Content_Types].xml", None),
    "odt": ("mimetype", b"application/vnd.oasis.opendocument.text"),
    "ods": ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
}


class TooLarge(Exception):
    pass


def _is_pdf(file):
    """Parsed, not sniffed: a PDF header (after at most a little junk, never markup) and a
    document pypdf can open, with at least one page (or encrypted, so unreadable to us)."""
    head = file.read(1024)
    file.seek(0)
    start = head.find(b"%PDF-")
    if start < 0 or b"<" in head[:start]:
        return False
    try:
        reader = PdfReader(file, strict=False)
        return reader.is_encrypted or len(reader.pages) > 0
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return False


def _is_office(file, ext):
    """A ZIP archive holding its format's marker, whose entries would not unpack beyond the
    bounds (a « zip bomb » is refused without being unpacked)."""
    try:
        with zipfile.ZipFile(file) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ENTRIES or sum(e.file_size for e in entries) > MAX_UNPACKED_BYTES:
                raise TooLarge
            member, expected = OFFICE_MARKERS[ext]
            if member not in archive.namelist():
                return False
            return expected is None or archive.read(member)[:100].strip() == expected
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError):
        return False


def check_file(file, allowed, max_bytes):
    """Refuse a file over the size limit, of another type, or whose content is not its type."""
    ext = extension(file.name)
    if ext not in allowed:
        names = ", ".join(FORMATS[e] for e in allowed)
        raise ValidationError(f"Format non accepté : déposez un fichier {names}.")
    if file.size > max_bytes:
        raise ValidationError(f"Le fichier dépasse {max_bytes // (1024 * 1024)} Mo.")
    file.seek(0)
    try:
        if ext == "pdf":
            valid = _is_pdf(file)
        elif ext in OFFICE_MARKERS:
            valid = _is_office(file, ext)
        else:
            valid = b"\x00" not in file.read(1024)
    except TooLarge as exc:
        raise ValidationError(
            f"Ce fichier {FORMATS[ext]} se décompresserait en plus de "
            f"{MAX_UNPACKED_BYTES // 2**20} Mo ou en plus de {MAX_ENTRIES} éléments : "
            "il est refusé par précaution."
        ) from exc
    finally:
        file.seek(0)
    if not valid:
        raise ValidationError(
            f"Ce fichier n'est pas un {FORMATS[ext]}, quel que soit son nom : "
            "vérifiez le fichier déposé."
        )


def fingerprint(file):
    digest = hashlib.sha256()
    file.seek(0)
    for chunk in iter(lambda: file.read(1024 * 1024), b""):
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest(), file.size
