"""The shortcuts of the lists (forums.links, the forums template tags) give what reverse() and
{% blocktranslate %} give, in both languages and with hostile names."""

import pytest
from django.template import engines
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from forums import links

NAMES = ["topic", "topic_unread", "post", "post_edit", "post_delete", "post_flag", "post_accept", "post_restore",
         "post_hide", "post_history"]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_urls_are_reverses(language):
    request = RequestFactory().get("/")
    with translation.override(language):
        urls = links.PkUrls(*NAMES)
        for pk in (1, 7, 42, 999, 2147483647, 10**12):
            expected = {name: reverse(f"forums:{name}", kwargs={"pk": pk}) for name in NAMES}
            assert urls(pk) == expected
            assert {name: links.pk_url(request, name, pk) for name in NAMES} == expected
    with translation.override("en" if language == "fr" else "fr"):  # the request remembers each language apart
        assert links.pk_url(request, "topic", 5) == reverse("forums:topic", kwargs={"pk": 5})


HOSTILE = '<script>alert("x")</script> & O\'Neil'


@pytest.mark.parametrize("language", ["fr", "en"])
def test_labels_are_what_blocktranslate_writes(language):
    engine = engines["django"]
    ours = engine.from_string(
        "{% load forums %}{% page_labels numbers as labels %}{% for n, label in labels %}[{{ label }}]{% endfor %}"
        "{% for n in numbers %}[{{ n|message_count }}]{% endfor %}[{{ name|last_by }}]"
    )
    theirs = engine.from_string(
        "{% load i18n %}{% for n in numbers %}[{% blocktranslate %}Page {{ n }}{% endblocktranslate %}]{% endfor %}"
        "{% for n in numbers %}[{% blocktranslate count counter=n %}{{ counter }} message{% plural %}{{ counter }}"
        " messages{% endblocktranslate %}]{% endfor %}"
        "[{% blocktranslate %}last by {{ name }}{% endblocktranslate %}]"
    )
    context = {"numbers": [0, 1, 2, 17, 1000, 123456], "name": HOSTILE}
    with translation.override(language):
        assert ours.render(context) == theirs.render(context)
        assert "<script>" not in ours.render(context)
