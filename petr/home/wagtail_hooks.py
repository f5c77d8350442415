from django.urls import path, reverse
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .dashboard import TasksPanel
from .first_run import first_run


@hooks.register("construct_homepage_panels")
def add_tasks_panel(request, panels):
    panels.insert(0, TasksPanel())


@hooks.register("register_admin_urls")
def guide_url():
    view = TemplateView.as_view(template_name="home/admin/guide.html")
    return [
        path("guide/", view, name="petr_guide"),
        path("premier-site/", first_run, name="petr_first_run"),
    ]


@hooks.register("register_help_menu_item")
def guide_menu_item():
    return MenuItem("Guide de la rédaction", reverse("petr_guide"), icon_name="help", order=100)
