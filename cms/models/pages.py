from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.loader import render_to_string
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms import cache, routing
from cms.blocks import BodyBlock, CookieBlock
from documents.page_forms import LibraryDocumentsPageForm
from people import permissions
from people.collation import sort_key
from people.enums import Role
from people.models import User


class BasePage(Page):
    """Fields every editorial page shares: an introduction and a StreamField body."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    base_form_class = LibraryDocumentsPageForm  # document blocks checked against the editor at save time

    class Meta:
        abstract = True

    def full_clean(self, *args, **kwargs):
        # ASCII addresses (settings.WAGTAIL_ALLOW_UNICODE_SLUGS): the admin's script writes "equipe-de-soins" as one
        # types, and a slug that arrives with accents anyway (no script, a paste) is folded the same way.
        if self.slug and not self.slug.isascii() and not getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True):
            self.slug = slugify(self.slug)
        super().full_clean(*args, **kwargs)

    def route(self, request, path_components):
        return routing.route(self, request, path_components, super().route)

    route._pacte_cached_route = True  # subclasses overriding route() are routed the long way

    def get_view_restrictions(self):
        """Wagtail checks on every view, with two queries, whether the page or an ancestor is private. Whether any
        restriction applies is cached with the navigation (bumped when a restriction or the tree changes); an
        unrestricted page answers with an empty queryset, which runs no query."""
        from wagtail.models import PageViewRestriction

        # Wagtail's queryset is built only when the cache does not know, or says restricted: building it already
        # runs a query (the ancestors' aliases).
        restrictions = lambda: super(BasePage, self).get_view_restrictions()  # noqa: E731
        if cache.remember(f"restricted:{self.pk}", lambda: restrictions().exists()):
            return restrictions()
        return PageViewRestriction.objects.none()


class HomePage(BasePage):
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cms.ContentPage",
        "cms.RegionIndexPage",
        "cms.LegalNoticePage",
        "cms.AccessibilityStatementPage",
        "cms.SitemapPage",
        "learning.LearningIndexPage",
        "seminars.SeminarIndexPage",
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
        regions.sort(key=lambda p: sort_key(p.region.name))
        return [{"title": p.title, "url": p.get_url(current_site=site)} for p in regions]


class RegionPage(BasePage):
    region = models.ForeignKey(
        "people.Region", on_delete=models.PROTECT, related_name="pages", verbose_name=_("region")
    )

    parent_page_types = ["cms.RegionIndexPage"]
    subpage_types = ["cms.ContentPage", "seminars.SeminarPage"]

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
        # The cohort's list is cached rendered too: a few hundred rows through the template engine cost more
        # than the rest of the page's body (bench/run.py "region page", logged in).
        people = cache.cached(request, f"people-lists:{self.region_id}:{get_language()}", self._people_by_role,
                              scope=cache.people_scope(self.region_id))
        context["trainers"] = people[Role.TRAINER]
        context["partners"] = people[Role.PARTNER]
        if permissions.user_can_view_region_members(request.user, self.region):
            context["coordinators"] = people[Role.COORDINATOR]
            context["coordinators_list"] = people["coordinators_list"]
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
        by_role["coordinators_list"] = render_to_string("includes/people_list.html", {
            "people": by_role[Role.COORDINATOR], "empty_text": _("No coordinator has joined yet."),
        })
        return by_role


LIST_FEATURES = ["bold", "italic", "ul", "ol"]


class LegalNoticePage(BasePage):
    """The legal notice (mentions légales) that the LCEN asks of every French site: publisher, publication director,
    host, personal data and cookies. Structured, so that nothing the law asks for can be left out by accident."""

    publisher_name = models.CharField(_("publisher"), max_length=200, blank=True)
    publisher_address = models.TextField(_("publisher's address"), blank=True)
    publisher_phone = models.CharField(_("publisher's telephone"), max_length=40, blank=True)
    publication_director = models.CharField(_("publication director"), max_length=200, blank=True)
    host_name = models.CharField(_("host"), max_length=200, blank=True)
    host_address = models.TextField(_("host's address"), blank=True)
    host_phone = models.CharField(_("host's telephone"), max_length=40, blank=True)
    personal_data = RichTextField(
        _("personal data"), blank=True, features=LIST_FEATURES,
        help_text=_("What is collected, why, on what legal basis, who receives it and for how long."),
    )
    dpo_name = models.CharField(_("data protection officer"), max_length=200, blank=True)
    dpo_email = models.EmailField(_("data protection officer's email"), blank=True)
    data_rights = RichTextField(
        _("exercising one's rights"), blank=True, features=LIST_FEATURES,
        help_text=_("How people obtain, correct or erase their data, and complain to the CNIL."),
    )
    cookies = StreamField(
        [("cookie", CookieBlock())], verbose_name=_("cookies"), blank=True,
        help_text=_("Every cookie the site sets, by its exact name."),
    )

    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("publisher_name"), FieldPanel("publisher_address"), FieldPanel("publisher_phone"),
             FieldPanel("publication_director")],
            heading=_("Publisher"),
        ),
        MultiFieldPanel([FieldPanel("host_name"), FieldPanel("host_address"), FieldPanel("host_phone")],
                        heading=_("Host")),
        MultiFieldPanel(
            [FieldPanel("personal_data"), FieldPanel("dpo_name"), FieldPanel("dpo_email"), FieldPanel("data_rights")],
            heading=_("Personal data"),
        ),
        FieldPanel("cookies"),
    ]

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
    auditor = models.CharField(_("audit carried out by"), max_length=200, blank=True)
    audit_results = RichTextField(_("test results"), blank=True, features=LIST_FEATURES)
    non_accessible_content = RichTextField(
        _("content that is not accessible"), blank=True, features=LIST_FEATURES,
        help_text=_("Each failure to comply, with its reason."),
    )
    derogations = RichTextField(_("derogations for disproportionate burden"), blank=True, features=LIST_FEATURES)
    exempt_content = RichTextField(
        _("content not subject to the accessibility obligation"), blank=True, features=LIST_FEATURES
    )
    statement_date = models.DateField(_("date of this statement"), null=True, blank=True)
    technologies = RichTextField(_("technologies used"), blank=True, features=LIST_FEATURES)
    test_environment = RichTextField(_("test environment"), blank=True, features=LIST_FEATURES)
    tools = RichTextField(_("tools used to assess accessibility"), blank=True, features=LIST_FEATURES)
    pages_checked = RichTextField(_("pages checked"), blank=True, features=LIST_FEATURES)
    multi_year_plan_url = models.URLField(_("address of the multi-year accessibility plan"), blank=True)
    contact_email = models.EmailField(_("contact email for accessibility"))
    contact_form_url = models.URLField(_("address of a contact form"), blank=True)
    contact_address = models.TextField(_("postal address for accessibility"), blank=True)
    remedy_form_url = models.URLField(
        _("the Défenseur des droits's online form"), default="https://formulaire.defenseurdesdroits.fr/"
    )
    remedy_delegates_url = models.URLField(
        _("the Défenseur des droits's regional delegates"), default="https://www.defenseurdesdroits.fr/saisir/delegues"
    )
    remedy_address = models.TextField(
        _("the Défenseur des droits's postal address"),
        default="Défenseur des droits\nLibre réponse 71120\n75342 Paris CEDEX 07",
    )

    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("conformity"),
                FieldPanel("multi_year_plan_url"),
                FieldPanel("auditor"),
                FieldPanel("audit_date"),
                FieldPanel("compliance_rate"),
                FieldPanel("audit_results"),
            ],
            heading=_("Conformity"),
        ),
        MultiFieldPanel(
            [FieldPanel("non_accessible_content"), FieldPanel("derogations"), FieldPanel("exempt_content")],
            heading=_("Content that is not accessible"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("statement_date"),
                FieldPanel("technologies"),
                FieldPanel("test_environment"),
                FieldPanel("tools"),
                FieldPanel("pages_checked"),
            ],
            heading=_("How this statement was made"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_form_url"), FieldPanel("contact_address")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("remedy_form_url"), FieldPanel("remedy_delegates_url"), FieldPanel("remedy_address")],
            heading=_("Remedies"),
        ),
    ]

    class Meta:
        verbose_name = _("accessibility statement")

    def clean(self):
        super().clean()
        if self.compliance_rate is not None and self.compliance_rate > 100:
            raise ValidationError({"compliance_rate": _("A share cannot be more than 100%.")})


class SitemapPage(BasePage):
    """The site map (plan du site): the whole public tree of its language, a second way to find any page (RGAA 12.1)."""

    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("site map")
