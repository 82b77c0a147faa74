"""The Wagtail admin names a page only to those who may see it there (cms.permissions.user_can_see_page_in_admin):
the page chooser, the explorer and its search, the reports, the site history and wagtail-localize's translations
report all narrow their pages with pages_visible_in_admin(). Through Wagtail's hooks where it has them
(cms/wagtail_hooks.py), and for the views that have none (the reports, the chooser's last step) by wrapping the one
method of each that reads pages (install(), run from CmsConfig.ready())."""

import functools

from django.core.exceptions import BadRequest, PermissionDenied
from django.db.models import CharField, Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from wagtail.models import Page, PageLogEntry, get_default_page_content_type

from cms.permissions import pages_visible_in_admin, user_can_see_page_in_admin
from people.permissions import is_national


def refuse_unless_visible(user, page):
    """Views that show one page by its id (browsing the chooser or the explorer from it) refuse a hidden one as
    Wagtail refuses a page one may not edit."""
    if page is not None and not user_can_see_page_in_admin(user, page):
        raise PermissionDenied


def chooser_pages(pages, request):
    """construct_page_chooser_queryset: the chooser's browse and search views."""
    parent_id = request.resolver_match.kwargs.get("parent_page_id") if request.resolver_match else None
    if parent_id is not None:
        refuse_unless_visible(request.user, Page.objects.filter(pk=parent_id).first())
    return pages_visible_in_admin(request.user, pages)


def explorer_pages(parent_page, pages, request):
    """construct_explorer_page_queryset: the explorer's listing, its search and filters, and the admin API."""
    refuse_unless_visible(request.user, parent_page)
    return pages_visible_in_admin(request.user, pages)


def refuse_move(request, page_to_move, destination):
    """before_move_page: Wagtail's move confirmation (on GET too) asks only what its first step asks."""
    if not page_to_move.permissions_for_user(request.user).can_move():
        raise PermissionDenied
    refuse_unless_visible(request.user, destination)


# The reports: each narrowing takes the view's queryset and returns it with hidden pages left out.


def _visible_page_ids_as_text(user):
    # Workflow states point to their object by a text id (a generic relation).
    return pages_visible_in_admin(user).values_list(Cast("pk", output_field=CharField()), flat=True)


def _pages(queryset, view):
    return pages_visible_in_admin(view.request.user, queryset)


def _workflow_states(queryset, view, prefix=""):
    user = view.request.user
    if is_national(user):
        return queryset
    of_a_page = Q(**{f"{prefix}base_content_type": get_default_page_content_type()})
    visible = Q(**{f"{prefix}object_id__in": _visible_page_ids_as_text(user)})
    return queryset.exclude(of_a_page & ~visible)


def _task_states(queryset, view):
    return _workflow_states(queryset, view, prefix="workflow_state__")


def _page_log_entries(queryset, view):
    """The site history unites one queryset per log model; the pages' one is narrowed."""
    user = view.request.user
    if is_national(user) or not issubclass(queryset.model, PageLogEntry):
        return queryset
    return queryset.filter(page_id__in=pages_visible_in_admin(user).values("pk"))


def _page_types_usage(queryset, view):
    """Each page type's "last edited page" is the last visible one (as Wagtail computes it, with its filters)."""
    user = view.request.user
    if is_national(user):
        return queryset
    chosen = view.filters.form.cleaned_data if view.filters and view.filters.is_valid() else {}
    last_edited = pages_visible_in_admin(user).filter(content_type=OuterRef("pk"))
    if chosen.get("page_locale"):
        last_edited = last_edited.filter(locale__language_code=chosen["page_locale"])
    if chosen.get("site"):
        last_edited = last_edited.filter(path__startswith=chosen["site"])
    last_edited = last_edited.order_by(F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk")
    return queryset.annotate(last_edited_page_id=Subquery(last_edited.values("pk")[:1]))


def _translations(queryset, view):
    """wagtail-localize's report names a translation's source and target: both must be visible."""
    user = view.request.user
    if is_national(user):
        return queryset
    hidden = Page.objects.exclude(pk__in=pages_visible_in_admin(user).values("pk")).filter(
        Q(locale=OuterRef("source__locale")) | Q(locale=OuterRef("target_locale")),
        translation_key=OuterRef("source__object__translation_key"),
    )
    return queryset.exclude(Exists(hidden))


def _chosen_pages(view, request, *args, **kwargs):
    """The chooser's last step names the pages it is given by id: each must be one the person may see."""
    try:
        ids = [int(value) for value in request.GET.getlist("id")]
    except ValueError:
        raise BadRequest from None
    hidden = Page.objects.filter(pk__in=ids).exclude(pk__in=pages_visible_in_admin(request.user).values("pk"))
    if hidden.exists():
        raise PermissionDenied


def _narrowed(original, narrowing):
    @functools.wraps(original)
    def method(self, *args, **kwargs):
        return narrowing(original(self, *args, **kwargs), self)

    return method


def _checked(original, check):
    @functools.wraps(original)
    def method(self, request, *args, **kwargs):
        check(self, request, *args, **kwargs)
        return original(self, request, *args, **kwargs)

    return method


def _third_party_views():
    """(view class, method, how it is wrapped, the narrowing or check) for the views that have no hook."""
    from wagtail.admin.views.chooser import ChosenMultipleView
    from wagtail.admin.views.reports.aging_pages import AgingPagesView
    from wagtail.admin.views.reports.audit_logging import LogEntriesView
    from wagtail.admin.views.reports.locked_pages import LockedPagesView
    from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
    from wagtail.admin.views.reports.workflows import WorkflowTasksView, WorkflowView
    from wagtail_localize.views.report import TranslationsReportView

    return [
        (LockedPagesView, "get_queryset", _narrowed, _pages),
        (AgingPagesView, "get_queryset", _narrowed, _pages),
        (WorkflowView, "get_queryset", _narrowed, _workflow_states),
        (WorkflowTasksView, "get_queryset", _narrowed, _task_states),
        (PageTypesUsageReportView, "get_queryset", _narrowed, _page_types_usage),
        (LogEntriesView, "filter_queryset", _narrowed, _page_log_entries),
        (TranslationsReportView, "get_queryset", _narrowed, _translations),
        (ChosenMultipleView, "get", _checked, _chosen_pages),
    ]


def install():
    """Wrap the methods of the views that Wagtail offers no hook for. Idempotent."""
    for view_class, name, wrap, narrowing in _third_party_views():
        original = getattr(view_class, name)
        if getattr(original, "_pacte_visibility", False):
            continue
        method = wrap(original, narrowing)
        method._pacte_visibility = True
        setattr(view_class, name, method)
