"""The cms app's models: people and regions, the site's pages, and site settings."""

from .pages import (
    AccessibilityStatementPage,
    ContentPage,
    HomePage,
    LegalNoticePage,
    RegionIndexPage,
    RegionPage,
)
from .people import Invitation, Region, User
from .site_settings import PartnerLogo, SiteSettings

__all__ = [
    "AccessibilityStatementPage",
    "ContentPage",
    "HomePage",
    "Invitation",
    "LegalNoticePage",
    "PartnerLogo",
    "Region",
    "RegionIndexPage",
    "RegionPage",
    "SiteSettings",
    "User",
]
