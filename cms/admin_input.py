"""Whatever a person writes in an admin URL is checked before the third-party view that reads it: an id that is
malformed or names nothing answers 404 in the path and 400 in the query string, never a server error.

Wagtail's choosers, API and workflow screens and django-filer's admin look ids up without checking them, and offer
no hook to do it first: install() wraps the one method (or the one function view) of each that reads the value,
as cms.admin_visibility does for the reports. Integers too large for a column are cms.lookups' business."""

import functools

from django.contrib.admin.utils import unquote
from django.core.exceptions import BadRequest, ValidationError
from django.core.paginator import InvalidPage
from django.http import Http404
from wagtail.models import Page


def parse_pk(model, value):
    """`value` as `model`'s primary key, or ValidationError when it cannot be one (not a number, not a UUID...)."""
    return model._meta.pk.to_python(value)


def _chosen_object(original):
    """ChooserViewSet's chosen/<pk>/ (documents, images, snippets, cms.viewsets' filer chooser): 404."""

    @functools.wraps(original)
    def get_object(self, pk):
        try:
            pk = parse_pk(self.model_class, pk)
        except ValidationError:
            raise self.model_class.DoesNotExist from None
        return original(self, pk)

    return get_object


def _chosen_ids(original):
    """ChooserViewSet's chosen-multiple/?id=... (whose subclasses look the ids up in their own ways): 400."""

    @functools.wraps(original)
    def get(self, request, *args, **kwargs):
        try:
            for pk in request.GET.getlist("id"):
                parse_pk(self.model_class, pk)
        except ValidationError:
            raise BadRequest from None
        return original(self, request, *args, **kwargs)

    return get


def _filer_delete(original):
    """Filer's delete views fetch the object before Django's checks: an id Django cannot look up is "no such
    object", as Django's own views answer it (back to the admin's index with a message)."""

    @functools.wraps(original)
    def delete_view(self, request, object_id, extra_context=None):
        if self.get_object(request, unquote(object_id)) is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        return original(self, request, object_id, extra_context)

    return delete_view


def _found_or_none(original):
    """The admin API's find/?id=...: an id that cannot be one finds nothing (404)."""

    @functools.wraps(original)
    def find_object(self, queryset, request):
        try:
            return original(self, queryset, request)
        except (ValueError, ValidationError):
            return None

    return find_object


def _listing_page(original):
    """The workflow editor's list of pages, ?p=...: a page number that is none answers 404, as listings do."""

    @functools.wraps(original)
    def get_paginated_pages(self):
        try:
            return original(self)
        except (ValueError, InvalidPage):
            raise Http404 from None

    return get_paginated_pages


def _chooser_context(original):
    """The link choosers carry ?parent_page_id=... back to the page chooser's URL: only an id fits there."""

    @functools.wraps(original)
    def shared_context(request, extra_context=None):
        context = original(request, extra_context)
        if not str(context.get("parent_page_id") or "").isdigit():
            context["parent_page_id"] = None
        return context

    return shared_context


def _images_by_tag(original):
    """The image chooser filters by ?tag=... before searching, and the search backend refuses a filter on tags:
    the tag is turned into the ids it names, which the backend filters on."""
    from wagtail.images.views.chooser import BaseImageChooseView

    @functools.wraps(original)
    def filter_object_list(self, objects):
        tag_name = self.request.GET.get("tag")
        if tag_name:
            tagged = self.model.objects.filter(tags__name=tag_name).values_list("pk", flat=True)
            objects = objects.filter(pk__in=list(tagged))
        return super(BaseImageChooseView, self).filter_object_list(objects)

    return filter_object_list


def _not_the_root(original):
    """Reordering answers for a page among its siblings: the tree's root has none (Wagtail fails on its parent)."""

    @functools.wraps(original)
    def set_page_position(request, page_to_move_id):
        if not Page.objects.filter(pk=page_to_move_id, depth__gt=1).exists():
            raise Http404
        return original(request, page_to_move_id)

    return set_page_position


def _targets():
    """(owner, attribute name, wrapper) of every view that reads an id without checking it."""
    from filer.admin.fileadmin import FileAdmin
    from filer.admin.folderadmin import FolderAdmin
    from wagtail.admin.views import chooser as page_chooser
    from wagtail.admin.views.generic.chooser import ChosenMultipleViewMixin, ChosenViewMixin
    from wagtail.admin.views.pages import ordering
    from wagtail.admin.views.workflows import Edit as WorkflowEdit
    from wagtail.api.v2.views import BaseAPIViewSet
    from wagtail.images.views.chooser import BaseImageChooseView

    return [
        (ChosenViewMixin, "get_object", _chosen_object),
        (ChosenMultipleViewMixin, "get", _chosen_ids),
        (FileAdmin, "delete_view", _filer_delete),
        (FolderAdmin, "delete_view", _filer_delete),
        (BaseAPIViewSet, "find_object", _found_or_none),
        (WorkflowEdit, "get_paginated_pages", _listing_page),
        (page_chooser, "shared_context", _chooser_context),
        (BaseImageChooseView, "filter_object_list", _images_by_tag),
        (ordering, "set_page_position", _not_the_root),
    ]


def install():
    """Wrap them. Run from CmsConfig.ready(), before any URLconf takes hold of a view. Idempotent."""
    for owner, name, wrapper in _targets():
        original = getattr(owner, name)
        if getattr(original, "_pacte_checked", False):
            continue
        checked = wrapper(original)
        checked._pacte_checked = True
        setattr(owner, name, checked)
