import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cms.typography import typeset_html, typeset_text

NB = "\u00a0"  # no-break space
NNB = "\u202f"  # narrow no-break space


@pytest.mark.parametrize(
    "before, after",
    [
        ("Rennes : partage", f"Rennes{NB}: partage"),
        ("Quoi ? Oui ! Puis ; enfin", f"Quoi{NNB}? Oui{NNB}! Puis{NNB}; enfin"),
        ("Tant  :\tpis", f"Tant{NB}:\tpis"),
        ("Deux\t!", f"Deux{NNB}!"),
        (f"Mêlé {NB} ?", f"Mêlé{NNB}?"),
        ("«Bonjour»", f"«{NB}Bonjour{NB}»"),
        ("« Bonjour »", f"«{NB}Bonjour{NB}»"),
        ("«  Bonjour\n»", f"«{NB}Bonjour{NB}»"),
        ("l'équipe, aujourd'hui, L'ARS", "l’équipe, aujourd’hui, L’ARS"),
        ("« Où ? »", f"«{NB}Où{NNB}?{NB}»"),
        ("«»", f"«{NB}»"),
        ("« :", f"«{NB}:"),
    ],
)
def test_rules(before, after):
    assert typeset_text(before) == after
    assert typeset_html(f"<p>{before}</p>") == f"<p>{after}</p>"


@pytest.mark.parametrize(
    "text",
    [
        "Rendez-vous à 12:30, salle 3",
        "Voir http://exemple.org/a?b=c&d=e ou https://x.fr/",
        "a?b=c",
        "Il dit:oui",
        "Déjà juste\u00a0: rien à faire",
        f"Déjà juste{NNB}? et{NNB}! et{NNB};",
        f"Question{NB}? (espace insécable simple, gardée)",
        f"«{NB}déjà{NB}»",
        f"«{NNB}fine{NNB}»",
        "'citation' et GECO Lib' et l' seul",
        "Écrire à o'brien@example.org",
        "https://fr.wikipedia.org/wiki/Provence-Alpes-Côte_d'Azur",
        "www.l'exemple.fr",
        "Note 1'30 et 2'",
        "",
    ],
)
def test_what_is_already_right_or_not_prose_is_left_as_it_is(text):
    assert typeset_text(text) == text
    assert typeset_html(f"<p>{text}</p>") == f"<p>{text}</p>"


def test_html_entities_written_by_django_are_typeset():
    # Django escapes ' as &#x27;; editors may write &nbsp; and &laquo;.
    assert typeset_html("<p>l&#x27;ARS et l&#39;URPS, l&apos;équipe</p>") == "<p>l’ARS et l’URPS, l’équipe</p>"
    assert typeset_html("<p>&laquo;Oui&raquo; et &laquo;&nbsp;non&nbsp;&raquo;</p>") == (
        f"<p>&laquo;{NB}Oui{NB}&raquo; et &laquo;&nbsp;non&nbsp;&raquo;</p>"
    )
    assert typeset_html("<p>Tom &amp; Jerry ; x&#160;: y</p>") == f"<p>Tom &amp; Jerry{NNB}; x&#160;: y</p>"


def test_tags_and_attributes_are_never_touched():
    html = (
        '<a href="/l\'x?a=b" title="Rennes : l\'ARS ? «x»" data-x=\'a : b\'>Rennes : l\'ARS</a>'
        '<img alt="l&#x27;équipe ! « logo »" src="x.png">'
        "<input value=\"Oui ?\">"
    )
    assert typeset_html(html) == (
        '<a href="/l\'x?a=b" title="Rennes : l\'ARS ? «x»" data-x=\'a : b\'>Rennes\u00a0: l’ARS</a>'
        '<img alt="l&#x27;équipe ! « logo »" src="x.png">'
        "<input value=\"Oui ?\">"
    )


@pytest.mark.parametrize(
    "code",
    [
        "<code>a ? b : c; l'x</code>",
        "<CODE>a ? b</CODE>",
        "<pre>x : y\n<code>l'z ?</code> encore ; ici</pre>",
        "<kbd>Ctrl ! </kbd>",
        "<samp>Erreur : l'accès</samp>",
        "<var>a ? b</var>",
        "<textarea name=\"t\">Texte saisi : l'x ?</textarea>",
        "<script>if (a ? b : c) { x = '<pre>' ; }</script>",
        '<script type="application/json">{"a" : "l\'b ?"}</script>',
        "<style>a:hover { color : red !important; }</style>",
        "<!-- note : l'auteur ? -->",
        '<span lang="en">What ? It\'s fine : «quoted»</span>',
        '<div lang="en-GB"><span>Nested ? <span>deeper :</span></span> still English !</div>',
    ],
)
def test_code_comments_and_other_languages_are_left_alone_and_the_text_after_them_is_typeset(code):
    html = f"<p>Avant : l'a</p>{code}<p>Après ! l'b</p>"
    assert typeset_html(html) == f"<p>Avant{NB}: l’a</p>{code}<p>Après{NNB}! l’b</p>"


def test_french_elements_and_the_document_are_typeset():
    html = '<html lang="fr"><body><p lang="fr-FR">Quoi ?</p><a hreflang="en" href="/en/">Bonjour !</a></body></html>'
    assert typeset_html(html) == (
        f'<html lang="fr"><body><p lang="fr-FR">Quoi{NNB}?</p><a hreflang="en" href="/en/">Bonjour{NNB}!</a>'
        "</body></html>"
    )


def test_guillemets_around_markup():
    assert typeset_html("<p>«<em>Titre</em>» et « <a href=\"/x\">lien</a> »</p>") == (
        f"<p>«{NB}<em>Titre</em>{NB}» et «{NB}<a href=\"/x\">lien</a>{NB}»</p>"
    )


def test_written_out_addresses_in_html_text_keep_their_apostrophes():
    html = '<p><a href="https://x.fr/l\'a">https://x.fr/l&#x27;a</a>, écrire à o&#x27;brien@example.org</p>'
    assert typeset_html(html) == html


def test_a_page_is_typeset_once_whatever_the_number_of_passes():
    page = (
        '<!DOCTYPE html>\n<html lang="fr"><head><title>L\'équipe : accueil</title>'
        "<style>a:hover{}</style></head><body>"
        "<p>Rennes : partage d&#x27;expériences ; « mises en situation » ! Vraiment ?</p>"
        "<pre>x : y</pre><p>Ensuite : fin</p></body></html>"
    )
    once = typeset_html(page)
    assert once != page
    assert typeset_html(once) == once
    assert "<title>L’équipe\u00a0: accueil</title>" in once


_PIECES = st.sampled_from(
    [" ", "  ", "\t", "\n", "a", "é", "L", "1", ":", ";", "?", "!", "'", "«", "»", NB, NNB, "&#x27;", "&nbsp;",
     "&laquo;", "&raquo;", "&amp;", "http://x.fr/", "@", "www.", "<b>", "</b>", '<a title="a : b">', "</a>",
     "<code>", "</code>", '<span lang="en">', "</span>", "<!-- : -->", "<br>"]
)


@given(st.lists(_PIECES, max_size=40).map("".join))
def test_typesetting_twice_changes_nothing_and_keeps_the_markup(html):
    once = typeset_html(html)
    assert typeset_html(once) == once
    assert re.findall(r"<[^>]*>", once) == re.findall(r"<[^>]*>", html)
    # Only spaces (no-break ones included) and apostrophes ever change.
    unchanged = re.compile(r"[\s'’]|&#x27;|&nbsp;")
    assert unchanged.sub("", once) == unchanged.sub("", html)
    text = typeset_text(html)
    assert typeset_text(text) == text
