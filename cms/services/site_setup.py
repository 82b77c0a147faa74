"""Build the site's structure, the same on every installation: locales, the French home and its sections, one page
per region, the legal pages, their English translations, the collections of images and documents (national, one
per region) and the role groups. Idempotent: a second run changes
nothing. Not one transaction: wagtail-localize publishes on commit (see cms.services.translation); every step
checks what exists, so a run that stops halfway is completed by the next."""

from django.utils import timezone, translation
from wagtail.models import Locale, Page, Site

from cms import legal_content
from cms.models import (
    AccessibilityStatementPage,
    HomePage,
    LegalNoticePage,
    RegionIndexPage,
    RegionPage,
    SitemapPage,
    SiteSettings,
)
from cms.services import collections
from cms.services.translation import translate
from forums.services import ensure_region_forums
from learning.models import LearningIndexPage
from people.enums import RegionCode
from people.models import Region
from people.services import roles

HOME = {
    "title": "Accueil",
    "slug": "accueil",
    "intro": (
        "La plateforme collaborative des coordonnateurs et coordonnatrices d'équipes de soins primaires "
        "engagés dans le programme PACTE : modules d'e-learning, fiches techniques, outils, forums et séminaires."
    ),
}
HOME_EN = {
    "Accueil": "Home",
    "accueil": "home",
    HOME["intro"]: (
        "The collaborative platform of the primary-care team coordinators taking part in the PACTE programme: "
        "e-learning modules, technical sheets, tools, forums and seminars."
    ),
}

SECTIONS = [
    (
        RegionIndexPage,
        {
            "title": "Les régions",
            "slug": "regions",
            "show_in_menus": True,
            "intro": "Dans chaque région, un binôme de formateurs relais anime trois séminaires de deux jours par an.",
        },
        {
            "Les régions": "Regions",
            "regions": "regions",
            "Dans chaque région, un binôme de formateurs relais anime trois séminaires de deux jours par an.": (
                "In each region, a pair of regional trainers runs three two-day seminars a year."
            ),
        },
    ),
    (
        LearningIndexPage,
        {
            "title": "Ressources pédagogiques",
            "slug": "ressources",
            "show_in_menus": True,
            "intro": "Modules d'e-learning, fiches techniques, outils et référentiels partagés par toutes les régions.",
        },
        {
            "Ressources pédagogiques": "Learning resources",
            "ressources": "resources",
            "Modules d'e-learning, fiches techniques, outils et référentiels partagés par toutes les régions.": (
                "E-learning modules, technical sheets, tools and reference frameworks shared by every region."
            ),
        },
    ),
    (
        LegalNoticePage,
        {
            "title": "Mentions légales",
            "slug": "mentions-legales",
            "intro": "Éditeur, hébergeur et traitement des données personnelles de la plateforme PACTE.",
        },
        {
            "Mentions légales": "Legal notice",
            "mentions-legales": "legal-notice",
            "Éditeur, hébergeur et traitement des données personnelles de la plateforme PACTE.": (
                "Publisher, host and processing of personal data of the PACTE platform."
            ),
        },
    ),
    (
        AccessibilityStatementPage,
        {
            "title": "Déclaration d'accessibilité",
            "slug": "accessibilite",
            "intro": "L'EHESP s'engage à rendre la plateforme PACTE accessible, conformément à l'article 47 de la loi "
            "n° 2005-102 du 11 février 2005.",
            "conformity": AccessibilityStatementPage.Conformity.PARTIAL,
            "contact_email": "accessibilite@pacte.example.org",
        },
        {
            "Déclaration d'accessibilité": "Accessibility statement",
            "accessibilite": "accessibility",
            "L'EHESP s'engage à rendre la plateforme PACTE accessible, conformément à l'article 47 de la loi "
            "n° 2005-102 du 11 février 2005.": (
                "The EHESP undertakes to make the PACTE platform accessible, in accordance with article 47 of French "
                "law no. 2005-102 of 11 February 2005."
            ),
        },
    ),
    (
        SitemapPage,
        {
            "title": "Plan du site",
            "slug": "plan-du-site",
            "intro": "Toutes les pages publiques de la plateforme, rubrique par rubrique.",
        },
        {
            "Plan du site": "Site map",
            "plan-du-site": "site-map",
            "Toutes les pages publiques de la plateforme, rubrique par rubrique.": (
                "Every public page of the platform, section by section."
            ),
        },
    ),
]


def _locale(code):
    return Locale.objects.get_or_create(language_code=code)[0]


def _child(parent, model, fields):
    existing = model.objects.child_of(parent).filter(slug=fields["slug"]).first()
    if existing:
        return existing, False
    page = model(**fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def _ensure_translation(page, strings):
    en = _locale("en")
    if not page.has_translation(en):
        translate(page, "en", strings, publish=True)


def _complete(page, marker, fields):
    """Fill the page's blank fields with `fields` once, while `marker` (a field the page always has once written)
    is blank; then bring its English translation up to date. A page the national team has edited is left alone."""
    if getattr(page, marker):
        return
    for name, value in fields.items():
        if not getattr(page, name):
            setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    translate(page, "en", legal_content.EN, publish=True)


def _home(fr):
    home = HomePage.objects.filter(locale=fr).first()
    if home:
        return home
    root = Page.get_first_root_node()
    # Wagtail's placeholder "Welcome" page gives way to ours.
    for placeholder in root.get_children().filter(content_type__model="page", slug="home"):
        Site.objects.filter(root_page=placeholder).delete()
        placeholder.delete()
    home = HomePage(locale=fr, **HOME)
    root.add_child(instance=home)
    home.save_revision().publish()
    return home


def setup_site(hostname="localhost", port=80):
    fr = _locale("fr")
    _locale("en")
    home = _home(fr)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=True, site_name="PACTE")
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "PACTE"
        site.save()
    _ensure_translation(home, HOME_EN)

    collections.national_collection()
    sections = {}
    for model, fields, strings in SECTIONS:
        page, _ = _child(home, model, fields)
        _ensure_translation(page, strings)
        sections[model] = page
    region_index = sections[RegionIndexPage]
    _complete(sections[AccessibilityStatementPage], "statement_date",
              {**legal_content.STATEMENT, "statement_date": timezone.localdate()})
    _complete(sections[LegalNoticePage], "publisher_name", legal_content.legal_notice())

    for region in Region.objects.all():
        fr_title = str(RegionCode(region.code).label)
        with translation.override("en"):
            en_title = str(RegionCode(region.code).label)
        page = RegionPage.objects.filter(region=region, locale=fr).first()
        if page is None:
            page, _ = _child(region_index, RegionPage, {"title": fr_title, "slug": region.code, "region": region})
        _ensure_translation(page, {fr_title: en_title})
        collections.region_collection(region)
        roles.ensure_region_group(region)

    roles.ensure_base_groups()
    ensure_region_forums()
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    if not settings.tagline:
        settings.tagline = "Programme d'amélioration continue du travail en équipe"
        settings.tagline_en = "Continuous improvement programme for teamwork"
        settings.save()
    return home
