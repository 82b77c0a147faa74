from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable


@register_setting(icon="cog")
class SiteSettings(ClusterableModel, BaseSiteSetting):
    contact_email = models.EmailField(_("contact email"), blank=True)
    tagline = models.CharField(
        _("tagline"), max_length=200, blank=True, help_text=_("Shown under the site name, in French.")
    )
    tagline_en = models.CharField(_("tagline in English"), max_length=200, blank=True)

    panels = [
        FieldPanel("contact_email"),
        FieldPanel("tagline"),
        FieldPanel("tagline_en"),
        InlinePanel("partner_logos", label=_("Partner logos")),
    ]

    class Meta:
        verbose_name = _("site settings")

    def tagline_for(self, language_code):
        return self.tagline_en if language_code == "en" and self.tagline_en else self.tagline


class PartnerLogo(Orderable):
    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="partner_logos")
    name = models.CharField(_("partner's name"), max_length=200, help_text=_("Used as the logo's text alternative."))
    image = models.ForeignKey("wagtailimages.Image", on_delete=models.PROTECT, related_name="+", verbose_name=_("logo"))
    url = models.URLField(_("website"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("image"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("partner logo")
        verbose_name_plural = _("partner logos")

    def __str__(self):
        return self.name
