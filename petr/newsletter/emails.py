"""The e-mails subscribers receive: HTML with a plain-text part, readable without images, in
the site's name and colour, each with its one-click unsubscribe (RFC 8058: the
`List-Unsubscribe` and `List-Unsubscribe-Post` headers) and a link to change topics."""

import re
from email.utils import formataddr
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, NavigableString
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.models import Site

from petr.core.models.site_settings import SiteIdentity
from petr.web.mail import header_safe
from petr.web.shared_lookups import current_site_id

KEY = "cle-abonne"  # stands for the subscriber's key in a letter rendered once for all
DEFAULT_COLOUR = "#0b5c4f"  # the design's primary colour, when staff chose none
RELATIVE = re.compile(r'((?:href|src)=")/(?!/)')


def _site():
    """The site whose e-mail this is (a sending or a subscriber names it: `serving`)."""
    return Site.objects.filter(pk=current_site_id()).first()


def site_root():
    site = _site()
    if settings.SITE_URL and (site is None or site.is_default_site):
        return settings.SITE_URL
    return site.root_url if site else "http://127.0.0.1:8000"


def identity():
    site = _site()
    return SiteIdentity.for_site(site) if site else SiteIdentity()


def links(key):
    root = site_root()
    return {
        "manage": f"{root}{reverse('newsletter:manage', args=[key])}",
        "unsubscribe": f"{root}{reverse('newsletter:unsubscribe', args=[key])}",
    }


def render(template, context):
    """(html, text) of an e-mail template, its links made absolute."""
    found = identity()
    html = render_to_string(template, {
        "identity": found, "colour": found.primary_colour or DEFAULT_COLOUR, **context,
    })  # fmt: skip
    html = RELATIVE.sub(rf"\1{site_root()}/", html)
    return html, to_text(html)


def letter_html(letter, key=KEY):
    return render("newsletter/email/letter.html", letter_context(letter, key))[0]


def letter_context(letter, key):
    return {"page": letter, "web_url": letter.full_url, "links": links(key or KEY)}


def message(subject, html, text, to, key=None, message_id=None):
    """An e-mail to one address; with a subscriber's key, its unsubscribe headers."""
    name = identity().name
    headers = {}
    if key:
        headers["List-Unsubscribe"] = f"<{links(key)['unsubscribe']}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        headers["List-Id"] = f"{header_safe(name)} <lettre.{urlsplit(site_root()).hostname}>"
    if message_id:
        headers["Message-ID"] = message_id
    email = EmailMultiAlternatives(
        subject=header_safe(subject),
        body=text,
        from_email=formataddr((header_safe(name), settings.DEFAULT_FROM_EMAIL))
        if name
        else settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers=headers,
    )
    email.attach_alternative(html, "text/html")
    return email


BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "li", "tr", "figure", "figcaption", "section",
          "header", "footer", "blockquote", "table", "ul", "ol", "dl", "dt", "dd"}  # fmt: skip


def to_text(html):
    """The plain-text part: the same words, each link followed by its address."""
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup.select("head, style, script, .preheader"):
        hidden.decompose()
    parts = []

    def walk(node):
        for child in node.children:
            if isinstance(child, NavigableString):
                parts.append(re.sub(r"\s+", " ", str(child)))
            elif child.name == "br":
                parts.append("\n")
            elif child.name == "img":
                if child.get("alt"):
                    parts.append(f"[{child['alt']}]")
            else:
                block = child.name in BLOCKS
                if block:
                    parts.append("\n\n")
                if child.name == "li":
                    parts.append("- ")
                walk(child)
                href = child.get("href", "") if child.name == "a" else ""
                label = child.get_text(" ", strip=True)
                if href.startswith("http") and href != label:
                    parts.append(f" ({href})")
                if block:
                    parts.append("\n\n")

    walk(soup.body or soup)
    text = "".join(parts)
    text = re.sub(r"[ \t]+\n", "\n", re.sub(r"\n[ \t]+", "\n", text))
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
