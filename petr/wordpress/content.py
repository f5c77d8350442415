"""A WordPress body (Gutenberg or the classic editor, shortcodes included) turned into the blocks of
our body stream: headings, paragraphs and lists, images, quotes, tables; embeds become links. What
has no block becomes cleaned text, reported: nothing is dropped silently. Scripts, event handlers
and inline styles never pass (Wagtail's rich-text whitelist keeps only our features)."""

import html
import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from django.utils.text import slugify
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

from petr.core.blocks import RICH_TEXT_FEATURES

TO_DATABASE = EditorHTMLConverter(features=RICH_TEXT_FEATURES)

REMOVED = {"script", "style", "noscript", "template", "form", "input", "button", "select",
           "textarea", "link", "meta"}  # fmt: skip
CONTAINERS = {"div", "section", "article", "main", "header", "footer", "aside", "center", "body",
              "html", "nav"}  # fmt: skip
INLINE = {"a", "strong", "b", "em", "i", "span", "small", "sub", "sup", "u", "code", "abbr",
          "mark", "time", "font", "cite", "q", "s", "del", "ins", "br", "label", "kbd"}  # fmt: skip
TEXT_BLOCKS = {"p", "ul", "ol", "h3", "h4", "h5", "h6", "pre", "address"}
EMBEDS = {"iframe", "embed", "object", "video", "audio"}
SHORTCODE = re.compile(r"\[(/?)([a-z][a-z0-9_-]*)((?:\s[^\]]*)?)\]")
GUTENBERG = "<!-- wp:"


def first_free(wanted, taken):
    """`wanted`, or `wanted-2`, `wanted-3`… the first not taken (a slug, an anchor)."""
    name, number = wanted, 2
    while name in taken:
        name, number = f"{wanted}-{number}", number + 1
    return name


@dataclass
class Conversion:
    blocks: list = field(default_factory=list)  # raw stream data: {"type": …, "value": …}
    warnings: list = field(default_factory=list)

    def text(self):
        """The words of the body, for a lead paragraph when the item has no excerpt."""
        paragraphs = [b["value"] for b in self.blocks if b["type"] == "paragraph"]
        text = re.sub(r"</(p|li|h3|h4)>", " ", " ".join(paragraphs))
        return html.unescape(" ".join(re.sub(r"<[^>]+>", "", text).split()))


def convert(markup, resolver):
    """`resolver` answers `page_for(url)` (a page id), `image_for(url)` and
    `image_by_wp_id(id)` (an image: its id and alternative text), `is_internal(url)` and
    `path_of(url)`."""
    return _Converter(resolver).run(markup or "")


class _Converter:
    def __init__(self, resolver):
        self.resolver = resolver
        self.result = Conversion()
        self.inline = []  # inline markup waiting for its paragraph
        self.text = []  # paragraphs and lists waiting for their rich-text block
        self.anchors = set()

    def warn(self, message):
        if message not in self.result.warnings:
            self.result.warnings.append(message)

    def run(self, markup):
        classic = GUTENBERG not in markup
        if "elementor" in markup:
            self.warn("Mise en page Elementor : ses colonnes et effets sont mis à plat.")
        soup = BeautifulSoup(self.shortcodes(markup), "html.parser")
        for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
            comment.extract()
        for tag in soup.find_all(REMOVED):
            self.warn(f"Élément <{tag.name}> retiré (script, style ou formulaire).")
            tag.decompose()
        self.walk(soup, classic)
        self.end_paragraph()
        self.flush()
        return self.result

    # Shortcodes: [caption] and [gallery] become the markup they stand for; the others are
    # removed, their inner text kept, and reported.
    def shortcodes(self, markup):
        def replace(match):
            closing, name, attributes = match.groups()
            if name == "caption":
                return "</figcaption></figure>" if closing else "<figure><figcaption-start>"
            if name == "gallery" and not closing:
                ids = re.search(r'ids\s*=\s*"([^"]*)"', attributes or "")
                numbers = re.findall(r"\d+", ids.group(1)) if ids else []
                images = [f'<img data-wp-attachment="{number}">' for number in numbers]
                if not images:
                    self.warn("Galerie [gallery] sans identifiants d'images : à refaire.")
                return f'<figure class="wp-block-gallery">{"".join(images)}</figure>'
            if not closing:
                self.warn(f"Code court [{name}] retiré : son contenu est à refaire à la main.")
            return ""

        markup = SHORTCODE.sub(replace, markup)
        # [caption]<img …> Légende[/caption]: the image first, then the caption text.
        return re.sub(
            r"<figcaption-start>(\s*(?:<a[^>]*>)?\s*<img[^>]*>\s*(?:</a>)?)",
            r"\1<figcaption>",
            markup,
        ).replace("<figcaption-start>", "<figcaption>")

    def walk(self, node, classic):
        for child in list(node.children):
            if isinstance(child, NavigableString):
                self.loose_text(str(child), classic)
            elif isinstance(child, Tag):
                self.element(child, classic)

    def loose_text(self, text, classic):
        """Text outside any paragraph: the classic editor's paragraphs are blank lines."""
        if not classic:
            if text.strip():
                self.inline.append(html.escape(text))
            return
        parts = re.split(r"\n\s*\n", text)
        for index, part in enumerate(parts):
            if index:
                self.end_paragraph()
            if part.strip():
                self.inline.append(html.escape(part.strip("\n")).replace("\n", "<br>"))

    def element(self, tag, classic):
        name = tag.name
        if "elementor" in " ".join(tag.get("class") or []):
            self.warn("Mise en page Elementor : ses colonnes et effets sont mis à plat.")
        if name in CONTAINERS:
            self.walk(tag, classic)
        elif name in INLINE:
            images = self.take_images(tag)
            self.links(tag)
            self.inline.append(str(tag))
            for image in images:
                self.image(image)
        elif name in ("h1", "h2"):
            self.heading(tag.get_text(" ", strip=True))
        elif name in TEXT_BLOCKS:
            self.text_block(tag)
        elif name == "img":
            self.image(tag)
        elif name == "figure":
            self.figure(tag, classic)
        elif name == "blockquote":
            self.quote(tag)
        elif name == "table":
            self.table(tag)
        elif name in EMBEDS:
            self.embed(tag)
        elif name == "hr":
            self.end_paragraph()
        else:
            self.warn(f"Élément <{name}> sans équivalent : repris comme texte.")
            if tag.get_text(strip=True):
                self.end_paragraph()
                self.text.append(f"<p>{html.escape(tag.get_text(' ', strip=True))}</p>")

    def end_paragraph(self):
        if "".join(self.inline).strip():
            self.text.append(f"<p>{''.join(self.inline).strip()}</p>")
        self.inline = []

    def flush(self):
        """The paragraphs and lists gathered so far become one rich-text block."""
        self.end_paragraph()
        if self.text:
            value = TO_DATABASE.to_database_format("".join(self.text))
            if re.sub(r"<[^>]+>", "", value).strip():
                self.add("paragraph", value)
        self.text = []

    def add(self, kind, value):
        self.result.blocks.append({"type": kind, "value": value})

    def text_block(self, tag):
        self.end_paragraph()
        images = self.take_images(tag)
        if tag.name in ("h5", "h6"):
            tag.name = "h4"
        elif tag.name in ("pre", "address"):
            tag.name = "p"
        self.links(tag)
        if tag.get_text(strip=True):
            self.text.append(str(tag))
        for image in images:
            self.image(image)

    def take_images(self, tag):
        """Images inside a paragraph or a link come out after it, as image blocks."""
        images = []
        for img in tag.find_all("img"):
            parent = img.parent
            images.append(img.extract())
            if parent is not tag and parent.name == "a" and not parent.get_text(strip=True):
                parent.decompose()
        return images

    def links(self, tag):
        for link in tag.find_all("a"):
            href = (link.get("href") or "").strip()
            page = self.resolver.page_for(href) if href else None
            image = self.resolver.image_for(href) if href and not page else None
            if page:
                link.attrs = {"href": "#", "data-linktype": "page", "data-id": str(page)}
            elif image:  # « lien vers le fichier média »
                link.attrs = {"href": image.url}
            elif href and self.resolver.is_internal(href):
                link.attrs = {"href": self.resolver.path_of(href)}
                self.warn(f"Lien interne sans page importée : {href}")

    def heading(self, text):
        if not text:
            return
        self.flush()
        anchor = first_free(slugify(text)[:80] or "section", self.anchors)
        self.anchors.add(anchor)
        self.add("heading", {"text": text, "anchor": anchor})

    def image(self, img, caption=""):
        source = img.get("data-wp-attachment")
        if source:
            found = self.resolver.image_by_wp_id(int(source))
        else:
            source = (img.get("src") or "").strip()
            found = self.resolver.image_for(source)
        if found is None:
            self.warn(f"Image introuvable, non reprise : {source or '(sans adresse)'}")
            return
        self.flush()
        alt = (img.get("alt") or "").strip()
        self.add(
            "image",
            {"image": found.id, "alt": alt if alt != found.alt else "", "caption": caption[:255]},
        )

    def figure(self, tag, classic):
        caption_tag = tag.find("figcaption")
        caption = caption_tag.get_text(" ", strip=True) if caption_tag else ""
        images = tag.find_all("img")
        if tag.find("table"):
            self.table(tag.find("table"), caption)
        elif images:
            for img in images:
                self.image(img, caption if len(images) == 1 else "")
        elif tag.find(EMBEDS) or "wp-block-embed" in " ".join(tag.get("class") or []):
            self.embed(tag.find(EMBEDS) or tag)
        else:
            if caption_tag:
                caption_tag.name = "p"
            self.walk(tag, classic)

    def quote(self, tag):
        cite = tag.find(["cite", "footer"])
        source = cite.extract().get_text(" ", strip=True) if cite else ""
        paragraphs = [p.get_text(" ", strip=True) for p in tag.find_all("p")]
        text = "\n".join(p for p in paragraphs if p) or tag.get_text(" ", strip=True)
        if text:
            self.flush()
            self.add("quote", {"text": text, "source": source[:255]})

    def table(self, tag, caption=""):
        own_caption = tag.find("caption")
        caption = (own_caption.get_text(" ", strip=True) if own_caption else "") or caption
        rows = [
            [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]
            for row in tag.find_all("tr")
        ]
        rows = [row for row in rows if row]
        if not rows:
            return
        width = max(len(row) for row in rows)
        header = bool(tag.find("thead") or tag.find("tr").find("th"))
        if not caption:
            caption = "Tableau"
            self.warn("Tableau sans titre : « Tableau » lui est donné, à préciser.")
        self.flush()
        self.add(
            "table",
            {
                "data": [row + [""] * (width - len(row)) for row in rows],
                "table_header_choice": "row" if header else "neither",
                "first_row_is_table_header": header,
                "first_col_is_header": False,
                "table_caption": caption[:255],
            },
        )

    def embed(self, tag):
        source = tag.get("src") or tag.get("data") or ""
        if not source and tag.find("source"):
            source = tag.find("source").get("src", "")
        if not source:
            source = tag.get_text(" ", strip=True)  # an embed block holds its URL as text
        self.warn("Contenu intégré (vidéo, carte…) remplacé par un lien.")
        if source.startswith(("http://", "https://")):
            self.end_paragraph()
            link = html.escape(source)
            self.text.append(f'<p>Contenu intégré : <a href="{link}">{link}</a></p>')
