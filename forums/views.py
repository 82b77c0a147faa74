"""Thin views: parse, ask the permission handler, call one service or query, render. A forum, topic or post that
the reader may not read answers 404, as if it did not exist."""

import math

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Exists, F, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from forums import conf, forms, markup, services
from forums.enums import ModerationAction
from forums.models import (
    Attachment,
    Flag,
    Forum,
    ForumProfile,
    Notification,
    Post,
    Subscription,
    Topic,
    TopicReadState,
)
from forums.links import PkUrls
from forums.permissions import handler, unwrapped


def _forum(request, slug):
    forum = get_object_or_404(Forum, slug=slug)
    if not handler.can_read_forum(request.user, forum):
        raise Http404
    return forum


def _topic(request, pk, queryset=Topic.objects):
    topic = get_object_or_404(queryset.select_related("forum", "author", "accepted_post__author"), pk=pk)
    if not handler.can_read_topic(request.user, topic):
        raise Http404
    return topic


def _post(request, pk):
    post = get_object_or_404(Post.objects.select_related("topic__forum", "author"), pk=pk)
    if not handler.can_read_post(request.user, post):
        raise Http404
    return post


def _page_of(position):
    return max(1, math.ceil(position / conf.posts_per_page()))


def _at_post(post):
    return f"{reverse('forums:topic', kwargs={'pk': post.topic_id})}?page={_page_of(post.position)}#p{post.position}"


POST_URLS = ("post", "post_edit", "post_delete", "post_flag", "post_accept", "post_restore", "post_hide",
             "post_history")


# A list shows who wrote a topic's last post, never its text: not loaded.
LAST_POST_TEXT = ("last_post__body", "last_post__body_html")


def _read_position(user):
    return Subquery(TopicReadState.objects.filter(user=user, topic=OuterRef("pk")).values("last_read_position")[:1])


@never_cache
@login_required
def forum_list(request):
    forums = Forum.objects.visible_to(request.user).select_related("last_post__author", "last_post__topic")
    return render(request, "forums/forum_list.html", {"forums": forums})


@never_cache
@login_required
def forum_detail(request, slug):
    forum = _forum(request, slug)
    topics = forum.topics.select_related("author", "last_post__author").defer(*LAST_POST_TEXT).annotate(
        read_position=_read_position(request.user)
    )
    unanswered = request.GET.get("filter") == "unanswered"
    if unanswered:
        topics = topics.unanswered()
    paginator = Paginator(topics, conf.topics_per_page())
    paginator.count = topics.count() if unanswered else forum.topic_count
    page = paginator.get_page(request.GET.get("page"))
    subscribed = forum.subscriptions.filter(user=request.user).exists()
    return render(request, "forums/forum_detail.html", {
        "forum": forum, "page_obj": page, "unanswered": unanswered, "subscribed": subscribed,
    })


@never_cache
@login_required
def topic_detail(request, pk):
    user = unwrapped(request.user)
    # Where the reader stopped and whether they follow the topic, in the topic's query.
    topic = _topic(request, pk, Topic.objects.annotate(
        read_position=_read_position(user),
        subscribed=Exists(Subscription.objects.filter(user=user, topic=OuterRef("pk"))),
    ))
    pages = max(1, _page_of(topic.last_position))
    number = pages if request.GET.get("page") == "last" else request.GET.get("page", "1")
    try:
        number = min(max(1, int(number)), pages)
    except ValueError:
        number = 1
    first = (number - 1) * conf.posts_per_page() + 1
    posts = list(
        topic.posts.filter(position__gte=first, position__lt=first + conf.posts_per_page())
        .select_related("author").prefetch_related(Prefetch("attachments", to_attr="attachment_list"))
    )
    known = topic.read_position or 0
    if posts:
        services.mark_read(user, topic, posts[-1].position, known=known)
    # What the reader may do with each post and with the topic, asked once here rather than per post in the
    # template: the same predicates of the permission handler.
    actions = handler.post_actions(user, posts)
    urls = PkUrls(*POST_URLS)
    for post in posts:
        post.actions = actions[post.pk]
        post.urls = urls(post.pk)
    context = {
        "topic": topic, "forum": topic.forum, "posts": posts, "number": number, "pages": pages,
        "page_range": range(1, pages + 1),
        "reply_url": reverse("forums:reply", kwargs={"pk": topic.pk}), "first_unread": known + 1,
        "subscribed": topic.subscribed,
        "form": forms.PostForm() if handler.can_reply(user, topic) else None,
        "can_moderate": handler.can_moderate_topic(user, topic),
        "can_accept": handler.can_accept_answer(user, topic),
        "can_faq": handler.can_make_faq(user, topic),
    }
    if context["can_moderate"]:
        context["move_form"] = forms.MoveForm(
            queryset=Forum.objects.moderated_by(user).exclude(pk=topic.forum_id)
        )
    return render(request, "forums/topic_detail.html", context)


@login_required
def topic_first_unread(request, pk):
    topic = _topic(request, pk)
    state = TopicReadState.objects.filter(user=request.user, topic=topic).first()
    position = min((state.last_read_position if state else 0) + 1, max(topic.last_position, 1))
    url = reverse("forums:topic", kwargs={"pk": topic.pk})
    return redirect(f"{url}?page={_page_of(position)}#p{position}")


@login_required
def post_permalink(request, pk):
    return redirect(_at_post(_post(request, pk)))


def _editor(request, form, *, title, forum, topic=None, preview=None, status=200, current=None):
    return render(request, "forums/editor.html", {
        "form": form, "title": title, "forum": forum, "topic": topic, "preview": preview, "current": current,
    }, status=status)


def _preview(form, forum):
    body = form.data.get("body", "")
    return markup.render(body, services.mentionable(forum, markup.mentioned_handles(body)))


def _refused(request, form, exc, **kwargs):
    form.add_error(None, exc.message)
    return _editor(request, form, status=exc.status, **kwargs)


@never_cache
@login_required
def topic_create(request, slug):
    forum = _forum(request, slug)
    form = forms.TopicForm(request.POST or None, request.FILES or None)
    kwargs = {"title": _("New topic"), "forum": forum}
    if request.method == "POST" and "preview" in request.POST:
        return _editor(request, form, preview=_preview(form, forum), **kwargs)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            topic = services.start_topic(
                request.user, forum, data["title"], data["body"], data["is_question"], data["attachments"]
            )
        except services.PostRefused as exc:
            return _refused(request, form, exc, **kwargs)
        return redirect(topic)
    return _editor(request, form, **kwargs)


@never_cache
@login_required
def topic_reply(request, pk):
    topic = _topic(request, pk)
    if not handler.can_reply(request.user, topic):
        raise Http404
    initial = {}
    quoted = request.GET.get("quote")
    if quoted and quoted.isdigit():
        post = _post(request, int(quoted))
        if post.topic_id == topic.pk and handler.can_quote_post(request.user, post):
            initial["body"] = markup.quote(post.author.get_full_name(), post.body)
    form = forms.PostForm(request.POST or None, request.FILES or None, initial=initial)
    kwargs = {"title": _("Reply to “%(title)s”") % {"title": topic.title}, "forum": topic.forum, "topic": topic}
    if request.method == "POST" and "preview" in request.POST:
        return _editor(request, form, preview=_preview(form, topic.forum), **kwargs)
    if request.method == "POST" and form.is_valid():
        try:
            post = services.reply(request.user, topic, form.cleaned_data["body"], form.cleaned_data["attachments"])
        except services.PostRefused as exc:
            return _refused(request, form, exc, **kwargs)
        return redirect(_at_post(post))
    return _editor(request, form, **kwargs)


@never_cache
@login_required
def post_edit(request, pk):
    post = _post(request, pk)
    if not handler.can_edit_post(request.user, post):
        raise Http404
    form = forms.EditForm(request.POST or None, initial={"body": post.body, "version": post.version})
    kwargs = {"title": _("Edit a message"), "forum": post.topic.forum, "topic": post.topic}
    if request.method == "POST" and "preview" in request.POST:
        return _editor(request, form, preview=_preview(form, post.topic.forum), **kwargs)
    if request.method == "POST" and form.is_valid():
        try:
            post = services.edit_post(request.user, post, form.cleaned_data["body"], form.cleaned_data["version"])
        except services.EditConflict as conflict:
            form = forms.EditForm({"body": form.cleaned_data["body"], "version": conflict.current.version})
            form.is_valid()
            form.add_error(None, _(
                "Someone else changed this message while you were editing it. Their version is shown below; "
                "your text is kept in the editor: save again to replace theirs."
            ))
            return _editor(request, form, status=409, current=conflict.current, **kwargs)
        except services.PostRefused as exc:
            return _refused(request, form, exc, **kwargs)
        return redirect(_at_post(post))
    return _editor(request, form, **kwargs)


@require_POST
@login_required
def post_delete(request, pk):
    post = _post(request, pk)
    if not handler.can_delete_post(request.user, post):
        raise Http404
    services.delete_post(request.user, post)
    messages.success(request, _("The message has been deleted."))
    return redirect(_at_post(post))


@never_cache
@login_required
def post_hide(request, pk):
    post = _post(request, pk)
    if not handler.can_hide_post(request.user, post):
        raise Http404
    form = forms.ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.hide_post(request.user, post, form.cleaned_data["reason"])
        messages.success(request, _("The message has been hidden."))
        return redirect(_at_post(post))
    return render(request, "forums/reason_form.html", {
        "form": form, "post": post, "title": _("Hide a message"), "submit_label": _("Hide the message"),
    })


@require_POST
@login_required
def post_restore(request, pk):
    post = _post(request, pk)
    if not handler.can_hide_post(request.user, post):
        raise Http404
    services.restore_post(request.user, post)
    messages.success(request, _("The message has been restored."))
    return redirect(_at_post(post))


@never_cache
@login_required
def post_flag(request, pk):
    post = _post(request, pk)
    if not handler.can_flag_post(request.user, post):
        raise Http404
    form = forms.ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.flag_post(request.user, post, form.cleaned_data["reason"])
        messages.success(request, _("Thank you: the moderators will look at this message."))
        return redirect(_at_post(post))
    return render(request, "forums/reason_form.html", {
        "form": form, "post": post, "title": _("Report a message"), "submit_label": _("Report the message"),
    })


@never_cache
@login_required
def post_history(request, pk):
    post = _post(request, pk)
    if not handler.can_view_history(request.user, post):
        raise Http404
    revisions = post.revisions.select_related("edited_by")
    return render(request, "forums/history.html", {"post": post, "revisions": revisions})


@require_POST
@login_required
def post_accept(request, pk):
    post = _post(request, pk)
    if not handler.can_accept_answer(request.user, post.topic):
        raise Http404
    services.accept_answer(request.user, post.topic, post)
    messages.success(request, _("This answer is marked as the accepted answer."))
    return redirect(_at_post(post))


@require_POST
@login_required
def topic_moderate(request, pk):
    topic = _topic(request, pk)
    if not handler.can_moderate_topic(request.user, topic):
        raise Http404
    action = request.POST.get("action")
    if action == ModerationAction.MOVE:
        form = forms.MoveForm(request.POST, queryset=Forum.objects.moderated_by(request.user))
        if form.is_valid() and form.cleaned_data["forum"].pk != topic.forum_id:
            services.move_topic(request.user, topic, form.cleaned_data["forum"])
            messages.success(request, _("The topic has been moved."))
    elif action in services.TOPIC_SWITCHES:
        services.switch_topic(request.user, topic, action)
        messages.success(request, _("The topic has been updated."))
    return redirect(topic)


@require_POST
@login_required
def topic_faq(request, pk):
    topic = _topic(request, pk)
    if not handler.can_make_faq(request.user, topic):
        raise Http404
    page = services.make_faq_entry(request.user, topic)
    messages.success(request, _("A draft FAQ entry has been created: review and publish it in the admin."))
    return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))


@require_POST
@login_required
def subscribe(request, kind, key):
    if kind not in ("forum", "topic"):
        raise Http404
    if kind == "forum":
        target = {"forum": _forum(request, key)}
    else:
        target = {"topic": _topic(request, int(key))} if key.isdigit() else None
    if target is None:
        raise Http404
    if request.POST.get("subscribe") == "1":
        services.subscribe(request.user, **target)
        messages.success(request, _("You are subscribed."))
    else:
        services.unsubscribe(request.user, **target)
        messages.success(request, _("You are no longer subscribed."))
    return redirect(next(iter(target.values())))


@never_cache
@login_required
def unread(request):
    topics = (
        Topic.objects.visible_to(request.user)
        .annotate(read=Coalesce(_read_position(request.user), 0))
        .filter(last_position__gt=F("read"))
        .select_related("forum", "last_post__author")
        .defer(*LAST_POST_TEXT)
        .order_by("-last_post_at")
    )
    page = Paginator(topics, conf.topics_per_page()).get_page(request.GET.get("page"))
    return render(request, "forums/unread.html", {"page_obj": page})


@require_POST
@login_required
def mark_all_read(request):
    services.mark_all_read(request.user)
    messages.success(request, _("Everything is marked as read."))
    return redirect("forums:unread")


@never_cache
@login_required
def notifications(request):
    items = Notification.objects.visible_to(request.user).select_related("actor", "post__topic__forum")
    page = Paginator(items, 30).get_page(request.GET.get("page"))
    return render(request, "forums/notifications.html", {"page_obj": page})


@require_POST
@login_required
def notifications_read(request):
    services.mark_notifications_read(request.user)
    messages.success(request, _("Your notifications are marked as read."))
    return redirect("forums:notifications")


@never_cache
@login_required
def email_settings(request):
    profile = services.ensure_profile(request.user)
    form = forms.SettingsForm(request.POST or None, initial={"email_mode": profile.email_mode})
    if request.method == "POST" and form.is_valid():
        services.set_email_mode(request.user, form.cleaned_data["email_mode"])
        messages.success(request, _("Your e-mail settings have been saved."))
        return redirect("forums:settings")
    return render(request, "forums/settings.html", {"form": form, "profile": profile})


@never_cache
def unsubscribe(request, token):
    """No login needed: the signed token says who and from what. GET asks, POST does (a link checker that
    fetches the link unsubscribes nobody)."""
    found = services.read_unsubscribe_token(token)
    if found is None:
        return render(request, "forums/unsubscribe.html", {"invalid": True}, status=404)
    done = request.method == "POST" and services.unsubscribe_by_token(token)
    _, kind, target = found
    return render(request, "forums/unsubscribe.html", {"kind": kind, "target": target, "done": done})


@never_cache
@login_required
def mention_search(request):
    """The autocomplete: people who can read the forum, whose handle or name starts with the query."""
    forum = _forum(request, request.GET.get("forum", ""))
    query = request.GET.get("q", "").strip().lstrip("@")
    if len(query) < 1:
        return JsonResponse({"results": []})
    profiles = ForumProfile.objects.filter(
        Q(handle__istartswith=query) | Q(user__first_name__istartswith=query) | Q(user__last_name__istartswith=query),
        user__in=services.readers(forum),
    ).select_related("user").order_by("handle")[:8]
    return JsonResponse({"results": [{"handle": p.handle, "name": p.user.get_full_name()} for p in profiles]})


@never_cache
@login_required
def flag_queue(request):
    if not handler.can_moderate_any(request.user):
        raise Http404
    flags = Flag.objects.filter(resolved_at__isnull=True).filter(
        handler.moderated_q(request.user, "post__topic__forum__")
    ).select_related("user", "post__author", "post__topic__forum")
    return render(request, "forums/flags.html", {"flags": flags})


@require_POST
@login_required
def flag_resolve(request, pk):
    flag = get_object_or_404(Flag.objects.select_related("post__topic__forum"), pk=pk)
    if not handler.can_moderate_forum(request.user, flag.post.topic.forum):
        raise Http404
    services.resolve_flag(request.user, flag)
    messages.success(request, _("The report is closed."))
    return redirect("forums:flags")


@login_required
def attachment_download(request, pk):
    attachment = get_object_or_404(Attachment.objects.select_related("post__topic__forum"), pk=pk)
    if not handler.can_download_attachment(request.user, attachment):
        raise Http404
    response = FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)
    response["Content-Type"] = attachment.content_type
    response["Cache-Control"] = "private, no-store"
    return response
