"""The national team creates and edits forums, and reads the moderation log, in the Django admin (staff only)."""

from django.contrib import admin

from forums.models import Forum, ModerationLog


@admin.register(Forum)
class ForumAdmin(admin.ModelAdmin):
    list_display = ["name_fr", "name_en", "kind", "region", "open_to_partners", "topic_count", "post_count"]
    list_filter = ["kind", "open_to_partners"]
    prepopulated_fields = {"slug": ["name_fr"]}


@admin.register(ModerationLog)
class ModerationLogAdmin(admin.ModelAdmin):
    list_display = ["created_at", "moderator", "action", "forum", "topic", "post", "reason"]
    list_filter = ["action"]
    list_select_related = ["moderator", "forum", "topic"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
