"""The admin's people screen for trainers (their regions) and the national team (every region): who is invited,
who has joined, who has not accepted and since when; resend an invitation; close a coordinator's account after a
confirmation. The rules are people.permissions'; the writes, people.services'."""

import django_filters
from django.core.exceptions import PermissionDenied
from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.base import BaseListingView

from people import permissions
from people.enums import AccountStatus, Role
from people.models import Region, User
from people.services import invitations, lifecycle
from people.user_admin import regions_label


class PeopleFilterSet(WagtailFilterSet):
    region = django_filters.ModelChoiceFilter(
        field_name="regions", queryset=Region.objects.none(), label=gettext_lazy("Region")
    )
    role = django_filters.ChoiceFilter(choices=Role.choices, label=gettext_lazy("Role"))
    status = django_filters.ChoiceFilter(choices=AccountStatus.choices, label=gettext_lazy("Status"))

    class Meta:
        model = User
        fields = []

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        self.filters["region"].queryset = Region.objects.managed_by(request.user)


class StatusColumn(Column):
    cell_template_name = "people/admin/region_people_status_cell.html"

    def get_value(self, instance):
        return AccountStatus(instance.status).label


class ActionsColumn(Column):
    """Buttons that POST (resend) need the CSRF token: Wagtail renders cells without the request context."""

    cell_template_name = "people/admin/region_people_actions_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        user = context["request"].user
        context["csrf_token"] = get_token(context["request"])
        context["can_resend"] = permissions.user_can_resend_invitation(user, instance)
        context["can_deactivate"] = permissions.user_can_deactivate_person(user, instance)
        return context


class _PeopleScreenMixin:
    def dispatch(self, request, *args, **kwargs):
        if not permissions.user_can_view_region_people(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class RegionPeopleView(_PeopleScreenMixin, BaseListingView):
    header_icon = "group"
    index_url_name = "region_people"
    index_results_url_name = "region_people_results"
    filterset_class = PeopleFilterSet
    is_searchable = True
    search_fields = ["first_name", "last_name", "email", "structure_name"]
    paginate_by = 50
    verbose_name_plural = gettext_lazy("people")

    def get_page_title(self):
        if permissions.is_national(self.request.user):
            return _("People of the regions")
        return _("People of my regions")

    @cached_property
    def columns(self):
        return [
            Column("name", label=_("Name"), accessor="__str__"),
            Column("email", label=_("Email address")),
            Column("role", label=_("Role"), accessor=lambda person: Role(person.role).label),
            Column("regions", label=_("Regions"), accessor=regions_label),
            StatusColumn("status", label=_("Status")),
            ActionsColumn("actions", label=_("Actions")),
        ]

    def get_base_queryset(self):
        return (
            User.objects.visible_to(self.request.user)
            .with_invitation_status()
            .prefetch_related("regions")
        )


class RegionPeopleResultsView(RegionPeopleView):
    results_only = True


def _person_allowed(request, pk, predicate):
    """The person, when `predicate` allows it; the same refusal whether they exist, are out of sight or not
    allowed (Wagtail turns it into a message on the dashboard)."""
    person = User.objects.visible_to(request.user).filter(pk=pk).first()
    if person is None or not predicate(request.user, person):
        raise PermissionDenied
    return person


@require_POST
def resend_invitation(request, pk):
    person = _person_allowed(request, pk, permissions.user_can_resend_invitation)
    invitations.invite(person, invited_by=request.user)
    messages.success(request, _("A new invitation has been sent to %(email)s.") % {"email": person.email})
    return redirect("region_people")


class DeactivateView(_PeopleScreenMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "people/admin/deactivate_person.html"
    header_icon = "warning"
    page_title = gettext_lazy("Close an account")

    def dispatch(self, request, *args, **kwargs):
        self.person = _person_allowed(request, kwargs["pk"], permissions.user_can_deactivate_person)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.person)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("region_people"), "label": _("People")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(person=self.person, **kwargs)

    def post(self, request, *args, **kwargs):
        lifecycle.deactivate(self.person)
        messages.success(request, _("The account of %(name)s is closed.") % {"name": self.person})
        return redirect("region_people")
