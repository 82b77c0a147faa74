"""The permission handler's predicates and the querysets built on its Q rules agree, for every role x region x
forum (regional and national, closed and open to partners), and on posts public, hidden and deleted."""

import pytest
from django.contrib.auth.models import AnonymousUser

from forums.models import Forum, Post
from forums.permissions import handler
from forums.tests import factories
from people.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast(people):
    from people.tests.factories import UserFactory

    return {
        **people,
        "anonymous": AnonymousUser(),
        "partner_normandie": UserFactory(role="partner", regions=["normandie"]),
        "coordinator_nowhere": UserFactory(role="coordinator", regions=[]),
        "inactive_coordinator": UserFactory(role="coordinator", regions=["bretagne"], is_active=False),
        "superuser": UserFactory(role="coordinator", regions=[], is_superuser=True),
    }


@pytest.fixture
def forums():
    bretagne = factories.forum("bretagne")
    open_normandie = factories.forum("normandie")
    open_normandie.open_to_partners = True
    open_normandie.save()
    national = factories.national_forum()
    open_national = factories.forum("questions-sur-la-plateforme")
    open_national.open_to_partners = True
    open_national.save()
    return [bretagne, open_normandie, national, open_national, factories.forum("occitanie")]


def test_forum_predicates_agree_with_querysets(cast, forums):
    for name, user in cast.items():
        readable = set(Forum.objects.visible_to(user).values_list("pk", flat=True))
        moderated = set(Forum.objects.moderated_by(user).values_list("pk", flat=True))
        for forum in forums:
            assert handler.can_read_forum(user, forum) == (forum.pk in readable), (name, forum.slug)
            assert handler.can_moderate_forum(user, forum) == (forum.pk in moderated), (name, forum.slug)
            if user.is_authenticated:
                in_readers = User.objects.filter(handler.readers_q(forum), pk=user.pk).exists()
                assert in_readers == handler.can_read_forum(user, forum), (name, forum.slug)


def test_the_rules_themselves(cast, forums):
    bretagne, open_normandie, national, open_national, occitanie = forums
    read = lambda who, forum: handler.can_read_forum(cast[who], forum)  # noqa: E731
    assert read("coordinator_bretagne", bretagne) and read("trainer_bretagne", bretagne)
    assert not read("coordinator_normandie", bretagne) and not read("trainer_normandie", bretagne)
    assert not read("partner_bretagne", bretagne)  # partners only where the national team opened the forum
    assert read("partner_normandie", open_normandie) and not read("partner_bretagne", open_normandie)
    assert read("partner_bretagne", open_national) and not read("partner_bretagne", national)
    assert read("coordinator_nowhere", national) and not read("coordinator_nowhere", bretagne)
    assert read("national", occitanie)
    assert not read("anonymous", national) and not read("inactive_coordinator", bretagne)
    moderate = lambda who, forum: handler.can_moderate_forum(cast[who], forum)  # noqa: E731
    assert moderate("trainer_bretagne", bretagne) and not moderate("trainer_bretagne", open_normandie)
    assert not moderate("trainer_bretagne", national) and moderate("national", national)
    assert not moderate("coordinator_bretagne", bretagne)


def test_post_predicates_agree_with_querysets(cast, forums, people):
    posts = []
    for forum in forums[:3]:
        author = people["national"]
        topic = factories.topic(author, forum)
        public = factories.reply(author, topic)
        hidden = factories.reply(author, topic)
        deleted = factories.reply(author, topic)
        Post.objects.filter(pk=hidden.pk).update(is_hidden=True)
        Post.objects.filter(pk=deleted.pk).update(is_deleted=True)
        posts += [topic.posts.get(position=1), public, hidden, deleted]
    posts = list(Post.objects.filter(pk__in=[p.pk for p in posts]).select_related("topic__forum"))
    for name, user in cast.items():
        visible = set(Post.objects.visible_to(user).values_list("pk", flat=True))
        for post in posts:
            assert handler.can_read_post(user, post) == (post.pk in visible), (name, post.topic.forum.slug, post.pk)
    hidden_in_bretagne = next(p for p in posts if p.is_hidden and p.topic.forum.slug == "bretagne")
    assert not handler.can_read_post(cast["coordinator_bretagne"], hidden_in_bretagne)  # not a moderator
    assert handler.can_read_post(cast["trainer_bretagne"], hidden_in_bretagne)  # moderator of Bretagne


def test_post_actions_are_the_predicates_answers(cast, forums, people):
    """The topic page asks post_actions() for its posts (through request.user's lazy proxy): the same answers as
    each predicate per post, for every role, on public, hidden and deleted posts, own and others', locked or not."""
    from django.utils.functional import SimpleLazyObject

    from forums.models import Topic

    national, coordinator = people["national"], people["coordinator_bretagne"]
    posts = []
    for forum in forums[:3]:
        topic = factories.topic(national, forum)
        theirs, hidden, deleted = (factories.reply(national, topic) for _ in range(3))
        posts += [topic.posts.get(position=1).pk, theirs.pk, hidden.pk, deleted.pk]
    bretagne = factories.topic(national, forums[0])
    mine, mine_hidden = factories.reply(coordinator, bretagne), factories.reply(coordinator, bretagne)
    locked = factories.topic(national, forums[0])
    mine_locked = factories.reply(coordinator, locked)
    Topic.objects.filter(pk=locked.pk).update(is_locked=True)
    posts += [mine.pk, mine_hidden.pk, mine_locked.pk]
    Post.objects.filter(pk__in=[hidden.pk, mine_hidden.pk]).update(is_hidden=True)
    Post.objects.filter(pk=deleted.pk).update(is_deleted=True)
    posts = list(Post.objects.filter(pk__in=posts).select_related("topic__forum"))
    for name, user in cast.items():
        for who in (user, SimpleLazyObject(lambda user=user: user)):
            actions = handler.post_actions(who, posts)
            for post in posts:
                expected = (handler.can_quote_post(user, post), handler.can_edit_post(user, post),
                            handler.can_delete_post(user, post), handler.can_flag_post(user, post))
                got = actions[post.pk]
                assert (got.quote, got.edit, got.delete, got.flag) == expected, (name, post.pk)
    mine_actions = handler.post_actions(coordinator, posts)
    assert mine_actions[mine.pk].edit and mine_actions[mine.pk].delete and not mine_actions[mine.pk].flag
    assert not mine_actions[mine_locked.pk].edit and not mine_actions[mine_locked.pk].quote  # locked topic
    assert not mine_actions[mine_hidden.pk].edit  # hidden by a moderator: not readable by its author
