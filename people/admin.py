"""The Django admin is for the national team's maintenance (filer's folders, raw records). Trainers work in Wagtail."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from people.models import Invitation, Region, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["last_name", "first_name"]
    list_display = ["email", "first_name", "last_name", "role", "is_active"]
    list_filter = ["role", "regions", "is_active"]
    search_fields = ["email", "first_name", "last_name", "structure_name"]
    filter_horizontal = ["regions", "groups", "user_permissions"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Person"), {"fields": ["first_name", "last_name", "preferred_language"]}),
        (_("Programme"), {"fields": ["role", "regions", "structure_type", "structure_name", "structure_town"]}),
        (_("Status"), {"fields": ["is_active", "last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "first_name", "last_name", "role",
                                                             "password1", "password2"]})]
    readonly_fields = ["last_login", "date_joined"]


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code"]
    search_fields = ["code"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["user", "created_at", "expires_at", "used_at"]
    readonly_fields = ["user", "invited_by", "created_at", "expires_at", "used_at"]
    search_fields = ["user__email"]
