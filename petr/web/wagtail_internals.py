"""Every private Wagtail, Django or django-csp API the portal relies on, behind one fence. Each
wrapper has a test (web/tests/test_wagtail_internals.py) that fails loudly when an upgrade
changes what it wraps: fix it here, once."""


def base_content_type(model):
    """The content type Wagtail's reference index files `model`'s objects under (a page type:
    `wagtailcore.Page`)."""
    from wagtail.models import ReferenceIndex

    return ReferenceIndex._get_base_content_type(model)


def find_site(request):
    """Wagtail's own site lookup for a request, without the copy it keeps on the request."""
    from wagtail.models import Site

    return Site._find_for_request(request)


def remember_site(request, site):
    """`Site.find_for_request(request)` answers `site` from now on, without a query."""
    request._wagtail_site = site


def is_new_upload(field_file):
    """A file just uploaded in a form, not yet written to storage."""
    return not field_file._committed


def allow_framing_by_the_site(response):
    """django-csp's per-response replacement: this response may be framed by the site itself."""
    response._csp_replace = {"frame-ancestors": ["'self'"]}


def wrap_chooser_render(wrapper):
    """Replace Wagtail's chooser widgets' `render` by `wrapper(render)`."""
    from wagtail.admin.widgets.chooser import BaseChooser

    BaseChooser.render = wrapper(BaseChooser.render)


def french_header_titles():
    """Wagtail joins an admin view's title and subtitle with « : » in code (« Création:
    Actualité »); French puts a space before the colon."""
    from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

    def get_header_title(self):
        title, subtitle = self.get_page_title(), self.get_page_subtitle()
        return f"{title}\u00a0: {subtitle}" if subtitle else title

    WagtailAdminTemplateMixin.get_header_title = get_header_title
