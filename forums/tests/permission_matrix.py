"""The forums' rows of the URL x role matrix (tests/security/matrix.py explains the columns).

A topic with a post and an attachment is planted in each region's forum (`placeholders`, called by the matrix):
{bretagne_forum}, {bretagne_topic}, {bretagne_post}, {bretagne_attachment} and the same for normandie name them;
OWN is Bretagne, OTHER Normandie."""

from tests.security.matrix import LOGIN, OK, OTHER, OWN, row, to

HIDDEN = 404  # what the forums answer for what the reader may not see


def placeholders(people) -> dict:
    values = {}
    for code in (OWN, OTHER):
        values.update({f"{code}_{name}": value for name, value in planted(code).items()})
    return values


def planted(code) -> dict:
    from django.core.files.base import ContentFile

    from forums import markup
    from forums.models import Attachment, Forum, Post, Topic
    from people.tests.factories import UserFactory

    forum = Forum.objects.get(region__code=code)
    author = UserFactory(email=f"author.{code}@example.org", role="coordinator", regions=[code])
    topic = Topic.objects.create(forum=forum, title="Planted", author=author, last_position=1, post_count=1,
                                 is_question=True)
    post = Post.objects.create(topic=topic, author=author, position=1, body="planted", body_html=markup.render("planted"))
    attachment = Attachment(post=post, name="note.txt", content_type="text/plain", size=5)
    attachment.file.save("note.txt", ContentFile(b"hello"), save=True)
    return {"forum": forum.slug, "topic": topic.pk, "post": post.pk, "attachment": attachment.pk}


def _topic_url(region, suffix=""):
    return "/fr/forums/topics/{%s_topic}/" % region + suffix


ALL = (OK, OK, OK, OK)
# fmt: off
ROWS = [
    #   URL                                          region  anonymous coordinator partner  trainer  national
    row("/fr/forums/",                                None,   LOGIN,    *ALL),
    row("/fr/forums/unread/",                         None,   LOGIN,    *ALL),
    row("/fr/forums/unread/mark-all-read/",           None,   405),  # POST only
    row("/fr/forums/notifications/",                  None,   LOGIN,    *ALL),
    row("/fr/forums/notifications/read/",             None,   405),
    row("/fr/forums/settings/",                       None,   LOGIN,    *ALL),
    row("/fr/forums/unsubscribe/not-a-token/",        None,   404),  # a signed token, no login needed
    row("/fr/forums/moderation/flags/",               None,   LOGIN,    HIDDEN,    HIDDEN,  OK,      OK),
    row("/fr/forums/moderation/flags/1/resolve/",     None,   405),
    row("/fr/forums/subscribe/topic/1/",              None,   405),
    row("/fr/forums/mentions/?forum={bretagne_forum}&q=a", OWN,    LOGIN,    OK,        HIDDEN,  OK,      OK),
    row("/fr/forums/mentions/?forum={normandie_forum}&q=a", OTHER,  LOGIN,    HIDDEN,    HIDDEN,  HIDDEN,  OK),
]
for region, readers in ((OWN, (OK, HIDDEN, OK, OK)), (OTHER, (HIDDEN, HIDDEN, HIDDEN, OK))):
    coordinator, partner, trainer, national = readers
    moderators = (HIDDEN, HIDDEN, trainer, national)
    redirect = tuple(to(_topic_url(region)) if r == OK else r for r in readers)
    forum, post, attachment = (f"{{{region}_{name}}}" for name in ("forum", "post", "attachment"))
    ROWS += [
        row(f"/fr/forums/{forum}/",                   region, LOGIN,    *readers),
        row(f"/fr/forums/{forum}/new/",                region, LOGIN,    *readers),
        row(_topic_url(region),                             region, LOGIN,    *readers),
        row(_topic_url(region, "unread/"),                    region, LOGIN,    *redirect),
        row(_topic_url(region, "reply/"),                     region, LOGIN,    *readers),
        row(_topic_url(region, "moderate/"),                  region, 405),
        row(_topic_url(region, "faq/"),                       region, 405),
        row(f"/fr/forums/posts/{post}/",               region, LOGIN,    *redirect),
        row(f"/fr/forums/posts/{post}/edit/",          region, LOGIN,    *moderators),  # not their post
        row(f"/fr/forums/posts/{post}/hide/",          region, LOGIN,    *moderators),
        row(f"/fr/forums/posts/{post}/history/",       region, LOGIN,    *moderators),
        row(f"/fr/forums/posts/{post}/flag/",          region, LOGIN,    *readers),
        row(f"/fr/forums/posts/{post}/delete/",        region, 405),
        row(f"/fr/forums/posts/{post}/restore/",       region, 405),
        row(f"/fr/forums/posts/{post}/accept/",        region, 405),
        row(f"/fr/forums/attachments/{attachment}/",   region, LOGIN,    *readers),
    ]
# fmt: on
