"""The site's URLs plus the floor: a bare Django view behind the same middleware, the cheapest response the
stack can give, against which every page's cost is read."""

from django.http import HttpResponse
from django.urls import path

from cms.urls import handler404, handler500  # noqa: F401
from cms.urls import urlpatterns as site_urlpatterns

FLOOR_HTML = (
    b'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>floor</title></head>'
    b"<body><p>floor</p></body></html>"
)


def floor(request):
    return HttpResponse(FLOOR_HTML)


urlpatterns = [path("bench/floor/", floor, name="bench-floor"), *site_urlpatterns]
