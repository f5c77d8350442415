"""Uploaded files are what their name says: pure logic, no database."""

import hashlib
import io
import zipfile

import pytest
from django.core.exceptions import ValidationError

from petr.library.files import FORMATS, check_file, fingerprint, format_label

from .helpers import PDF, make_pdf, office_file, pdf

ALL = set(FORMATS)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("acte.pdf", PDF),
        ("acte.PDF", b"\xef\xbb\xbf" + PDF),  # a little junk before the header is tolerated
        ("tableau.ods", office_file("ods")),
        ("note.docx", office_file("docx")),
        ("note.odt", office_file("odt")),
        ("budget.xlsx", office_file("xlsx")),
        ("communes.csv", "nom;population\nWoël;100\n".encode()),
    ],
)
def test_files_that_are_what_they_claim_pass(name, content):
    check_file(pdf(content, name), ALL, 1024 * 1024)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("acte.pdf", b"MZ\x90\x00", "n'est pas un PDF"),
        # Markup that carries a PDF header somewhere: an HTML page, an SVG image, a fake PDF.
        (
            "page.pdf",
            b"<html><body>%PDF-1.4 <script>alert(1)</script></body></html>",
            "n'est pas un PDF",
        ),
        (
            "image.pdf",
            b'<svg xmlns="http://www.w3.org/2000/svg"><!-- %PDF-1.4 -->'
            b"<script>alert(1)</script></svg>",
            "n'est pas un PDF",
        ),
        ("vide.pdf", b"%PDF-1.7\n%%EOF\n", "n'est pas un PDF"),
        ("html-then-pdf.pdf", b"<html>" + make_pdf(), "n'est pas un PDF"),
        ("note.docx", b"PK\x03\x04rest", "n'est pas un DOCX"),
        ("note.odt", office_file("docx"), "n'est pas un ODT"),
        ("note.docx", office_file("odt"), "n'est pas un DOCX"),
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


@pytest.fixture(scope="module")
def zip_bomb():
    """1 GiB of zeros in a DOCX of under 5 MB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(1024):
                member.write(bytes(2**20))
    return buffer.getvalue()


def test_a_zip_bomb_is_refused_without_being_unpacked(zip_bomb):
    assert len(zip_bomb) < 5 * 2**20
    with pytest.raises(ValidationError, match="se décompresserait en plus de 200 Mo"):
        check_file(pdf(zip_bomb, "rapport.docx"), ALL, 10 * 2**20)


def test_an_archive_of_too_many_entries_is_refused():
    many = office_file("docx", **{f"part{n}.xml": b"" for n in range(5001)})
    with pytest.raises(ValidationError, match="5000 éléments"):
        check_file(pdf(many, "rapport.docx"), ALL, 10 * 2**20)


def test_only_the_allowed_formats_are_accepted():
    with pytest.raises(ValidationError, match="déposez un fichier PDF"):
        check_file(pdf(b"PK\x03\x04", "note.odt"), {"pdf"}, 1024)


def test_fingerprint_and_labels():
    upload = pdf(PDF * 3)
    assert fingerprint(upload) == (hashlib.sha256(PDF * 3).hexdigest(), len(PDF) * 3)
    assert upload.read() == PDF * 3  # left at the start for the storage to save it
    assert format_label("dossier/rapport.XLSX") == "XLSX" and format_label("plan.dwg") == "DWG"
