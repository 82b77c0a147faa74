"""Translate a page through wagtail-localize with the translated text in hand (site setup, demo): the French page
stays the source and the English page is a synced translation that the admin's translation editor can keep working
on. The admin's own *Translate* screen makes drafts (WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is off)."""

from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource


@transaction.atomic
def translate(instance, language_code, strings, *, publish, user=None):
    """Create or update the `language_code` translation of `instance`, using `strings` (source text -> translated
    text) for the segments it knows; others keep the source text until someone translates them. `publish` has no
    default: only a caller that supplies the translated text may put the page live (otherwise it is a draft)."""
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
