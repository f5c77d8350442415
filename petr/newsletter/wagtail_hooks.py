from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from petr.core.admin.permissions import LimitedPolicy
from petr.newsletter.admin_views import send_view
from petr.newsletter.models import Delivery, Mailing, NewsletterPage, Subscriber
from petr.web.spreadsheets import FormulaSafeExportMixin

register_permission_policy(Subscriber, LimitedPolicy(Subscriber, {"view", "delete"}))
register_permission_policy(Mailing, LimitedPolicy(Mailing, {"view"}))
register_permission_policy(Delivery, LimitedPolicy(Delivery, {"view"}))


class SubscriberIndexView(FormulaSafeExportMixin, IndexView):
    pass


class SubscriberViewSet(ModelViewSet):
    """Subscribers: read, exported and erased (a person's right), never edited by staff: each
    subscriber changes their own choices with their link."""

    model = Subscriber
    index_view_class = SubscriberIndexView
    icon = "user"
    menu_label = "Abonnés"
    name = "subscribers"
    url_prefix = "abonnes"
    form_fields = []
    list_display = ["email", "status", "topics_label", "frequency", "created_at"]
    list_filter = ["frequency", "newsletter", "news", "agenda", "acts"]
    search_fields = ["email"]
    list_export = ["email", "status", "topics_label", "get_frequency_display", "created_at",
                   "confirmed_at", "failed_at", "failure"]  # fmt: skip
    export_headings = {"get_frequency_display": "Rythme des alertes"}
    export_filename = "abonnes"
    inspect_view_enabled = True
    inspect_view_fields = ["email", "status", "topics_label", "frequency", "created_at",
                           "confirmed_at", "failed_at", "failure"]  # fmt: skip


class MailingViewSet(ModelViewSet):
    model = Mailing
    icon = "mail"
    menu_label = "Envois"
    name = "mailings"
    url_prefix = "envois"
    form_fields = []
    list_display = ["subject", "kind", "send_after", "progress", "finished_at"]
    list_filter = ["kind"]
    inspect_view_enabled = True
    inspect_view_fields = ["kind", "subject", "created_by", "send_after", "progress",
                           "finished_at"]  # fmt: skip


class DeliveryViewSet(ModelViewSet):
    """Each recipient's outcome: the failures, with the mail server's words, for staff."""

    model = Delivery
    icon = "warning"
    menu_label = "Échecs d'envoi"
    name = "deliveries"
    url_prefix = "echecs-envoi"
    form_fields = []
    list_display = ["subscriber", "mailing", "status", "attempts", "error"]
    list_filter = ["status", "mailing__kind"]
    search_fields = ["subscriber__email", "error"]

    def get_queryset(self, request):
        return Delivery.objects.exclude(status__in=["envoye", "rien"]).select_related(
            "subscriber", "mailing"
        )


class NewsletterGroup(ViewSetGroup):
    menu_label = "Lettre et alertes"
    menu_icon = "mail"
    menu_order = 265
    items = [SubscriberViewSet, MailingViewSet, DeliveryViewSet]


@hooks.register("register_admin_viewset")
def register_newsletter():
    return NewsletterGroup()


@hooks.register("register_admin_urls")
def newsletter_urls():
    return [path("lettre/<int:page_id>/envoi/", send_view, name="newsletter_send")]


class SendButton(PageMenuItem):
    label = "Envoyer aux abonnés"
    icon_name = "mail"

    @property
    def url(self):
        return reverse("newsletter_send", args=[self.page.pk])

    def is_shown(self, user):
        return self.page.permissions_for_user(user).can_publish()


@hooks.register("register_page_header_buttons")
@hooks.register("register_page_listing_more_buttons")
def send_button(page, user, view_name=None, next_url=None):
    if page.specific_class is NewsletterPage:
        yield SendButton(page=page, priority=5)
