"""Pages for tests, built under the site's structure (which the root conftest makes once per session)."""

import io

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from cms.models import ContentPage, RegionPage


def region_page(code, lang="fr"):
    return RegionPage.objects.get(region__code=code, locale__language_code=lang)


def image(title="Schéma"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "white").save(buffer, "PNG")
    picture = get_image_model()(title=title, file=ImageFile(buffer, name="schema.png"))
    picture.save()
    return picture


def content_page(parent, title, slug, *, intro="", text="", picture=None, live=True, owner=None):
    """A ContentPage under `parent`: published when `live`, else a draft that was never published."""
    body = []
    if text:
        body.append({"type": "paragraph", "value": f"<p>{text}</p>"})
    if picture:
        body.append({"type": "image", "value": {"image": picture.pk, "decorative": False, "alt_text": title}})
    page = ContentPage(title=title, slug=slug, intro=intro, body=body, live=live, owner=owner)
    parent.add_child(instance=page)
    revision = page.save_revision(user=owner)
    if live:
        revision.publish()
    page.refresh_from_db()
    return page
