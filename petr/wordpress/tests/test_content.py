"""WordPress bodies into our blocks, without a database: what each kind of markup becomes, and that
nothing executable or styled passes."""

from petr.wordpress.addresses import AddressMap, ImageRef
from petr.wordpress.content import convert

OLD = "https://ancien.exemple.fr"


def address_map():
    addresses = AddressMap(OLD)
    addresses.pages[addresses.key(f"{OLD}/le-petr/")] = 7
    photo = ImageRef(3, "Une photo", "/media/original_images/photo.jpg")
    addresses.images[addresses.key(f"{OLD}/wp-content/uploads/2024/01/photo.jpg")] = photo
    addresses.images_by_wp_id[12] = photo
    return addresses


def blocks(markup):
    result = convert(markup, address_map())
    return [(b["type"], b["value"]) for b in result.blocks], result.warnings


def test_nothing_executable_or_styled_passes():
    found, warnings = blocks(
        '<p style="color:red" onclick="x()" class="a">Texte <a href="javascript:alert(1)" '
        'onmouseover="y()">lien</a><img src=x onerror="z()"></p><script>alert(2)</script>'
        "<style>p{}</style><iframe srcdoc='<script>'></iframe><form><input></form>"
    )
    text = str(found)
    for banned in ("style", "onclick", "onmouseover", "onerror", "javascript:", "alert", "class"):
        assert banned not in text
    assert "Élément <script> retiré (script, style ou formulaire)." in warnings


def test_each_kind_of_markup_finds_its_block():
    found, _ = blocks(
        "<h1>Titre</h1><h2>Titre</h2><h5>Petit</h5><p>Un <em>texte</em>.</p>"
        "<ol><li>un</li></ol><blockquote><p>Cité.</p><cite>Elle</cite></blockquote>"
        "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>"
        '<p><a href="/le-petr/"><img src="/wp-content/uploads/2024/01/photo-150x150.jpg" '
        'alt="Une photo"></a> après</p><hr><dl><dt>Terme</dt></dl>'
    )
    assert found[0] == ("heading", {"text": "Titre", "anchor": "titre"})
    assert found[1] == ("heading", {"text": "Titre", "anchor": "titre-2"})  # anchors stay unique
    assert found[2] == (
        "paragraph", "<h4>Petit</h4><p>Un <em>texte</em>.</p><ol><li>un</li></ol>"
    )  # fmt: skip
    assert found[3] == ("quote", {"text": "Cité.", "source": "Elle"})
    table = found[4][1]
    assert table["data"] == [["a", "b"], ["c", ""]] and table["table_caption"] == "Tableau"
    assert not table["first_row_is_table_header"]
    # The image comes out of its paragraph and its link, after the text; a resized copy finds
    # its original.
    assert found[5:] == [
        ("paragraph", "<p> après</p>"),
        ("image", {"image": 3, "alt": "", "caption": ""}),
        ("paragraph", "<p>Terme</p>"),
    ]


def test_the_classic_editor_and_its_shortcodes():
    found, warnings = blocks(
        "Premier paragraphe\nsur deux lignes.\n\nSecond.\n\n"
        '[caption id="attachment_12" width="300"]<img src="/wp-content/uploads/2024/01/photo.jpg"'
        ' alt="Autre texte"> La légende[/caption]\n\n[gallery ids="12, 99"]\n\n'
        '[bouton lien="x"]Cliquez[/bouton] [1]'
    )
    assert found[0] == ("paragraph", "<p>Premier paragraphe<br/>sur deux lignes.</p><p>Second.</p>")
    assert found[1] == ("image", {"image": 3, "alt": "Autre texte", "caption": "La légende"})
    assert found[2] == ("image", {"image": 3, "alt": "", "caption": ""})
    assert found[3] == ("paragraph", "<p>Cliquez [1]</p>")
    assert "Image introuvable, non reprise : 99" in warnings
    assert "Code court [bouton] retiré : son contenu est à refaire à la main." in warnings


def test_embeds_become_links_and_unknown_elements_text():
    found, warnings = blocks(
        '<iframe src="https://www.openstreetmap.org/export/embed.html"></iframe>'
        "<details><summary>Plus</summary>Caché</details>"
    )
    assert found == [
        (
            "paragraph",
            '<p>Contenu intégré : <a href="https://www.openstreetmap.org/export/embed.html">'
            "https://www.openstreetmap.org/export/embed.html</a></p><p>Plus Caché</p>",
        )
    ]
    assert "Élément <details> sans équivalent : repris comme texte." in warnings


def test_links_to_the_old_site_that_lead_nowhere_become_relative_and_are_reported():
    found, warnings = blocks(
        f'<p><a href="{OLD}/disparue/">a</a> <a href="https://www.ancien.exemple.fr/le-petr">b</a>'
        f' <a href="{OLD}/wp-content/uploads/2024/01/photo-1024x768.jpg">la photo</a>'
        ' <a href="https://ailleurs.fr/x">c</a> <a href="mailto:contact@exemple.fr">d</a></p>'
    )
    assert found[0][1] == (
        '<p><a href="/disparue/">a</a> <a id="7" linktype="page">b</a> '
        '<a href="/media/original_images/photo.jpg">la photo</a> '
        '<a href="https://ailleurs.fr/x">c</a> <a href="mailto:contact@exemple.fr">d</a></p>'
    )
    assert warnings == [f"Lien interne sans page importée : {OLD}/disparue/"]
