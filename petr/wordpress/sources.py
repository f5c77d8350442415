"""What a WordPress site gives: its export file (WXR, « Outils › Exporter ») or its public REST API
(`/wp-json/wp/v2/`). Both are read into the same `Export` of items, so one importer takes either."""

import codecs
import html
import json
import re
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from hashlib import sha256
from urllib.parse import unquote, urlencode, urlsplit
from zoneinfo import ZoneInfo

import urllib3
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring
from django.conf import settings

from petr.web.http import polite_pool


class WordPressError(Exception):
    """The source could not be read; the message is French, for the person importing."""


@dataclass
class Item:
    kind: str  # "post", "page" or "attachment"
    wp_id: int
    title: str
    slug: str = ""
    link: str = ""  # its permalink on the old site
    date: datetime | None = None
    status: str = "publish"
    content: str = ""
    excerpt: str = ""
    parent: int = 0
    order: int = 0
    categories: list[str] = field(default_factory=list)  # slugs
    featured: int = 0  # the attachment shown with a post
    file_url: str = ""  # an attachment's file
    size_urls: list[str] = field(default_factory=list)  # its resized copies
    alt: str = ""
    caption: str = ""
    mime: str = ""

    @property
    def is_image(self):
        return self.mime.startswith("image/")

    def fingerprint(self):
        """Changes when anything the import reads from the item changes."""
        data = json.dumps(asdict(self), sort_keys=True, default=str, ensure_ascii=False)
        return sha256(data.encode()).hexdigest()


@dataclass
class Export:
    base_url: str
    items: list[Item]
    categories: dict[str, str]  # slug: name
    notes: list[str] = field(default_factory=list)  # what reading the source had to repair

    def of_kind(self, kind):
        return [item for item in self.items if item.kind == kind]


def _as_cp1252(error):
    """Bytes that are not UTF-8 in a file that says it is: read as Windows-1252, the usual
    culprit (a copy-paste from a word processor), rather than lost or refused."""
    bad = error.object[error.start : error.end]
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error("petr-cp1252", _as_cp1252)


def decode(data: bytes, notes: list, where: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        notes.append(f"{where} : octets non UTF-8, lus en Windows-1252.")
        return data.decode("utf-8-sig", errors="petr-cp1252")


def _date(local, gmt):
    """WordPress dates: UTC when given, else local time in the site's time zone."""
    for value, zone in ((gmt, UTC), (local, ZoneInfo(settings.TIME_ZONE))):
        if value and not value.startswith("0000"):
            try:
                return datetime.fromisoformat(value.replace(" ", "T")).replace(tzinfo=zone)
            except ValueError:
                continue
    return None


def text_of(markup: str) -> str:
    """Plain text of a little HTML (a rendered title, a caption)."""
    return html.unescape(re.sub(r"<[^>]*>", "", markup or "")).strip()


CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"


def read_wxr(data: bytes) -> Export:
    notes = []
    text = decode(data, notes, "Fichier WXR")
    try:
        root = fromstring(text)
    except ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else "?"
        raise WordPressError(
            f"Fichier WXR incomplet ou mal formé (ligne {line}) : réexportez-le depuis "
            "WordPress (Outils › Exporter › Tout le contenu)."
        ) from exc
    except DefusedXmlException as exc:
        raise WordPressError(
            "Fichier WXR refusé : il déclare des entités ou une DTD, ce qu'un export WordPress "
            "ne fait pas."
        ) from exc
    channel = root.find("channel")
    wp = _wp_namespace(root)
    if channel is None or wp is None:
        raise WordPressError("Ce fichier n'est pas un export WordPress (WXR) : canal absent.")

    def get(node, tag, ns=None):
        found = node.find(f"{{{ns or wp}}}{tag}") if ns != "" else node.find(tag)
        return (found.text or "").strip() if found is not None else ""

    base_url = get(channel, "base_blog_url") or get(channel, "base_site_url") or ""
    categories = {
        get(cat, "category_nicename"): html.unescape(get(cat, "cat_name"))
        for cat in channel.findall(f"{{{wp}}}category")
    }
    excerpt = f"{wp}excerpt/"  # WXR 1.0 to 1.2 name it after the `wp:` namespace
    items = []
    for node in channel.findall("item"):
        kind = get(node, "post_type")
        if kind not in ("post", "page", "attachment"):
            continue
        meta = {get(m, "meta_key"): get(m, "meta_value") for m in node.findall(f"{{{wp}}}postmeta")}
        url = get(node, "attachment_url")
        items.append(
            Item(
                kind=kind,
                wp_id=_int(get(node, "post_id")),
                title=html.unescape(get(node, "title", "")),
                slug=get(node, "post_name"),
                link=get(node, "link", ""),
                date=_date(get(node, "post_date"), get(node, "post_date_gmt")),
                status=get(node, "status"),
                content=get(node, "encoded", CONTENT_NS),
                excerpt=get(node, "encoded", excerpt),
                parent=_int(get(node, "post_parent")),
                order=_int(get(node, "menu_order")),
                categories=[
                    c.get("nicename", "")
                    for c in node.findall("category")
                    if c.get("domain") == "category"
                ],
                featured=_int(meta.get("_thumbnail_id")),
                file_url=url,
                alt=meta.get("_wp_attachment_image_alt", ""),
                caption=text_of(get(node, "encoded", excerpt)) if kind == "attachment" else "",
                mime=_mime(url) if kind == "attachment" else "",
            )
        )
    for category in {c for item in items for c in item.categories} - set(categories):
        categories[category] = category
    return Export(base_url=base_url.rstrip("/"), items=items, categories=categories, notes=notes)


def _wp_namespace(root):
    """The `wp:` namespace of this WXR version (1.0 to 1.2), read from the file."""
    for element in root.iter():
        if element.tag.startswith("{http://wordpress.org/export/") and "excerpt" not in element.tag:
            return element.tag[1:].split("}")[0]
    return None


def _int(value):
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


MIME_BY_EXTENSION = {
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "gif": "image/gif",
    "webp": "image/webp",
    "pdf": "application/pdf",
}


def _mime(url):
    extension = urlsplit(url).path.rsplit(".", 1)[-1].lower()
    return MIME_BY_EXTENSION.get(extension, f"application/{extension}")


class RestSource:
    """The site's public REST API, page by page (100 items each), in the order of ids so that
    pages do not shift while we read them. It sees what the public sees: published items only."""

    PER_PAGE = 100

    def __init__(self, base_url):
        conf = settings.WORDPRESS_IMPORT
        self.base_url = base_url.rstrip("/")
        self.http = polite_pool(
            timeout=conf["TIMEOUT"],
            retries=conf["RETRIES"],
            backoff_factor=conf["BACKOFF"],
            user_agent=conf["USER_AGENT"],
        )
        self.notes = []

    def get(self, route, page):
        query = urlencode(
            {"per_page": self.PER_PAGE, "page": page, "orderby": "id", "order": "asc"}
        )
        url = f"{self.base_url}/wp-json/wp/v2/{route}?{query}"
        try:
            response = self.http.request("GET", url)
        except urllib3.exceptions.MaxRetryError as exc:
            raise WordPressError(
                f"{url} injoignable après plusieurs essais ({exc.reason})."
            ) from exc
        except urllib3.exceptions.HTTPError as exc:
            raise WordPressError(f"Erreur réseau sur {url} : {exc}.") from exc
        if response.status == 429:
            raise WordPressError(
                f"{url} limite le nombre de requêtes (HTTP 429) même après attente : "
                "relancez l'import plus tard, il reprendra où il s'est arrêté."
            )
        if response.status != 200:
            raise WordPressError(f"{url} a répondu HTTP {response.status}.")
        try:
            body = json.loads(decode(response.data, self.notes, url))
        except ValueError as exc:
            raise WordPressError(
                f"{url} n'a pas renvoyé de JSON : est-ce un site WordPress ?"
            ) from exc
        if not isinstance(body, list):
            raise WordPressError(f"{url} n'a pas renvoyé une liste.")
        return body, _int(response.headers.get("X-WP-TotalPages")) or 1

    def all(self, route):
        records, pages = self.get(route, 1)
        for page in range(2, pages + 1):
            records += self.get(route, page)[0]
        return records

    def read(self) -> Export:
        categories = {c["id"]: c for c in self.all("categories")}
        items = [_from_rest("attachment", m, categories) for m in self.all("media")]
        items += [_from_rest("page", p, categories) for p in self.all("pages")]
        items += [_from_rest("post", p, categories) for p in self.all("posts")]
        names = {c["slug"]: html.unescape(c["name"]) for c in categories.values()}
        return Export(base_url=self.base_url, items=items, categories=names, notes=self.notes)


def _from_rest(kind, record, categories):
    def rendered(key):
        value = record.get(key) or {}
        return value.get("rendered", "") if isinstance(value, dict) else str(value)

    sizes = (record.get("media_details") or {}).get("sizes") or {}
    return Item(
        kind=kind,
        wp_id=_int(record.get("id")),
        title=text_of(rendered("title")),
        slug=record.get("slug") or "",
        link=record.get("link") or "",
        date=_date(record.get("date"), record.get("date_gmt")),
        status=record.get("status") or "publish",
        content=rendered("content") if kind != "attachment" else "",
        excerpt=rendered("excerpt") if kind != "attachment" else "",
        parent=_int(record.get("parent") or record.get("post")),
        order=_int(record.get("menu_order")),
        categories=[
            categories[c]["slug"] for c in record.get("categories") or [] if c in categories
        ],
        featured=_int(record.get("featured_media")),
        file_url=record.get("source_url") or "",
        size_urls=[s.get("source_url", "") for s in sizes.values() if isinstance(s, dict)],
        alt=record.get("alt_text") or "",
        caption=text_of(rendered("caption")),
        mime=record.get("mime_type") or "",
    )


class Files:
    """An attachment's bytes, from the old site or from a copy of its `wp-content/uploads`
    folder; never more than `max_bytes`, whatever the server says the size is."""

    CHUNK = 256 * 1024

    def __init__(self, uploads_dir=None):
        conf = settings.WORDPRESS_IMPORT
        self.uploads_dir = uploads_dir
        self.http = polite_pool(
            timeout=conf["TIMEOUT"],
            retries=conf["RETRIES"],
            backoff_factor=conf["BACKOFF"],
            user_agent=conf["USER_AGENT"],
            accept="*/*",
        )

    def get(self, url, max_bytes):
        path = urlsplit(url).path
        if self.uploads_dir and "/wp-content/uploads/" in path:
            return self._local(path.split("/wp-content/uploads/", 1)[1], max_bytes)
        try:
            response = self.http.request("GET", url, preload_content=False)
        except urllib3.exceptions.HTTPError as exc:
            raise WordPressError(f"fichier injoignable ({exc.__class__.__name__})") from exc
        try:
            if response.status != 200:
                raise WordPressError(f"le serveur a répondu HTTP {response.status}")
            if _int(response.headers.get("Content-Length")) > max_bytes:
                raise WordPressError(_too_large(max_bytes))
            data = bytearray()
            for chunk in response.stream(self.CHUNK):
                data += chunk
                if len(data) > max_bytes:
                    raise WordPressError(_too_large(max_bytes))
            return bytes(data)
        except urllib3.exceptions.HTTPError as exc:
            raise WordPressError(f"téléchargement interrompu ({exc.__class__.__name__})") from exc
        finally:
            response.release_conn()

    def _local(self, relative, max_bytes):
        path = (self.uploads_dir / unquote(relative)).resolve()
        if not path.is_relative_to(self.uploads_dir.resolve()) or not path.is_file():
            raise WordPressError(f"absent du dossier {self.uploads_dir}")
        if path.stat().st_size > max_bytes:
            raise WordPressError(_too_large(max_bytes))
        return path.read_bytes()


def _too_large(max_bytes):
    return f"fichier de plus de {max_bytes // 2**20} Mo, non importé"
