"""What keeps the index current: each change queues a refresh of the entries it touches, run by a background task
after the commit (search.indexing.queue_refresh). Connected in SearchConfig.ready."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from search.indexing import queue_refresh


def _subtree_ids(page):
    return list(Page.objects.filter(path__startswith=page.path).values_list("pk", flat=True))


def page_changed(sender, instance, **kwargs):
    """Published or unpublished: this page; its descendants' entries follow their own signals."""
    queue_refresh("page", [instance.pk])


def page_deleted(sender, instance, **kwargs):
    queue_refresh("page", [instance.pk])


def page_moved(sender, instance, **kwargs):
    """A move changes the addresses and, through the ancestors' restrictions, the readers of the whole subtree."""
    queue_refresh("page", _subtree_ids(instance))


def restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        queue_refresh("page", _subtree_ids(page))


def restriction_groups_changed(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and isinstance(instance, PageViewRestriction):
        restriction_changed(sender, instance)


def forum_content_changed(sender, topic_ids=(), post_ids=(), **kwargs):
    if topic_ids:
        queue_refresh("topic", topic_ids)
    if post_ids:
        queue_refresh("post", post_ids)


def forum_saved(sender, instance, created=False, raw=False, **kwargs):
    """A forum's region or opening to partners decides who reads everything in it."""
    if created or raw:
        return
    from forums.models import Post

    queue_refresh("topic", instance.topics.values_list("pk", flat=True))
    queue_refresh("post", Post.objects.filter(topic__forum=instance).values_list("pk", flat=True))


def topic_deleted(sender, instance, **kwargs):
    queue_refresh("topic", [instance.pk])


def post_deleted(sender, instance, **kwargs):
    queue_refresh("post", [instance.pk])


def connect():
    from django.apps import apps

    page_published.connect(page_changed, dispatch_uid="search.page_published")
    page_unpublished.connect(page_changed, dispatch_uid="search.page_unpublished")
    post_delete.connect(page_deleted, sender=Page, dispatch_uid="search.page_deleted")
    post_page_move.connect(page_moved, dispatch_uid="search.page_moved")
    post_save.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid="search.restriction_saved")
    post_delete.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid="search.restriction_deleted")
    m2m_changed.connect(
        restriction_groups_changed, sender=PageViewRestriction.groups.through, dispatch_uid="search.restriction_groups"
    )
    if apps.is_installed("forums"):
        from forums.models import Forum, Post, Topic
        from forums.signals import content_changed

        content_changed.connect(forum_content_changed, dispatch_uid="search.forum_content")
        post_save.connect(forum_saved, sender=Forum, dispatch_uid="search.forum_saved")
        post_delete.connect(topic_deleted, sender=Topic, dispatch_uid="search.topic_deleted")
        post_delete.connect(post_deleted, sender=Post, dispatch_uid="search.post_deleted")
    if apps.is_installed("documents"):
        from search.document_source import connect as connect_documents

        connect_documents()
