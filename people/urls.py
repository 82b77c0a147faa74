from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from people.views import accounts, space

app_name = "accounts"

urlpatterns = [
    path("login/", accounts.LoginView.as_view(), name="login"),
    # POST only (Django's LogoutView refuses GET): a link or an image cannot log anybody out.
    path("logout/", accounts.LogoutView.as_view(), name="logout"),
    path("space/", space.space, name="space"),
    path("profile/", accounts.profile, name="profile"),
    path(
        "password/change/",
        auth_views.PasswordChangeView.as_view(
            template_name="accounts/password_change_form.html",
            success_url=reverse_lazy("accounts:password_change_done"),
        ),
        name="password_change",
    ),
    path(
        "password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(template_name="accounts/password_change_done.html"),
        name="password_change_done",
    ),
    path("password/reset/", accounts.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path("reset/<uidb64>/<token>/", accounts.PasswordResetConfirmView.as_view(), name="password_reset_confirm"),
    path(
        "reset/done/",
        auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html"),
        name="password_reset_complete",
    ),
    path("invitation/<str:token>/", accounts.accept_invitation, name="accept_invitation"),
]
