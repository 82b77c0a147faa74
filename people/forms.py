"""Forms of the public site: the person's own account."""

from django import forms
from django.contrib.auth import forms as auth_forms
from django.utils.translation import gettext_lazy as _

from people import mail, tasks
from people.models import User
from people.services import accounts

GENERIC_LOGIN_ERROR = _("The email address or the password is incorrect.")
NAME_REQUIRED = {
    "first_name": _("Enter a first name: spaces alone are not a name."),
    "last_name": _("Enter a last name: spaces alone are not a name."),
}


def require_names(fields):
    """First and last names are required, without their surrounding spaces, in every form that edits a person."""
    for name, message in NAME_REQUIRED.items():
        fields[name].required = True
        fields[name].strip = True
        fields[name].error_messages["required"] = message


def _email_input():
    return forms.EmailInput(attrs={"autocomplete": "email", "autocapitalize": "none", "spellcheck": "false"})


class LoginForm(auth_forms.AuthenticationForm):
    """Log in by email. The one error message never tells whether the address has an account."""

    username = forms.EmailField(label=_("Email address"), widget=_email_input())

    error_messages = {
        "invalid_login": GENERIC_LOGIN_ERROR,
        "inactive": GENERIC_LOGIN_ERROR,
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].widget.attrs["autofocus"] = True


class PasswordResetForm(auth_forms.PasswordResetForm):
    email = forms.EmailField(label=_("Email address"), max_length=254, widget=_email_input())

    def save(self, **kwargs):
        # Queued whether or not the address has an account, and looked up by the worker: the page takes the same
        # time either way, and a slow mail server never slows it. (Django's keyword arguments are not needed:
        # links use the configured site address and the templates are fixed.)
        mail.enqueue_on_commit(tasks.send_password_reset, self.cleaned_data["email"])


class AdminPasswordResetForm(PasswordResetForm):
    """The Wagtail admin's "forgotten password" form (WAGTAILADMIN_USER_PASSWORD_RESET_FORM): the same queued
    e-mail, whose link opens the site's own reset page, in the person's language."""

    extra_fields = ()  # what Wagtail's template lists after the e-mail field


class SetPasswordForm(auth_forms.SetPasswordForm):
    """Choose a new password from a reset link."""

    def save(self, commit=True):
        return accounts.set_password(self.user, self.cleaned_data["new_password1"])


class ProfileForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        require_names(self.fields)

    class Meta:
        model = User
        fields = list(accounts.PROFILE_FIELDS)
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
            "preferred_language": forms.Select(attrs={"autocomplete": "language"}),
            "structure_type": forms.Select(),
            "structure_name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "structure_town": forms.TextInput(attrs={"autocomplete": "address-level2"}),
        }
