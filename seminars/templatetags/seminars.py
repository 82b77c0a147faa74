from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from cms import cache

register = template.Library()


@register.simple_tag
def region_seminars(page):
    """The region page's seminars grouped by cohort, latest cohort first (one query)."""
    from seminars.models import SeminarPage, cohorts

    return cohorts(SeminarPage.objects.child_of(page).live().public())


@register.simple_tag(takes_context=True)
def region_seminars_list(context, page):
    """seminars/includes/cohorts.html for the region page's seminars, rendered once and cached until the page tree
    changes (cms.signals bumps the global version on every publish, unpublish, move, deletion and view restriction):
    the same for every reader (live and public pages only), it otherwise costs a query over the seminars' full rows
    and their dates' formatting on every view."""
    request = context.get("request")

    def build(site=None):
        return render_to_string("seminars/includes/cohorts.html", {"cohorts": region_seminars(page)})

    if request is None:
        return mark_safe(build())  # noqa: S308 (rendered by the template engine, escaped there)
    return mark_safe(cache.cached(request, f"region-seminars:{page.pk}:{get_language()}", build))  # noqa: S308
