"""One alternative text per image, required unless the image is decorative, used on the site."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from petr.core.admin.image_form import MISSING_ALT
from petr.news.tests.helpers import make_image, publish_news
from petr.users.models import User


def edit(client, image, **fields):
    data = {"title": image.title, "collection": image.collection_id, "credit": "", **fields}
    return client.post(f"/admin/images/{image.pk}/", data)


def test_an_informative_image_needs_its_text_and_a_decorative_one_says_so(client, seeded):
    client.force_login(User.objects.create_superuser("claire", "c@petr.example", "x" * 16))
    image = make_image("Conseil syndical")
    response = edit(client, image, description="")
    assert response.status_code == 200 and escape(MISSING_ALT) in response.content.decode()
    assert edit(client, image, description="", is_decorative="on").status_code == 302
    image.refresh_from_db()
    assert image.is_decorative and image.alt == ""
    assert edit(client, image, description="Le conseil réuni à Vigneulles").status_code == 302
    image.refresh_from_db()
    assert image.alt == "Le conseil réuni à Vigneulles"


def test_the_site_shows_the_one_alternative_text(client, seeded):
    image = make_image("Maison de santé")
    image.description = "La façade de la maison de santé"
    image.save()
    (news,) = publish_news(1, image=image)
    assert 'alt="La façade de la maison de santé"' in client.get(news.url).content.decode()
    image.is_decorative = True
    image.save()
    assert 'alt=""' in client.get(news.url).content.decode()


def test_the_upload_window_asks_for_the_text_and_the_zone_to_keep(client, seeded):
    client.force_login(User.objects.create_superuser("claire", "c@petr.example", "x" * 16))
    upload = SimpleUploadedFile("photo.png", get_test_image_file().file.getvalue(), "image/png")
    result = client.post("/admin/images/multiple/add/", {"files[]": upload}).json()
    assert result["success"] and "Texte alternatif" in result["form"]
    assert not get_image_model().objects.exists()  # not yet: the text is missing
    prefix = f"uploaded-image-{result['uploaded_file_id']}"
    action = f"/admin/images/multiple/create_from_uploaded_image/{result['uploaded_file_id']}/"
    refused = client.post(action, {f"{prefix}-title": "Photo", f"{prefix}-description": ""})
    assert not refused.json()["success"] and escape(MISSING_ALT) in refused.json()["form"]
    assert "Zone à garder" in result["form"]  # the focal point, chosen in the same window
    fields = {f"{prefix}-title": "Photo", f"{prefix}-description": "Un pré"}
    created = client.post(action, {**fields, f"{prefix}-focal_zone": "haut-droite"})
    assert created.json()["success"]
    image = get_image_model().objects.get()
    assert image.alt == "Un pré"
    third_x, third_y = image.width // 3, image.height // 3  # the top right ninth
    assert (image.focal_point_x, image.focal_point_y) == (2 * third_x + third_x // 2, third_y // 2)
    assert (image.focal_point_width, image.focal_point_height) == (third_x, third_y)
