"""The certificate: a real PDF whose text, extracted back, names the person, the module, the date, the duration and
the code, accents included, in the reader's language; the public verification page shows nothing else."""

import pytest

from cms.pdf import pdf_text
from learning import certificates, services
from learning.models import Certificate
from learning.tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(people):
    user = people["coordinator_bretagne"]
    user.first_name, user.last_name = "Anaïs", "Lœvenbruck-Étienne"
    user.save()
    module = f.make_module(lessons=1, title="Conduite de projet : démarche qualité « pas à pas »", duration=150)
    services.mark_lesson_done(user, module.get_children().specific().first(), module)
    return Certificate.objects.get(user=user)


def test_the_pdf_says_who_what_when_and_its_code(client, people, certificate):
    client.force_login(people["coordinator_bretagne"])
    response = client.get(f"/fr/learning/certificates/{certificate.pk}/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = " ".join(pdf_text(response.content).split())
    assert "Anaïs Lœvenbruck-Étienne" in text
    assert "Conduite de projet : démarche qualité « pas à pas »" in text
    assert certificates.display_code(certificate.code) in text
    assert "Durée : 2 heures 30 minutes" in text and "Attestation de réussite" in text
    english = " ".join(pdf_text(client.get(f"/en/learning/certificates/{certificate.pk}/").content).split())
    assert "Certificate of completion" in english and "Anaïs" in english


def test_only_the_holder_their_trainers_and_the_national_team_download_it(client, people, certificate):
    url = f"/fr/learning/certificates/{certificate.pk}/"
    for who, status in (("trainer_bretagne", 200), ("national", 200), ("trainer_normandie", 404),
                        ("partner_bretagne", 404), ("coordinator_normandie", 404)):
        client.force_login(people[who])
        assert client.get(url).status_code == status, who


def test_the_verification_page_confirms_without_login_and_shows_nothing_else(client, people, certificate):
    response = client.get(f"/fr/learning/verify/{certificates.display_code(certificate.code).lower()}/")
    html = response.content.decode()
    assert response.status_code == 200 and "Anaïs Lœvenbruck-Étienne" in html
    person = people["coordinator_bretagne"]
    for private in (person.email, person.structure_name, "Bretagne"):
        assert private not in html.split('<main')[1].split('</main>')[0]
    assert client.get("/fr/learning/verify/AAAA-BBBB-CCCC/").status_code == 404
