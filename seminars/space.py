"""The seminars' section of *My space*: my next seminar, my assignments due and my diploma progress (a
coordinator); a trainer's next seminars with links to attendance and the work to review."""

from django.conf import settings
import datetime

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from people import permissions as people
from people.enums import Role
from seminars import diploma
from seminars import permissions as rules
from seminars.enums import SubmissionStatus
from seminars.models import Assignment, SeminarPage, Submission

# Work not handed in stays listed this long after its due date (it can still be handed in, marked late).
LATE_GRACE = datetime.timedelta(days=30)


def section_for(user):
    if not people._authenticated(user):
        return None
    today = timezone.localdate()
    # The national team runs every seminar: its section shows the national ones.
    mine = Q(region__isnull=True) if people.is_national(user) else Q(registrations__person=user) | rules.manage_q(user)
    upcoming = list(SeminarPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE,
                                                      end_date__gte=today).filter(mine)
                    .distinct().order_by("start_date")[:3])
    context = {"seminars": upcoming}
    if people.has_role(user, Role.COORDINATOR):
        handed_in = Submission.objects.filter(author=user, assignment=OuterRef("pk"))
        context["due"] = list(Assignment.objects.visible_to(user).filter(due_at__gte=timezone.now() - LATE_GRACE)
                              .exclude(Exists(handed_in)).select_related("seminar").order_by("due_at")[:5])
        context["to_revise"] = list(Submission.objects.filter(author=user, status=SubmissionStatus.TO_REVISE)
                                    .select_related("assignment"))
        context["record"] = diploma.record(user, user)
    elif people.has_role(user, Role.TRAINER) or people.is_national(user):
        context["to_review"] = Submission.objects.visible_to(user).filter(
            status=SubmissionStatus.SUBMITTED).exclude(author=user).count()
    if not any(context.get(k) for k in ("seminars", "due", "to_revise", "record", "to_review")):
        return None
    return {"title": _("Seminars"), "template": "seminars/includes/space_section.html", "context": context}
