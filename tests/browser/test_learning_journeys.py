"""E-learning in a real Chromium: a coordinator takes a short module with a quiz and downloads the certificate.
Élodie Roux (Occitanie) is used by no other journey; the demo has her done with the first lesson."""

import re

from playwright.sync_api import expect

from .conftest import log_in


def test_a_coordinator_takes_a_module_with_a_quiz_and_downloads_the_certificate(new_page):
    page = log_in(new_page(), "elodie.roux@example.org")
    page.goto("/fr/ressources/modules/")
    page.get_by_role("link", name="Animer une réunion d’équipe pluriprofessionnelle").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Animer une réunion d’équipe pluriprofessionnelle")
    page.get_by_role("link", name="Reprendre").click()

    page.get_by_role("navigation", name="Leçons", exact=True).get_by_role("link", name="Distribuer la parole", exact=True).click()
    expect(page.get_by_role("heading", name="Vérifier mes acquis")).to_be_visible()
    page.get_by_label("Le tour de table").check()
    page.get_by_label("Gardien du temps").check()
    page.get_by_label("Secrétaire de séance").check()
    page.get_by_label("Vrai").check()
    page.get_by_role("button", name="Envoyer mes réponses").click()
    expect(page.locator(".quiz-score")).to_contain_text("100")
    expect(page.locator(".quiz-score")).to_contain_text("Réussi")

    page.get_by_role("link", name="Revenir à la leçon").click()
    expect(page.get_by_text("Vous avez fait cette leçon.")).to_be_visible()
    page.get_by_role("link", name=re.compile("Suivant")).click()
    page.get_by_role("button", name="Marquer cette leçon comme faite").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Animer une réunion d’équipe pluriprofessionnelle")
    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger mon attestation (PDF)").click()
    path = download.value.path()
    with open(path, "rb") as pdf:
        data = pdf.read()
    assert data.startswith(b"%PDF")
    from cms.pdf import pdf_text

    text = " ".join(pdf_text(data).split())
    assert "Élodie Roux" in text and "Animer une réunion d’équipe pluriprofessionnelle" in text


def test_a_coordinator_plays_a_scorm_package_and_its_completion_marks_the_lesson_done(new_page):
    """The package plays in a sandboxed frame (an opaque origin): its script calls LMSSetValue(lesson_status,
    completed) and LMSFinish on our injected runtime, which posts to the lesson page, which records it.
    Karim Saïdi is used by no other journey."""
    page = log_in(new_page(), "karim.saidi@example.org")
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto("/fr/ressources/modules/accueillir-un-nouveau-professionnel/le-parcours-d-accueil/")
    frame = page.frame_locator("iframe[title='Le parcours d’accueil en trois étapes']")
    expect(frame.get_by_role("heading", name="Le parcours d’accueil en trois étapes")).to_be_visible()
    expect(frame.locator("#state")).to_have_text("not attempted")  # the runtime answered LMSGetValue
    # The frame's document cannot read the platform's cookies: it runs in an opaque origin.
    assert page.frames[1].evaluate("() => { try { return document.cookie; } catch (e) { return 'blocked'; } }") in (
        "", "blocked")
    frame.get_by_role("button", name="J’ai terminé").click()
    expect(page.locator("[data-interactive-status]")).to_contain_text("cette leçon est faite")
    page.reload()
    expect(page.get_by_text("Vous avez fait cette leçon.")).to_be_visible()
    expect(frame.locator("#state")).to_have_text("completed")  # the next visit resumes from the recorded state
    assert not [e for e in errors if "Content Security Policy" in e or "postMessage" in e], errors


def test_a_coordinator_answers_h5p_content_and_its_completion_marks_the_lesson_done(new_page):
    """H5P content (our H5P.PacteQuestion library) plays through h5p-standalone on a player page in the same
    sandboxed frame as SCORM packages: its xAPI statements reach the lesson page by postMessage, and the server
    records them. A wrong answer is recorded and leaves the lesson to do; the right one completes it. Karim Saïdi
    is used by no other journey (the SCORM one takes the module's other lesson)."""
    page = log_in(new_page(), "karim.saidi@example.org")
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto("/fr/ressources/modules/accueillir-un-nouveau-professionnel/le-role-du-referent/")
    expect(page.get_by_text("Cette leçon est faite quand son contenu interactif est terminé.")).to_be_visible()
    frame = page.frame_locator("iframe[title='Question : le rôle du référent']")
    expect(frame.get_by_text("Le référent accompagne le nouveau professionnel")).to_be_visible()
    assert page.frames[1].evaluate("() => { try { return document.cookie; } catch (e) { return 'blocked'; } }") in (
        "", "blocked")
    frame.get_by_label("Faux").check()
    frame.get_by_role("button", name="Vérifier").click()
    expect(frame.get_by_role("status")).to_contain_text("Ce n’est pas la bonne réponse")
    expect(page.locator("[data-interactive-status]")).to_have_text("Votre progression est enregistrée.")
    frame.get_by_label("Vrai").check()
    frame.get_by_role("button", name="Réessayer").click()
    expect(frame.get_by_role("status")).to_have_text("Bonne réponse !")
    expect(page.locator("[data-interactive-status]")).to_contain_text("cette leçon est faite")
    page.reload()
    expect(page.get_by_text("Vous avez fait cette leçon.")).to_be_visible()
    expect(frame.get_by_label("Vrai")).to_be_checked()  # the next visit resumes from the recorded state
    assert not [e for e in errors if "Content Security Policy" in e or "postMessage" in e or "H5P" in e], errors
