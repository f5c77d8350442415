from django.urls import path, reverse
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .dashboard import TasksPanel
from .first_run import another_site, first_run


@hooks.register("construct_homepage_panels")
def add_tasks_panel(request, panels):
    panels.insert(0, TasksPanel())


@hooks.register("register_admin_urls")
def guide_url():
    view = TemplateView.as_view(template_name="home/admin/guide.html")
    return [
        path("guide/", view, name="petr_guide"),
        path("premier-site/", first_run, name="petr_first_run"),
        path("nouveau-site/", another_site, name="petr_another_site"),
    ]


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def another_site_menu_item():
    return SuperuserMenuItem(
        "Ajouter un site", reverse("petr_another_site"), icon_name="site", order=10000
    )


@hooks.register("register_help_menu_item")
def guide_menu_item():
    return MenuItem("Guide de la rédaction", reverse("petr_guide"), icon_name="help", order=100)
