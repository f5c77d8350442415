"""The admin's dashboard says what to do: a button per everyday task the user may do, and what
waits for them (messages received this week, scheduled publications)."""

from datetime import timedelta

from django.db.models import IntegerField
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Page, Revision

from petr.contact.models import ContactSubmission
from petr.events.models import EventIndexPage, EventPage
from petr.library.models import ActIndexPage, ActPage, DocumentIndexPage, DocumentPage
from petr.news.models import NewsIndexPage, NewsPage

# (label, page type, where it goes): each shortcut opens the form of a new page.
SHORTCUTS = [
    ("Nouvelle actualité", NewsPage, NewsIndexPage),
    ("Nouvel événement", EventPage, EventIndexPage),
    ("Nouvel acte", ActPage, ActIndexPage),
    ("Nouveau document", DocumentPage, DocumentIndexPage),
]


def shortcuts(user):
    links = []
    for label, model, index_model in SHORTCUTS:
        index = index_model.objects.first()
        if index and index.permissions_for_user(user).can_add_subpage():
            meta = model._meta
            url = reverse(
                "wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, index.pk]
            )
            links.append((label, url))
    return links


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
        return {
            "shortcuts": shortcuts(user),
            "scheduled": [p for p in pages if p.permissions_for_user(user).can_edit()],
            "messages": ContactSubmission.objects.filter(created_at__gte=week_ago).count()
            if can_read
            else None,
        }
