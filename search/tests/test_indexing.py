"""The index follows every change that matters, through the background task queued after the commit, and
`search_reindex` rebuilds it, idempotently."""

import io

import pytest
from django.core.management import call_command

from cms.models import HomePage
from cms.tests.factories import content_page
from forums import services
from forums.tests import factories as forum_factories
from people.tests.factories import UserFactory
from search.backends import get_backend
from search.backends.base import Reader
from search.models import SearchEntry
from search.permissions import reader_for
from search.text import parse_query

pytestmark = pytest.mark.django_db


def _found(word, reader=None):
    results = get_backend().search(parse_query(word), reader or Reader(authenticated=True, national=True),
                                   filters={}, offset=0, limit=50)
    return {hit.source for hit in results.hits}


def test_pages_follow_publish_unpublish_and_delete(task_worker, commit):
    home = HomePage.objects.get(locale__language_code="fr")
    with commit():
        page = content_page(home, "Page plimbaz", "plimbaz", text="Le travail en équipe plimbaz.")
    assert not _found("plimbaz"), "indexed only by the background task"
    task_worker()
    assert _found("plimbaz") == {f"page:{page.pk}"}
    with commit():
        page.unpublish()
    task_worker()
    assert not _found("plimbaz")
    with commit():
        page.save_revision().publish()
    task_worker()
    assert _found("plimbaz") == {f"page:{page.pk}"}
    with commit():
        page.delete()
    task_worker()
    assert not _found("plimbaz") and not SearchEntry.objects.filter(source=f"page:{page.pk}").exists()


def test_nothing_is_indexed_when_the_transaction_rolls_back(task_worker):
    home = HomePage.objects.get(locale__language_code="fr")
    content_page(home, "Page annulée vrombil", "vrombil", text="vrombil")
    ran = task_worker()
    assert not [r.task_path for r in ran if r.task_path.startswith("search.")] and not _found("vrombil")


def test_posts_follow_create_edit_hide_restore_delete_and_move(task_worker, commit, people):
    author = people["coordinator_bretagne"]
    coordinator = reader_for(author)
    with commit():
        topic = forum_factories.topic(author, forum_factories.forum("bretagne"), "Sujet gadribol", "Premier gadribol")
    task_worker()
    first = topic.posts.get()
    assert _found("gadribol", coordinator) == {f"topic:{topic.pk}", f"post:{first.pk}"}
    with commit():
        services.edit_post(author, first, "Texte changé fulmitor", first.version)
    task_worker()
    assert _found("fulmitor", coordinator) == {f"post:{first.pk}"} and _found("gadribol", coordinator) == {
        f"topic:{topic.pk}"}
    with commit():
        services.hide_post(people["trainer_bretagne"], first, "hors sujet")
    task_worker()
    assert not _found("fulmitor", coordinator)
    assert _found("fulmitor", reader_for(people["trainer_bretagne"])) == {f"post:{first.pk}"}  # its moderator
    with commit():
        services.restore_post(people["trainer_bretagne"], first)
    task_worker()
    assert _found("fulmitor", coordinator) == {f"post:{first.pk}"}
    with commit():
        services.move_topic(people["national"], topic, forum_factories.forum("normandie"))
    task_worker()
    assert not _found("fulmitor", coordinator) and not _found("gadribol", coordinator)
    assert _found("fulmitor", reader_for(people["coordinator_normandie"])) == {f"post:{first.pk}"}
    with commit():
        services.delete_post(people["national"], first)
    task_worker()
    assert not _found("fulmitor", reader_for(people["coordinator_normandie"]))


def test_a_forum_opened_to_partners(task_worker, commit, people):
    author = people["coordinator_bretagne"]
    with commit():
        forum_factories.topic(author, forum_factories.forum("bretagne"), "Sujet ouvert", "Texte quintabre")
    task_worker()
    partner = reader_for(people["partner_bretagne"])
    assert not _found("quintabre", partner)
    with commit():
        forum = forum_factories.forum("bretagne")
        forum.open_to_partners = True
        forum.save()
    task_worker()
    assert _found("quintabre", partner)


def test_documents_are_found_by_the_text_inside_their_file(task_worker, commit, people):
    from documents.enums import Access
    from documents.tests.factories import make_document

    with commit():
        document = make_document(title="Référentiel", access=Access.TRAINERS,
                                 paragraphs=["La coordination des équipes tramboline dépend de tous."])
    task_worker()
    assert _found("tramboline", reader_for(people["trainer_normandie"])) == {f"document:{document.pk}"}
    assert not _found("tramboline", reader_for(people["coordinator_bretagne"]))
    from documents import services as document_services

    with commit():
        document_services.delete_document(document)
    task_worker()
    assert not _found("tramboline")


def test_search_reindex_is_idempotent(people):
    author = UserFactory(role="coordinator", regions=["bretagne"])
    forum_factories.topic(author, forum_factories.forum("bretagne"), "Sujet zimbalon", "Texte zimbalon")
    SearchEntry.objects.filter(source__startswith="page:").delete()  # stale state the rebuild repairs
    out = io.StringIO()
    call_command("search_reindex", stdout=out)
    assert "entries indexed" in out.getvalue()
    first = sorted(SearchEntry.objects.values_list("source", "title", "access", "region_id"))
    found = _found("zimbalon")
    call_command("search_reindex", stdout=io.StringIO(), verbosity=0)
    assert sorted(SearchEntry.objects.values_list("source", "title", "access", "region_id")) == first
    assert _found("zimbalon") == found and len(found) == 2
    assert any(source.startswith("page:") for source, *_rest in first)


def test_a_translated_document_is_found_once_by_its_file_and_by_each_title(commit, people):
    """The translation shares the source's file: a word of the file finds the document once (its source), each
    language's title finds that language's row."""
    from cms.services.translation import translate
    from documents.enums import Access
    from documents.tests.factories import make_document

    with commit():
        source = make_document(title="Guide d’animation vrombix", access=Access.PUBLIC,
                               paragraphs=["Le texte du fichier parle de plumetage."])
        english = translate(source, "en", {"Guide d’animation vrombix": "Facilitation guide vrombix"}, publish=True)
    call_command("search_reindex", stdout=io.StringIO(), verbosity=0)
    assert _found("plumetage") == {f"document:{source.pk}"}
    assert _found("vrombix") == {f"document:{source.pk}", f"document:{english.pk}"}
    assert _found("facilitation vrombix") == {f"document:{english.pk}"}
