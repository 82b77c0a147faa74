"""The forums' section of Mon espace."""

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from forums import services
from forums.space import section_for
from forums.tests import factories

pytestmark = pytest.mark.django_db


def test_section_lists_unread_subscribed_topics_and_notifications(people, django_capture_on_commit_callbacks):
    reader = people["trainer_bretagne"]
    services.subscribe(reader, forum=factories.forum("bretagne"))
    with django_capture_on_commit_callbacks(execute=True):
        factories.topic(people["coordinator_bretagne"], factories.forum("bretagne"), title="Suivi des projets")
    factories.topic(people["coordinator_bretagne"], factories.national_forum(), title="Pas suivi")
    section = section_for(reader)
    assert [t.title for t in section["context"]["forum_topics"]] == ["Suivi des projets"]
    request = RequestFactory().get("/fr/")
    request.user = reader
    html = render_to_string(section["template"], section["context"], request=request)
    assert "Suivi des projets" in html and "Pas suivi" not in html
    assert section_for(people["partner_bretagne"]) is None  # partners read no forum unless it is opened to them
