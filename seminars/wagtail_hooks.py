"""The seminar's registrations from the Wagtail admin: a button on a seminar page's header and in the page
listing's "more" menu, leading to the registrations screen, for those who may manage them."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import widgets

from seminars import permissions as rules
from seminars.models import SeminarPage


def _registrations_button(page, user, priority):
    if page.specific_class is not SeminarPage or page.id is None:
        return
    seminar = page.specific_deferred.source
    if not seminar.live or not rules.user_can_manage_seminar(user, seminar):
        return  # the registrations screen shows live seminars only
    yield widgets.Button(_("Registrations"), reverse("seminars:registrations", kwargs=seminar.url_kwargs),
                         icon_name="group", priority=priority)


@hooks.register("register_page_header_buttons")
def registrations_header_button(page, user, view_name=None, next_url=None):
    yield from _registrations_button(page, user, priority=75)


@hooks.register("register_page_listing_more_buttons")
def registrations_listing_button(page, user, next_url=None):
    yield from _registrations_button(page, user, priority=55)
