"""The agenda, the COPIL report and the attestation are real PDFs whose text reads back, in the page's language,
with their title in the metadata."""

import io

import pytest
from pypdf import PdfReader

from cms.pdf import pdf_text
from seminars import services
from seminars.tests import factories

pytestmark = pytest.mark.django_db


def _pdf(response):
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    return response.content


def test_the_agenda_pdf(client, people):
    seminar = factories.seminar("bretagne", title="Séminaire 1 – Animer l’équipe", trainers=[people["trainer_bretagne"]])
    data = _pdf(client.get(f"/fr/seminars/{factories.key(seminar)}/agenda.pdf"))
    text = " ".join(pdf_text(data).split())
    assert "Séminaire 1 – Animer l’équipe" in text and "Atelier 1" in text and "Résolution de problèmes" in text
    assert "Maison des associations" in text and people["trainer_bretagne"].get_full_name() in text
    assert "09:00 – 09:45" in text
    assert PdfReader(io.BytesIO(data)).metadata.title == "Séminaire 1 – Animer l’équipe"
    english = " ".join(pdf_text(_pdf(client.get(f"/en/seminars/{factories.key(seminar)}/agenda.pdf"))).split())
    assert "Problem solving" in english and "Facilitated by" in english


def test_the_report_pdf_computes_attendance(client, people):
    seminar = factories.seminar("bretagne")
    coordinator = people["coordinator_bretagne"]
    factories.register(seminar, coordinator)
    services.record_attendance(seminar, people["trainer_bretagne"], seminar.start_date, "am", [coordinator.pk])
    services.save_report(seminar, people["trainer_bretagne"], themes="Conduite de projet « en équipe »",
                         difficulties="Deux absences")
    client.force_login(people["partner_bretagne"])
    text = " ".join(pdf_text(_pdf(client.get(f"/fr/seminars/{factories.key(seminar)}/report.pdf"))).split())
    assert "Bilan pour le COPIL" in text and "Conduite de projet « en équipe »" in text
    assert "1 / 1" in text and "Taux de présence" in text and "Deux absences" in text


def test_the_attestation_pdf(client, people):
    seminar = factories.seminar("bretagne", title="Séminaire de Rennes")
    coordinator = people["coordinator_bretagne"]
    factories.register(seminar, coordinator)
    services.record_attendance(seminar, people["trainer_bretagne"], seminar.start_date, "am", [coordinator.pk])
    client.force_login(coordinator)
    text = " ".join(pdf_text(_pdf(client.get(f"/fr/seminars/diploma/{coordinator.pk}/attestation.pdf"))).split())
    assert coordinator.get_full_name() in text and "Séminaire de Rennes" in text
    assert "pas toutes atteintes" in text or "not all met" in text
