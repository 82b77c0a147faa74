from django import template

from forums.permissions import handler

register = template.Library()


@register.simple_tag(takes_context=True)
def forum_can(context, rule, *args):
    """`{% forum_can "edit_post" post as allowed %}`: the permission handler's can_<rule>(user, post)."""
    return getattr(handler, f"can_{rule}")(context["request"].user, *args)
