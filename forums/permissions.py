"""Who may do what in the forums: ONE handler (django-machina's PermissionHandler style) that views, templates,
querysets, notifications, digests, the mention autocomplete and attachment downloads all consult.

Each rule exists twice, as a predicate on one object and as a Q for querysets (`*_q`); forums/tests/
test_permissions.py checks that they agree for every role x region x forum. Built on people.permissions.

- Read (and write) a forum: the national team every forum; a regional forum the region's coordinators and
  trainers; a national forum every member. Partners read nothing unless the national team opened the forum to
  partners (`open_to_partners`), and then only their regions' forum or a national one.
- Moderate: the national team every forum; a trainer their regions' forums.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.utils.functional import LazyObject, empty

from people import permissions as people
from people.enums import Role

NOTHING = Q(pk__in=[])
# Always true, and unlike an empty Q() it survives being OR-ed with another condition.
EVERYTHING = Q(pk__isnull=False)


class ForumPermissionHandler:
    # Forums ---------------------------------------------------------------------------------------------------
    def forum_q(self, user, prefix=""):
        """The forums `user` may read, as a Q on Forum (or on a relation to it, with `prefix` such as "forum__")."""
        if not people._authenticated(user):
            return NOTHING
        if people.is_national(user):
            return EVERYTHING
        regions = people.region_ids(user)
        where = Q(**{f"{prefix}region__isnull": True}) | Q(**{f"{prefix}region_id__in": regions})
        if people.has_role(user, Role.PARTNER):
            where &= Q(**{f"{prefix}open_to_partners": True})
        return where

    def can_read_forum(self, user, forum) -> bool:
        if not people._authenticated(user):
            return False
        if people.is_national(user):
            return True
        if forum.region_id is not None and forum.region_id not in people.region_ids(user):
            return False
        if people.has_role(user, Role.PARTNER):
            return forum.open_to_partners
        return True

    def moderated_q(self, user, prefix=""):
        if people.is_national(user):
            return EVERYTHING
        regions = people.trainer_region_ids(user)
        return Q(**{f"{prefix}region_id__in": regions}) if regions else NOTHING

    def can_moderate_forum(self, user, forum) -> bool:
        if people.is_national(user):
            return True
        return forum.region_id is not None and forum.region_id in people.trainer_region_ids(user)

    def can_moderate_any(self, user) -> bool:
        return people.is_national(user) or bool(people.trainer_region_ids(user))

    def can_start_topic(self, user, forum) -> bool:
        return self.can_read_forum(user, forum)

    # Topics ---------------------------------------------------------------------------------------------------
    def can_read_topic(self, user, topic) -> bool:
        return self.can_read_forum(user, topic.forum)

    def can_reply(self, user, topic) -> bool:
        if not self.can_read_topic(user, topic):
            return False
        return not topic.is_locked or self.can_moderate_forum(user, topic.forum)

    def can_moderate_topic(self, user, topic) -> bool:
        return self.can_moderate_forum(user, topic.forum)

    def can_move_topic(self, user, topic, destination) -> bool:
        return self.can_moderate_forum(user, topic.forum) and self.can_moderate_forum(user, destination)

    def can_accept_answer(self, user, topic) -> bool:
        """A question's author or a moderator of its forum marks the accepted answer."""
        if not topic.is_question or not self.can_read_topic(user, topic):
            return False
        return topic.author_id == user.pk or self.can_moderate_topic(user, topic)

    def can_make_faq(self, user, topic) -> bool:
        """A trainer (or the national team) who moderates the forum turns a resolved question into an FAQ entry."""
        return (
            topic.is_question
            and topic.accepted_post_id is not None
            and topic.faq_page_id is None
            and self.can_moderate_topic(user, topic)
            and (people.is_national(user) or people.has_role(user, Role.TRAINER))
        )

    # Posts ----------------------------------------------------------------------------------------------------
    def post_q(self, user, prefix=""):
        """Posts whose text `user` may read: in a forum they read, and neither hidden nor deleted unless they
        moderate it."""
        forum = f"{prefix}topic__forum__"
        shown = Q(**{f"{prefix}is_hidden": False, f"{prefix}is_deleted": False})
        return self.forum_q(user, forum) & (shown | self.moderated_q(user, forum))

    def can_read_post(self, user, post) -> bool:
        forum = post.topic.forum
        if not self.can_read_forum(user, forum):
            return False
        return (not post.is_hidden and not post.is_deleted) or self.can_moderate_forum(user, forum)

    def can_edit_post(self, user, post) -> bool:
        if not self.can_read_post(user, post):
            return False
        if self.can_moderate_forum(user, post.topic.forum):
            return True
        return post.author_id == user.pk and not post.is_deleted and not post.is_hidden and not post.topic.is_locked

    def can_delete_post(self, user, post) -> bool:
        return (
            not post.is_deleted
            and self.can_read_post(user, post)
            and (post.author_id == user.pk or self.can_moderate_forum(user, post.topic.forum))
        )

    def can_hide_post(self, user, post) -> bool:
        return self.can_moderate_forum(user, post.topic.forum)

    def can_view_history(self, user, post) -> bool:
        return self.can_moderate_forum(user, post.topic.forum)

    def can_flag_post(self, user, post) -> bool:
        return self.can_read_post(user, post) and post.author_id != user.pk

    def can_quote_post(self, user, post) -> bool:
        return self.can_read_post(user, post) and self.can_reply(user, post.topic)

    # Side channels --------------------------------------------------------------------------------------------
    def readers_q(self, forum):
        """The people who may read `forum`, as a Q on User: who is offered in the mention autocomplete, linked as
        a mention and notified. The same rule as can_read_forum, seen from the forum's side."""
        from people.models import User

        national = Q(is_superuser=True) | Q(role=Role.NATIONAL)
        members = EVERYTHING
        if forum.region_id is not None:
            members = Q(pk__in=User.regions.through.objects.filter(region_id=forum.region_id).values("user_id"))
        if not forum.open_to_partners:
            members &= ~Q(role=Role.PARTNER)
        return Q(is_active=True) & (national | members)

    def can_be_mentioned(self, person, forum) -> bool:
        """Only people who can read the forum are offered, linked and notified."""
        return person.is_active and self.can_read_forum(person, forum)

    def can_download_attachment(self, user, attachment) -> bool:
        return self.can_read_post(user, attachment.post)

    def can_receive_notification(self, user, notification) -> bool:
        """Checked again when a notification is shown or e-mailed: access may have changed since."""
        return self.can_read_post(user, notification.post)

    # A page of posts --------------------------------------------------------------------------------------------
    def post_actions(self, user, posts):
        """{post.pk: PostActions} for a page of posts: the answers of can_quote_post, can_edit_post,
        can_delete_post and can_flag_post for each post, asked once per post in Python rather than through a
        template tag per action (the topic page asks them for 20 posts). The same predicates decide."""
        user = unwrapped(user)
        return {
            post.pk: PostActions(
                quote=self.can_quote_post(user, post),
                edit=self.can_edit_post(user, post),
                delete=self.can_delete_post(user, post),
                flag=self.can_flag_post(user, post),
            )
            for post in posts
        }


@dataclass(frozen=True, slots=True)
class PostActions:
    quote: bool
    edit: bool
    delete: bool
    flag: bool


def unwrapped(user):
    """The user behind request.user's SimpleLazyObject: through the proxy every attribute read costs a function
    call, and a page of posts reads the user's role, flags and regions a few hundred times. The same object."""
    if isinstance(user, LazyObject):
        if user._wrapped is empty:
            user._setup()
        return user._wrapped
    return user


handler = ForumPermissionHandler()
