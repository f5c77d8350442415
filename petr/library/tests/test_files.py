"""Uploaded files are what their name says: pure logic, no database."""

import hashlib

import pytest
from django.core.exceptions import ValidationError

from petr.library.files import FORMATS, check_file, fingerprint, format_label

from .helpers import PDF, pdf

ALL = set(FORMATS)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("acte.pdf", PDF),
        ("acte.PDF", b"\xef\xbb\xbf" + PDF),  # a little junk before the header is tolerated
        ("tableau.ods", b"PK\x03\x04rest"),
        ("note.docx", b"PK\x03\x04rest"),
        ("communes.csv", "nom;population\nWoël;100\n".encode()),
    ],
)
def test_files_that_are_what_they_claim_pass(name, content):
    check_file(pdf(content, name), ALL, 1024 * 1024)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("acte.pdf", b"MZ\x90\x00", "n'est pas un PDF"),
        ("note.docx", PDF, "n'est pas un DOCX"),
        ("communes.csv", b"\x00\x01binary", "n'est pas un CSV"),
        ("virus.exe", b"MZ", "Format non accepté"),
        ("sans-extension", PDF, "Format non accepté"),
        ("gros.pdf", PDF + b"0" * 2048, "dépasse"),
    ],
)
def test_files_that_lie_are_refused_in_french(name, content, message):
    with pytest.raises(ValidationError, match=message):
        check_file(pdf(content, name), ALL, 1024)


def test_only_the_allowed_formats_are_accepted():
    with pytest.raises(ValidationError, match="déposez un fichier PDF"):
        check_file(pdf(b"PK\x03\x04", "note.odt"), {"pdf"}, 1024)


def test_fingerprint_and_labels():
    upload = pdf(PDF * 3)
    assert fingerprint(upload) == (hashlib.sha256(PDF * 3).hexdigest(), len(PDF) * 3)
    assert upload.read() == PDF * 3  # left at the start for the storage to save it
    assert format_label("dossier/rapport.XLSX") == "XLSX" and format_label("plan.dwg") == "DWG"
