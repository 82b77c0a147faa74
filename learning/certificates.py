"""The certificate as a PDF, in the reader's language, through the platform's shared renderer (cms.pdf)."""

from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _


def verification_url(certificate, request=None):
    path = reverse("learning:verify", kwargs={"code": certificate.code})
    return request.build_absolute_uri(path) if request is not None else path


def display_code(code):
    return "-".join(code[i:i + 4] for i in range(0, len(code), 4))


def render(certificate, language, request=None):
    from cms import pdf  # the documents branch's shared renderer

    with translation.override(language):
        context = {
            "certificate": certificate,
            "module_title": certificate.title_in(language),
            "code": display_code(certificate.code),
            "verification_url": verification_url(certificate, request),
            "hours": certificate.duration_minutes // 60,
            "minutes": certificate.duration_minutes % 60,
        }
        return pdf.render_pdf("learning/certificate_pdf.html", context, title=_("Certificate of completion"),
                              language=language)


def file_name(certificate):
    return f"certificate-{slugify(certificate.module_title)[:60]}-{certificate.code}.pdf"
