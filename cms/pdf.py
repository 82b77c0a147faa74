"""The platform's PDF renderer, shared by technical sheets, certificates, agendas and reports.

xhtml2pdf turns a template extending `pdf/base.html` into a PDF. The font is DejaVu Sans, committed in cms/fonts
(with its licence) and embedded in every PDF, so that accents and ’ « » œ render the same on every machine. The
document's title, author and language are then written into its metadata with pypdf, since downloadable documents
are in RGAA's scope (a reader announces the title and reads in the right language).

xhtml2pdf writes no structure tree, so the output is then tagged (`_tag`): each page's content stream is parsed, every
text object, image and drawing is wrapped in a marked-content sequence, and a structure tree is built in reading
order. What the HTML knew is recovered from what the stream says: a bold text object at the size base.html gives h1,
h2 or h3 becomes H1, H2 or H3 (HEADING_SIZES), other text P; whatever lies in a static @frame (the running header and
the page numbers) is a pagination artifact; an image is a Figure with the alt text of its <img>, taken from the HTML
in order, or an artifact when that alt is empty; lines and fills are layout artifacts. Tables and lists are not
rebuilt: their cells and items are P elements in reading order."""

import io
from html.parser import HTMLParser
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation

FONT_DIR = Path(__file__).resolve().parent / "fonts"


def generated_storage():
    """Where generated PDFs are kept (technical sheets, later certificates): beside the private files, never served
    directly; each app's view decides who downloads them."""
    from django.core.files.storage import FileSystemStorage

    return FileSystemStorage(location=Path(settings.PRIVATE_MEDIA_ROOT) / "generated", base_url=None)


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


def _resource_policy():
    """What xhtml2pdf may read, behind link_callback: the project, the media and the collected static files, nothing
    remote. Its default confines reads to the working directory, which silently dropped the images of MEDIA_ROOT
    whenever it lies elsewhere (as in the tests, or a deployment keeping media on another volume)."""
    from xhtml2pdf.config.resources import ResourceAccessPolicy

    roots = [Path(settings.MEDIA_ROOT), Path(settings.STATIC_ROOT), *map(Path, settings.STATICFILES_DIRS)]
    return ResourceAccessPolicy(allow_remote=False, base_dir=Path(settings.BASE_DIR), extra_roots=tuple(roots))


def render_pdf(template_name: str, context: dict, *, title: str, language: str, author: str = "PACTE") -> bytes:
    """Render `template_name` (which extends pdf/base.html) in `language` and return the PDF's bytes."""
    from xhtml2pdf import pisa

    with translation.override(language):
        html = render_to_string(
            template_name,
            {**context, "pdf_title": title, "pdf_language": language, "pdf_author": author, "font_dir": FONT_DIR},
        )
    buffer = io.BytesIO()
    status = pisa.CreatePDF(html, dest=buffer, encoding="utf-8", link_callback=link_callback,
                            resource_policy=_resource_policy())
    if status.err:
        raise PDFRenderingError(f"xhtml2pdf reported {status.err} error(s) rendering {template_name}")
    # The static @frame boxes (running header, page numbers): what is drawn there repeats on every page.
    static = getattr(status, "frameStatic", None) or {}
    furniture = [(f._x1, f._y1, f._x1 + f._width, f._y1 + f._height) for frames in static.values() for f in frames]
    return _with_metadata(buffer.getvalue(), title=title, language=language, author=author, furniture=furniture,
                          image_alts=_image_alts(html, skip_ids=set(static)))


def _with_metadata(data: bytes, *, title: str, language: str, author: str, furniture=(), image_alts=()) -> bytes:
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
    _tag(writer, furniture, image_alts)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# The sizes templates/pdf/base.html gives h1, h2 and h3 (bold): text set bold at one of them is that heading.
HEADING_SIZES = {18.0: "/H1", 13.0: "/H2", 11.0: "/H3"}
_PATH_START = {b"m", b"re"}
_PATH_PARTS = {b"m", b"l", b"c", b"v", b"y", b"h", b"re", b"W", b"W*"}
_PATH_PAINT = {b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*", b"n"}
_TEXT_SHOW = {b"Tj", b"TJ", b"'", b'"'}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _ImageAlts(HTMLParser):
    """The alt texts of the <img> drawn in the flow, in document order (those in a static frame are left out: what
    is drawn there is an artifact), skipping those whose address the renderer refuses (they are not drawn)."""

    def __init__(self, skip_ids):
        super().__init__(convert_charrefs=True)
        self.skip_ids, self.alts = skip_ids, []
        self.skip_tag, self.depth = None, 0  # the static frame's element being skipped, and how deep in its kind

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.depth:
            self.depth += tag == self.skip_tag
        elif attrs.get("id") in self.skip_ids and tag not in _VOID:
            self.skip_tag, self.depth = tag, 1
        elif tag == "img":
            src = attrs.get("src") or ""
            if src.startswith("data:") or link_callback(src, None):
                self.alts.append((attrs.get("alt") or "").strip())

    def handle_endtag(self, tag):
        if self.depth and tag == self.skip_tag:
            self.depth -= 1


def _image_alts(html, skip_ids):
    if "<img" not in html:
        return []
    parser = _ImageAlts(skip_ids)
    parser.feed(html)
    return parser.alts


def _multiply(m, ctm):
    a, b, c, d, e, f = m
    A, B, C, D, E, F = ctm
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _apply(ctm, x, y):
    a, b, c, d, e, f = ctm
    return a * x + c * y + e, b * x + d * y + f


def _tag(writer, furniture, image_alts):
    """Make the PDF a tagged one (PDF 1.7, 14.7-14.8): marked content in every page, a structure tree in reading
    order, a parent tree from each page's MCIDs back to their elements."""
    from pypdf.generic import (
        ArrayObject, BooleanObject, ContentStream, DictionaryObject, FloatObject, NameObject, NumberObject,
        TextStringObject,
    )

    n = NameObject
    root = writer._root_object
    tree_ref = writer._add_object(DictionaryObject({n("/Type"): n("/StructTreeRoot")}))
    document_ref = writer._add_object(DictionaryObject({
        n("/Type"): n("/StructElem"), n("/S"): n("/Document"), n("/P"): tree_ref}))
    kids, nums = ArrayObject(), ArrayObject()
    alts = iter(image_alts)
    for index, page in enumerate(writer.pages):
        if page.get("/Contents") is None:
            continue
        # Strings kept as the bytes they are (the fonts are subsets with their own codes), as pypdf's text extraction
        # reads them.
        content = ContentStream(page["/Contents"].get_object(), writer, "bytes")
        resources = page.get("/Resources")
        resources = resources.get_object() if resources is not None else DictionaryObject()
        fonts = resources.get("/Font")
        bold = {name: "Bold" in str(font.get_object().get("/BaseFont", ""))
                for name, font in (fonts.get_object().items() if fonts is not None else ())}
        xobjects = resources.get("/XObject")
        images = {name for name, x in (xobjects.get_object().items() if xobjects is not None else ())
                  if x.get_object().get("/Subtype") == "/Image"}
        height = float(page.mediabox.top)
        page_ref = page.indirect_reference

        def artifact(kind, y=None):
            attrs = {n("/Type"): n(kind)}
            if y is not None:
                attrs[n("/Subtype")] = n("/Header" if y > height / 2 else "/Footer")
            return [n("/Artifact"), DictionaryObject(attrs)], b"BDC"

        def in_furniture(x, y):
            return any(x0 - 1 <= x <= x1 + 1 and y0 - 1 <= y <= y1 + 1 for x0, y0, x1, y1 in furniture)

        elements = []  # (role, extra attributes) by MCID

        def marked(role, extra=None):
            elements.append((role, extra))
            return [n(role), DictionaryObject({n("/MCID"): NumberObject(len(elements) - 1)})], b"BDC"

        out, stack = [], []
        ctm, font = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), (None, 0.0)
        operations = content.operations
        i, count = 0, len(operations)
        while i < count:
            operands, operator = operations[i]
            if operator == b"BT":
                end, origin, shown, first_font = i + 1, None, False, None
                while end < count and operations[end][1] != b"ET":
                    ops, op = operations[end]
                    if op == b"Tf" and len(ops) == 2:
                        font = (ops[0], float(ops[1]))
                    elif op == b"Tm" and origin is None and len(ops) == 6:
                        origin = (float(ops[4]), float(ops[5]))
                    elif op == b"Td" and origin is None and len(ops) == 2:
                        origin = (float(ops[0]), float(ops[1]))
                    elif op in _TEXT_SHOW and not shown:
                        shown, first_font = True, font
                    end += 1
                x, y = _apply(ctm, *(origin or (0.0, 0.0)))
                if not shown:
                    out.append(artifact("/Layout"))
                elif in_furniture(x, y):
                    out.append(artifact("/Pagination", y))
                else:
                    name, size = first_font
                    role = HEADING_SIZES.get(round(size, 1), "/P") if bold.get(name) else "/P"
                    out.append(marked(role))
                out.extend(operations[i:end + 1])
                out.append(([], b"EMC"))
                i = end + 1
                continue
            if operator in _PATH_START:
                end = i + 1
                while end < count and operations[end][1] in _PATH_PARTS:
                    end += 1
                if end < count and operations[end][1] in _PATH_PAINT:
                    x, y = _apply(ctm, float(operands[0]), float(operands[1]))
                    out.append(artifact("/Pagination", y) if in_furniture(x, y) else artifact("/Layout"))
                    out.extend(operations[i:end + 1])
                    out.append(([], b"EMC"))
                    i = end + 1
                    continue
            elif operator == b"Do":
                x0, y0 = _apply(ctm, 0.0, 0.0)
                x1, y1 = _apply(ctm, 1.0, 1.0)
                alt = next(alts, "") if operands and operands[0] in images and not in_furniture(x0, y0) else ""
                if alt:
                    bbox = ArrayObject(FloatObject(round(v, 3)) for v in (min(x0, x1), min(y0, y1), max(x0, x1),
                                                                          max(y0, y1)))
                    out.append(marked("/Figure", {n("/Alt"): TextStringObject(alt), n("/A"): DictionaryObject(
                        {n("/O"): n("/Layout"), n("/BBox"): bbox})}))
                else:
                    out.append(artifact("/Pagination", y0) if in_furniture(x0, y0) else artifact("/Layout"))
                out.append((operands, operator))
                out.append(([], b"EMC"))
                i += 1
                continue
            elif operator in (b"sh", b"INLINE IMAGE"):
                out.append(artifact("/Layout"))
                out.append((operands, operator))
                out.append(([], b"EMC"))
                i += 1
                continue
            elif operator == b"q":
                stack.append((ctm, font))
            elif operator == b"Q":
                if stack:
                    ctm, font = stack.pop()
            elif operator == b"cm" and len(operands) == 6:
                ctm = _multiply(tuple(float(v) for v in operands), ctm)
            elif operator == b"Tf" and len(operands) == 2:
                font = (operands[0], float(operands[1]))
            out.append((operands, operator))
            i += 1

        parents = ArrayObject()
        for role, extra in elements:
            element = DictionaryObject({n("/Type"): n("/StructElem"), n("/S"): n(role), n("/P"): document_ref,
                                        n("/Pg"): page_ref, n("/K"): NumberObject(len(parents))})
            element.update(extra or {})
            parents.append(writer._add_object(element))
        kids.extend(parents)
        nums.extend([NumberObject(index), writer._add_object(parents)])
        content.operations = out
        page.replace_contents(content)
        page.compress_content_streams()
        page[n("/StructParents")] = NumberObject(index)
        page[n("/Tabs")] = n("/S")

    document_ref.get_object()[n("/K")] = kids
    tree = tree_ref.get_object()
    tree[n("/K")] = document_ref
    tree[n("/ParentTree")] = writer._add_object(DictionaryObject({n("/Nums"): nums}))
    tree[n("/ParentTreeNextKey")] = NumberObject(len(writer.pages))
    root[n("/StructTreeRoot")] = tree_ref
    root[n("/MarkInfo")] = DictionaryObject({n("/Marked"): BooleanObject(True)})


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
