"""Real office files made from text: the demo loader's documents and the tests' fixtures. DOCX, ODT, PPTX and ODP are
written as the minimal zip-of-XML each format requires (opened by LibreOffice and Word); PDFs by cms.pdf."""

import io
import zipfile
from xml.sax.saxutils import escape


def pdf(title, paragraphs, *, language="fr"):
    from cms.pdf import render_pdf

    return render_pdf("pdf/sample_document.html", {"title": title, "paragraphs": paragraphs}, title=title,
                      language=language)


def _zip(parts, *, first=None):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if first:
            # ODF: "mimetype" first and stored uncompressed.
            archive.writestr(zipfile.ZipInfo(first[0]), first[1], compress_type=zipfile.ZIP_STORED)
        for name, content in parts.items():
            archive.writestr(name, content, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def docx(title, paragraphs):
    body = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>' for text in [title, *paragraphs]
    )
    return _zip({
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.document.main+xml"/></Types>'
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="word/document.xml"/></Relationships>'
        ),
        "word/document.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f"<w:body>{body}</w:body></w:document>"
        ),
    })


def pptx(title, slides):
    """`slides`: a list of texts, one slide each."""
    ns = ('xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
          'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"')
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'presentationml.presentation.main+xml"/>'
            + "".join(
                f'<Override PartName="/ppt/slides/slide{n}.xml" ContentType="application/vnd.openxmlformats-'
                'officedocument.presentationml.slide+xml"/>' for n in range(1, len(slides) + 1)
            )
            + "</Types>"
        ),
        "ppt/presentation.xml": f'<?xml version="1.0" encoding="UTF-8"?><p:presentation {ns}/>',
    }
    for number, text in enumerate(slides, start=1):
        parts[f"ppt/slides/slide{number}.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><p:sld {ns}><p:cSld><p:spTree><p:sp><p:txBody>'
            f"<a:p><a:r><a:t>{escape(title if number == 1 else '')}</a:t></a:r></a:p>"
            f"<a:p><a:r><a:t>{escape(text)}</a:t></a:r></a:p>"
            "</p:txBody></p:sp></p:spTree></p:cSld></p:sld>"
        )
    return _zip(parts)


_ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" office:version="1.3"'
)


def _odf(mimetype, body):
    return _zip(
        {
            "META-INF/manifest.xml": (
                '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{mimetype}"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>"
            ),
            "content.xml": (
                f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODF_NS}>'
                f"<office:body>{body}</office:body></office:document-content>"
            ),
        },
        first=("mimetype", mimetype),
    )


def odt(title, paragraphs):
    body = f'<text:h text:outline-level="1">{escape(title)}</text:h>' + "".join(
        f"<text:p>{escape(text)}</text:p>" for text in paragraphs
    )
    return _odf("application/vnd.oasis.opendocument.text", f"<office:text>{body}</office:text>")


def odp(title, slides):
    pages = "".join(
        f'<draw:page draw:name="{n}"><draw:frame><draw:text-box><text:p>{escape(text)}</text:p>'
        "</draw:text-box></draw:frame></draw:page>"
        for n, text in enumerate([title, *slides], start=1)
    )
    return _odf("application/vnd.oasis.opendocument.presentation", f"<office:presentation>{pages}</office:presentation>")


MAKERS = {"pdf": pdf, "docx": docx, "odt": odt, "pptx": pptx, "odp": odp}


def make(file_format, title, paragraphs, *, language="fr"):
    if file_format == "pdf":
        return pdf(title, paragraphs, language=language)
    return MAKERS[file_format](title, paragraphs)
