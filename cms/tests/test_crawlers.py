"""What crawlers and browsers ask for at fixed addresses: /sitemap.xml, /robots.txt, /favicon.ico."""

import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import Group
from django.contrib.staticfiles import finders
from wagtail.models import PageViewRestriction

from cms.models import ContentPage, RegionPage

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return {
        url.find("s:loc", NS).text.removeprefix("http://testserver"): {
            link.get("hreflang"): link.get("href").removeprefix("http://testserver")
            for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def test_sitemap_lists_both_languages_with_hreflang_alternates(client):
    urls = sitemap(client)

    assert urls["/fr/regions/bretagne/"] == {"fr": "/fr/regions/bretagne/", "en": "/en/regions/bretagne/"}
    assert urls["/en/legal-notice/"] == {"fr": "/fr/mentions-legales/", "en": "/en/legal-notice/"}
    assert urls["/en/site-map/"] == {"fr": "/fr/plan-du-site/", "en": "/en/site-map/"}
    assert "/fr/" in urls and "/en/" in urls
    assert len([u for u in urls if u.startswith("/fr/regions/")]) == 19


def test_sitemap_leaves_out_drafts_and_private_pages_and_untranslated_pages_have_no_alternate(client):
    bretagne = RegionPage.objects.get(region__code="bretagne", locale__language_code="fr")
    only_french = ContentPage(title="Seulement en français", slug="seulement-fr")
    bretagne.add_child(instance=only_french)
    only_french.save_revision().publish()
    draft = ContentPage(title="Brouillon", slug="brouillon", live=False)
    bretagne.add_child(instance=draft)
    draft.save_revision()
    PageViewRestriction.objects.create(page=RegionPage.objects.get(region__code="corse", locale__language_code="en"),
                                       restriction_type=PageViewRestriction.GROUPS).groups.add(
        Group.objects.create(name="Corse"))

    urls = sitemap(client)

    assert urls["/fr/regions/bretagne/seulement-fr/"] == {}
    assert "/fr/regions/bretagne/brouillon/" not in urls
    assert "/en/regions/corse/" not in urls
    assert urls["/fr/regions/corse/"] == {}  # its only translation is private


def test_sitemap_queries_do_not_grow_with_the_pages(client, django_assert_max_num_queries):
    bretagne = RegionPage.objects.get(region__code="bretagne", locale__language_code="fr")
    for i in range(30):
        page = ContentPage(title=f"Page {i}", slug=f"page-{i}")
        bretagne.add_child(instance=page)
        page.save_revision().publish()
    client.get("/sitemap.xml")
    with django_assert_max_num_queries(6):
        response = client.get("/sitemap.xml")
    assert response.content.decode().count("<url>") >= 2 * 24 + 30


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines and "Disallow: /django-admin/" in lines
    assert "Disallow: /" not in lines  # the public site stays open


def test_favicon_ico_leads_to_the_site_icon(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 302
    assert response["Location"] == "/static/img/favicon.svg"
    assert finders.find("img/favicon.svg")
