"""The cms app's models: the site's pages and site settings."""

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
    "ContentPage",
    "HomePage",
    "LegalNoticePage",
    "PartnerLogo",
    "RegionIndexPage",
    "RegionPage",
    "SiteSettings",
    "SitemapPage",
]
