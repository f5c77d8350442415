"""Every old address keeps working: a permanent redirect (Wagtail's) from each imported item's old
paths to its new page or file, and a middleware for the `/?p=123` kind, which reaches the home
page rather than a 404 and so escapes Wagtail's redirect middleware."""

from urllib.parse import urlencode, urlsplit

from django.http import HttpResponsePermanentRedirect
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from .addresses import ID_PARAMETERS, old_urls

OLD_PATH_MAX = 255  # Redirect.old_path


def redirect_old_addresses(importer):
    report, site = importer.report, importer.site
    existing = {r.old_path: r for r in Redirect.objects.filter(site=site)}
    items = {item.wp_id: item for item in importer.export.items}
    seen = set()
    for wp_id, record in importer.records.items():
        item = items.get(wp_id)
        if item is None or not (record.page_id or record.image_id):
            continue
        target = record.page if record.page_id else None
        link = "" if target else record.image.file.url
        new_url = target.get_url() if target else link
        for url in old_urls(item, importer.source):
            if not importer.addresses.key(url):
                continue  # on another host (a CDN): not ours to redirect
            parts = urlsplit(url)
            old = Redirect.normalise_path(parts.path + (f"?{parts.query}" if parts.query else ""))
            if old in seen:
                continue  # the same address twice (an attachment's link is often its file)
            seen.add(old)
            report.addresses.append((url, new_url or "", record.kind))
            if target and (new_url or "").rstrip("/") == old:
                continue  # imported at the very same address
            if len(old) > OLD_PATH_MAX:
                report.warn(url, "Adresse trop longue pour une redirection (255 caractères).")
                continue
            current = existing.get(old)
            if current is None:
                existing[old] = Redirect.objects.create(
                    old_path=old, site=site, is_permanent=True,
                    redirect_page=target, redirect_link=link,
                )  # fmt: skip
                report.redirects["created"] += 1
            elif current.redirect_page_id == target.id if target else current.redirect_link == link:
                report.redirects["unchanged"] += 1
            else:
                report.warn(url, f"Une redirection existait déjà vers {current.link} : conservée.")
                report.redirects["kept"] += 1


class OldQueryAddressMiddleware:
    """`/?p=123`, `/?page_id=7`, `/?attachment_id=9`: WordPress's addresses without pretty
    permalinks. Only requests carrying one of these parameters ask the database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and any(p in request.GET for p in ID_PARAMETERS):
            query = sorted((p, request.GET[p]) for p in ID_PARAMETERS if p in request.GET)
            old = Redirect.normalise_path(f"{request.path}?{urlencode(query)}")
            site = Site.find_for_request(request)
            redirect = Redirect.get_for_site(site).filter(old_path=old).first()
            if redirect and redirect.link:
                return HttpResponsePermanentRedirect(redirect.link)
        return self.get_response(request)
