from wagtail import hooks

from cms.viewsets import filer_file_chooser_viewset


@hooks.register("register_admin_viewset")
def register_filer_file_chooser():
    return filer_file_chooser_viewset
