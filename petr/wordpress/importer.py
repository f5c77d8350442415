"""The import itself, in four passes: files (images and documents), then a page for each published
post and page (so that every old address has its new page), then their bodies (links rewritten to
those pages), then the redirects. Each item is written in its own transaction with its record
(models.ImportedItem): an import stopped half-way resumes where it stopped, without duplicates."""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import Truncator, slugify

from petr.core.models import ContentPage
from petr.news.models import NewsIndexPage, NewsPage

from . import attachments
from .addresses import AddressMap, old_urls
from .content import SHORTCODE, convert, first_free
from .models import ImportedItem
from .redirects import redirect_old_addresses
from .report import Progress, Report
from .sources import WordPressError, text_of

TITLE_MAX = 255
SLUG_MAX = 200
LEAD_MAX = 300


class Importer:
    def __init__(self, export, *, site, files=None, missions=None, dry_run=False, stream=None):
        self.export, self.site, self.files = export, site, files
        self.missions = missions or {}  # category slug -> MissionPage
        self.dry_run, self.stream = dry_run, stream
        self.source = export.base_url
        self.addresses = AddressMap(export.base_url)
        records = ImportedItem.objects.filter(source=self.source).select_related("page", "image")
        self.records = {record.wp_id: record for record in records}
        self.report = Report()
        for note in export.notes:
            self.report.warn(export.base_url, note)

    def run(self):
        files = self.export.of_kind("attachment")
        pages = _parents_first(self.export.of_kind("page"))
        writings = [*pages, *self.export.of_kind("post")]
        for item in writings:
            if item.status != "publish":
                self.report.count(item.kind, "skipped")
        writings = [item for item in writings if item.status == "publish"]
        self.news_index = NewsIndexPage.objects.descendant_of(self.site.root_page).first()
        if self.news_index is None and any(item.kind == "post" for item in writings):
            raise WordPressError("Le site n'a pas de page « Actualités » où ranger les articles.")
        if self.dry_run:
            for item in [*files, *writings]:
                self.report.count(attachments.kind_of(item), self.outcome(item))
            return self.report
        self.each("Fichiers", files, self.attachment)
        self.each("Pages", writings, self.place)
        self.each("Contenus", writings, self.fill)
        redirect_old_addresses(self)
        return self.report

    def each(self, label, items, action):
        progress = Progress(label, len(items), self.stream)
        for item in items:
            action(item)
            progress.step()

    def outcome(self, item, record=None):
        """What importing the item would do: the same question in a dry run and a real one."""
        record = record or self.records.get(item.wp_id)
        if self.deleted(record):
            return "kept"
        if record is None or record.revision_id is None and not record.written:
            return "created"  # or placed by a run that stopped before filling it
        if record.fingerprint == item.fingerprint():
            return "unchanged"
        if self.edited_since(record):
            return "kept"
        return "updated"

    def edited_since(self, record):
        if record.page_id:
            return record.page.latest_revision_id != record.revision_id
        if record.image_id:
            image = record.image
            return {"title": image.title, "alt": image.description} != record.written
        return True  # deleted by staff

    @staticmethod
    def deleted(record):
        return record is not None and not (record.page_id or record.image_id)

    # Pass 1: files.
    def attachment(self, item):
        record = self.records.get(item.wp_id)
        outcome = self.outcome(item, record)
        kind = attachments.kind_of(item)
        if outcome in ("created", "updated"):
            try:
                with transaction.atomic():
                    record = attachments.save(self, item, record)
            except attachments.Refused as refusal:
                self.report.warn(item.file_url, f"Fichier non importé : {refusal}")
                self.failed(item, kind)
                return
            self.records[item.wp_id] = record
        self.report.count(kind, outcome)
        self.remember(item, record)

    def failed(self, item, kind):
        """Counted, and listed in the table of addresses with no new one."""
        self.report.count(kind, "failed")
        self.report.addresses += [(url, "", kind) for url in old_urls(item, self.source)]

    def remember(self, item, record):
        urls = old_urls(item, self.source)
        if self.deleted(record):
            return
        if record.image_id:
            self.addresses.add_image(item, attachments.image_ref(record.image), urls)
        else:
            self.addresses.add_page(urls, record.page_id)

    # Pass 2: a page for each post and page, so that links can point to any of them.
    def place(self, item):
        record = self.records.get(item.wp_id)
        if self.deleted(record):
            return
        if record is None:
            with transaction.atomic():
                page = self.new_page(item)
                record = ImportedItem.objects.create(
                    source=self.source, wp_id=item.wp_id, kind=item.kind, old_url=item.link,
                    page=page, fingerprint="",
                )  # fmt: skip
            self.records[item.wp_id] = record
        self.addresses.add_page(old_urls(item, self.source), record.page_id)

    def new_page(self, item):
        if item.kind == "post":
            parent = self.news_index
            page = NewsPage(date=item.date.date() if item.date else None)
            page.intro = self.lead(item, None)
        else:
            parent_record = self.records.get(item.parent)
            parent = parent_record.page.specific if parent_record else self.site.root_page
            page = ContentPage()
        page.title = self.title(item)
        page.slug = self.free_slug(parent, item)
        page.live, page.has_unpublished_changes = False, True
        return parent.add_child(instance=page)

    def title(self, item):
        title = " ".join(item.title.split())
        if not title:
            self.report.warn(item.link, "Sans titre : « Sans titre » lui est donné.")
            return "Sans titre"
        if len(title) > TITLE_MAX:
            self.report.warn(item.link, f"Titre de {len(title)} caractères raccourci à 255.")
            return Truncator(title).chars(TITLE_MAX)
        return title

    def free_slug(self, parent, item):
        wanted = slugify(item.slug.replace("%", " ")) or slugify(item.title) or "sans-titre"
        wanted = wanted[:SLUG_MAX].strip("-")
        slug = first_free(wanted, set(parent.get_children().values_list("slug", flat=True)))
        if slug != wanted:
            self.report.warn(
                item.link, f"Adresse « {wanted} » déjà prise : « {slug} » lui est donnée."
            )
        return slug

    def lead(self, item, conversion):
        """A news item's « chapeau »: its excerpt, else the start of its text."""
        text = text_of(SHORTCODE.sub("", item.excerpt))
        if not text and conversion is not None:
            text = conversion.text()
        if not text:
            text = text_of(SHORTCODE.sub("", item.content)) or self.title(item)
        text = re.sub(r"\s*\[(…|&hellip;|\.\.\.)\]\s*$", "…", " ".join(text.split()))
        return Truncator(text).chars(LEAD_MAX)

    # Pass 3: bodies, links rewritten through the address map; one revision, published.
    def fill(self, item):
        record = self.records[item.wp_id]
        outcome = self.outcome(item, record)
        if outcome in ("unchanged", "kept"):
            self.report.count(item.kind, outcome)
            return
        page = record.page.specific
        conversion = convert(item.content, self.addresses)
        for message in conversion.warnings:
            self.report.warn(item.link, message)
        page.title = self.title(item)
        page.body = conversion.blocks
        if item.kind == "post":
            self.fill_news(page, item, conversion)
        elif text_of(item.excerpt):
            page.intro = self.lead(item, conversion)
        if item.date and not page.first_published_at:
            page.first_published_at = item.date
        try:
            with transaction.atomic():
                revision = page.save_revision(log_action=True)
                revision.publish()
                record.fingerprint, record.revision_id = item.fingerprint(), revision.id
                record.save()
        except ValidationError as error:
            self.report.warn(item.link, f"Non publié : {' '.join(error.messages)}")
            self.failed(item, item.kind)
            return
        self.report.count(item.kind, outcome)

    def fill_news(self, page, item, conversion):
        page.intro = self.lead(item, conversion)
        if item.date:
            page.date = item.date.date()
        featured = self.addresses.image_by_wp_id(item.featured)
        page.image_id = featured.id if featured else None
        if item.featured and not featured:
            self.report.warn(item.link, "Image mise en avant introuvable.")
        missions = [self.missions[c] for c in item.categories if c in self.missions]
        page.mission = missions[0] if missions else None


def _parents_first(pages):
    """Pages in an order where each comes after its parent (a parent missing from the export
    makes its children top-level pages)."""
    ids = {page.wp_id for page in pages}
    by_parent = {}
    for page in sorted(pages, key=lambda p: (p.order, p.wp_id)):
        by_parent.setdefault(page.parent if page.parent in ids else 0, []).append(page)
    ordered, queue = [], list(by_parent.get(0, []))
    while queue:
        page = queue.pop(0)
        ordered.append(page)
        queue.extend(by_parent.get(page.wp_id, []))
    placed = {page.wp_id for page in ordered}
    return ordered + [page for page in pages if page.wp_id not in placed]  # a loop of parents
