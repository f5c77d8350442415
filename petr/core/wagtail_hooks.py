from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.text import capfirst
from wagtail import hooks

from petr.core.rich_text import CachedPageLinkHandler


@hooks.register("construct_help_menu")
def keep_help_on_the_site(request, menu_items):
    # Wagtail's « what's new » and editor's guide are English pages on wagtail.org.
    menu_items[:] = [
        item
        for item in menu_items
        if item.name != "editor-guide" and not item.name.startswith("whats-new")
    ]


@hooks.register("register_rich_text_features", order=100)  # after Wagtail's own, to replace it
def page_links_from_the_cache(features):
    features.register_link_type(CachedPageLinkHandler)


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register("insert_global_admin_js")
def admin_js():
    return format_html('<script src="{}" defer></script>', static("js/admin.js"))


@hooks.register("construct_page_action_menu")
def publish_is_the_main_button(menu_items, request, context):
    # Wagtail hides « Publier » in the menu beside « Enregistrer le brouillon »: for staff who may
    # publish, it becomes the button itself. Others keep the draft first, then « Soumettre ».
    names = [item.name for item in menu_items]
    if "action-publish" in names:
        menu_items.insert(0, menu_items.pop(names.index("action-publish")))


@hooks.register("construct_main_menu")
def name_the_file_library_for_what_it_is(request, menu_items):
    # Wagtail's « Documents » would be mistaken for the public « Documents » page.
    for item in menu_items:
        if item.name == "documents":
            item.label = "Fichiers liés"


def label_the_sites_columns():
    # Wagtail names these two columns after their attributes, in English ("Site name").
    from wagtail.models import Site
    from wagtail.sites.views import IndexView as SiteIndexView

    for column in SiteIndexView.columns:
        if column.name in ("site_name", "root_page"):
            column.label = capfirst(Site._meta.get_field(column.name).verbose_name)


label_the_sites_columns()
