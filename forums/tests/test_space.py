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
    html = render_to_string(section["template"], {"section": section_object(section)}, request=request)
    assert "Suivi des projets" in html and "Pas suivi" not in html
    assert section_for(people["partner_bretagne"]) is None  # partners read no forum unless it is opened to them


def section_object(found):
    from people import space

    return space.Section(found["title"], template=found["template"], context=found["context"])


def test_my_space_shows_the_forums_section(client, people, django_capture_on_commit_callbacks):
    reader = people["trainer_bretagne"]
    services.subscribe(reader, forum=factories.forum("bretagne"))
    with django_capture_on_commit_callbacks(execute=True):
        factories.topic(people["coordinator_bretagne"], factories.forum("bretagne"), title="Suivi des projets")
    client.force_login(reader)
    html = client.get("/fr/accounts/space/").content.decode()
    assert 'id="space-forums"' in html and "Suivi des projets" in html
    client.force_login(people["partner_bretagne"])
    assert 'id="space-forums"' not in client.get("/fr/accounts/space/").content.decode()
