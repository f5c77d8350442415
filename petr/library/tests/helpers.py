import datetime
import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from petr.library.models import (
    ActIndexPage,
    ActPage,
    Body,
    DocumentIndexPage,
    DocumentPage,
    Meeting,
)
from petr.library.tests.pdfs import make_pdf
from petr.web.shared_lookups import in_served_site

PDF = make_pdf()
DOCUMENT_PDF = make_pdf("Contrat local de santé", padding=240 * 1024)  # a document of 241 Ko


def office_file(extension="docx", **members):
    """A minimal document of that office format, as a ZIP with the format's marker."""
    markers = {"docx": ("[Content_Types].xml", b"<Types/>"), "xlsx": ("[Content_Types].xml",
               b"<Types/>"), "odt": ("mimetype", b"application/vnd.oasis.opendocument.text"),
               "ods": ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet")}  # fmt: skip
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(*markers[extension])
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def pdf(content=PDF, name="deliberation.pdf"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def meeting(date=datetime.date(2026, 12, 8)):
    body = Body.objects.get(name="Conseil syndical")  # seeded from the starter pack
    return Meeting.objects.get_or_create(body=body, date=date)[0]


def publish_act(title="Adoption du budget primitif 2027", publish=True, **fields):
    index = in_served_site(ActIndexPage.objects).get()
    number = fields.pop("number", f"2026-{ActPage.objects.count() + 1:03d}")
    act = ActPage(
        title=title,
        slug=f"acte-{number}",
        kind=fields.pop("kind", ActPage.Kind.DELIBERATION),
        matter=fields.pop("matter", "7.1"),  # décisions budgétaires
        number=number,
        decision_date=fields.pop("decision_date", datetime.date(2026, 12, 8)),
        author_name="Marie Dupont",
        author_title="Présidente du PETR",
        file=fields.pop("file", None) or pdf(),
        live=False,  # a draft until published, as the admin makes it
        **fields,
    )
    act.full_clean(exclude=["path", "depth"])
    index.add_child(instance=act)
    if publish:
        act.save_revision().publish()
    act.refresh_from_db()
    return act


def publish_document(title="Contrat local de santé 2024-2028", publish=True, **fields):
    index = in_served_site(DocumentIndexPage.objects).get()
    page = DocumentPage(
        title=title,
        slug=fields.pop("slug", f"document-{DocumentPage.objects.count() + 1}"),
        intro=fields.pop("intro", "Le contrat signé avec l'ARS."),
        doc_type=fields.pop("doc_type", DocumentPage.Type.CONTRAT),
        year=fields.pop("year", 2024),
        file=fields.pop("file", None) or pdf(DOCUMENT_PDF, "contrat-local-de-sante.pdf"),
        live=False,
        **fields,
    )
    page.full_clean(exclude=["path", "depth"])
    index.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    page.refresh_from_db()
    return page
