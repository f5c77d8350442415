"""The page a project holder declares on, under the LEADER mission: the form, the receipt at an
address only the holder knows (with its PDF), and the check of a receipt by anyone holding one."""

import hmac

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField

from petr.contact.models import ContactSettings
from petr.core.blocks import body_stream
from petr.core.models import BasePage, SiteIdentity
from petr.core.parts import page_parts
from petr.web.clients import client_ip
from petr.web.shared_lookups import public

from ..forms import DeclarationForm
from ..notifications import announce
from ..receipt import LEGAL, euros, facts, receipt_pdf, received_at_text
from .records import Declaration, DeclarationSettings


class DeclarationPage(RoutablePageMixin, BasePage):
    body = StreamField(body_stream(), blank=True, verbose_name="avant le formulaire")

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    parent_page_types = ["missions.MissionPage"]
    subpage_types = []
    max_count_per_parent = 1
    # Five attachments of 10 MB at most, and the form (petr/web/limits.py).
    public_upload_bytes = 51 * 2**20

    class Meta:
        verbose_name = "déclaration d'intention LEADER"

    def actions(self):
        """The fiches actions of the mission's programmes, for the holder to choose from."""
        actions = public(apps.get_model("programmes", "ActionPage").objects.live())
        mission_path = self.path[: -self.steplen]
        return actions.filter(path__startswith=mission_path).order_by("path")

    @path("")
    def form(self, request):
        form = DeclarationForm(
            request.POST if request.method == "POST" else None,
            request.FILES if request.method == "POST" else None,
            actions=self.actions(),
            client=client_ip(request),
        )
        if request.method == "POST":
            if form.is_robot:
                raise PermissionDenied  # tell robots nothing
            with form.one_at_a_time():  # the hourly limit holds for simultaneous posts
                if form.is_valid():
                    declaration, created = form.save_declaration()
                    if created:
                        announce(declaration)
                    return redirect(self.receipt_url(declaration))
            form.refresh_token()
        context = self.get_context(request)
        privacy = ContactSettings.load().privacy_page
        context.update(
            form=form, privacy_page=privacy if privacy and privacy.live else None,
            retention_years=DeclarationSettings.load().retention_years,
        )  # fmt: skip
        response = TemplateResponse(request, "declarations/declaration_page.html", context)
        if form.errors:
            response.status_code = 400
        return response

    def receipt_url(self, declaration):
        return f"{self.url}accuse/{declaration.receipt_token}/"

    def declaration_for(self, token):
        return get_object_or_404(Declaration.objects.prefetch_related("history"),
                                 receipt_token=token)  # fmt: skip

    @path("accuse/<str:token>/")
    def receipt(self, request, token):
        declaration = self.declaration_for(token)
        context = self.get_context(request)
        mission = self.get_parent().specific
        context.update(
            declaration=declaration, facts=facts(declaration), legal=LEGAL, mission=mission,
            contact_parts=page_parts("mission.contact", mission),  # its named contacts (people)
            subject_title=f"Accusé {declaration.number}",
        )  # fmt: skip
        response = TemplateResponse(request, "declarations/receipt.html", context)
        response["Cache-Control"] = "private, no-store"  # the holder's own, and its status moves
        response["X-Robots-Tag"] = "noindex"
        return response

    @path("accuse/<str:token>/pdf/")
    def receipt_file(self, request, token):
        declaration = self.declaration_for(token)
        issuer = SiteIdentity.for_request(request).name
        verify_url = request.build_absolute_uri(f"{self.url}verifier/")
        response = HttpResponse(receipt_pdf(declaration, issuer, verify_url),
                                content_type="application/pdf")  # fmt: skip
        response["Content-Disposition"] = f'attachment; filename="{declaration.number}.pdf"'
        response["Cache-Control"] = "private, no-store"
        return response

    @path("verifier/")
    def verify(self, request):
        """Number and fingerprint of a receipt: valid (with what it must say) or not."""
        number = request.GET.get("numero", "").strip().upper()[:20]
        given = request.GET.get("empreinte", "").strip().lower()[:64]
        checked = found = None
        if number or given:
            declaration = Declaration.objects.filter(number=number).first()
            checked = True
            if declaration and hmac.compare_digest(declaration.digest, given):
                found = declaration
        context = self.get_context(request)
        context.update(number=number, given=given, checked=checked, found=found,
                       subject_title="Vérifier un accusé de réception")  # fmt: skip
        if found:
            context.update(found_received_at=received_at_text(found),
                           found_aid=euros(found.received["projet"]["aide_leader"]))  # fmt: skip
        response = TemplateResponse(request, "declarations/verify.html", context)
        response["Cache-Control"] = "private, no-store"
        return response
