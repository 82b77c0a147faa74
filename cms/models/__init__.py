"""The cms app's models: the site's pages, site settings and the keys of its media collections."""

from .media import CollectionKey
from .pages import (
    AccessibilityStatementPage,
    ContentPage,
    HomePage,
    LegalNoticePage,
    RegionIndexPage,
    RegionPage,
    SitemapPage,
)
from .site_settings import PartnerLogo, SiteSettings

__all__ = [
    "AccessibilityStatementPage",
    "CollectionKey",
    "ContentPage",
    "HomePage",
    "LegalNoticePage",
    "PartnerLogo",
    "RegionIndexPage",
    "RegionPage",
    "SiteSettings",
    "SitemapPage",
]
