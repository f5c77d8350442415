"""The contact page: the site's contact details (from « Identité et coordonnées », hidden while
empty) and the contact form."""

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, get_page_models

from petr.contact.forms import ContactForm
from petr.contact.models.records import ContactSettings
from petr.core.blocks import body_stream
from petr.core.models import BasePage
from petr.core.parts import page_parts
from petr.web.clients import client_ip
from petr.web.shared_lookups import in_served_site


class ContactPage(BasePage):
    """Contact details from the « Identité et coordonnées » setting (hidden while empty) and the
    contact form, whose messages are stored, then notified by e-mail."""

    body = StreamField(body_stream(), blank=True, verbose_name="contenu")
    SENT = "envoye"

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    is_contact_page = True  # the accessibility declaration links here

    class Meta:
        verbose_name = "page contact"

    def serve(self, request, *args, **kwargs):
        subjects = in_served_site(Page.objects.live()).type(
            *[m for m in get_page_models() if getattr(m, "is_contact_subject", False)]
        )
        form = ContactForm(
            request.POST if request.method == "POST" else None,
            subjects=[page.title for page in subjects.order_by("path")],
            client=client_ip(request),
        )
        if request.method == "POST":
            if form.is_robot:
                return redirect(f"{self.url}?{self.SENT}=1")  # tell robots nothing
            with form.one_at_a_time():  # the hourly limit holds for simultaneous posts
                if form.is_valid():
                    form.save()
                    return redirect(f"{self.url}?{self.SENT}=1#confirmation")
            form.refresh_token()
        context = self.get_context(request, *args, **kwargs)
        context["form"] = form
        context["parts"] = page_parts("contact", self)  # the office on the map (territory)
        context["sent"] = request.GET.get(self.SENT) == "1" and request.method == "GET"
        privacy_page = ContactSettings.load(request_or_site=request).privacy_page
        context["privacy_page"] = privacy_page if privacy_page and privacy_page.live else None
        response = TemplateResponse(request, self.get_template(request), context)
        if form.errors:
            response.status_code = 400
        return response
