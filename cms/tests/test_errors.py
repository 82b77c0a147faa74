"""The 404 page keeps the site around it and leads somewhere that exists."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language, home, sitemap, other, other_home", [
    ("fr", "/fr/", "/fr/plan-du-site/", "en", "/en/"),
    ("en", "/en/", "/en/site-map/", "fr", "/fr/"),
])
def test_not_found_keeps_header_and_footer_and_offers_home_and_site_map(client, language, home, sitemap, other,
                                                                        other_home):
    response = client.get(f"/{language}/nulle-part/")

    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert 'class="site-header"' in html and 'class="main-nav"' in html and 'class="site-footer"' in html
    main = html[html.index("<main"):html.index("</main>")]
    assert f'href="{home}"' in main and f'href="{sitemap}"' in main
    # The switcher leads to the other language's home, which exists; no alternate is claimed for a missing page.
    assert f'<a href="{other_home}" hreflang="{other}"' in html
    assert f"/{other}/nulle-part/" not in html
    assert 'rel="alternate"' not in html
    assert client.get(other_home).status_code == 200
