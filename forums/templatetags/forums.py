from django import template
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

from forums import links
from forums.permissions import handler

register = template.Library()


@register.simple_tag(takes_context=True)
def forum_can(context, rule, *args):
    """`{% forum_can "edit_post" post as allowed %}`: the permission handler's can_<rule>(user, post)."""
    return getattr(handler, f"can_{rule}")(context["request"].user, *args)


@register.simple_tag(takes_context=True)
def forum_url(context, name, pk):
    """`{% forum_url "topic" topic.pk %}`: {% url "forums:topic" pk=topic.pk %} for a row of a list, without a
    reverse() per row (forums.links)."""
    return links.pk_url(context["request"], name, pk)


# What {% blocktranslate %} renders, for the rows of a list: the same msgids, the translation left as it is and the
# values escaped, without a blocktranslate node per row.

@register.simple_tag
def page_labels(numbers):
    """[(n, "Page n")] as {% blocktranslate %}Page {{ n }}{% endblocktranslate %} writes each."""
    label = gettext("Page %(n)s")
    return [(n, mark_safe(label % {"n": conditional_escape(localize(n))})) for n in numbers]


@register.filter
def message_count(counter):
    """{% blocktranslate count counter=… %}{{ counter }} message{% plural %}{{ counter }} messages{% end… %}"""
    text = ngettext("%(counter)s message", "%(counter)s messages", counter)
    return mark_safe(text % {"counter": conditional_escape(localize(counter))})


@register.filter
def last_by(name):
    """{% blocktranslate with name=… %}last by {{ name }}{% endblocktranslate %}"""
    return mark_safe(gettext("last by %(name)s") % {"name": conditional_escape(name)})
