"""Fiches actions and supported projects each have their own listing in the menu (all of them,
whatever their programme, with their status), and « Ajouter » asks under which programme."""

from wagtail import hooks
from wagtail.admin.viewsets.pages import PageListingViewSet

from .models import ActionPage, ProjectPage


class ActionListing(PageListingViewSet):
    model = ActionPage
    icon = "list-ul"
    menu_label = "Fiches actions"
    add_to_admin_menu = True
    menu_order = 240
    url_prefix = "fiches-actions"


class ProjectListing(PageListingViewSet):
    model = ProjectPage
    icon = "tasks"
    menu_label = "Projets soutenus"
    add_to_admin_menu = True
    menu_order = 241
    url_prefix = "projets-soutenus"


@hooks.register("register_admin_viewset")
def register_listings():
    return [ActionListing("action_listing"), ProjectListing("project_listing")]
