"""*My space*: where each person lands after logging in (people.space says where its sections come from)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from people import space as sections


@never_cache
@login_required
def space(request):
    context = {"regions": list(request.user.regions.all()), "sections": sections.sections_for(request)}
    return render(request, "people/space.html", context)
