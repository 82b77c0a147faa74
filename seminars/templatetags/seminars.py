from django import template

register = template.Library()


@register.simple_tag
def region_seminars(page):
    """The region page's seminars grouped by cohort, latest cohort first (one query)."""
    from seminars.models import SeminarPage, cohorts

    return cohorts(SeminarPage.objects.child_of(page).live().public())
