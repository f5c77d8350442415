"""The deployment recipe (deploy/) as production runs it: nginx with TLS from a local CA, in front
of gunicorn with the production settings on PostgreSQL and Redis. Checked through nginx: the
redirect to HTTPS, a page with its headers, compression and both caches, a static file, an
uploaded image and its rendition, a 50 MB document uploaded by an editor, private files, the
contact limit per real client behind the proxy, and how long a publication takes to show.

Usage: .ci/run_stack.py DATABASE_URL REDIS_URL (an empty database; the Redis one is flushed)."""

import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import urllib3

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "deploy"))
from local_stack import HOST, running_stack  # noqa: E402

EDITOR = ("redaction", "mot-de-passe-de-test-2026")
SETUP = """
from django.contrib.auth.models import Group
from petr.users.models import User
from petr.library.models import DocumentIndexPage
user = User.objects.create_user({name!r}, "redaction@petr.example", {password!r})
user.groups.add(Group.objects.get(name="Editors"))
print(DocumentIndexPage.objects.get().pk)
"""
RENDITION = """
from wagtail.images import get_image_model
print(get_image_model().objects.get(pk={pk}).get_rendition("fill-320x200").url)
"""
DOCUMENT_SIZE = """
from petr.library.models import DocumentPage
print(DocumentPage.objects.get(slug="rapport-annuel").get_latest_revision_as_object().file.size)
"""
PUBLISH = """
from petr.news.tests.helpers import publish_news
publish_news(1, title={title!r})
"""


def shell(stack, code):
    """Runs `code` in the site's own Django shell; returns the last line it printed."""
    result = stack.manage("shell", "--no-imports", "-c", code, capture_output=True, text=True)
    return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""


def check(condition, message):
    if not condition:
        raise SystemExit(f"ÉCHEC : {message}")
    print(f"ok  {message}")


class Browser:
    """A visitor's cookies (session and CSRF) over an HTTPS client of the stack."""

    def __init__(self, stack, source="127.0.0.1"):
        self.http, self.origin, self.cookies = stack.client(source), stack.site_url, {}

    def request(self, method, path, headers=None, **kwargs):
        headers = {
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
            "Referer": f"{self.origin}{path}",
            **(headers or {}),
        }
        response = self.http.request(method, path, headers=headers, redirect=False, **kwargs)
        for cookie in response.headers.getlist("Set-Cookie"):
            name, _, rest = cookie.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        return response

    def form_token(self, path):
        html = self.request("GET", path).data.decode()
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1), html

    def log_in(self, username, password):
        token, _ = self.form_token("/admin/login/")
        fields = {"csrfmiddlewaretoken": token, "username": username, "password": password}
        response = self.request("POST", "/admin/login/", fields=fields, encode_multipart=False)
        return response.status == 302 and "sessionid" in self.cookies


def check_pages(stack):
    plain = urllib3.PoolManager(retries=False).request(
        "GET", f"http://127.0.0.1:{stack.http_port}/territoire/", headers={"Host": HOST},
        redirect=False,
    )  # fmt: skip
    check(
        plain.status == 301 and plain.headers["Location"] == f"{stack.site_url}/territoire/",
        "HTTP redirige vers HTTPS (certificat vérifié par l'autorité locale)",
    )
    client = stack.client()
    first = client.request("GET", "/", headers={"Accept-Encoding": "gzip"}, decode_content=False)
    check(first.status == 200 and first.headers["Content-Encoding"] == "gzip", "accueil compressé")
    check("max-age=31536000" in first.headers["Strict-Transport-Security"], "HSTS")
    again = client.request("GET", "/", headers={"Accept-Encoding": "gzip"})  # the same variant
    check(
        (first.headers["X-Page-Cache"], again.headers["X-Proxy-Cache"]) == ("MISS", "HIT"),
        "cache des pages (Redis) puis micro-cache de nginx",
    )
    css = re.search(r'href="(/static/css/site\.[0-9a-f]+\.css)"', again.data.decode()).group(1)
    static = client.request("GET", css)
    check(
        static.status == 200 and "immutable" in static.headers["Cache-Control"],
        f"fichier statique servi par nginx ({css}, immuable)",
    )
    csv = client.request("GET", "/donnees/communes.csv", headers={"Accept-Encoding": "gzip"})
    check(csv.status == 200 and csv.headers["Content-Encoding"] == "gzip", "CSV compressé")
    private = stack.tmp / "var" / "private" / "secret.pdf"
    private.parent.mkdir(parents=True, exist_ok=True)
    private.write_bytes(b"%PDF-1.4 confidentiel")
    for path in ("/media/../private/secret.pdf", "/media/%2e%2e/private/secret.pdf",
                 "/non-public/secret.pdf", "/private/secret.pdf"):  # fmt: skip
        response = client.request("GET", path)
        check(b"confidentiel" not in response.data, f"fichier privé non exposé : {path}")


def check_uploads(stack):
    parent = shell(stack, SETUP.format(name=EDITOR[0], password=EDITOR[1]))
    editor = Browser(stack)
    check(editor.log_in(*EDITOR), "un rédacteur (groupe Editors) se connecte")

    token, _ = editor.form_token("/admin/images/multiple/add/")
    response = editor.request(
        "POST", "/admin/images/multiple/add/",
        fields={"files[]": ("paysage.png", _png(), "image/png")},
        headers={"X-CSRFToken": token, "X-Requested-With": "XMLHttpRequest"},
    )  # fmt: skip
    result = json.loads(response.data)
    if "uploaded_file_id" in result:
        # The alternative text is required: the upload window asks for it, as it asks an editor.
        prefix = f"uploaded-image-{result['uploaded_file_id']}"
        action = re.search(r'action="([^"]+)"', result["form"]).group(1)
        fields = {f"{prefix}-title": "Paysage", f"{prefix}-description": "Un paysage"}
        collection = re.search(r'<option value="(\d+)"[^>]*selected', result["form"])
        if collection:
            fields[f"{prefix}-collection"] = collection.group(1)
        response = editor.request(
            "POST", action, fields=fields,
            headers={"X-CSRFToken": token, "X-Requested-With": "XMLHttpRequest"},
        )  # fmt: skip
        result = json.loads(response.data)
    check(response.status == 200 and result.get("success"), "image envoyée par l'administration")
    url = shell(stack, RENDITION.format(pk=result["image_id"]))
    rendition = stack.client().request("GET", url)
    check(
        rendition.status == 200
        and rendition.headers["Content-Type"].startswith("image/")
        and "gunicorn" not in rendition.headers.get("Server", ""),
        f"déclinaison de l'image servie par nginx ({url})",
    )

    add = f"/admin/pages/add/library/documentpage/{parent}/"
    token, _ = editor.form_token(add)
    size = 50 * 2**20 - 4096
    pdf = b"%PDF-1.4\n" + b"0" * (size - 16) + b"\n%%EOF\n"
    started = time.monotonic()
    response = editor.request(
        "POST", add, timeout=120,
        fields={
            "csrfmiddlewaretoken": token, "title": "Rapport annuel", "slug": "rapport-annuel",
            "intro": "", "doc_type": "rapport", "year": "2026", "mission": "",
            "file": ("rapport-annuel.pdf", pdf, "application/pdf"),
        },
    )  # fmt: skip
    stored = shell(stack, DOCUMENT_SIZE)
    check(
        response.status == 302 and stored == str(len(pdf)),
        f"document de {len(pdf) / 2**20:.0f} Mo envoyé par un rédacteur à travers nginx "
        f"({time.monotonic() - started:.1f} s)",
    )


def _png():
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (640, 400), (40, 110, 80)).save(buffer, "PNG")
    return buffer.getvalue()


def check_contact_limit(stack):
    """Five messages an hour per client: two clients (two addresses) behind the proxy are counted
    apart, and a client forging X-Forwarded-For stays itself."""
    first, second = Browser(stack, "127.0.0.2"), Browser(stack, "127.0.0.3")
    forms = [(who, *who.form_token("/contact/")) for who in [first] * 6 + [second]]
    time.sleep(3)  # the form's minimum filling time (MIN_SECONDS), once for all of them
    statuses = []
    for n, (who, token, html) in enumerate(forms):
        form_token = re.search(r'name="token" value="([^"]+)"', html).group(1)
        forged = {"X-Forwarded-For": f"198.51.100.{n}"} if n == 5 else {}
        response = who.request(
            "POST", "/contact/", headers=forged, encode_multipart=False,
            fields={
                "csrfmiddlewaretoken": token, "token": form_token, "name": f"Visiteur {n}",
                "email": f"visiteur{n}@example.org", "subject": "Autre demande",
                "message": f"Message numéro {n}.", "website": "",
            },
        )  # fmt: skip
        statuses.append(response.status)
    check(statuses == [302] * 5 + [400, 302], f"limite par client derrière nginx : {statuses}")


def measure_staleness(stack):
    client = stack.client()
    client.request("GET", "/actualites/")
    title = f"Publication {int(time.time())}"
    shell(stack, PUBLISH.format(title=title))
    published = time.monotonic()
    while title not in client.request("GET", "/actualites/").data.decode():
        time.sleep(0.05)  # polling until the publication shows
        if time.monotonic() - published > 30:
            raise SystemExit("ÉCHEC : la publication n'apparaît pas après 30 s")
    seconds = time.monotonic() - published
    check(seconds <= 3, f"publication visible à travers nginx après {seconds:.1f} s")


def check_units():
    """The systemd units, pointed at this checkout, as systemd itself reads them."""
    if not shutil.which("systemd-analyze"):
        print("--  systemd-analyze absent : unités non vérifiées")
        return
    root = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as units:
        for unit in (root / "deploy" / "systemd").iterdir():
            text = unit.read_text().replace(
                "/srv/petr/petr.env", str(root / "deploy/petr.env.example")
            )
            (Path(units) / unit.name).write_text(text.replace("/srv/petr/app", str(root)))
        result = subprocess.run(["systemd-analyze", "verify", *sorted(Path(units).iterdir())],
                                capture_output=True, text=True)  # fmt: skip
        check(result.returncode == 0 and not result.stderr.strip(),
              f"unités systemd valides {result.stderr.strip()}")  # fmt: skip


def main():
    database_url, redis_url = sys.argv[1:3]
    check_units()
    with running_stack(database_url, redis_url) as stack:
        check_pages(stack)
        check_uploads(stack)
        check_contact_limit(stack)
        measure_staleness(stack)


if __name__ == "__main__":
    main()
