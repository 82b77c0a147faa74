"""Wagtail's and wagtail-localize's French that reads wrong on PACTE, corrected in the project's catalogue
(cms/locale): Django looks a string up there before any app's catalogue, so the same msgid with our msgstr wins.
Above all, they call a locale (a language of the site) "région", which on PACTE is one of the 18 regions.

The strings are named here so that makemessages keeps their entries; cms/tests/test_admin_french.py reads the admin
as a French reader sees it. The JavaScript string of wagtail-localize's editor ("Publish in ") is in
cms/locale/*/LC_MESSAGES/djangojs.po, which makemessages does not touch."""

from django.utils.translation import gettext_noop, ngettext_lazy

WAGTAIL = (
    gettext_noop("locale"),
    gettext_noop("Locale"),
    gettext_noop("Locale: "),
    gettext_noop("Available in %(translations_total)s locales"),
    gettext_noop("Switch locales"),
    gettext_noop("Current page status:"),
    gettext_noop("Status: "),
    gettext_noop("Locking status"),
)
WAGTAIL_LOCALIZE = (
    gettext_noop("Locales"),
    gettext_noop("{} locales"),
    gettext_noop("This locale cannot be synced into itself."),
    gettext_noop("Synchronise content from another locale"),
    gettext_noop(
        "Choose a locale to synchronise content from. Any existing and future content authored in the selected "
        "locale will be automatically copied to this one."
    ),
    gettext_noop("All child pages will be created."),
    gettext_noop("Editing %(object_type)s %(title)s"),
    gettext_noop("Wagtail locales"),
    gettext_noop("Add a locale"),
    gettext_noop("Add locale"),
    gettext_noop("Delete locale"),
    gettext_noop("Are you sure you want to delete this locale?"),
    gettext_noop("Locale '{0}' created."),
    gettext_noop("Locale '{0}' updated."),
    gettext_noop("Locale '{0}' deleted."),
    gettext_noop("The locale could not be saved due to errors."),
    gettext_noop("This locale cannot be deleted because there are pages and/or other objects using it."),
    gettext_noop("This locale's language code is not supported"),
    gettext_noop(
        "This locale's current language code is not supported. Please choose a new language or delete this locale."
    ),
)
# The dashboard's page count: Wagtail's French has "crées" (and "dansPACTE" for a million pages).
PAGES_CREATED = ngettext_lazy(
    '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>',
    '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>',
    "total",
)
