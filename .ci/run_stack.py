"""The deployment recipe as the README says to run it: a clone in /srv/petr/app, then
deploy/install.sh www.petr.example, as root, twice (it must be safe to run again). The
certificate is put where certbot puts it, signed by a CA made here; the units' commands are
started as systemd would start them (this machine has no systemd: the web service on its socket,
owned by nginx's user, and the worker), nginx by the script itself. Checked through nginx on
ports 80 and 443: the redirect to HTTPS, a page with its headers, compression and both caches, a
static file, an uploaded image and its rendition, a 50 MB document uploaded by an editor, that no
private file (restricted library document, act, attachment) is reachable by path, the contact
limit per real client behind the proxy, how long a publication takes to show, and /healthz.

Usage: .ci/run_stack.py (as root; replaces any earlier /srv/petr, its database and its units)."""

import json
import os
import pwd
import re
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import redis
import urllib3

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "deploy"))
from local_stack import HOST, Client, free_port, local_ca, stop, wait_until  # noqa: E402

from petr.library.tests.pdfs import make_pdf  # noqa: E402

HOME = Path("/srv/petr")
APP = HOME / "app"
ENV_FILE = HOME / "petr.env"
UNITS = Path("/etc/systemd/system")
EDITOR = ("redaction", "mot-de-passe-de-test-2026")
NEIGHBOUR = "www.petr-voisin.example"
SETUP = """
from django.contrib.auth.models import Group
from petr.users.models import User
from petr.library.models import DocumentIndexPage
user = User.objects.create_user({name!r}, "redaction@petr.example", {password!r})
user.groups.add(Group.objects.get(name="Rédaction"))
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


@dataclass
class Stack:
    ca: Path
    web: subprocess.Popen | None = None
    var: Path = HOME / "var"
    http_port: int = 80
    https_port: int = 443
    site_url: str = f"https://{HOST}"

    def client(self, source="127.0.0.1", **kwargs):
        """An HTTPS client of the site through nginx, checking its certificate against the local
        CA, connecting from `source` (any 127.x address: a distinct client for nginx)."""
        return Client(
            "127.0.0.1", self.https_port, server_hostname=HOST, assert_hostname=HOST,
            ca_certs=str(self.ca), source_address=(source, 0), retries=False, **kwargs,
        )  # fmt: skip

    def manage(self, *args, **kwargs):
        """manage.py as the petr account, with its settings, as the units run it."""
        load = f"set -a; . {ENV_FILE}; set +a"
        command = f"{load}; exec .venv/bin/python manage.py {shlex.join(args)}"
        return subprocess.run(["runuser", "-u", "petr", "--", "bash", "-c", command], cwd=APP,
                              check=True, **kwargs)  # fmt: skip


def run(*command):
    print("$", " ".join(map(str, command)), flush=True)
    subprocess.run(command, check=True)


def reset():
    """Nothing left of an earlier run: processes, installation, database, cached pages."""
    subprocess.run(["nginx", "-s", "quit"], capture_output=True)
    subprocess.run(["pkill", "-u", "petr"], capture_output=True)
    shutil.rmtree(HOME, ignore_errors=True)
    # nginx serves an expired entry once while it refreshes it (proxy_cache_use_stale updating):
    # an earlier run's answers must not be served to this one.
    for cache in ("/var/cache/nginx/petr", "/var/cache/nginx/petr-media"):
        shutil.rmtree(cache, ignore_errors=True)
    subprocess.run(["runuser", "-u", "postgres", "--", "dropdb", "--if-exists", "petr"], check=True)
    redis.Redis.from_url("redis://127.0.0.1:6379/0").flushdb()


def certificate(tmp):
    """What certbot leaves for the site's names, signed by a CA of our own."""
    ca = local_ca(tmp)
    live = Path("/etc/letsencrypt/live") / HOST
    live.mkdir(parents=True, exist_ok=True)
    shutil.copy(tmp / "site.pem", live / "fullchain.pem")
    shutil.copy(tmp / "site.key", live / "privkey.pem")
    return ca


def unit(name):
    """A unit file's settings, continuation lines joined (several ExecStart kept in order)."""
    text = (UNITS / name).read_text().replace("\\\n", " ")
    settings = {}
    for line in text.splitlines():
        key, sep, value = line.partition("=")
        if sep and not line.startswith("#"):
            settings.setdefault(key.strip(), []).append(value.strip())
    return settings


def environment(service):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(HOME)}
    for path in service.get("EnvironmentFile", []):
        for line in Path(path).read_text().splitlines():
            key, sep, value = line.partition("=")
            if sep and not line.startswith("#"):
                env[key.strip()] = value.strip().strip('"')
    return env


SERVICES_LOG = Path(tempfile.gettempdir()) / "petr-services.log"


def start_service(name, sock=None):
    """Start a service unit's command as systemd would: its user, directory and environment;
    with its socket passed as file descriptor 3 (LISTEN_FDS) if it has one."""
    service = unit(name)
    account = pwd.getpwnam(service["User"][0])
    env = environment(service)

    def as_the_unit():
        if sock is not None:
            os.dup2(sock.fileno(), 3)
            os.environ.clear()
            os.environ.update(env, LISTEN_FDS="1", LISTEN_PID=str(os.getpid()))
        os.setgroups([])
        os.setgid(account.pw_gid)
        os.setuid(account.pw_uid)

    return subprocess.Popen(
        shlex.split(service["ExecStart"][0]), cwd=service["WorkingDirectory"][0],
        env=None if sock is not None else env, preexec_fn=as_the_unit,
        pass_fds=(3,) if sock is not None else (),
        stdout=SERVICES_LOG.open("a"), stderr=subprocess.STDOUT,
    )  # fmt: skip


def web_socket():
    """The listening socket of petr-web.socket, with its owner and mode."""
    settings = unit("petr-web.socket")
    path = Path(settings["ListenStream"][0])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(str(path))
    sock.listen(128)
    os.chown(path, pwd.getpwnam(settings["SocketUser"][0]).pw_uid, -1)
    os.chmod(path, int(settings["SocketMode"][0], 8))
    return sock


@contextmanager
def installed_stack(starter_pack="coeur-de-lorraine"):
    tmp = Path(tempfile.mkdtemp(prefix="petr-ca-"))
    reset()
    SERVICES_LOG.unlink(missing_ok=True)
    ca = certificate(tmp)
    HOME.mkdir(parents=True)
    run("git", "clone", "--quiet", ROOT, APP)
    install = [APP / "deploy" / "install.sh", HOST]
    os.environ["STARTER_PACK"] = starter_pack  # the first site's pack, or « aucun » (README)
    started = time.monotonic()
    run(*install)
    first = time.monotonic() - started
    # The administrator's step: the mail server. Here nothing listens: mail waits in the queue.
    settings = ENV_FILE.read_text()
    settings = re.sub(r"(?m)^EMAIL_HOST=.*$", "EMAIL_HOST=127.0.0.1", settings)
    ENV_FILE.write_text(re.sub(r"(?m)^EMAIL_PORT=.*$", f"EMAIL_PORT={free_port()}", settings))
    started = time.monotonic()
    run(*install)
    check(True, f"deploy/install.sh : {first:.0f} s, puis {time.monotonic() - started:.0f} s "
                "relancé (idempotent)")  # fmt: skip
    stack = Stack(ca)
    with ExitStack() as processes:
        start_web(stack)
        processes.callback(lambda: stop(stack.web))  # the one running then (check_object_storage)
        processes.callback(stop, start_service("petr-worker.service"))
        processes.callback(subprocess.run, ["nginx", "-s", "quit"])
        try:
            wait_until(
                lambda: stack.client().request("GET", "/healthz", timeout=5).status == 200,
                failure="ÉCHEC : le site ne répond pas à travers nginx (voir ci-dessus).",
            )
            yield stack
        except SystemExit:
            print("".join(SERVICES_LOG.read_text().splitlines(True)[-80:]))  # what the units said
            raise
    shutil.rmtree(tmp, ignore_errors=True)


def start_web(stack):
    sock = web_socket()
    stack.web = start_service("petr-web.service", sock)
    sock.close()


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
    private = stack.var / "private" / "secret.pdf"
    private.parent.mkdir(parents=True, exist_ok=True)
    private.write_bytes(b"%PDF-1.4 confidentiel")
    for path in ("/media/../private/secret.pdf", "/media/%2e%2e/private/secret.pdf",
                 "/non-public/secret.pdf", "/private/secret.pdf"):  # fmt: skip
        response = client.request("GET", path)
        check(b"confidentiel" not in response.data, f"fichier privé non exposé : {path}")


def check_uploads(stack):
    parent = shell(stack, SETUP.format(name=EDITOR[0], password=EDITOR[1]))
    editor = Browser(stack)
    check(editor.log_in(*EDITOR), "un rédacteur (groupe Rédaction) se connecte")

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
    pdf = make_pdf("Rapport annuel", padding=size - len(make_pdf("Rapport annuel")) - 2)
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


PRIVATE = """
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction
from petr.library.tests.helpers import make_pdf, pdf, publish_act
Document = get_document_model()
internal = Collection.get_first_root_node().add_child(name="Interne")
CollectionViewRestriction.objects.create(collection=internal, restriction_type="login")
restricted = Document(title="Note interne", collection=internal)
restricted.file.save("note-interne.pdf", ContentFile(b"%PDF-1.4 secret-restreint"))
public = Document(title="Rapport public")
public.file.save("rapport-public.pdf", ContentFile(b"%PDF-1.4 contenu-public"))
act = publish_act(file=pdf(make_pdf("texte-de-l-acte"), "acte-prive.pdf"))
print(restricted.url, public.url, act.url + "fichier/", act.file.name)
"""


def check_private_files(stack, sender="nginx"):
    """A restricted collection's document is reached only through its checked view, whatever
    path is tried; public documents and acts are still served, by nginx, after the check."""
    restricted, public, act, act_file = shell(stack, PRIVATE).split()
    anonymous = stack.client()
    name = restricted.rsplit("/", 1)[-1]
    for path in (f"/media/documents/{name}", f"/media//documents/{name}",
                 f"/media/./documents/{name}", f"/media/%64ocuments/{name}",
                 f"/media/documents/../documents/{name}", f"/media/images/../documents/{name}",
                 f"/internal/media/documents/{name}", f"/internal/private/{act_file}",
                 f"/non-public/{act_file}"):  # fmt: skip
        response = anonymous.request("GET", path)
        check(response.status in (400, 404) and b"secret" not in response.data
              and b"texte-de-l" not in response.data, f"{path} : {response.status}")  # fmt: skip
    response = anonymous.request("GET", restricted, redirect=False)
    check(response.status == 302 and "/login" in response.headers["Location"],
          "document d'une collection réservée : connexion demandée")  # fmt: skip
    editor = Browser(stack)
    editor.log_in(*EDITOR)
    response = editor.request("GET", restricted)
    check(response.status == 200 and response.data == b"%PDF-1.4 secret-restreint",
          f"le même document, envoyé par {sender} à un membre de l'équipe connecté")  # fmt: skip
    for path, content in ((public, b"contenu-public"), (act, b"texte-de-l-acte")):
        response = anonymous.request("GET", path)
        check(response.status == 200 and content in response.data
              and response.headers.get("X-Accel-Redirect") is None,
              f"{path} : servi après vérification")  # fmt: skip


IMAGE = """
import io
from django.core.files.images import ImageFile
from PIL import Image
from wagtail.images import get_image_model
buffer = io.BytesIO()
Image.new("RGB", (64, 40), (40, 110, 80)).save(buffer, "PNG")
image = get_image_model().objects.create(
    title="Dans le seau", description="Un aplat vert", file=ImageFile(buffer, name="seau.png"))
print(image.file.url, image.get_rendition("fill-32x20").url)
"""


def check_object_storage(stack):
    """docs/operations.md, « Several app servers »: the same site with its files in an
    S3-compatible bucket (moto's server, a process of its own over HTTP), switched on in
    petr.env: images read from the bucket by the portal and kept by nginx, and no private file
    reachable by any path, through nginx, while the checked addresses still serve them."""
    import boto3

    port = free_port()
    command = [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)]
    moto = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # noqa: S603
    try:
        endpoint = f"http://127.0.0.1:{port}"
        plain = urllib3.PoolManager(retries=False)
        wait_until(lambda: plain.request("GET", endpoint).status < 500, failure="ÉCHEC : moto")
        s3 = boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name="us-east-1",
            aws_access_key_id="petr",
            aws_secret_access_key="secret",  # noqa: S106 (moto takes any key)
        )
        s3.create_bucket(Bucket="petr")
        with ENV_FILE.open("a") as settings:
            settings.write(f"S3_BUCKET=petr\nS3_ENDPOINT_URL={endpoint}\nS3_REGION=us-east-1\n"
                           "S3_ACCESS_KEY_ID=petr\nS3_SECRET_ACCESS_KEY=secret\n")  # fmt: skip
        stop(stack.web)
        start_web(stack)
        wait_until(lambda: stack.client().request("GET", "/healthz", timeout=5).status == 200)
        original, rendition = shell(stack, IMAGE).split()
        for path in (original, rendition):
            first, again = (stack.client().request("GET", path) for _ in range(2))
            cached = (first.headers["X-Proxy-Cache"], again.headers["X-Proxy-Cache"])
            check(first.status == 200 and first.headers["Content-Type"].startswith("image/")
                  and cached == ("MISS", "HIT"),
                  f"stockage objet : {path} lu dans le seau, gardé par nginx")  # fmt: skip
        check_private_files(stack, sender="le portail depuis le seau")
        keys = [o["Key"] for o in s3.list_objects_v2(Bucket="petr")["Contents"]]
        private = next(key for key in keys if key.startswith("private/actes/"))
        check(any(k.startswith("media/documents/") for k in keys)
              and plain.request("GET", f"{endpoint}/petr/{private}").status == 403,
              f"stockage objet : {len(keys)} fichiers dans le seau, aucun public")  # fmt: skip
    finally:
        stop(moto)


def check_second_site(stack):
    """README « Déployer pour votre PETR », step 5: another PETR on the same installation, built by
    `new_site --adresse` from its SIRENs (the API answering locally, as in the tests: CI has no
    network), its name added to ALLOWED_HOSTS, then served by the same nginx and gunicorn with
    its own pages, figures and cache entries, the first site unchanged."""
    from petr.territory.tests.geo_api import GeoApiServer

    fixture = APP / "petr/territory/tests/fixtures/perimeter-drome.json"
    api = GeoApiServer(json.loads(fixture.read_text(encoding="utf-8")))
    sirens = [a for siren in ("200040681", "242600492", "200042901") for a in ("--siren", siren)]
    try:
        started = time.monotonic()
        built = stack.manage("new_site", "--nom", "PETR voisin", *sirens, "--mission", "leader",
                             "--adresse", f"https://{NEIGHBOUR}", "--api", api.url,
                             capture_output=True, text=True)  # fmt: skip
        seconds = time.monotonic() - started
    finally:
        api.close()
    check("3 communautés, 54 communes" in built.stdout and NEIGHBOUR in built.stdout,
          f"second PETR créé par new_site --adresse en {seconds:.1f} s")  # fmt: skip
    settings = ENV_FILE.read_text()
    if re.search(r"(?m)^ALLOWED_HOSTS=", settings):
        settings = re.sub(r"(?m)^(ALLOWED_HOSTS=.*)$", rf"\1,{NEIGHBOUR}", settings)
    else:
        settings += f"ALLOWED_HOSTS={NEIGHBOUR}\n"
    ENV_FILE.write_text(settings)
    stop(stack.web)
    start_web(stack)
    wait_until(lambda: stack.client().request("GET", "/healthz", timeout=5).status == 200)
    for _ in range(2):  # the second time from nginx's micro-cache, whose key holds the host
        theirs = stack.client().request("GET", "/", headers={"Host": NEIGHBOUR}).data.decode()
        ours = stack.client().request("GET", "/").data.decode()
        check("<h1>PETR voisin</h1>" in theirs and ">54<" in theirs.replace(" ", "")
              and "Cœur de Lorraine" not in theirs and "PETR voisin" not in ours
              and ">123<" in ours.replace(" ", ""),
              f"à travers nginx, {NEIGHBOUR} et {HOST} servent chacun leur site")  # fmt: skip
    leader = stack.client().request("GET", "/missions/leader/", headers={"Host": NEIGHBOUR})
    check(leader.status == 200 and "PETR voisin" in leader.data.decode(),
          "le second PETR sert ses pages de mission")  # fmt: skip


def check_new_petr(stack):
    """README « Déployer pour votre PETR », steps 1 to 3 as written: installed with
    `STARTER_PACK=aucun` (the script run twice, as in step 2), the site is empty; then step 3's
    command builds it from its SIRENs (the API answering locally: CI has no network), it is served
    through nginx, and the script run again (an update) adds nothing."""
    from petr.territory.tests.geo_api import GeoApiServer

    marks = "from petr.core.models import SeedMark; print(SeedMark.everywhere.count())"
    check(shell(stack, marks) == "0", "STARTER_PACK=aucun : installation vide, rien de créé")
    pages = "from wagtail.models import Page; print(Page.objects.count())"
    fixture = APP / "petr/territory/tests/fixtures/perimeter-drome.json"
    api = GeoApiServer(json.loads(fixture.read_text(encoding="utf-8")))
    try:
        started = time.monotonic()
        built = stack.manage("new_site", "--nom", "PETR du Pays de Grignan", "--siren", "200040681",
                             "--siren", "242600492", "--mission", "sante", "--api", api.url,
                             capture_output=True, text=True)  # fmt: skip
        seconds = time.monotonic() - started
    finally:
        api.close()
    check(
        "2 communautés" in built.stdout, f"étape 3 : site construit par new_site en {seconds:.1f} s"
    )
    home = stack.client().request("GET", "/")
    text = home.data.decode()
    check(home.status == 200 and "<h1>PETR du Pays de Grignan</h1>" in text
          and "Cœur de Lorraine" not in text,
          "étape 3 : la page d'accueil du nouveau PETR, à travers nginx")  # fmt: skip
    built_pages = shell(stack, pages)
    run(APP / "deploy" / "install.sh", HOST)  # an update: the recipe run again
    check(
        shell(stack, pages) == built_pages,
        f"le script relancé sur le site construit n'ajoute rien ({built_pages} pages)",
    )


def check_health(stack):
    response = stack.client().request("GET", "/healthz")
    report = json.loads(response.data)
    check(response.status == 200 and report["status"] == "ok", f"/healthz : {report['status']}")


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


def check_going_live(stack):
    """docs/operations.md, « Before going live »: the check that lists what the law still needs,
    then the mairies' import from a file in the directory's published shape."""
    result = stack.manage("check", "--deploy", "--database", "default", capture_output=True,
                          text=True)  # fmt: skip
    check("petr.W001" in result.stderr and "directrice de la publication" in result.stderr,
          "check --deploy --database default : les mentions obligatoires manquantes")  # fmt: skip
    stack.manage("import_town_halls", "petr/territory/tests/fixtures/annuaire-mairies.json",
                 capture_output=True)  # fmt: skip
    page = stack.client().request("GET", "/territoire/saint-mihiel/").data.decode()
    check('id="mairie"' in page, "import_town_halls : la mairie sur la page de la commune")
    api = stack.client().request("GET", "/api/v1/communes?par_page=1")
    check(api.status == 200 and api.headers["Access-Control-Allow-Origin"] == "*"
          and api.json()["nombre"] > 0, "API en lecture seule derrière nginx")  # fmt: skip


def check_wordpress_import(stack):
    """docs/operations.md, « Bringing a WordPress site over »: the command as written (a dry run,
    then the import), then the old addresses answered through nginx, `/?p=` included (it must not
    get the cached home page)."""
    fixtures = "petr/wordpress/tests/fixtures"
    source = ("--wxr", f"{fixtures}/site.wxr", "--uploads", f"{fixtures}/uploads")
    dry = stack.manage("import_wordpress", *source, "--dry-run", capture_output=True, text=True)
    check("Articles : 4 créés" in dry.stdout, "import_wordpress --dry-run : ce qui serait créé")
    stack.manage("import_wordpress", *source, capture_output=True)
    client = stack.client()
    client.request("GET", "/")  # the home page cached, as it would be on a live site
    for old, new in (
        ("/?p=201", "/actualites/velo-assistance-electrique/"),
        ("/2023/12/assemblee-generale/", "/actualites/assemblee-generale/"),
        ("/wp-content/uploads/2024/05/plan-mobilite.pdf", "/documents-du-petr/plan-mobilite/"),
    ):
        response = client.request("GET", old, redirect=False)
        check(response.status == 301 and response.headers["Location"] == new,
              f"import_wordpress : {old} redirigé vers {new} derrière nginx")  # fmt: skip
    page = client.request("GET", "/actualites/velo-assistance-electrique/")
    check(page.status == 200 and "<caption>Vélos par commune</caption>" in page.data.decode(),
          "import_wordpress : l'article importé, servi par nginx")  # fmt: skip


def check_newsletter(stack):
    """The footer's sign-up field and the one-click unsubscribe (RFC 8058) through nginx, with no
    cookie, as mail clients post it; then petr-newsletter.service's command, as systemd runs it."""
    client = stack.client()
    form = client.request("POST", "/abonnement/", fields={"email": "lectrice@example.fr"},
                          encode_multipart=False, redirect=False)  # fmt: skip
    check(form.status == 200 and 'value="lectrice@example.fr"' in form.data.decode(),
          "lettre : le champ du pied de page ouvre le formulaire, l'adresse saisie")  # fmt: skip
    model = "from petr.newsletter.models import Subscriber as S; "
    key = shell(stack, model + "s = S(email='lecteur@example.fr'); s.save(); s.confirm(); "
                "print(s.key)")  # fmt: skip
    form_type = {"Content-Type": "application/x-www-form-urlencoded"}
    left = client.request("POST", f"/abonnement/desabonner/{key}/", headers=form_type,
                          body="List-Unsubscribe=One-Click", redirect=False)  # fmt: skip
    remaining = shell(stack, model + "print(S.objects.filter(email='lecteur@example.fr').count())")
    check(left.status == 200 and remaining == "0",
          "lettre : désabonnement en un clic (RFC 8058) par nginx, l'adresse effacée")  # fmt: skip
    tick = start_service("petr-newsletter.service")
    check(tick.wait(120) == 0, "petr-newsletter.service : newsletter_tick lancé comme par systemd")


def main():
    check_units()
    with installed_stack() as stack:
        check_going_live(stack)
        check_pages(stack)  # first: it expects the home page not cached yet
        check_wordpress_import(stack)
        check_uploads(stack)
        check_private_files(stack)
        check_contact_limit(stack)
        check_newsletter(stack)
        measure_staleness(stack)
        check_health(stack)
        check_object_storage(stack)  # it moves the site's files to a bucket
        check_second_site(stack)  # last: the other checks use page addresses as paths
    with installed_stack("aucun") as stack:  # README « Déployer pour votre PETR »
        check_new_petr(stack)


if __name__ == "__main__":
    main()
