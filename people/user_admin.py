"""The Wagtail admin's people screens, fitted to PACTE: an administrator sets a person's role, regions, structure
and language; groups and the administrator flag follow from the role (people.services.roles), so they are not edited
by hand. People created here choose their password through an invitation, like imported people."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users as wagtail_user_views

from people.collation import french_order, sort_key
from people.forms import require_names
from people.models import Region


class AdminLoginForm(LoginForm):
    """Wagtail's admin login form, whose password field has no label: Django then shows its name, "Password",
    untranslated. settings.WAGTAILADMIN_USER_LOGIN_FORM."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")


PACTE_FIELDS = ["role", "regions", "preferred_language", "structure_type", "structure_name", "structure_town"]


class _PacteFieldsMixin:
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


class IndexView(wagtail_user_views.IndexView):
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
    add_view_class = CreateView

    def get_form_class(self, for_update=False):
        return PacteUserEditForm if for_update else PacteUserCreationForm
