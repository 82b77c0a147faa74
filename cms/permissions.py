"""Who may do what with the site's pages and the admin, stated on people.permissions' primitives.

Wagtail's page permissions are derived from the same rules: people.services.roles puts each person in the groups
that their role and regions call for, and the groups carry the page permissions."""

from django.conf import settings
from django.contrib.auth import get_permission_codename
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Exists, OuterRef, Q
from wagtail.models import DraftStateMixin, Page, get_translatable_models
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import page_permission_policy
from wagtail_localize.models import Translation

from people.enums import Role
from people.permissions import has_role, is_national, is_partner_of_region, is_trainer_of_region


def user_can_access_admin(user) -> bool:
    """The Wagtail admin is for the people who author content: trainers and the national team."""
    return is_national(user) or has_role(user, Role.TRAINER)


def user_can_edit_region_page(user, region) -> bool:
    return is_national(user) or is_trainer_of_region(user, region)


def user_can_edit_learning_content(user) -> bool:
    return user_can_access_admin(user)


def user_can_read_region_reports(user, region) -> bool:
    """Steering-committee reports: the region's trainers and partners, and the national team."""
    return is_national(user) or is_trainer_of_region(user, region) or is_partner_of_region(user, region)


# Translations (wagtail-localize). A translation reads its source and writes its destination: working on one needs
# edit permission on both, and making a destination live needs publish permission on it. Pages answer with
# Wagtail's page permissions (derived from role and region by people.services.roles, so a trainer edits their
# regions' pages and the shared learning content); other translatable models with Django's model permission (which
# wagtail-localize's own views check) and, object by object, with the permission policy of their snippet viewset
# (the library's: a trainer changes their regions' documents only). The objects a page or snippet refers to, which
# wagtail-localize translates with it, are translated only by whoever may translate them: user_can_translate_related.


def _model_permission(user, action, model) -> bool:
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.{get_permission_codename(action, opts)}")


def _permission_policy(model):
    """The policy Wagtail's own screens ask about `model`: its snippet viewset's, or the model permissions'."""
    from wagtail.snippets.models import get_snippet_models  # the registry fills when the admin's hooks load

    if model in get_snippet_models():
        return model.snippet_viewset.permission_policy
    return ModelPermissionPolicy(model)


def _object_permission(user, action, obj) -> bool:
    model = type(obj)
    return _model_permission(user, action, model) and _permission_policy(model).user_has_permission_for_instance(
        user, action, obj
    )


def user_can_edit_object(user, obj) -> bool:
    if isinstance(obj, Page):
        return obj.permissions_for_user(user).can_edit()
    return _object_permission(user, "change", obj)


def user_can_publish_object(user, obj) -> bool:
    if isinstance(obj, Page):
        return obj.permissions_for_user(user).can_publish()
    if isinstance(obj, DraftStateMixin):
        return _object_permission(user, "publish", obj)
    return user_can_edit_object(user, obj)  # without drafts, saving is publishing


def objects_editable_by(user, model):
    """The `model` objects `user` may edit, as a queryset (object by object, as user_can_edit_object answers)."""
    if is_national(user):
        return model._default_manager.all()
    if not _model_permission(user, "change", model):
        return model._default_manager.none()
    return _permission_policy(model).instances_user_has_any_permission_for(user, {"change"})


def user_can_edit_objects_of(user, model) -> bool:
    """The snippet listings of wagtail-localize's editor: for those who edit that kind of snippet (the listing is
    narrowed to objects_editable_by)."""
    return is_national(user) or _model_permission(user, "change", model)


def _published_on_translate(instance) -> bool:
    """Whether wagtail-localize's TranslationCreator publishes the new translation of `instance` (it mirrors this)."""
    if getattr(settings, "WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE", True):
        return getattr(instance, "live", True)
    return not isinstance(instance, DraftStateMixin)


def _translated_ancestor(page, locale):
    """Where a new translation of `page` is created: under its parent's translation, or, when the parent is not
    translated, under copies of the untranslated ancestors (wagtail-localize makes them) placed beneath the nearest
    translated one; under the tree's root when none is."""
    ancestors = list(page.get_ancestors().order_by("-depth"))
    keys = [ancestor.translation_key for ancestor in ancestors]
    translated = {p.translation_key: p for p in Page.objects.filter(translation_key__in=keys, locale=locale)}
    return next((translated[key] for key in keys if key in translated), ancestors[-1])


def _user_can_write_destination(user, instance, locale, publish) -> bool:
    """May `user` create or update the `locale` translation of `instance` (and publish it when `publish`)?"""
    existing = instance.get_translation_or_none(locale)
    if existing is not None:
        return user_can_edit_object(user, existing) and (not publish or user_can_publish_object(user, existing))
    if isinstance(instance, Page):
        perms = _translated_ancestor(instance, locale).permissions_for_user(user)
        return perms.can_add_subpage() and (not publish or perms.can_publish_subpage())
    # A new translation of a snippet: as its source, whose edit permission is checked with it, plus "add".
    model = type(instance)
    if not (_model_permission(user, "add", model) and _permission_policy(model).user_has_permission(user, "add")):
        return False
    return not publish or not isinstance(instance, DraftStateMixin) or _model_permission(user, "publish", model)


def _user_can_translate_one(user, instance, locales) -> bool:
    """Edit `instance` and write each of its destinations. The objects it refers to do not count: see
    user_can_translate_related."""
    if not user_can_edit_object(user, instance):
        return False
    publish = _published_on_translate(instance)
    return all(_user_can_write_destination(user, instance, locale, publish) for locale in locales)


def user_can_translate_related(user, related, locales) -> bool:
    """wagtail-localize translates, along with a page or snippet, the translatable objects it refers to (one level
    deep: the library documents of its document blocks). It does so only for whoever may translate `related`
    itself (edit it and write each destination); for anyone else `related` is left untouched (no translation, no
    TranslationSource update, no Translation re-enabled: cms.services.translation.PermittedTranslationCreator),
    and the new translation links its translation in each language, or the source until it has one
    (wagtail-localize's save_target falls back to the source's reference). A trainer thus translates their
    region's page that links a national document, without translating that document."""
    if is_national(user):
        return True
    if not user_can_edit_object(user, related):
        return False
    publish = _published_on_translate(related)
    return all(_user_can_write_destination(user, related, locale, publish) for locale in locales)


def user_can_translate(user, instance, locales=(), include_subtree=False) -> bool:
    """Ask for translations of `instance` into `locales` (wagtail-localize's *Translate* screen): edit the source
    and write each destination, for `instance` and, with `include_subtree`, for every page beneath it. With no
    locale: may this person open the screen at all."""
    if is_national(user):
        return True
    if not user.has_perm("wagtail_localize.submit_translation"):
        return False
    if not _user_can_translate_one(user, instance, locales):
        return False
    if include_subtree and isinstance(instance, Page):
        return all(_user_can_translate_one(user, page, locales) for page in instance.get_descendants().specific())
    return True


def _source_and_destination(translation):
    """(source instance, destination instance or None); the source is None when it has been deleted."""
    try:
        source = translation.source.get_source_instance()
    except ObjectDoesNotExist:
        return None, None
    return source, source.get_translation_or_none(translation.target_locale_id)


def user_can_edit_translation(user, translation) -> bool:
    """Work on a translation in wagtail-localize's editor (strings, overrides, PO files, machine translation,
    preview, stop): edit its source and its destination (nothing is written to a missing destination there)."""
    if is_national(user):
        return True
    source, destination = _source_and_destination(translation)
    if source is None or not user_can_edit_object(user, source):
        return False
    return destination is None or user_can_edit_object(user, destination)


def user_can_publish_translation(user, translation) -> bool:
    """Make the destination show its source as it is now (convert to alias, publish a synced translation)."""
    if is_national(user):
        return True
    if not user_can_edit_translation(user, translation):
        return False
    source, destination = _source_and_destination(translation)
    if destination is None:
        return _user_can_write_destination(user, source, translation.target_locale, publish=True)
    return user_can_publish_object(user, destination)


def user_can_sync_translations(user, source, publish=False) -> bool:
    """Bring every translation of a TranslationSource up to date with its source (*Sync translated pages*), and
    publish them with `publish`."""
    if is_national(user):
        return True
    if not user.has_perm("wagtail_localize.submit_translation"):
        return False
    try:
        if not user_can_edit_object(user, source.get_source_instance()):
            return False
    except ObjectDoesNotExist:
        return False
    check = user_can_publish_translation if publish else user_can_edit_translation
    return all(check(user, translation) for translation in source.translations.filter(enabled=True))


def translations_editable_by(user):
    """The wagtail-localize translations `user` may work on, as a queryset (the translations report lists these):
    the same answer as user_can_edit_translation, in one query."""
    translations = Translation.objects.all()
    if is_national(user):
        return translations
    if not user_can_access_admin(user):
        return translations.none()
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, {"change"}).exclude(depth=1)
    source = editable.filter(translation_key=OuterRef("source__object_id"), locale=OuterRef("source__locale"))
    foreign_destination = Page.objects.filter(
        translation_key=OuterRef("source__object_id"), locale=OuterRef("target_locale")
    ).exclude(pk__in=editable.values("pk"))
    pages = Q(source__object__content_type=ContentType.objects.get_for_model(Page)) & Q(Exists(source)) & ~Q(
        Exists(foreign_destination)
    )
    others = Q(pk__in=[])
    for model in get_translatable_models():
        if issubclass(model, Page) or not _model_permission(user, "change", model):
            continue
        editable = objects_editable_by(user, model)
        own_source = editable.filter(translation_key=OuterRef("source__object_id"), locale=OuterRef("source__locale"))
        foreign = model._default_manager.filter(
            translation_key=OuterRef("source__object_id"), locale=OuterRef("target_locale")
        ).exclude(pk__in=editable.values("pk"))
        others |= (Q(source__specific_content_type=ContentType.objects.get_for_model(model)) & Q(Exists(own_source))
                   & ~Q(Exists(foreign)))
    return translations.filter(pages | others)


def user_can_edit_page(user, page) -> bool:
    """What the page editor itself allows: Wagtail's page permissions, which people.services.roles and the apps'
    `group_created` receivers derive from roles and regions (a trainer: their regions' pages and the shared
    learning content)."""
    return page_permission_policy.user_has_permission_for_instance(user, "change", page)


def user_can_see_page_in_admin(user, page) -> bool:
    """The admin names a page (chooser, explorer, search, reports) to whoever may edit it, or once it is live:
    the title of a region's draft stays with that region's trainers and the national team."""
    return is_national(user) or page.live or user_can_edit_page(user, page)


def pages_visible_in_admin(user, pages=None):
    """`pages` (all pages by default) narrowed to those user_can_see_page_in_admin() allows, in one query."""
    pages = Page.objects.all() if pages is None else pages
    if is_national(user):
        return pages
    editable = page_permission_policy.instances_user_has_permission_for(user, "change")
    return pages.filter(Q(live=True) | Q(pk__in=editable.values("pk")))
