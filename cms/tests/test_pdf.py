from cms.pdf import pdf_metadata, pdf_text, render_pdf


def test_render_pdf_embeds_the_font_and_writes_metadata():
    data = render_pdf(
        "pdf/sample_document.html",
        {"title": "Fiche : l’œuvre « collective »", "paragraphs": ["Équipe, qualité, santé publique — Œdipe"] * 13},
        title="Fiche : l’œuvre « collective »", language="fr",
    )
    assert data.startswith(b"%PDF-")
    text = pdf_text(data)
    assert "Fiche : l’œuvre « collective »" in text
    assert "Équipe, qualité, santé publique — Œdipe" in text
    assert "Page 1" in text and "3" in text  # page numbers in the footer
    assert b"DejaVuSans" in data  # the committed font, embedded
    assert pdf_metadata(data) == {"title": "Fiche : l’œuvre « collective »", "author": "PACTE", "language": "fr"}
