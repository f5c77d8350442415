"""The LEADER team's pipeline: the declarations listed with filters, exported (CSV, formula-safe,
or Excel), read in full with their files, moved through the statuses with a comment (each change
recorded: who, when, from what to what), assigned, and turned into a supported project once
programmed. Only the LEADER role holds these permissions (accounts/roles.py)."""

from django import forms
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, HelpPanel, ObjectList
from wagtail.admin.views.generic.models import EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton
from wagtail.permissions import register_permission_policy

from petr.core.admin.permissions import LimitedPolicy
from petr.web.sendfile import serve_field_file
from petr.web.spreadsheets import FormulaSafeExportMixin

from .models import Declaration, DeclarationAttachment, Status, StatusChange
from .projects import create_project

register_permission_policy(Declaration, LimitedPolicy(Declaration, {"view", "change"}))


class FollowUpForm(WagtailAdminModelForm):
    """Only what the team decides is edited: the status, with a comment, and who follows it."""

    comment = forms.CharField(
        label="Commentaire", required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Gardé dans l'historique avec le changement d'état.",
    )  # fmt: skip

    class Meta:
        model = Declaration
        fields = ["status", "assigned_to"]

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.user = for_user
        self.before = self.instance.status

    def save(self, commit=True):
        declaration = super().save(commit)
        comment = self.cleaned_data.get("comment", "")
        if declaration.status != self.before or comment:
            StatusChange.objects.create(declaration=declaration, by=self.user, before=self.before,
                                        after=declaration.status, comment=comment)  # fmt: skip
        return declaration


class DeclarationIndexView(FormulaSafeExportMixin, IndexView):
    pass


class DeclarationEditView(EditView):
    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.object.status == Status.PROGRAMMED and self.object.project_id is None:
            url = reverse("declarations_create_project", args=[self.object.pk])
            buttons.append(HeaderButton("Créer le projet", url=url, icon_name="doc-full-inverse"))
        return buttons


class DeclarationViewSet(ModelViewSet):
    model = Declaration
    index_view_class = DeclarationIndexView
    edit_view_class = DeclarationEditView
    icon = "form"
    menu_label = "Déclarations d'intention"
    menu_order = 255
    add_to_admin_menu = True
    name = "declarations"
    url_prefix = "declarations"
    list_display = ["number", "created_at", "structure_name", "title", "status", "assigned_to"]
    list_filter = ["status", "action", "communes", "year", "assigned_to"]
    search_fields = ["number", "structure_name", "title", "contact_name", "email"]
    list_export = [
        "number", "created_at", "structure_name", "structure_kind", "siret", "contact_name",
        "email", "phone", "title", "total_cost", "leader_aid", "start_date", "status",
        "assigned_to", "digest",
    ]  # fmt: skip
    export_filename = "declarations-intention"
    edit_handler = ObjectList(
        [
            HelpPanel(template="declarations/admin/received.html"),
            FieldPanel("status"),
            FieldPanel("comment"),
            FieldPanel("assigned_to"),
        ],
        base_form_class=FollowUpForm,
    )


def create_project_view(request, pk):
    declaration = get_object_or_404(Declaration, pk=pk)
    if not request.user.has_perm("declarations.change_declaration"):
        return permission_denied(request)
    if request.method != "POST":
        return TemplateResponse(request, "declarations/admin/create_project.html",
                                {"declaration": declaration})  # fmt: skip
    if declaration.status != Status.PROGRAMMED or declaration.project_id:
        messages.error(request, "Seule une déclaration « programmé » sans projet peut devenir "
                                "un projet soutenu.")  # fmt: skip
        return redirect("declarations:edit", pk)
    project = create_project(declaration, request.user)
    messages.success(request, f"Le projet « {project.title} » est créé en brouillon : "
                              "complétez-le puis publiez-le.")  # fmt: skip
    return redirect("wagtailadmin_pages:edit", project.pk)


def attachment_view(request, pk):
    attachment = get_object_or_404(DeclarationAttachment, pk=pk)
    if not request.user.has_perm("declarations.view_declaration"):
        return permission_denied(request)
    return serve_field_file(attachment.file, as_attachment=True, filename=attachment.name)


@hooks.register("register_admin_viewset")
def register_declarations():
    return DeclarationViewSet()


@hooks.register("register_admin_urls")
def declaration_urls():
    return [
        path("declarations/<int:pk>/creer-projet/", create_project_view,
             name="declarations_create_project"),
        path("declarations/piece/<int:pk>/", attachment_view, name="declarations_attachment"),
    ]  # fmt: skip
