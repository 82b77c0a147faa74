"""The library's public pages and the one way a library file leaves the server. A document the reader may not read
answers as if it did not exist (404), or with the login page for a visitor who has not signed in."""

from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from documents import conf, listing, permissions
from documents.forms import LibraryFilterForm
from documents.models import LibraryDocument
from documents.validation import MIME_TYPES


@require_GET
def library(request):
    """Browse what the reader may read, in their language, filtered, sorted and paginated. The counts beside each
    theme are over the same readable documents."""
    readable = LibraryDocument.objects.visible_to(request.user).in_locale()
    form = LibraryFilterForm(request.GET)
    # Only what documents.listing.rows shows: never the extracted text (it can weigh megabytes per row), and the
    # fewer columns, the cheaper each row's model instance.
    documents = form.filter(readable).select_related("region", "locale").only(*listing.FIELDS)
    page = Paginator(documents, conf.per_page()).get_page(request.GET.get("page"))
    theme_counts = dict(readable.order_by().values_list("theme").annotate(n=Count("pk")))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "documents/library.html", {
        "form": form,
        "current": form.cleaned_data if form.is_valid() else {},
        "page_obj": page,
        "documents": page.object_list,
        "rows": listing.rows(page.object_list),
        "selects": listing.selects(form),
        "themes": [(value, label, theme_counts.get(value, 0)) for value, label in form.fields["theme"].choices[1:]],
        "query": query.urlencode(),
        "elided_range": page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
    })


def _readable(request, pk):
    document = (
        LibraryDocument.objects.visible_to(request.user).select_related("region", "file", "locale").filter(pk=pk).first()
    )
    if document is None:
        if not request.user.is_authenticated:
            raise _LoginRequired
        raise Http404
    return document


class _LoginRequired(Exception):
    pass


def _or_login(view):
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except _LoginRequired:
            return redirect_to_login(request.get_full_path())

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


@require_GET
@_or_login
def detail(request, pk):
    # Shown in the reader's language when translated (every field but the title and description is shared).
    document = _readable(request, pk).localized
    return render(request, "documents/document_detail.html", {
        "document": document,
        "can_download": permissions.user_can_download_document(request.user, document),
    })


@require_GET
@_or_login
def download(request, pk):
    document = _readable(request, pk)
    if not permissions.user_can_download_document(request.user, document):
        raise Http404
    try:
        handle = document.file.file.open("rb")
    except (FileNotFoundError, ValueError) as error:
        raise Http404 from error
    # FileResponse writes a Content-Disposition with an ASCII fallback and the RFC 6266 filename* form.
    response = FileResponse(
        handle, as_attachment=True, filename=document.file_name,
        content_type=MIME_TYPES.get(document.file_format, "application/octet-stream"),
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=3600" if document.access == "public" else "private, no-store"
    return response
