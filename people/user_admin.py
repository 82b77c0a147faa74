"""The Wagtail admin's people screens, fitted to PACTE: an administrator sets a person's role, regions, structure
and language; groups and the administrator flag follow from the role (people.services.roles), so they are not edited
by hand. People created here choose their password through an invitation, like imported people."""

import django_filters
from django import forms
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import RelatedFilterMixin
from wagtail.admin.forms.auth import LoginForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.account import BaseSettingsPanel
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users as wagtail_user_views

from people import permissions
from people.collation import french_order, sort_key
from people.enums import Role
from people.forms import require_names
from people.models import EMAIL_TAKEN, Region, User


class AdminLoginForm(LoginForm):
    """Wagtail's admin login form, whose password field has no label: Django then shows its name, "Password",
    untranslated. settings.WAGTAILADMIN_USER_LOGIN_FORM."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")


PACTE_FIELDS = ["role", "regions", "preferred_language", "structure_type", "structure_name", "structure_town"]


class _PacteFieldsMixin:
    # Wagtail's own exact-match check speaks of a "username"; the e-mail is the login here.
    error_messages = {**UserCreationForm.error_messages, "duplicate_username": EMAIL_TAKEN}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Derived from the role: see people.services.roles.sync_access.
        for name in ("groups", "is_superuser"):
            self.fields.pop(name, None)
        self.fields["regions"].queryset = Region.objects.all()
        self.fields["regions"].widget = forms.CheckboxSelectMultiple()
        # In the reader's order: "French Guiana" under F in English, Île-de-France after Hauts-de-France in French.
        self.fields["regions"].widget.choices = sorted(self.fields["regions"].choices, key=lambda c: sort_key(c[1]))
        require_names(self.fields)


class PacteUserCreationForm(_PacteFieldsMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = (UserCreationForm.Meta.fields - {"groups", "is_superuser"}) | set(PACTE_FIELDS)
        widgets = {}


class PacteUserEditForm(_PacteFieldsMixin, UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = (UserEditForm.Meta.fields - {"groups", "is_superuser"}) | set(PACTE_FIELDS)
        widgets = {}


class CreateView(wagtail_user_views.CreateView):
    template_name = "wagtailusers/users/create.html"

    def save_instance(self):
        from people.services.people import create_invited_person

        data = self.form.cleaned_data
        return create_invited_person(data, invited_by=self.request.user, regions=data.get("regions") or ())


def regions_label(person):
    return ", ".join(str(region.name) for region in person.regions.all())


class RegionFilter(RelatedFilterMixin, django_filters.ModelMultipleChoiceFilter):
    pass


class PeopleFilterSet(wagtail_user_views.UserFilterSet):
    """Wagtail's filters (active, administrator, last login, group) and PACTE's: role and region."""

    role = django_filters.MultipleChoiceFilter(
        choices=Role.choices, label=_("Role"), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None, is_searching=False):
        super().__init__(data, queryset, request=request, prefix=prefix, is_searching=is_searching)
        # Through a subquery while searching, as Wagtail does for groups: a search backend cannot take a join.
        self.filters["region"] = RegionFilter(
            field_name="regions", queryset=Region.objects.all(), label=_("Region"),
            use_subquery=is_searching, widget=forms.CheckboxSelectMultiple,
        )

    class Meta(wagtail_user_views.UserFilterSet.Meta):
        fields = ["role"]


class IndexView(wagtail_user_views.IndexView):
    """Wagtail's list of people with their role and regions."""

    @cached_property
    def columns(self):
        columns = list(super().columns)
        at = next(i for i, column in enumerate(columns) if column.name == User.USERNAME_FIELD) + 1
        columns[at:at] = [
            Column("role", label=_("Role"), accessor=lambda person: Role(person.role).label, sort_key="role"),
            Column("regions", label=_("Regions"), accessor=regions_label),
        ]
        return columns

    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("regions")

    def order_queryset(self, queryset):
        # By name in French order (people.collation), not by code point: Élodie beside Eric, not after Zoé.
        if self.ordering in ("name", "-name"):
            descending = self.ordering == "-name"
            return queryset.order_by(
                french_order("last_name", descending), french_order("first_name", descending), "pk"
            )
        return super().order_queryset(queryset)


class UserViewSet(wagtail_user_views.UserViewSet):
    # People are looked for by name.
    ordering = "name"
    index_view_class = IndexView
    filterset_class = PeopleFilterSet
    add_view_class = CreateView

    def get_form_class(self, for_update=False):
        return PacteUserEditForm if for_update else PacteUserCreationForm


class LoginEmailForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["email"]


class LoginEmailSettingsPanel(BaseSettingsPanel):
    """The login e-mail in the admin's account settings, for the national team only: Wagtail's own name and e-mail
    panel is left without its e-mail field (WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False)."""

    name = "login_email"
    title = _("Login email address")
    order = 110
    form_class = LoginEmailForm

    def is_active(self):
        return permissions.user_can_change_login_email(self.user, self.user)
