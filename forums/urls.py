from django.urls import path

from forums import views

app_name = "forums"

urlpatterns = [
    path("", views.forum_list, name="index"),
    path("unread/", views.unread, name="unread"),
    path("unread/mark-all-read/", views.mark_all_read, name="mark_all_read"),
    path("notifications/", views.notifications, name="notifications"),
    path("notifications/read/", views.notifications_read, name="notifications_read"),
    path("settings/", views.email_settings, name="settings"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("mentions/", views.mention_search, name="mentions"),
    path("moderation/flags/", views.flag_queue, name="flags"),
    path("moderation/flags/<int:pk>/resolve/", views.flag_resolve, name="flag_resolve"),
    path("topics/<int:pk>/", views.topic_detail, name="topic"),
    path("topics/<int:pk>/unread/", views.topic_first_unread, name="topic_unread"),
    path("topics/<int:pk>/reply/", views.topic_reply, name="reply"),
    path("topics/<int:pk>/moderate/", views.topic_moderate, name="topic_moderate"),
    path("topics/<int:pk>/faq/", views.topic_faq, name="topic_faq"),
    path("posts/<int:pk>/", views.post_permalink, name="post"),
    path("posts/<int:pk>/edit/", views.post_edit, name="post_edit"),
    path("posts/<int:pk>/delete/", views.post_delete, name="post_delete"),
    path("posts/<int:pk>/hide/", views.post_hide, name="post_hide"),
    path("posts/<int:pk>/restore/", views.post_restore, name="post_restore"),
    path("posts/<int:pk>/flag/", views.post_flag, name="post_flag"),
    path("posts/<int:pk>/accept/", views.post_accept, name="post_accept"),
    path("posts/<int:pk>/history/", views.post_history, name="post_history"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment"),
    path("subscribe/<str:kind>/<str:key>/", views.subscribe, name="subscribe"),
    path("<slug:slug>/", views.forum_detail, name="forum"),
    path("<slug:slug>/new/", views.topic_create, name="topic_create"),
]
