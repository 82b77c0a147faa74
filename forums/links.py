"""Forum URLs for every row of a list at the cost of one reverse() per URL name: the URL is reversed once with a
marker pk, and each row's pk is put in its place. A topic page links each of its 20 posts four to eight times,
a forum page each of its 30 topics twice; reverse() costs some 25 µs a call (forums/tests/test_links.py checks
that the URLs are reverse()'s)."""

from django.urls import reverse
from django.utils.translation import get_language

MARKER = "2147483647"


class PkUrls:
    """`PkUrls("post", "post_edit")(pk)` == {"post": reverse("forums:post", kwargs={"pk": pk}), ...}."""

    def __init__(self, *names):
        self.parts = {name: _split(name) for name in names}

    def __call__(self, pk):
        return {name: f"{head}{pk}{tail}" for name, (head, tail) in self.parts.items()}


def _split(name):
    head, tail = reverse(f"forums:{name}", kwargs={"pk": MARKER}).split(MARKER)
    return head, tail


def pk_url(request, name, pk):
    """reverse(f"forums:{name}", kwargs={"pk": pk}), remembered on the request for the active language."""
    cache = request.__dict__.setdefault("_forum_pk_urls", {})
    key = (name, get_language())
    parts = cache.get(key)
    if parts is None:
        parts = cache[key] = _split(name)
    return f"{parts[0]}{pk}{parts[1]}"
