"""The fixture export imported, for the site-wide checks (axe at two widths, valid HTML): an
imported news item with every kind of block, and a page three levels down."""

import io

from wagtail.models import Page, Site

from petr.missions.models import MissionPage
from petr.wordpress.importer import Importer
from petr.wordpress.sources import Files, read_wxr

from .helpers import UPLOADS, WXR


def publish():
    Importer(
        read_wxr(WXR.read_bytes()),
        site=Site.objects.get(is_default_site=True),
        files=Files(UPLOADS),
        missions={"mobilite": MissionPage.objects.get(slug="mobilite")},
        stream=io.StringIO(),
    ).run()
    return [
        Page.objects.get(slug=slug).url for slug in ("velo-assistance-electrique", "historique")
    ]
