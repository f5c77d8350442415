"""The site's public address (SITE_URL, e.g. `https://www.petr-exemple.fr`), from the environment.

Everything that writes an absolute address takes it from here: the default Wagtail Site (sitemap,
`full_url`, canonical links), the admin's base URL (password-reset and notification e-mails), the
allowed hosts and trusted origins. Production refuses to start on a local address (settings) and
`check --deploy` says so (petr.E002)."""

from urllib.parse import urlsplit

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0"}  # noqa: S104


def problem(url):
    """Why `url` cannot be a production site's public address, or None."""
    parts = urlsplit(url or "")
    if parts.scheme != "https" or not parts.hostname:
        return f"SITE_URL doit être l'adresse publique du site en https:// (reçu : « {url} »)."
    if parts.hostname in LOCAL_HOSTS or parts.hostname.endswith(".localhost"):
        return f"SITE_URL désigne cette machine ({parts.hostname}), pas l'adresse publique du site."
    if parts.path.strip("/"):
        return "SITE_URL est l'adresse de la racine du site, sans chemin."
    return None


def host(url):
    return urlsplit(url).hostname


def sync_default_site(**kwargs):
    """Give the default Site the public address (after each `migrate`, and when seeding)."""
    from django.conf import settings
    from wagtail.models import Site

    if not settings.SITE_URL:
        return
    parts = urlsplit(settings.SITE_URL)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    Site.objects.filter(is_default_site=True).exclude(hostname=parts.hostname, port=port).update(
        hostname=parts.hostname, port=port
    )
    Site.clear_site_root_paths_cache()
