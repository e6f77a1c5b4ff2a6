"""A citation whose every source is weak is marked where the claim is made, on the site and in Lab."""

from __future__ import annotations

from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.utils import new_document
from sphinx import addnodes

from booksite import caveats as site_caveats
from chipcontrols.core import caveats
from chipcontrols.core.data import load_table


def test_low_confidence_entries_of_the_bibliography_carry_the_caveat():
    text = caveats.BIB_PATH.read_text(encoding="utf-8")
    low = {key for key, level in caveats.bib_confidence(text).items() if level == "low"}
    assert low, "the bibliography has low-confidence entries"
    marked = caveats.source_caveats()
    assert all(caveats.LOW_CONFIDENCE in marked[key] for key in low)


def test_a_source_read_only_through_a_secondary_site_carries_the_caveat():
    secondary = caveats.secondary_citations()
    record = load_table("record")
    for citation in secondary & set(record["citation"]):
        rows = record[record["citation"] == citation]
        assert rows["read_via"].notna().all(), citation
        assert caveats.SECONDARY in caveats.source_caveats()[citation]


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
