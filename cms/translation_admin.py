"""wagtail-localize's admin views, each behind the translation rules of cms.permissions.

wagtail-localize checks its global `submit_translation` permission, and the destination only in some views; a
trainer could thus translate, sync and publish pages of other regions. Rather than patch its views, its own URL
patterns are mounted again, ahead of its hook (`register_admin_urls`, order -1, in cms.wagtail_hooks), each
behind a check of the source and the destinations of what it touches. A URL name without a check refuses to
start the site (fail closed), so a new view in a new release of wagtail-localize cannot slip through. Its editor,
which it shows in place of Wagtail's page and snippet editors, is checked by `check_translation_editor`."""

import functools

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import URLPattern, include, path
from django.utils.translation import gettext as _
from rest_framework.exceptions import PermissionDenied as NotAllowed
from wagtail.models import Page, TranslatableMixin
from wagtail.snippets.views.snippets import get_snippet_model_from_url_params
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.tasks import background
from wagtail_localize.views import report, snippets_api, submit_translations
from wagtail_localize.views.submit_translations import SubmitTranslationForm
from wagtail_localize.views.update_translations import UpdateTranslationsForm

from cms import permissions
from cms.services import translation as translating


def _anyone(request, **kwargs):
    return True


def _submit(request, instance):
    locales, subtree = (), False
    if request.method == "POST":
        form = SubmitTranslationForm(instance, request.POST)
        if form.is_valid():  # otherwise the view shows the form's errors and creates nothing
            locales, subtree = form.cleaned_data["locales"], form.cleaned_data["include_subtree"]
    return permissions.user_can_translate(request.user, instance, locales, include_subtree=subtree)


def _submit_page(request, page_id, **kwargs):
    return _submit(request, get_object_or_404(Page, id=page_id).specific)


def _submit_snippet(request, app_label, model_name, pk, **kwargs):
    model = get_snippet_model_from_url_params(app_label, model_name)
    if not issubclass(model, TranslatableMixin):
        raise Http404
    return _submit(request, get_object_or_404(model, pk=unquote(pk)))


def _sync(request, translation_source_id, **kwargs):
    source = get_object_or_404(TranslationSource, id=translation_source_id)
    publish = False
    if request.method == "POST":
        form = UpdateTranslationsForm(request.POST)
        publish = not form.is_valid() or form.cleaned_data["publish_translations"]
    return permissions.user_can_sync_translations(request.user, source, publish=publish)


def _translation(request, translation_id, **kwargs):
    return permissions.user_can_edit_translation(request.user, get_object_or_404(Translation, id=translation_id))


def _convert_to_alias(request, page_id, **kwargs):
    # The alias shows its source at once, live: publishing, on the destination.
    page = get_object_or_404(Page, id=page_id, alias_of_id__isnull=True)
    translation = Translation.objects.filter(
        source__object_id=page.translation_key,
        source__specific_content_type=page.content_type_id,
        target_locale=page.locale_id,
    ).first()
    if translation is None:
        raise Http404
    if request.method == "POST":
        return permissions.user_can_publish_translation(request.user, translation)
    return permissions.user_can_edit_translation(request.user, translation)


def _snippet_listing(request, app_label, model_name, **kwargs):
    return permissions.user_can_edit_objects_of(request.user, get_snippet_model_from_url_params(app_label, model_name))


def _snippet_detail(request, app_label, model_name, pk, **kwargs):
    model = get_snippet_model_from_url_params(app_label, model_name)
    try:
        instance = model._default_manager.get(pk=unquote(pk))
    except (model.DoesNotExist, ValueError, ValidationError) as error:
        raise Http404 from error
    return permissions.user_can_edit_objects_of(request.user, type(instance)) and permissions.user_can_edit_object(
        request.user, instance
    )


class PermittedSubmitMixin:
    """wagtail-localize's *Translate* action (its form_valid, 1.14), translating what the object refers to only where
    the person may (cms.permissions.user_can_translate_related), and saying what it left alone. (*Sync translated
    pages* needs nothing of the kind: it updates the object's own translations only.)"""

    @transaction.atomic
    def form_valid(self, form):
        locales, user = form.cleaned_data["locales"], self.request.user
        creator = translating.translate_object(self.object, locales, self.components, user)
        if isinstance(self.object, Page) and form.cleaned_data["include_subtree"]:
            background.enqueue(translating.translate_page_subtree, [self.object.id, locales, self.components, user], {})
        translated = None
        if len(locales) == 1:
            names, translated = locales[0].get_display_name(), self.object.get_translation(locales[0])
        else:
            names = _("{} locales").format(len(locales))  # wagtail-localize's catalogue
        messages.success(self.request, self.get_success_message(names))
        for related in creator.left_alone:
            messages.warning(self.request, _left_alone_message(related, locales))
        return redirect(self.get_success_url() or self.get_default_success_url(translated))


def _left_alone_message(related, locales):
    if all(related.has_translation(locale) for locale in locales if locale.pk != related.locale_id):
        return _("“%(object)s” was not updated, as you may not edit it: the translation links its existing "
                 "translation.") % {"object": related}
    return _("“%(object)s” was not translated, as you may not edit it: the translation links the original until "
             "those who may edit it (the national team, or the trainers of its region) translate it.") % {
        "object": related}


class SubmitPageTranslationView(PermittedSubmitMixin, submit_translations.SubmitPageTranslationView):
    pass


class SubmitSnippetTranslationView(PermittedSubmitMixin, submit_translations.SubmitSnippetTranslationView):
    pass


class TranslationsReportView(report.TranslationsReportView):
    """The translations report, listing only the translations the person may work on."""

    def get_queryset(self):
        editable = permissions.translations_editable_by(self.request.user)
        return super().get_queryset().filter(pk__in=editable.values("pk"))


class SnippetsApiViewSet(snippets_api.SnippetViewSet):
    """The editor's snippet listing and detail, of the snippets the person may edit (object by object)."""

    def get_queryset(self):
        return permissions.objects_editable_by(self.request.user, self.get_model())


# URL name in wagtail-localize's namespace -> (check, view to use instead of wagtail-localize's, or None).
CHECKS = {
    "javascript_catalog": (_anyone, None),  # the editor's interface strings
    "submit_page_translation": (_submit_page, SubmitPageTranslationView),
    "submit_snippet_translation": (_submit_snippet, SubmitSnippetTranslationView),
    "update_translations": (_sync, None),
    "edit_string_translation": (_translation, None),
    "edit_override": (_translation, None),
    "download_pofile": (_translation, None),
    "upload_pofile": (_translation, None),
    "machine_translate": (_translation, None),
    "preview_translation": (_translation, None),
    "stop_translation": (_translation, None),
    "convert_to_alias": (_convert_to_alias, None),
    "translations_report": (_anyone, TranslationsReportView),
    "translations_report_results": (_anyone, TranslationsReportView),
    "snippets_api_listing": (_snippet_listing, SnippetsApiViewSet),
    "snippets_api_detail": (_snippet_detail, SnippetsApiViewSet),
}


def guarded(view, check):
    rest = hasattr(view, "cls")  # a Django REST Framework view: the editor's scripts expect a 403 in JSON

    @functools.wraps(view)
    def guarded_view(request, *args, **kwargs):
        if not check(request, *args, **kwargs):
            if rest:
                return JsonResponse({"detail": str(NotAllowed.default_detail)}, status=403)
            raise PermissionDenied  # the admin's refusal: back to the dashboard with a message
        return view(request, *args, **kwargs)

    guarded_view.pacte_check = check
    # Django's CSRF check before ours, also for the editor's REST views, which are csrf_exempt and leave it to
    # Django REST Framework (its JavaScript sends the token in a header, which the middleware accepts).
    guarded_view.csrf_exempt = False
    return guarded_view


def _guarded_pattern(pattern):
    if pattern.name not in CHECKS:
        raise ImproperlyConfigured(
            f"wagtail-localize's URL {pattern.name!r} has no permission check in cms.translation_admin.CHECKS"
        )
    check, replacement = CHECKS[pattern.name]
    view = pattern.callback
    if replacement is not None and hasattr(view, "actions"):  # a Django REST Framework viewset
        view = replacement.as_view(view.actions, **view.initkwargs)
    elif replacement is not None:
        view = replacement.as_view(**getattr(view, "view_initkwargs", {}))
    return URLPattern(pattern.pattern, guarded(view, check), pattern.default_args, pattern.name)


def urls():
    """wagtail-localize's admin URL patterns (under /admin/localize/), each behind its check."""
    from wagtail_localize.wagtail_hooks import register_admin_urls

    (localize,) = register_admin_urls()
    patterns = [_guarded_pattern(pattern) for pattern in localize.url_patterns]
    return [path(str(localize.pattern), include((patterns, "pacte_localize")))]


def check_translation_editor(request, instance):
    """Before Wagtail's editor of a page or snippet (which Wagtail shows only to those who may edit it):
    wagtail-localize shows its translation editor instead when the object is a synced translation, with the
    source's text, and restarts a stopped translation on a button of that editor. Both need the source too."""
    if not isinstance(instance, TranslatableMixin):
        return
    translations = Translation.objects.filter(
        source__object_id=instance.translation_key, target_locale_id=instance.locale_id
    ).select_related("source", "target_locale")
    restarting = request.method == "POST" and "localize-restart-translation" in request.POST
    for translation in translations:
        if (translation.enabled or restarting) and not permissions.user_can_edit_translation(request.user, translation):
            raise PermissionDenied
