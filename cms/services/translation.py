"""Translate a page through wagtail-localize, as a trainer would in the admin: the French page stays the source
and the English page is a synced translation that the admin's translation editor can keep working on."""

from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource


@transaction.atomic
def translate(instance, language_code, strings, user=None, publish=True):
    """Create or update the `language_code` translation of `instance`, using `strings` (source text -> translated
    text) for the segments it knows; others keep the source text until someone translates them."""
    locale = Locale.objects.get(language_code=language_code)
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = translation.export_po()
    for entry in po:
        if entry.msgid in strings:
            entry.msgstr = strings[entry.msgid]
    translation.import_po(po, user=user)
    translation.save_target(user=user, publish=publish)
    return translation.get_target_instance()


# Publishing happens in transaction.on_commit with the page as it was when the revision was made: callers must not
# wrap several translations and tree changes in one outer transaction, or stale tree counters get written back.
