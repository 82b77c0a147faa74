"""The forums' journey in a real Chromium: a coordinator starts a question mentioning a trainer (picked from the
autocomplete), the trainer sees the notification and replies, another trainer marks the accepted answer."""

import re
import secrets

from playwright.sync_api import expect

from .conftest import log_in


def test_question_with_a_mention_answered_and_accepted(new_page):
    title = f"Animer un groupe de pairs ? {secrets.token_hex(3)}"
    coordinator = log_in(new_page(), "coordinator.bretagne@example.org")
    coordinator.goto("/fr/forums/")
    coordinator.get_by_role("link", name="Bretagne", exact=True).click()
    coordinator.get_by_role("link", name="Nouveau sujet").click()
    coordinator.get_by_label("Titre").fill(title)
    coordinator.get_by_label("C’est une question").check()
    editor = coordinator.get_by_label("Message")
    editor.fill("Comment lancer un groupe de pairs entre coordonnateurs ? ")
    editor.press_sequentially("@anne-r", delay=30)
    suggestion = coordinator.get_by_role("option", name=re.compile("Anne Riou"))
    expect(suggestion).to_be_visible()
    editor.press("Enter")
    expect(editor).to_have_value(re.compile(r"@anne-riou $"))
    coordinator.get_by_role("button", name="Aperçu").click()
    expect(coordinator.locator(".preview .mention")).to_have_text("@anne-riou")
    coordinator.get_by_role("button", name="Publier").click()
    expect(coordinator.get_by_role("heading", level=1)).to_have_text(title)

    trainer = log_in(new_page(), "anne.riou@example.org")
    trainer.goto("/fr/forums/notifications/")
    notification = trainer.locator(".notification").filter(has_text=title).first
    expect(notification).to_contain_text("vous a mentionné")
    notification.get_by_role("link", name=re.compile("Lire le message")).click()
    expect(trainer.get_by_role("heading", level=1)).to_have_text(title)
    trainer.locator("#reply-heading ~ form textarea").fill("Commencez par un binôme par territoire, une heure par mois.")
    trainer.locator("#reply-heading ~ form").get_by_role("button", name="Publier").click()
    expect(trainer.locator(".post").last).to_contain_text("binôme par territoire")

    moderator = log_in(new_page(), "trainer.bretagne@example.org")
    moderator.goto(trainer.url.split("#")[0])
    moderator.locator(".post").last.get_by_role("button", name=re.compile("Marquer comme la réponse acceptée")).click()
    expect(moderator.locator(".post-accepted")).to_contain_text("binôme par territoire")
    coordinator.goto("/fr/forums/bretagne/?filter=unanswered")
    expect(coordinator.get_by_role("link", name=title)).to_have_count(0)
