"""Hostile input in every form of the site: never a server error, and markup that gets stored is shown as text.

Bounded so that the file runs in well under a minute: few examples per form, no deadline, no example database
(nothing written to the working tree)."""

import csv
import io
import re
from urllib.parse import quote

import pytest
from django.core import mail
from django.test import Client
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from people.models import User
from people.services import invitations
from people.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
LIVE_MARKUP = (SCRIPT, "<img src=x onerror=alert(1)>")

HOSTILE = [
    SCRIPT,
    IMG,
    "\x00",
    "nul\x00byte",
    "\x1b[31m\x07\x08\x7f",
    "\u202eevil\u202c",
    "\ufeffbom",
    "𝕻𝖆𝖈𝖙𝖊 🏥" * 40,
    "A" * 20_000,
    "{{ request.user.password }}{% debug %}",
    "'; DROP TABLE cms_user; --",
    "\r\nSet-Cookie: sessionid=forged",
    "../../../../etc/passwd",
    "",
    " ",
]
text = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=200),  # any code point but surrogates: controls, NUL, combining marks, RTL...
    st.builds(lambda a, b: a + SCRIPT + b, st.text(max_size=20), st.text(max_size=20)),
)
FUZZ = settings(
    max_examples=20,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _page(response) -> str:
    assert response.status_code < 500, response.status_code
    html = response.content.decode("utf-8", errors="replace")
    for markup in LIVE_MARKUP:
        assert markup not in html, f"live markup in the page: {markup}"
    return html


def _assert_shown_as_text(html, value):
    """A stored value that carries markup is in the page, escaped."""
    if SCRIPT in value:
        assert escape(SCRIPT) in html


def _logged_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


@FUZZ
@given(email=text, password=text)
def test_login(db, email, password):
    response = Client().post("/fr/accounts/login/", {"username": email, "password": password})
    assert response.status_code in (200, 429)  # the form again, or the lockout after repeated failures
    _page(response)


@FUZZ
@given(email=text)
def test_password_reset(db, email):
    response = Client().post("/en/accounts/password/reset/", {"email": email})
    assert response.status_code in (200, 302)
    _page(response)


@FUZZ
@given(
    first_name=text,
    last_name=text,
    structure_name=text,
    structure_town=text,
    language=st.sampled_from(["fr", "en", "de", SCRIPT, ""]),
    structure_type=st.sampled_from(["msp", "cpts", "cds", "", SCRIPT]),
)
def test_profile(people, first_name, last_name, structure_name, structure_town, language, structure_type):
    # A trainer: their name is shown on their region's public page too.
    person = people["trainer_bretagne"]
    client = _logged_in(person)
    data = {
        "first_name": first_name,
        "last_name": last_name,
        "preferred_language": language,
        "structure_type": structure_type,
        "structure_name": structure_name,
        "structure_town": structure_town,
    }
    response = client.post("/fr/accounts/profile/", data)
    assert response.status_code in (200, 302)
    _page(response)
    person.refresh_from_db()
    stored = " ".join([person.first_name, person.last_name, person.structure_name, person.structure_town])
    for url in ("/fr/accounts/profile/", "/fr/regions/bretagne/", "/en/regions/bretagne/"):
        _assert_shown_as_text(_page(client.get(url)), stored)
    _assert_shown_as_text(_page(Client().get("/fr/regions/bretagne/")), stored)


@FUZZ
@given(old=st.one_of(st.just(PASSWORD), text), new1=text, new2=text, same=st.booleans())
def test_password_change(people, old, new1, new2, same):
    client = _logged_in(people["coordinator_normandie"])
    data = {"old_password": old, "new_password1": new1, "new_password2": new1 if same else new2}
    response = client.post("/fr/accounts/password/change/", data)
    assert response.status_code in (200, 302)
    _page(response)


@pytest.fixture
def invitation_token(db, django_capture_on_commit_callbacks):
    invitee = UserFactory(email="invitee@example.org", first_name=SCRIPT, last_name=IMG, regions=["bretagne"])
    invitee.set_unusable_password()
    invitee.save()
    with django_capture_on_commit_callbacks(execute=True):
        invitations.invite(invitee)
    return re.search(r"/accounts/invitation/([^/\s\"']+)/", mail.outbox[-1].body).group(1)


@FUZZ
@given(new1=text, new2=text, same=st.booleans())
def test_invitation_accept(invitation_token, new1, new2, same):
    client = Client()
    url = f"/fr/accounts/invitation/{invitation_token}/"
    html = _page(client.get(url))  # the invitee's name, markup and all, as text (or the link is used up: 410)
    response = client.post(url, {"new_password1": new1, "new_password2": new1 if same else new2})
    assert response.status_code in (200, 302, 410)
    _page(response)
    assert html


@FUZZ
@given(token=text)
def test_invitation_link_with_hostile_token(db, token):
    response = Client().get(f"/fr/accounts/invitation/{quote(token, safe='') or 'x'}/")
    assert response.status_code in (400, 404, 410, 301, 302)  # 400: a NUL character (NulCharacterMiddleware)
    _page(response)


def _csv(rows, delimiter) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(["prénom", "nom", "courriel", "région", "rôle", "type de structure", "nom de la structure", "ville"])
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _upload(client, content: bytes):
    upload = io.BytesIO(content)
    upload.name = "people.csv"
    return client.post("/admin/people/import/", {"file": upload})


person_row = st.tuples(
    text,
    text,
    st.one_of(st.emails().map(str.lower), text),
    st.sampled_from(["Bretagne", "Normandie", "Brittany", SCRIPT, ""]),
    st.sampled_from(["coordonnateur", "partenaire", "national", SCRIPT]),
    st.sampled_from(["MSP", "CPTS", "", SCRIPT]),
    text,
    text,
)


@settings(FUZZ, max_examples=10)
@given(rows=st.lists(person_row, min_size=1, max_size=4), delimiter=st.sampled_from([",", ";"]))
def test_people_import_rows(people, rows, delimiter, django_capture_on_commit_callbacks):
    client = _logged_in(people["trainer_bretagne"])
    preview = _upload(client, _csv(rows, delimiter))
    assert preview.status_code == 200
    html = _page(preview)
    token = re.search(r'name="token" value="([^"]+)"', html)
    if token:  # a preview (else the file as a whole was refused, and the form says why)
        for row in rows:
            _assert_shown_as_text(html, " ".join(row))
        # The import runs once the confirmation commits (tasks run at once under the test settings).
        with django_capture_on_commit_callbacks(execute=True):
            confirmed = client.post("/admin/people/import/confirm/", {"token": token.group(1)})
        assert confirmed.status_code == 302
        _page(client.get(confirmed["Location"]))  # the import's page, with the outcome line by line
        # What was stored is shown as text on the public region page and in the admin's list of people.
        stored = " ".join(f"{u.first_name} {u.last_name}" for u in User.objects.filter(first_name__contains="<"))
        for url in ("/fr/regions/bretagne/", "/admin/users/"):
            _assert_shown_as_text(_page(_logged_in(people["national"]).get(url)), stored)


@FUZZ
@given(content=st.one_of(st.binary(max_size=2000), text.map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_people_import_any_file(people, content):
    client = _logged_in(people["national"])
    response = _upload(client, content)
    assert response.status_code == 200  # the preview, or the form with the reason the file was refused
    _page(response)
