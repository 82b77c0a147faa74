from wagtail import hooks

from cms import admin_visibility
from cms.viewsets import filer_file_chooser_viewset


@hooks.register("register_admin_viewset")
def register_filer_file_chooser():
    return filer_file_chooser_viewset


# The admin names a page only to those who may see it (cms.admin_visibility): hooks where Wagtail has them, and
# CmsConfig.ready() installs the rest (the reports, the chooser's last step).
hooks.register("construct_page_chooser_queryset", admin_visibility.chooser_pages)
hooks.register("construct_explorer_page_queryset", admin_visibility.explorer_pages)
hooks.register("before_move_page", admin_visibility.refuse_move)
