"""Forms of the public site: the person's own account."""

from django import forms
from django.contrib.auth import forms as auth_forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

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

    def get_users(self, email):
        # Django leaves out people whose password is unusable, because on many sites that means the account
        # signs in elsewhere (LDAP, single sign-on) or was disabled on purpose. Here every account is local
        # and by invitation: an unusable password means "invited, has not chosen a password yet" (perhaps
        # the invitation expired). A reset link is exactly what such a person needs, so they are included.
        # Deactivated accounts (is_active=False) stay out: that is how an account is closed here.
        return User.objects.active().filter(email__iexact=email.strip())

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        # Written in the recipient's language, whatever the language of the page that asked for it;
        # the link inside is reversed in that language too.
        with translation.override(context["user"].preferred_language):
            super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)


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
