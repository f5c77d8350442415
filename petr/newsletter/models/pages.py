"""The newsletter's pages: the sign-up page, the archive of letters and each letter (composed in
blocks, previewed as a web page and as an e-mail, sent from its « Envoi » screen)."""

from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from petr.contact.models import ContactSettings
from petr.core.blocks import body_stream
from petr.core.models import BasePage
from petr.newsletter.blocks import newsletter_stream
from petr.newsletter.emails import letter_html
from petr.newsletter.forms import SubscribeForm
from petr.web.clients import client_ip
from petr.web.shared_lookups import public


class SubscriptionPage(BasePage):
    """« Suivre l'actualité par courriel »: topics, rhythm, address; confirmed by e-mail."""

    body = StreamField(body_stream(), blank=True, verbose_name="contenu")
    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    SENT = "envoye"

    class Meta:
        verbose_name = "page d'abonnement"

    def serve(self, request, *args, **kwargs):
        return self.form_response(request)

    def form_response(self, request, prefill=None):
        """The form; posted (not from the footer, whose `prefill` only fills the address in),
        the sign-up is recorded and the visitor told to look in their mailbox."""
        bound = request.method == "POST" and prefill is None
        form = SubscribeForm(
            request.POST if bound else None,
            initial={"email": prefill[:254], "newsletter": True} if prefill else None,
            client=client_ip(request),
        )
        if bound:
            if form.is_robot:
                return redirect(f"{self.url}?{self.SENT}=1")  # tell robots nothing
            with form.one_at_a_time():
                if form.is_valid():
                    form.save()
                    return redirect(f"{self.url}?{self.SENT}=1#confirmation")
            form.refresh_token()
        context = self.get_context(request)
        context["form"] = form
        context["sent"] = request.GET.get(self.SENT) == "1" and request.method == "GET"
        privacy_page = ContactSettings.load(request_or_site=request).privacy_page
        context["privacy_page"] = privacy_page if privacy_page and privacy_page.live else None
        context["archive"] = public(NewsletterIndexPage.objects.live()).first()
        response = TemplateResponse(request, "newsletter/subscription_page.html", context)
        if form.errors:
            response.status_code = 400
        return response


class NewsletterIndexPage(BasePage):
    """« Lettres d'information »: every letter sent, the latest first."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["newsletter.NewsletterPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "archive des lettres d'information"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["letters"] = (
            public(NewsletterPage.objects.live().child_of(self))
            .order_by("-first_published_at")
            .only("title", "intro", "url_path", "first_published_at")
        )
        return context


class NewsletterPage(BasePage):
    """One letter: its web page is the archived copy of the e-mail subscribers receive."""

    body = StreamField(newsletter_stream(), verbose_name="contenu")
    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    parent_page_types = ["newsletter.NewsletterIndexPage"]
    subpage_types = []
    preview_modes = [("", "Page web"), ("courriel", "Courriel")]

    class Meta:
        verbose_name = "lettre d'information"
        verbose_name_plural = "lettres d'information"

    def serve_preview(self, request, mode_name):
        if mode_name != "courriel":
            return super().serve_preview(request, mode_name)
        response = HttpResponse(letter_html(self, key=None))
        return response
