"""Translate a page through wagtail-localize with the translated text in hand (site setup, demo): the French page
stays the source and the English page is a synced translation that the admin's translation editor can keep working
on. The admin's own *Translate* screen makes drafts (WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is off)."""

from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from cms import permissions


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


class PermittedTranslationCreator(TranslationCreator):
    """wagtail-localize's TranslationCreator, translating the objects a page or snippet refers to only for a user
    who may translate them (cms.permissions.user_can_translate_related). The others are not written at all; they
    are kept in `left_alone`, in the order met, for the screen to say so."""

    def __init__(self, user, target_locales):
        super().__init__(user, target_locales)
        self.left_alone = []

    def create_translations(self, instance, include_related_objects=True):
        # wagtail-localize calls itself with include_related_objects=False for the objects `instance` refers to,
        # and only for those (operations.py, 1.14).
        if not include_related_objects and not permissions.user_can_translate_related(
            self.user, instance, self.target_locales
        ):
            if instance not in self.left_alone:
                self.left_alone.append(instance)
            return
        super().create_translations(instance, include_related_objects=include_related_objects)


@transaction.atomic
def translate_object(instance, locales, components=None, user=None):
    """wagtail_localize.operations.translate_object with PermittedTranslationCreator; returns the creator."""
    creator = PermittedTranslationCreator(user, locales)
    creator.create_translations(instance)
    if components is not None:
        components.save(creator, sources_and_translations=creator.mappings)
    return creator


@transaction.atomic
def translate_page_subtree(page_id, locales, components, user):
    """wagtail_localize.operations.translate_page_subtree with PermittedTranslationCreator (the page by id: it may
    run in a background worker)."""
    creator = PermittedTranslationCreator(user, locales)
    for page in Page.objects.get(id=page_id).get_descendants().order_by("path"):
        creator.create_translations(page)
    if components is not None:
        components.save(creator, sources_and_translations=creator.mappings)
