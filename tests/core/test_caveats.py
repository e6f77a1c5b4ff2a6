"""Which sources carry a caveat: low confidence in references.bib, or read only second-hand (data).

The site's notes are tested in ``tests/book/test_site_caveats.py`` (the site's Sphinx extension is
not part of the Binder environment this tier also runs in).
"""

from __future__ import annotations

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
    assert secondary & set(record["citation"]), "some record figures were read second-hand"
    for citation in secondary & set(record["citation"]):
        rows = record[record["citation"] == citation]
        assert rows["read_via"].notna().all(), citation
        assert caveats.SECONDARY in caveats.source_caveats()[citation]
