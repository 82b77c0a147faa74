"""The seminars' section of *My space*: my next seminar, my assignments due and my diploma progress (a
coordinator); a trainer's next seminars with links to attendance and the work to review."""

import datetime

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from people import permissions as people
from people.enums import Role
from seminars import diploma
from seminars import permissions as rules
from seminars.enums import SubmissionStatus
from seminars.models import Assignment, SeminarPage, Submission

# Work not handed in stays listed this long after its due date (it can still be handed in, marked late).
LATE_GRACE = datetime.timedelta(days=30)


def _in_language(seminars):
    """The seminars' pages in the reader's language where translated (one query), else the French page."""
    language = get_language()
    if not seminars or language == settings.LANGUAGE_CODE:
        return seminars
    translated = {p.translation_key: p for p in SeminarPage.objects.live().filter(
        translation_key__in=[s.translation_key for s in seminars], locale__language_code=language)}
    return [translated.get(s.translation_key, s) for s in seminars]


def section_for(user):
    if not people._authenticated(user):
        return None
    today = timezone.localdate()
    # The national team runs every seminar: its section shows the national ones.
    mine = Q(region__isnull=True) if people.is_national(user) else Q(registrations__person=user) | rules.manage_q(user)
    upcoming = list(SeminarPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE,
                                                      end_date__gte=today).filter(mine)
                    .distinct().order_by("start_date")[:3])
    context = {"seminars": _in_language(upcoming)}
    if people.has_role(user, Role.COORDINATOR):
        # Work to hand in (not yet, or sent back for changes), in one query.
        mine_submitted = Submission.objects.filter(author=user, assignment=OuterRef("pk"))
        context["due"] = list(
            Assignment.objects.visible_to(user)
            .annotate(handed_in=Exists(mine_submitted),
                      to_revise=Exists(mine_submitted.filter(status=SubmissionStatus.TO_REVISE)))
            .filter(Q(handed_in=False, due_at__gte=timezone.now() - LATE_GRACE) | Q(to_revise=True))
            .order_by("due_at")[:5]
        )
        context["progress"] = diploma.progress(user, user)
    elif people.has_role(user, Role.TRAINER) or people.is_national(user):
        context["to_review"] = Submission.objects.visible_to(user).filter(
            status=SubmissionStatus.SUBMITTED).exclude(author=user).count()
    if not any(context.get(k) for k in ("seminars", "due", "progress", "to_review")):
        return None
    return {"title": _("Seminars"), "template": "seminars/includes/space_section.html", "context": context}
