"""cms.middleware.NulCharacterMiddleware: a URL with a NUL character is a bad request, wherever it is."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/fr/%00/", "/fr/?q=%00", "/fr/?%00=1", "/admin/workflows/tasks/add/x/%00/",
                                  "/django-admin/filer/folder/?q=%00"])
def test_a_nul_character_in_the_url_is_a_bad_request(people, path):
    client = Client(raise_request_exception=False)
    client.force_login(people["national"])
    response = client.get(path)
    assert response.status_code == 400
    assert "Requête incorrecte" in response.content.decode()


def test_the_bad_request_page_speaks_the_language_of_the_path(client):
    html = client.get("/en/regions/?q=%00").content.decode()
    assert '<html lang="en">' in html and "Bad request" in html


def test_an_encoded_percent_sign_is_no_nul(client):
    assert client.get("/fr/?q=%2500").status_code == 200
