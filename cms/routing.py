"""Page routing cached with the navigation (cms.cache): Wagtail's `route` costs two queries per level of the path
(the child, then its specific page). The page a path reaches is remembered until the tree changes (cms.signals
bumps the version when a page is published, unpublished, moved, renamed or deleted) and fetched in one query."""

from django.contrib.contenttypes.models import ContentType

from cms import cache


def route(page, request, path_components, wagtail_route):
    """`wagtail_route(request, path_components)` with its answer cached. Only what the plain descent reached is
    cached: a page class with its own `route`, or a result with arguments, routes the long way every time."""
    if not path_components:
        return wagtail_route(request, path_components)
    name = f"route:{page.pk}:{'/'.join(path_components)}"
    hit = cache.get(name, request)
    if hit is not None:
        model = ContentType.objects.get_for_id(hit[0]).model_class()
        try:
            return model.objects.get(pk=hit[1]).route(request, [])
        except model.DoesNotExist:
            pass
    result = wagtail_route(request, path_components)
    reached = result.page
    if getattr(type(reached).route, "_pacte_cached_route", False) and not result.args and not result.kwargs:
        cache.set(name, (reached.content_type_id, reached.pk), request)
    return result
