"""The hostile-markup set through every place user text is shown: title, body, quote, mention, attachment name,
notification e-mail, digest, notification list, unread list, forum list (last activity), preview, history."""

from html.parser import HTMLParser

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from forums import services, tasks
from forums.enums import EmailMode
from forums.models import Attachment, ForumProfile, Post
from forums.tests import factories
from forums.tests.test_views import client_for

pytestmark = pytest.mark.django_db

HOSTILE = [
    "<script>alert('xss')</script>",
    "<img src=x onerror=alert(1)>",
    "<a href=\"javascript:alert(1)\">clic</a>",
    "[clic](javascript:alert(1))",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<svg onload=alert(1)><script>alert(1)</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "![x](javascript:alert(1))",
    "<iframe src=\"https://evil.example\"></iframe>",
    "\" onmouseover=\"alert(1)",
]
BODY = "\n\n".join(HOSTILE)
TITLE = "<script>alert('t')</script><img src=x onerror=alert(2)>"


class _Checker(HTMLParser):
    """What a browser would build from the page: no script but ours, no active element, no event handler, no
    javascript: or data: address."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and not (attrs.get("src") or "").startswith("/static/"):
            self.problems.append(f"<script> {attrs}")
        if tag in ("svg", "math", "iframe", "object", "embed", "style", "base"):
            self.problems.append(f"<{tag}>")
        for name, value in attrs.items():
            if name.startswith("on"):
                self.problems.append(f"{tag} {name}={value}")
            if name in ("href", "src", "action", "formaction", "xlink:href") and value:
                if value.strip().lower().startswith(("javascript:", "data:", "vbscript:")):
                    self.problems.append(f"{tag} {name}={value}")


def assert_safe(html):
    if "<main" in html:  # the page's own chrome (the Wagtail userbar's icons...) is not user text
        html = html[html.index("<main"):html.index("</main>")]
    checker = _Checker()
    checker.feed(html)
    assert checker.problems == []


def test_hostile_text_everywhere_it_is_shown(people, django_capture_on_commit_callbacks):
    author, reader = people["coordinator_bretagne"], people["trainer_bretagne"]
    ForumProfile.objects.filter(user=reader).update(handle="x-onerror-alert")
    services.subscribe(reader, forum=factories.forum("bretagne"))
    client = client_for(author)
    upload = SimpleUploadedFile("<img src=x onerror=alert(3)>.pdf", b"%PDF-1.4\n%%EOF\n")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/fr/forums/bretagne/new/", {
            "title": TITLE, "body": BODY + "\n\n@x-onerror-alert", "attachments": [upload]})
    assert response.status_code == 302
    post = Post.objects.get(topic__title=TITLE)
    assert_safe(post.body_html)
    assert "<" not in Attachment.objects.get().name
    reader_client = client_for(reader)
    pages = [
        post.topic.get_absolute_url(), "/fr/forums/", "/fr/forums/bretagne/", "/fr/forums/unread/",
        "/fr/forums/notifications/", reverse("forums:reply", kwargs={"pk": post.topic_id}) + f"?quote={post.pk}",
    ]
    for url in pages:
        page = reader_client.get(url)
        assert page.status_code == 200, url
        assert_safe(page.content.decode())
    preview = client.post("/fr/forums/bretagne/new/", {"title": TITLE, "body": BODY, "preview": "1"})
    assert_safe(preview.content.decode())
    services.edit_post(author, post, "propre", version=1)
    assert_safe(reader_client.get(reverse("forums:post_history", kwargs={"pk": post.pk})).content.decode())
    # E-mails: the immediate one to the subscriber, then a digest.
    message = mail.outbox[-1]
    assert_safe(message.alternatives[0][0])
    assert "\n" not in message.subject
    services.set_email_mode(reader, EmailMode.DAILY)
    services.subscribe(reader, topic=post.topic)
    with django_capture_on_commit_callbacks(execute=True):
        factories.reply(author, post.topic, BODY)
    mail.outbox.clear()
    tasks.send_daily_digests.call()
    assert len(mail.outbox) == 1
    assert_safe(mail.outbox[0].alternatives[0][0])
