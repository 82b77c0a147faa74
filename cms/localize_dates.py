"""wagtail-localize dates its translations with strftime("%-d %B %Y"), which speaks the server's C locale: a French
admin read "Traduit manuellement le 24 November 2026". Installed from CmsConfig.ready, this writes the same date
with Django's formats, in the reader's language and time zone. Drop it when wagtail-localize formats dates itself
(cms/tests/test_admin_french.py will tell)."""

from django.utils.formats import date_format
from django.utils.timezone import localtime
from wagtail_localize.compat import DATE_FORMAT
from wagtail_localize.models import StringTranslation


def install():
    original = StringTranslation.get_comment
    if getattr(original, "_pacte_localized", False):
        return

    def get_comment(self):
        comment = original(self)
        if comment and self.updated_at:
            comment = comment.replace(
                self.updated_at.strftime(DATE_FORMAT), date_format(localtime(self.updated_at), "DATE_FORMAT")
            )
        return comment

    get_comment._pacte_localized = True
    StringTranslation.get_comment = get_comment
