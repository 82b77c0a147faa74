from django.http import JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from search.results import run_search, suggestions


@require_GET
def results(request):
    """The results page: what this person may read, ranked, with facets (search.results.run_search)."""
    response = render(request, "search/results.html", {"search": run_search(request.user, request.GET)})
    patch_cache_control(response, private=True, no_store=True)
    return response


@require_GET
def suggest(request):
    """Titles for the header box's suggestions, as JSON (static/js/search.js)."""
    response = JsonResponse({"suggestions": suggestions(request.user, request.GET.get("q", ""))})
    patch_cache_control(response, private=True, no_store=True)
    return response
