from wagtail import hooks

from cms import admin_visibility, translation_admin
from cms.viewsets import filer_file_chooser_viewset


@hooks.register("register_admin_viewset")
def register_filer_file_chooser():
    return filer_file_chooser_viewset


# Ahead of wagtail-localize's own hooks (order 0): its views behind our translation rules.
@hooks.register("register_admin_urls", order=-1)
def register_guarded_translation_urls():
    return translation_admin.urls()


@hooks.register("before_edit_page", order=-1)
def check_page_translation_editor(request, page):
    translation_admin.check_translation_editor(request, page)


@hooks.register("before_edit_snippet", order=-1)
def check_snippet_translation_editor(request, instance):
    translation_admin.check_translation_editor(request, instance)


# The admin names a page only to those who may see it (cms.admin_visibility): hooks where Wagtail has them, and
# CmsConfig.ready() installs the rest (the reports, the chooser's last step).
hooks.register("construct_page_chooser_queryset", admin_visibility.chooser_pages)
hooks.register("construct_explorer_page_queryset", admin_visibility.explorer_pages)
hooks.register("before_move_page", admin_visibility.refuse_move)
