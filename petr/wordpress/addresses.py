"""The old site's addresses and what each now leads to: links inside imported bodies are rewritten
with it, and each old address gets a permanent redirect."""

import re
from collections import namedtuple
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

ImageRef = namedtuple("ImageRef", "id alt url")

# The query strings WordPress answers to without pretty permalinks.
ID_PARAMETERS = ("p", "page_id", "attachment_id")
RESIZED = re.compile(r"-(?:\d+x\d+|scaled|rotated)(?=\.\w+$)")


def old_urls(item, base_url):
    """Every address the item answered at: its permalink, `?p=…`, and for a file its upload and
    resized copies."""
    urls = [item.link, f"{base_url}/?p={item.wp_id}"]
    if item.kind == "page":
        urls.append(f"{base_url}/?page_id={item.wp_id}")
    if item.kind == "attachment":
        urls += [f"{base_url}/?attachment_id={item.wp_id}", item.file_url, *item.size_urls]
    return [url for url in urls if url]


class AddressMap:
    def __init__(self, base_url):
        self.base_url = base_url
        self.host = _host(base_url)
        self.pages = {}  # old address (key) -> page id
        self.images = {}  # old address (key) -> ImageRef
        self.images_by_wp_id = {}

    def key(self, url):
        """An old address as the map knows it: its path and id parameters, or None if it is
        not on the old site."""
        parts = urlsplit(url.strip())
        if parts.scheme not in ("", "http", "https") or (parts.netloc and not self._ours(parts)):
            return None
        if not parts.netloc and not parts.path.startswith("/"):
            return None  # a relative link: nothing we can place
        query = [(k, v) for k, v in parse_qsl(parts.query) if k in ID_PARAMETERS]
        path = unquote(parts.path).rstrip("/") or "/"
        return path + (f"?{urlencode(sorted(query))}" if query else "")

    def _ours(self, parts):
        return _host(f"//{parts.netloc}") == self.host

    def add_page(self, urls, page_id):
        for url in urls:
            if key := self.key(url):
                self.pages[key] = page_id

    def add_image(self, item, ref, urls):
        self.images_by_wp_id[item.wp_id] = ref
        for url in urls:
            if key := self.key(url):
                self.images[key] = ref

    # What the body converter asks (content.convert).
    def page_for(self, url):
        key = self.key(url)
        return self.pages.get(key) if key else None

    def image_for(self, url):
        key = self.key(url)
        if not key:
            return None
        return self.images.get(key) or self.images.get(RESIZED.sub("", key))

    def image_by_wp_id(self, wp_id):
        return self.images_by_wp_id.get(wp_id)

    def is_internal(self, url):
        return self.key(url) is not None

    def path_of(self, url):
        parts = urlsplit(url)
        return parts.path + (f"?{parts.query}" if parts.query else "")


def _host(url):
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    return host.removeprefix("www.")
