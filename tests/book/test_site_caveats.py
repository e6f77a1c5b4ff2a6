"""The website marks a citation whose every source is weak: "(low confidence)", "(read second-hand)".

``booksite.caveats`` inserts the note on ``doctree-read``; these tests drive it on a small
doctree and read the built pages, where each note must follow a citation.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.utils import new_document
from sphinx import addnodes

from booksite import caveats as site_caveats
from chipcontrols.core import caveats

HTML = Path(__file__).resolve().parents[2] / "_build" / "html"


def _paragraph_with_citation(target: str, claim: str = "A claim ") -> nodes.document:
    document = new_document("test", get_default_settings(Parser))
    paragraph = nodes.paragraph()
    paragraph += nodes.Text(claim)
    paragraph += addnodes.pending_xref("", refdomain="cite", reftype="p", reftarget=target)
    paragraph += nodes.Text(".")
    document += paragraph
    return document


def test_the_site_inserts_the_note_after_a_weak_citation_only(monkeypatch):
    weak = {"weak2026": "low confidence"}
    monkeypatch.setattr(
        site_caveats, "citation_caveat", lambda keys: caveats.citation_caveat(keys, weak)
    )
    document = _paragraph_with_citation("weak2026")
    site_caveats.mark_weak_citations(None, document)
    notes = [
        n for n in document.findall(nodes.inline) if site_caveats.CAVEAT_CLASS in n["classes"]
    ]
    assert [n.astext() for n in notes] == [" (low confidence)"]

    solid = _paragraph_with_citation("weak2026, solid2026")
    site_caveats.mark_weak_citations(None, solid)
    assert not [n for n in solid.findall(nodes.inline)]


def test_the_site_adds_no_note_where_the_sentence_already_warns(monkeypatch):
    weak = {"weak2026": "low confidence"}
    monkeypatch.setattr(
        site_caveats, "citation_caveat", lambda keys: caveats.citation_caveat(keys, weak)
    )
    document = _paragraph_with_citation("weak2026", "A claim (one low-confidence report) ")
    site_caveats.mark_weak_citations(None, document)
    assert not [n for n in document.findall(nodes.inline)]


def test_every_note_on_the_built_site_follows_a_citation():
    pages = sorted((HTML / "chapters").glob("*.html"))
    if not pages:
        pytest.fail("the website is not built: run make book first")
    notes = 0
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for note in soup.select(f"span.{site_caveats.CAVEAT_CLASS}"):
            notes += 1
            # The citation is the span just before the note: "[Author, year]" with its links.
            citation = note.find_previous_sibling("span")
            assert citation is not None and citation.find("a"), page.name
            assert citation.get_text().strip().endswith("]"), page.name
            assert note.get_text(strip=True) in {
                f"({caveats.LOW_CONFIDENCE})",
                f"({caveats.SECONDARY})",
                f"({caveats.LOW_CONFIDENCE}, {caveats.SECONDARY})",
            }
    assert notes, "no citation in the chapters is marked; the bibliography has weak sources"
