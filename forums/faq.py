"""FAQ entries made from resolved questions: draft ContentPages under the FAQ page of the learning resources."""

from django.utils import translation
from django.utils.translation import gettext as _

FAQ_SLUG = "faq"


def faq_index():
    """The FAQ page (created once, live, under the French learning resources index)."""
    from cms.models import ContentPage
    from learning.models import LearningIndexPage

    learning = LearningIndexPage.objects.filter(locale__language_code="fr").first()
    existing = ContentPage.objects.child_of(learning).filter(slug=FAQ_SLUG).first()
    if existing:
        return existing
    page = ContentPage(
        title="Foire aux questions",
        slug=FAQ_SLUG,
        intro="Les réponses aux questions posées dans les forums, relues par les formateurs relais.",
    )
    learning.add_child(instance=page)
    page.save_revision().publish()
    return page


def create_entry(topic):
    from cms.models import ContentPage

    question = topic.posts.get(position=1)
    answer = topic.accepted_post
    with translation.override("fr"):
        intro = _("Question asked by %(asker)s in the forum “%(forum)s”; answer by %(answerer)s.") % {
            "asker": question.author.get_full_name(),
            "forum": topic.forum.name_fr,
            "answerer": answer.author.get_full_name(),
        }
        heading = _("Answer")
    page = ContentPage(
        title=topic.title[:255],
        slug=f"forum-{topic.pk}",
        intro=intro[:600],
        live=False,
        body=[
            ("paragraph", question.body_html),
            ("heading", {"text": heading, "level": "h2"}),
            ("paragraph", answer.body_html),
        ],
    )
    faq_index().add_child(instance=page)
    page.save_revision()
    return page
