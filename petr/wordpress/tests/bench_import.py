"""How long a real-sized WordPress site takes to import: 500 posts, 40 nested pages and 200
attachments (180 images, 20 PDFs), generated as a WXR export with its uploads folder; then a
second run, which must change nothing. Not part of the suite (not named test_*):
.venv/bin/pytest -q -s --no-cov -p no:cacheprovider petr/wordpress/tests/bench_import.py"""

import time

import pytest
from fpdf import FPDF
from PIL import Image
from wagtail.models import Page

from .helpers import import_wordpress

BASE = "https://ancien.petr-exemple.fr"
POSTS, PAGES, IMAGES, PDFS = 500, 40, 180, 20


def item(wp_id, kind, title, slug, link, content="", parent=0, extra=""):
    return f"""<item><title><![CDATA[{title}]]></title><link>{link}</link>
<content:encoded><![CDATA[{content}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>{wp_id}</wp:post_id><wp:post_date>2024-03-01 10:00:00</wp:post_date>
<wp:post_date_gmt>2024-03-01 09:00:00</wp:post_date_gmt><wp:post_name>{slug}</wp:post_name>
<wp:status>{"inherit" if kind == "attachment" else "publish"}</wp:status>
<wp:post_parent>{parent}</wp:post_parent><wp:post_type>{kind}</wp:post_type>{extra}</item>"""


def build_site(folder):
    uploads = folder / "uploads" / "2024" / "03"
    uploads.mkdir(parents=True)
    items = []
    for n in range(IMAGES):
        Image.new("RGB", (320, 200), (n % 255, 80, 160)).save(uploads / f"photo-{n}.jpg")
        url = f"{BASE}/wp-content/uploads/2024/03/photo-{n}.jpg"
        meta = (f"<wp:attachment_url>{url}</wp:attachment_url><wp:postmeta><wp:meta_key>"
                f"_wp_attachment_image_alt</wp:meta_key><wp:meta_value>Photo {n}</wp:meta_value>"
                "</wp:postmeta>")  # fmt: skip
        items.append(item(1000 + n, "attachment", f"Photo {n}", f"photo-{n}", url, extra=meta))
    for n in range(PDFS):
        pdf = FPDF()
        pdf.add_page()
        pdf.set_font("helvetica", size=12)
        pdf.cell(text=f"Compte rendu {n}")
        pdf.output(str(uploads / f"compte-rendu-{n}.pdf"))
        url = f"{BASE}/wp-content/uploads/2024/03/compte-rendu-{n}.pdf"
        extra = f"<wp:attachment_url>{url}</wp:attachment_url>"
        items.append(item(2000 + n, "attachment", f"Compte rendu {n}", f"cr-{n}", url, extra=extra))
    for n in range(PAGES):
        parent = 3000 + n // 4 if n >= 4 else 0
        items.append(item(3000 + n, "page", f"Page {n}", f"page-{n}", f"{BASE}/page-{n}/",
                          f"<p>Contenu de la page {n}.</p>", parent))  # fmt: skip
    for n in range(POSTS):
        body = (
            f"<p>Premier paragraphe de l'article {n}, avec un "
            f'<a href="{BASE}/2024/03/article-{(n + 1) % POSTS}/">lien vers le suivant</a>.</p>'
            f"<h2>Une section</h2><p>{'Du texte. ' * 40}</p><ul><li>un</li><li>deux</li></ul>"
            f'<figure><img src="{BASE}/wp-content/uploads/2024/03/photo-{n % IMAGES}-300x188.jpg"'
            ' alt=""><figcaption>Légende</figcaption></figure>'
            f'<p><a href="{BASE}/wp-content/uploads/2024/03/compte-rendu-{n % PDFS}.pdf">'
            "PDF</a></p>"
        )
        meta = (f"<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>"
                f"{1000 + n % IMAGES}</wp:meta_value></wp:postmeta>")  # fmt: skip
        items.append(item(5000 + n, "post", f"Article {n}", f"article-{n}",
                          f"{BASE}/2024/03/article-{n}/", body, extra=meta))  # fmt: skip
    wxr = folder / "site.wxr"
    wxr.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Bench</title>'
        f"<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>{BASE}</wp:base_site_url>"
        f"{''.join(items)}</channel></rss>",
        encoding="utf-8",
    )
    return wxr, folder / "uploads"


@pytest.mark.django_db
def test_import_500_posts_and_200_attachments(seeded, tmp_path):
    wxr, uploads = build_site(tmp_path)
    pages_before = Page.objects.count()
    args = ("--wxr", str(wxr), "--uploads", str(uploads), "--no-input")
    for run in ("premier import", "second import"):
        start = time.perf_counter()
        out = import_wordpress(*args, "--csv", str(tmp_path / f"{run}.csv"))
        seconds = time.perf_counter() - start
        print(f"\n{run} : {seconds:.1f} s, {wxr.stat().st_size / 2**20:.1f} Mo d'export")
        print("\n".join(line for line in out.splitlines() if " : " in line and "(" not in line))
    assert Page.objects.count() - pages_before == POSTS + PAGES + PDFS
