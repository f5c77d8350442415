"""A real HTTP server on 127.0.0.1 that answers like a WordPress site: its REST API
(`/wp-json/wp/v2/…`, in the documented shapes, paginated with X-WP-Total and X-WP-TotalPages) and
its uploads (from the fixtures' `uploads/`), with per-path faults a test sets before importing."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from .helpers import UPLOADS

HUGE = "/wp-content/uploads/2024/05/enorme.pdf"  # announces 200 MB


def records(base):
    """A fictional site: five published posts (three pages of two), nested pages, media."""
    up = f"{base}/wp-content/uploads"

    def rendered(text):
        return {"rendered": text}

    def post(wp_id, slug, title, content, categories=(), featured=0, excerpt=""):
        return {
            "id": wp_id, "date": "2024-05-02T10:30:00", "date_gmt": "2024-05-02T08:30:00",
            "slug": slug, "status": "publish", "type": "post",
            "link": f"{base}/2024/05/{slug}/", "title": rendered(title),
            "content": rendered(content), "excerpt": rendered(excerpt),
            "featured_media": featured, "categories": list(categories), "tags": [],
        }  # fmt: skip

    def page(wp_id, slug, title, parent, path):
        return {
            "id": wp_id, "date": "2020-01-10T10:00:00", "date_gmt": "2020-01-10T09:00:00",
            "slug": slug, "status": "publish", "type": "page", "link": f"{base}/{path}/",
            "title": rendered(title), "content": rendered(f"<p>Page {title}.</p>"),
            "excerpt": rendered(""), "parent": parent, "menu_order": 0, "featured_media": 0,
        }  # fmt: skip

    def media(wp_id, path, title, mime, alt="", sizes=None):
        return {
            "id": wp_id, "date": "2024-05-02T10:00:00", "date_gmt": "2024-05-02T08:00:00",
            "slug": title.lower().replace(" ", "-"), "status": "inherit", "type": "attachment",
            "link": f"{base}/?attachment_id={wp_id}", "title": rendered(title),
            "alt_text": alt, "caption": rendered(""), "media_type": "image"
            if mime.startswith("image/") else "file", "mime_type": mime,
            "source_url": f"{up}/{path}",
            "media_details": {"sizes": {k: {"source_url": f"{up}/{v}"} for k, v in
                                        (sizes or {}).items()}},
        }  # fmt: skip

    gallery = (
        '<figure class="wp-block-gallery"><figure class="wp-block-image">'
        f'<img src="{up}/2023/11/galerie-1.png" alt="Participants à l&#8217;atelier"></figure>'
        f'<figure class="wp-block-image"><img src="{up}/2023/11/galerie-2.png" alt=""></figure>'
        "</figure>"
    )
    return {
        "categories": [
            {"id": 3, "count": 2, "name": "Mobilit&eacute;", "slug": "mobilite", "parent": 0},
            {"id": 4, "count": 1, "name": "Sant&eacute;", "slug": "sante", "parent": 0},
        ],
        "media": [
            media(
                101,
                "2024/05/velos-gare.jpg",
                "Vélos devant la gare",
                "image/jpeg",
                "Vélos en libre-service devant la gare",
                {"medium": "2024/05/velos-gare-300x188.jpg"},
            ),
            media(102, "2024/05/plan-mobilite.pdf", "Plan de mobilité", "application/pdf"),
            media(103, "2023/11/galerie-1.png", "Atelier 1", "image/png", "Participants"),
            media(104, "2023/11/galerie-2.png", "Atelier 2", "image/png"),
            media(106, "2024/05/enorme.pdf", "Rapport énorme", "application/pdf"),
        ],  # fmt: skip
        "pages": [
            page(301, "qui-sommes-nous", "Qui sommes-nous ?", 0, "qui-sommes-nous"),
            page(302, "les-elus", "Les élus", 301, "qui-sommes-nous/les-elus"),
            page(303, "historique", "Historique", 302, "qui-sommes-nous/les-elus/historique"),
        ],
        "posts": [
            post(
                201,
                "velo",
                "Le vélo arrive",
                f'<p>Voir <a href="{base}/qui-sommes-nous/">'
                f'qui nous sommes</a>.</p><p><img src="{up}/2024/05/velos-gare-300x188.jpg" '
                'alt=""></p>',
                [3],
                101,
                "<p>Vingt vélos [&hellip;]</p>",
            ),
            post(202, "assemblee", "Assemblée générale", "<p>Le Comité s’est réuni.</p>"),
            post(203, "atelier-sante", "Atelier santé", f"<p>Merci !</p>{gallery}", [4]),
            post(205, "covoiturage", "Covoiturage", "<p>Trois aires.</p>", [3]),
            post(206, "bilan", "Bilan de l&#8217;année", "<p>Le bilan.</p>"),
        ],  # fmt: skip
    }


class WordPressServer:
    def __init__(self):
        self.faults = {}  # path prefix -> {"answer": (status, body, headers, delay), "times"}
        self.requests = []
        self.latin1_route = None  # a route whose JSON carries a byte that is not UTF-8
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                server.requests.append(self.path)
                status, body, headers, delay = server.answer(self.path)
                time.sleep(delay)
                try:
                    self.send_response(status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    if "Content-Length" not in headers:
                        self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout, refused size)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.records = records(self.url)
        threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        ).start()

    def answer(self, path):
        for prefix, fault in self.faults.items():
            if path.startswith(prefix) and fault["times"] != 0:
                if fault["times"]:
                    fault["times"] -= 1
                return fault["answer"]
        parts = urlsplit(path)
        if parts.path == HUGE:
            return 200, b"%PDF-1.4\n", {"Content-Length": str(200 * 2**20)}, 0
        if parts.path.startswith("/wp-content/uploads/"):
            file = UPLOADS / parts.path.removeprefix("/wp-content/uploads/")
            if file.is_file():
                return 200, file.read_bytes(), {"Content-Type": "application/octet-stream"}, 0
            return 404, b"Not found", {}, 0
        if parts.path.startswith("/wp-json/wp/v2/"):
            return self.listing(parts.path.removeprefix("/wp-json/wp/v2/"), parse_qs(parts.query))
        return 404, b"Not found", {}, 0

    def listing(self, route, query):
        items = self.records.get(route)
        if items is None:
            return 404, json.dumps({"code": "rest_no_route"}).encode(), {}, 0
        per_page = int(query.get("per_page", ["10"])[0])
        number = int(query.get("page", ["1"])[0])
        pages = max(1, -(-len(items) // per_page))
        if number > pages:
            return 400, json.dumps({"code": "rest_post_invalid_page_number"}).encode(), {}, 0
        page = items[(number - 1) * per_page : number * per_page]
        body = json.dumps(page, ensure_ascii=False).encode()
        if route == self.latin1_route:
            body = body.replace("Comité".encode(), b"Comit\xe9")  # raw Windows-1252
        headers = {"Content-Type": "application/json; charset=UTF-8",
                   "X-WP-Total": str(len(items)), "X-WP-TotalPages": str(pages)}  # fmt: skip
        return 200, body, headers, 0

    def fail(self, prefix, status=500, body=b"{}", headers=None, delay=0, times=None):
        """Make addresses under `prefix` answer this way: always, or the first `times` times."""
        self.faults[prefix] = {"answer": (status, body, headers or {}, delay), "times": times}

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()
