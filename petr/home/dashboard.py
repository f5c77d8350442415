"""The admin's dashboard says what to do: what the site still lacks to go live (for those who
keep its settings), a button per everyday task the user may do, and what waits for them (their
drafts, images still without alternative text, messages received this week, scheduled
publications), and whether their account has its second factor."""

from datetime import timedelta

from django.db.models import IntegerField
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Page, Revision, Site

from petr.accounts.policy import second_factor_status
from petr.contact.models import ContactSubmission
from petr.core.golive import missing_facts
from petr.core.models import CustomImage
from petr.events.models import EventPage
from petr.home.new_site import is_empty
from petr.library.models import ActPage, DocumentPage
from petr.news.models import NewsPage
from petr.programmes.models import ActionPage, ProjectPage

# (label, page type, permission also needed, listing that asks for the parent when there are
# several): each shortcut opens the form of a new page.
PAGE_SHORTCUTS = [
    ("Nouvelle actualité", NewsPage, None, None),
    ("Nouvel événement", EventPage, None, None),
    ("Nouvel acte", ActPage, None, None),
    ("Nouveau document", DocumentPage, None, None),
    ("Nouvelle fiche action", ActionPage, None, "action_listing"),
    ("Nouveau projet soutenu", ProjectPage, "programmes.change_project_amounts", "project_listing"),
]
# (label, permission, url name): records kept outside the page tree.
RECORD_SHORTCUTS = [
    ("Nouveau lieu", "places.add_place", "wagtailsnippets_places_place:add"),
    ("Importer des lieux", "places.add_place", "places_import"),
]
DRAFTS_SHOWN = 10
IMAGES_SHOWN = 10
PARENT_BUTTONS = 3  # beyond, one button that asks where (a listing's « choose parent » view)


def page_shortcuts(user, label, model, permission, listing):
    """The button opening a new page's form; one per place it may go when there are a few
    (« Nouvelle fiche action : PTRTE »)."""
    if permission and not user.has_perm(permission):
        return []
    parents = [
        parent
        for parent in Page.objects.type(*model.allowed_parent_page_models()).order_by("path")
        if parent.permissions_for_user(user).can_add_subpage()
    ]
    if listing and len(parents) > PARENT_BUTTONS:  # no listing: a button per place, always
        return [(label, reverse(f"{listing}:choose_parent"))]
    meta = model._meta
    return [
        (label if len(parents) == 1 else f"{label} : {parent.title}",
         reverse("wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, parent.pk]))
        for parent in parents
    ]  # fmt: skip


def shortcuts(user):
    links = [link for shortcut in PAGE_SHORTCUTS for link in page_shortcuts(user, *shortcut)]
    links += [(label, reverse(url)) for label, permission, url in RECORD_SHORTCUTS
              if user.has_perm(permission)]  # fmt: skip
    return links


def drafts(user):
    """Pages this user created that were never published: an abandoned first try shows here,
    to finish or delete, rather than only as a slug « déjà utilisé »."""
    pages = Page.objects.filter(owner=user, live=False, first_published_at__isnull=True)
    pages = pages.select_related("content_type")
    return pages.order_by("-latest_revision_created_at")[:DRAFTS_SHOWN]


def images_without_alt(user):
    """Images with no alternative text that are not said decorative: an import brings them (the
    admin's form requires one). Screen readers read nothing else of an image."""
    if not user.has_perm("wagtailimages.change_image"):
        return None
    images = CustomImage.objects.filter(description="", is_decorative=False).order_by("-pk")
    return {"count": images.count(), "shown": images[:IMAGES_SHOWN]}


class TasksPanel(Component):
    name = "petr_tasks"
    order = 10  # first on the dashboard
    template_name = "home/admin/tasks_panel.html"

    def get_context_data(self, parent_context=None):
        user = parent_context["request"].user
        scheduled = Revision.objects.page_revisions().filter(approved_go_live_at__isnull=False)
        ids = scheduled.values(page_id=Cast("object_id", output_field=IntegerField()))
        pages = Page.objects.filter(pk__in=ids).order_by("draft_title")
        week_ago = timezone.now() - timedelta(days=7)
        can_read = user.has_perm("contact.view_contactsubmission")
        request = parent_context["request"]
        can_fix = user.has_perm("core.change_siteidentity")
        site = Site.find_for_request(request)
        return {
            "first_run": user.is_superuser and is_empty(),
            "missing_facts": missing_facts(site) if can_fix and site else [],
            "shortcuts": shortcuts(user),
            "drafts": drafts(user),
            "images_without_alt": images_without_alt(user),
            "second_factor": second_factor_status(user),
            "scheduled": [p for p in pages if p.permissions_for_user(user).can_edit()],
            "messages": ContactSubmission.objects.filter(created_at__gte=week_ago).count()
            if can_read
            else None,
        }
