"""The admin's own Content-Security-Policy (the public site's is django-csp's, settings/base.py):
scripts from the site itself or carrying this response's nonce, never `eval`; no plugin, no
other host. Inline styles stay allowed: Wagtail's widgets set `style` attributes. Wagtail's
own inline scripts get the nonce where Wagtail writes them, never by rewriting the page: the two
panel templates that start with one are overridden (templates/wagtailadmin/panels/), and its
choosers' start-up script is given the request's nonce (`install()`)."""

import contextvars
import secrets

from django.utils.safestring import mark_safe

from petr.web.wagtail_internals import wrap_chooser_render

NONCE = contextvars.ContextVar("admin_csp_nonce", default=None)

POLICY = (
    "default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-src 'self'; "
    "frame-ancestors 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
)


class AdminContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith("/admin/"):
            return self.get_response(request)
        request.admin_csp_nonce = secrets.token_urlsafe(16)
        token = NONCE.set(request.admin_csp_nonce)
        try:
            response = self.get_response(request)
        finally:
            NONCE.reset(token)
        response.headers.setdefault(
            "Content-Security-Policy", POLICY.format(nonce=request.admin_csp_nonce)
        )
        return response


def install():
    """Wagtail's choosers end their HTML with `<script>{start-up}</script>`: that one tag gets
    the nonce of the request being answered."""

    def with_nonce(render):
        def render_with_nonce(self, *args, **kwargs):
            html = render(self, *args, **kwargs)
            nonce = NONCE.get()
            if not nonce:
                return html
            before, tag, script = html.rpartition("<script>")
            return mark_safe(f'{before}<script nonce="{nonce}">{script}')  # noqa: S308 (Wagtail's)

        return render_with_nonce

    wrap_chooser_render(with_nonce)
