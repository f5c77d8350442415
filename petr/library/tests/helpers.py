import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from petr.library.models import ActIndexPage, ActPage, DocumentIndexPage, DocumentPage, Meeting

PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def pdf(content=PDF, name="deliberation.pdf"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def meeting(date=datetime.date(2026, 12, 8)):
    return Meeting.objects.get_or_create(body="Conseil syndical", date=date)[0]


def publish_act(title="Adoption du budget primitif 2027", publish=True, **fields):
    index = ActIndexPage.objects.get()
    number = fields.pop("number", f"2026-{ActPage.objects.count() + 1:03d}")
    act = ActPage(
        title=title,
        slug=f"acte-{number}",
        kind=fields.pop("kind", ActPage.Kind.DELIBERATION),
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
    index = DocumentIndexPage.objects.get()
    page = DocumentPage(
        title=title,
        slug=fields.pop("slug", f"document-{DocumentPage.objects.count() + 1}"),
        intro=fields.pop("intro", "Le contrat signé avec l'ARS."),
        doc_type=fields.pop("doc_type", DocumentPage.Type.CONTRAT),
        year=fields.pop("year", 2024),
        file=fields.pop("file", None) or pdf(PDF * 3000, "contrat-local-de-sante.pdf"),
        live=False,
        **fields,
    )
    page.full_clean(exclude=["path", "depth"])
    index.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    page.refresh_from_db()
    return page
