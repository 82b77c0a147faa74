from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms import cache, routing
from cms.blocks import BodyBlock
from people import permissions
from people.enums import Role
from people.models import User


class BasePage(Page):
    """Fields every editorial page shares: an introduction and a StreamField body."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        abstract = True

    def route(self, request, path_components):
        return routing.route(self, request, path_components, super().route)

    route._pacte_cached_route = True  # subclasses overriding route() are routed the long way

    def get_view_restrictions(self):
        """Wagtail checks on every view, with two queries, whether the page or an ancestor is private. Whether any
        restriction applies is cached with the navigation (bumped when a restriction or the tree changes); an
        unrestricted page answers with an empty queryset, which runs no query."""
        from wagtail.models import PageViewRestriction

        restrictions = super().get_view_restrictions()  # lazy: no query until asked
        if cache.remember(f"restricted:{self.pk}", restrictions.exists):
            return restrictions
        return PageViewRestriction.objects.none()


class HomePage(BasePage):
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cms.ContentPage",
        "cms.RegionIndexPage",
        "cms.LegalNoticePage",
        "cms.AccessibilityStatementPage",
        "learning.LearningIndexPage",
    ]

    class Meta:
        verbose_name = _("home page")


class ContentPage(BasePage):
    parent_page_types = ["cms.HomePage", "cms.ContentPage", "cms.RegionPage", "learning.LearningIndexPage"]
    subpage_types = ["cms.ContentPage"]

    class Meta:
        verbose_name = _("content page")


class RegionIndexPage(BasePage):
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.RegionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("region index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Titles and URLs only, cached with the navigation: building 18 full pages cost more than the rest.
        context["region_pages"] = cache.cached(request, f"regions:{self.pk}", self._region_links)
        return context

    def _region_links(self, site):
        regions = list(RegionPage.objects.child_of(self).live().public().select_related("region"))
        regions.sort(key=lambda p: str(p.region.name))
        return [{"title": p.title, "url": p.get_url(current_site=site)} for p in regions]


class RegionPage(BasePage):
    region = models.ForeignKey(
        "people.Region", on_delete=models.PROTECT, related_name="pages", verbose_name=_("region")
    )

    parent_page_types = ["cms.RegionIndexPage"]
    subpage_types = ["cms.ContentPage"]

    content_panels = [
        FieldPanel("title"),
        FieldPanel("region"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("region page")

    def clean(self):
        super().clean()
        if self.region_id and self.locale_id:
            clash = RegionPage.objects.filter(region_id=self.region_id, locale_id=self.locale_id).exclude(pk=self.pk)
            if clash.exists():
                raise ValidationError({"region": _("This region already has a page in this language.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Cached until the tree or the region's people change (cms.signals bumps the region's people scope): a region
        # of a few hundred coordinators otherwise costs a query and as many model instances on every view.
        people = cache.cached(request, f"people:{self.region_id}:{get_language()}", self._people_by_role,
                              scope=cache.people_scope(self.region_id))
        context["trainers"] = people[Role.TRAINER]
        context["partners"] = people[Role.PARTNER]
        if permissions.user_can_view_region_members(request.user, self.region):
            context["coordinators"] = people[Role.COORDINATOR]
            context["show_coordinators"] = True
        return context

    def _people_by_role(self, site=None):
        """{role: [{"name", "structure"}]} of the region's active trainers, partners and coordinators, in one query
        whatever the size of the cohort."""

        roles = (Role.TRAINER, Role.PARTNER, Role.COORDINATOR)
        people = User.objects.active().filter(regions__id=self.region_id).with_role(*roles).only(
            "first_name", "last_name", "email", "role", "structure_type", "structure_name", "structure_town"
        )
        by_role = {role: [] for role in roles}
        for person in people:
            by_role[person.role].append({"name": person.get_full_name(), "structure": person.structure_label})
        return by_role


class LegalNoticePage(BasePage):
    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("legal notice")


class AccessibilityStatementPage(BasePage):
    """The RGAA accessibility statement (déclaration d'accessibilité) that French public bodies must publish."""

    class Conformity(models.TextChoices):
        FULL = "full", _("fully compliant")
        PARTIAL = "partial", _("partially compliant")
        NONE = "none", _("not compliant")

    conformity = models.CharField(
        _("conformity status"), max_length=10, choices=Conformity.choices, default=Conformity.PARTIAL
    )
    audit_date = models.DateField(_("date of the audit"), null=True, blank=True)
    compliance_rate = models.PositiveSmallIntegerField(
        _("share of RGAA criteria met (%)"), null=True, blank=True
    )
    non_accessible_content = RichTextField(_("content that is not accessible"), blank=True)
    contact_email = models.EmailField(_("contact email for accessibility"))
    contact_form_url = models.URLField(_("address of a contact form"), blank=True)

    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("conformity"),
                FieldPanel("audit_date"),
                FieldPanel("compliance_rate"),
                FieldPanel("non_accessible_content"),
            ],
            heading=_("Conformity"),
        ),
        MultiFieldPanel([FieldPanel("contact_email"), FieldPanel("contact_form_url")], heading=_("Contact")),
    ]

    class Meta:
        verbose_name = _("accessibility statement")

    def clean(self):
        super().clean()
        if self.compliance_rate is not None and self.compliance_rate > 100:
            raise ValidationError({"compliance_rate": _("A share cannot be more than 100%.")})
