"""Helpers for starter content: each piece is created once, recorded in SeedMark, and never
touched again — an editor's change or deletion survives every later run."""

from wagtail.models import Page

from petr.core.models import SeedMark


def seed_page(key, parent, page):
    """Create and publish `page` under `parent` the first time; afterwards return what is there
    (None if an editor deleted it). A page already at that slug is adopted, not duplicated."""
    mark = SeedMark.objects.filter(key=key).first()
    if mark:
        return Page.objects.filter(pk=mark.object_id).specific().first()
    if parent is None:
        return None
    existing = parent.get_children().filter(slug=page.slug).specific().first()
    if existing is None:
        parent.add_child(instance=page)
        page.save_revision().publish()
        existing = page
    SeedMark.objects.create(key=key, object_id=existing.pk)
    return existing


def seed_once(key, apply):
    """Run `apply()` the first time only (for settings and other non-page content)."""
    if SeedMark.objects.filter(key=key).exists():
        return False
    apply()
    SeedMark.objects.create(key=key)
    return True


# Raw StreamField values, so starter content reads like the content it is.
def heading(text, anchor=""):
    return {"type": "heading", "value": {"text": text, "anchor": anchor}}


def paragraph(html):
    return {"type": "paragraph", "value": html}


def steps(title, items):
    return {
        "type": "steps",
        "value": {"title": title, "steps": [{"title": t, "text": d} for t, d in items]},
    }


def key_figures(title, items, source=""):
    return {
        "type": "key_figures",
        "value": {
            "title": title,
            "figures": [{"value": v, "label": label} for v, label in items],
            "source": source,
        },
    }


def callout(title, html):
    return {"type": "callout", "value": {"title": title, "text": html}}


def block(block_type, value=None):
    return {"type": block_type, "value": value if value is not None else {}}
