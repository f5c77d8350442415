"""The Content-Security-Policy of a page that carries schema.org data: each JSON-LD block's
SHA-256, which the template tags recorded on the request, is allowed by `script-src`, beside the
site's own scripts, so that no inline script is ever allowed by a looser rule. django-csp reads
`_csp_update`; this middleware sits inside it (after it in MIDDLEWARE)."""


class ScriptHashesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        hashes = getattr(request, "csp_script_hashes", ())
        if hashes:
            allowed = [f"'sha256-{digest}'" for digest in dict.fromkeys(hashes)]
            response._csp_update = {"script-src": ["'self'", *allowed]}
        return response
