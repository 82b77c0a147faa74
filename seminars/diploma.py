"""The diploma record of a coordinator: seminars attended, modules completed, written work accepted and forum
participation, against the programme's requirements (conf.diploma_requirements)."""

from django.conf import settings
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce

from seminars import conf
from seminars.enums import SubmissionStatus
from seminars.models import SeminarPage, Submission


def completed_modules(person):
    """The modules `person` completed, as a list of {"title", "completed_at"} (the e-learning's certificates)."""
    from learning.history import completed_modules as completed

    return completed(person)


def forum_posts(person, viewer):
    """The person's forum messages that the viewer may read (the forums' own queryset)."""
    from forums.models import Post

    return Post.objects.visible_to(viewer).filter(author=person)


def _count(queryset, field):
    counted = queryset.filter(**{field: OuterRef("pk")}).order_by().values(field).annotate(n=Count("pk", distinct=True))
    return Coalesce(Subquery(counted.values("n")[:1], output_field=IntegerField()), 0)


def progress(person, viewer):
    """The record's figures only, in one query (for *My space*): {"met", "total"}."""
    from forums.models import Post
    from learning.models import Certificate
    from people.models import User
    from seminars.models import Attendance

    attended = Attendance.objects.filter(present=True).values("seminar")
    counts = User.objects.filter(pk=person.pk).annotate(
        n_seminars=Coalesce(Subquery(
            attended.filter(person=OuterRef("pk")).order_by().values("person")
            .annotate(n=Count("seminar", distinct=True)).values("n")[:1], output_field=IntegerField()), 0),
        n_accepted_work=_count(Submission.objects.filter(status=SubmissionStatus.ACCEPTED), "author"),
        n_forum_posts=_count(Post.objects.visible_to(viewer), "author"),
        n_modules=_count(Certificate.objects.all(), "user"),
    ).values("n_seminars", "n_accepted_work", "n_forum_posts", "n_modules").first() or {}
    counts = {key[2:]: value for key, value in counts.items()}  # "n_": User has relations with these names
    done = counts
    requirements = conf.diploma_requirements()
    met = sum(1 for key, required in requirements.items() if done.get(key) is not None and done[key] >= required)
    return {"met": met, "total": len(requirements), "person": person}


def record(person, viewer):
    requirements = conf.diploma_requirements()
    attended = list(
        SeminarPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE, attendance__person=person,
                                   attendance__present=True)
        .distinct().order_by("start_date").only("title", "start_date", "end_date", "cohort_year", "number")
    )
    accepted = list(
        Submission.objects.filter(author=person, status=SubmissionStatus.ACCEPTED)
        .select_related("assignment").order_by("submitted_at")
    )
    modules = completed_modules(person)
    posts = forum_posts(person, viewer).count()
    lines = [
        {"key": "seminars", "done": len(attended), "required": requirements["seminars"]},
        {"key": "modules", "done": len(modules), "required": requirements["modules"]},
        {"key": "accepted_work", "done": len(accepted), "required": requirements["accepted_work"]},
        {"key": "forum_posts", "done": posts, "required": requirements["forum_posts"]},
    ]
    for line in lines:
        line["met"] = line["done"] is not None and line["done"] >= line["required"]
    return {
        "person": person, "seminars": attended, "accepted": accepted, "modules": modules, "forum_posts": posts,
        "lines": lines, "complete": all(line["met"] for line in lines),
        "met": sum(1 for line in lines if line["met"]), "total": len(lines),
    }
