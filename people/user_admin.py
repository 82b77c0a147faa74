"""The Wagtail admin's people screens, fitted to PACTE: an administrator sets a person's role, regions, structure
and language; groups and the administrator flag follow from the role (people.services.roles), so they are not edited
by hand. People created here choose their password through an invitation, like imported people."""

from django import forms
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users as wagtail_user_views

from people.models import Region

PACTE_FIELDS = ["role", "regions", "preferred_language", "structure_type", "structure_name", "structure_town"]


class _PacteFieldsMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Derived from the role: see people.services.roles.sync_access.
        for name in ("groups", "is_superuser"):
            self.fields.pop(name, None)
        self.fields["regions"].queryset = Region.objects.all()
        self.fields["regions"].widget = forms.CheckboxSelectMultiple()
        self.fields["regions"].widget.choices = self.fields["regions"].choices


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


class UserViewSet(wagtail_user_views.UserViewSet):
    add_view_class = CreateView

    def get_form_class(self, for_update=False):
        return PacteUserEditForm if for_update else PacteUserCreationForm
