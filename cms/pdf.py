"""The platform's PDF renderer, shared by technical sheets, certificates, agendas and reports.

xhtml2pdf turns a template extending `pdf/base.html` into a PDF. The font is DejaVu Sans, committed in cms/fonts
(with its licence) and embedded in every PDF, so that accents and ’ « » œ render the same on every machine. The
document's title, author and language are then written into its metadata with pypdf, since downloadable documents
are in RGAA's scope (a reader announces the title and reads in the right language)."""

import io
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation

FONT_DIR = Path(__file__).resolve().parent / "fonts"


class PDFRenderingError(Exception):
    pass


def link_callback(uri, rel):
    """Resolve a static or media address (or a font of cms/fonts) to a file on disk; anything else is refused, so
    that a template never makes the renderer fetch a remote address."""
    if uri.startswith("file://"):
        uri = uri[len("file://"):]
    path = Path(uri)
    if path.is_absolute() and path.resolve().is_relative_to(FONT_DIR):
        return str(path.resolve())
    if uri.startswith(settings.STATIC_URL):
        found = finders.find(uri[len(settings.STATIC_URL):])
        if found:
            return found
    media_url = settings.MEDIA_URL
    if media_url and uri.startswith(media_url):
        media_root = Path(settings.MEDIA_ROOT).resolve()
        candidate = (media_root / uri[len(media_url):]).resolve()
        if candidate.is_relative_to(media_root) and candidate.is_file():
            return str(candidate)
    return ""


def render_pdf(template_name: str, context: dict, *, title: str, language: str, author: str = "PACTE") -> bytes:
    """Render `template_name` (which extends pdf/base.html) in `language` and return the PDF's bytes."""
    from xhtml2pdf import pisa

    with translation.override(language):
        html = render_to_string(
            template_name,
            {**context, "pdf_title": title, "pdf_language": language, "pdf_author": author, "font_dir": FONT_DIR},
        )
    buffer = io.BytesIO()
    status = pisa.CreatePDF(html, dest=buffer, encoding="utf-8", link_callback=link_callback)
    if status.err:
        raise PDFRenderingError(f"xhtml2pdf reported {status.err} error(s) rendering {template_name}")
    return _with_metadata(buffer.getvalue(), title=title, language=language, author=author)


def _with_metadata(data: bytes, *, title: str, language: str, author: str) -> bytes:
    from pypdf import PdfWriter
    from pypdf.generic import BooleanObject, DictionaryObject, NameObject, TextStringObject

    writer = PdfWriter(clone_from=io.BytesIO(data))
    writer.add_metadata({"/Title": title, "/Author": author, "/Creator": "PACTE", "/Producer": "PACTE (xhtml2pdf)"})
    root = writer._root_object
    root[NameObject("/Lang")] = TextStringObject(language)
    # Viewers show the title, not the file name, in their window (PDF/UA, WCAG technique PDF18).
    root[NameObject("/ViewerPreferences")] = DictionaryObject(
        {NameObject("/DisplayDocTitle"): BooleanObject(True)}
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf_text(data: bytes) -> str:
    """The text of a PDF, extracted back (tests, and checks that what we generate is readable)."""
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def pdf_metadata(data: bytes) -> dict:
    """Title, author and language of a PDF (tests)."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    info = reader.metadata or {}
    return {
        "title": info.get("/Title"),
        "author": info.get("/Author"),
        "language": reader.trailer["/Root"].get("/Lang"),
    }
