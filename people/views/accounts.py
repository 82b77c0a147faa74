"""A person's own account: log in, passwords, profile, accepting an invitation."""

import copy
from urllib.parse import urlsplit, urlunsplit

from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve, reverse, reverse_lazy, translate_url
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from wagtail.models import Page

from people import forms
from people.models import Invitation
from people.services import accounts, invitations

# Invited people log in once their password is set; the axes backend only guards the login form.
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _with_language(response, language):
    """Remember the person's language in Django's cookie, so that `/` and untranslated views follow it."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


def _home_url(language):
    with translation.override(language):
        return reverse("wagtail_serve", args=[""])


def _url_in_language(request, url, language):
    """The same place in `language`. Wagtail pages have translated slugs, so for them translate_url()
    is not enough: the page's translation is looked up (that language's home when there is none)."""
    parts = urlsplit(url)
    source = translation.get_language_from_path(parts.path) or settings.LANGUAGE_CODE
    # i18n_patterns only resolve a path under its own language.
    with translation.override(source):
        try:
            match = resolve(parts.path)
        except Resolver404:
            return url
        if match.url_name != "wagtail_serve":
            return translate_url(url, language)
        page = Page.find_for_request(request, match.args[0] if match.args else "")
    if page is None:
        return _home_url(language)
    with translation.override(language):
        target = page.localized
    if target.locale.language_code != language:
        return _home_url(language)
    return urlunsplit(parts._replace(path=target.get_url(request=request)))


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = forms.LoginForm

    def get_default_redirect_url(self):
        return _home_url(settings.LANGUAGE_CODE)

    def form_valid(self, form):
        # Django's login() rotates the session key: a session id planted before login is worthless after.
        response = super().form_valid(form)
        language = self.request.user.preferred_language
        response["Location"] = _url_in_language(self.request, response["Location"], language)
        return _with_language(response, language)


def locked_out(request, response=None, credentials=None):
    """django-axes calls this instead of the login view's answer once an email+address pair is locked."""
    cool_off = get_cool_off(request)
    minutes = max(1, round(cool_off.total_seconds() / 60)) if cool_off else None  # None: locked for good
    return render(request, "accounts/lockout.html", {"minutes": minutes}, status=429)


def axes_username(request, credentials=None):
    """Count failures per address whatever its case, as the login itself ignores case."""
    data = credentials if credentials is not None else request.POST
    return (data.get(settings.AXES_USERNAME_FORM_FIELD) or "").strip().lower()


class PasswordResetView(auth_views.PasswordResetView):
    form_class = forms.PasswordResetForm
    template_name = "accounts/password_reset_form.html"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = forms.SetPasswordForm
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


@never_cache
@login_required
def profile(request):
    # The form edits a copy: an invalid submission must not leak into the header's name for this request.
    form = forms.ProfileForm(request.POST or None, instance=copy.copy(request.user))
    if request.method == "POST" and form.is_valid():
        user = accounts.update_profile(request.user, form.cleaned_data)
        language = user.preferred_language
        with translation.override(language):
            messages.success(request, _("Your profile has been saved."))
            url = reverse("accounts:profile")
        return _with_language(redirect(url), language)
    context = {"form": form, "regions": request.user.regions.all()}
    return render(request, "accounts/profile.html", context)


def _invitation_problem(request, token, error):
    # A link we once issued (used or expired) is gone for good: 410. One we never issued: 404.
    status = 410 if Invitation.objects.for_token(token).exists() else 404
    return render(request, "accounts/invitation_invalid.html", {"message": str(error)}, status=status)


@sensitive_post_parameters()
@csrf_protect
@never_cache
def accept_invitation(request, token):
    try:
        invitation = invitations.get_usable_invitation(token)
    except invitations.InvitationError as error:
        return _invitation_problem(request, token, error)
    form = SetPasswordForm(invitation.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = invitations.accept_invitation(token, form.cleaned_data["new_password1"])
        except invitations.InvitationError as error:  # the other tab won the race
            return _invitation_problem(request, token, error)
        login(request, user, backend=MODEL_BACKEND)
        language = user.preferred_language
        with translation.override(language):
            messages.success(request, _("Welcome to PACTE: your password is set and you are logged in."))
            url = reverse("accounts:profile")
        return _with_language(redirect(url), language)
    return render(request, "accounts/invitation.html", {"form": form, "invitee": invitation.user})
