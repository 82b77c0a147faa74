"""Who takes which module, who follows whose progress, who reads which notebook entry. Built on people.permissions.

- Every logged-in member takes the modules meant for them (trainer-only modules: trainers and the national team).
- A learner's records (progress, attempts, certificates) are read by themselves, the trainers of their regions and
  the national team; a notebook entry by its author, and by those trainers only once the author shares it.
- The dashboard: trainers (their regions' coordinators, by name), the national team (every region), partners
  (their regions' figures, aggregated: no names)."""

from django.db.models import Q

from learning.enums import Audience
from people import permissions as base
from people.enums import Role
from people.models import User


def user_can_take_modules(user) -> bool:
    return base._authenticated(user)


def audiences_for(user) -> list:
    if not user_can_take_modules(user):
        return []
    if base.is_national(user) or base.has_role(user, Role.TRAINER):
        return [Audience.COORDINATORS, Audience.TRAINERS]
    return [Audience.COORDINATORS]


def user_can_view_module(user, module) -> bool:
    return module.audience in audiences_for(user)


def user_can_view_dashboard(user) -> bool:
    return base.is_national(user) or bool(base.trainer_region_ids(user)) or bool(base.partner_region_ids(user))


def user_sees_names_in_dashboard(user) -> bool:
    """Partners see aggregated figures only."""
    return base.is_national(user) or bool(base.trainer_region_ids(user))


def dashboard_region_ids(user):
    """The regions whose figures `user` reads in the dashboard; None means every region."""
    if base.is_national(user):
        return None
    return base.trainer_region_ids(user) or base.partner_region_ids(user)


def user_can_view_learner(user, person) -> bool:
    """A person's progress, attempts and certificates, by name."""
    if not base._authenticated(user):
        return False
    if person.pk == user.pk or base.is_national(user):
        return True
    return bool({region.pk for region in person.regions.all()} & base.trainer_region_ids(user))


def learners_visible_to(user):
    """The people whose records `user` reads by name (agrees with user_can_view_learner)."""
    if not base._authenticated(user):
        return User.objects.none()
    if base.is_national(user):
        return User.objects.all()
    members = User.regions.through.objects.filter(region_id__in=base.trainer_region_ids(user)).values("user_id")
    return User.objects.filter(Q(pk=user.pk) | Q(pk__in=members))


def user_can_view_certificate(user, certificate) -> bool:
    return user_can_view_learner(user, certificate.user)


def user_can_view_interactive_record(user, record) -> bool:
    """A learner's record of a SCORM package (status, score, suspend data)."""
    return user_can_view_learner(user, record.user)


def user_can_view_attempt(user, attempt) -> bool:
    return user_can_view_learner(user, attempt.user)


def user_can_view_notebook_entry(user, entry) -> bool:
    if not base._authenticated(user):
        return False
    if entry.user_id == user.pk:
        return True
    return entry.shared and user_can_view_learner(user, entry.user)


def notebook_visible_to(user, queryset):
    if not base._authenticated(user):
        return queryset.none()
    others = queryset.filter(shared=True, user__in=learners_visible_to(user))
    return queryset.filter(Q(user=user) | Q(pk__in=others.values("pk")))


def user_can_edit_notebook_entry(user, entry) -> bool:
    return base._authenticated(user) and entry.user_id == user.pk


def modules_visible_to(user, queryset=None):
    """The live modules `user` may take (agrees with user_can_view_module)."""
    from learning.models import ModulePage

    queryset = ModulePage.objects.all() if queryset is None else queryset
    return queryset.live().filter(audience__in=audiences_for(user))
