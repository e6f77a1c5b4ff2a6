"""data/claims_audit.csv: the most consequential claims of each chapter, each checked against a source.

The audit lists, per chapter, the twenty factual claims its argument rests on, the source that
supports each, the verdict as the book now states the claim and as it stood before issue 21's
corrections, and the date checked.  A claim the sources contradict may not stay in the book.
"""

from collections import Counter

import pytest

from chipcontrols.core.data import load_table

CHAPTERS = (1, 2, 3, 4, 5)
CLAIMS_PER_CHAPTER = 20


@pytest.fixture(scope="module")
def audit():
    return load_table("claims_audit")


def test_twenty_claims_per_chapter(audit):
    counts = Counter(int(chapter) for chapter in audit["chapter"])
    assert {chapter: counts[chapter] for chapter in CHAPTERS} == dict.fromkeys(
        CHAPTERS, CLAIMS_PER_CHAPTER
    )


def test_every_claim_has_a_source_the_bibliography_holds(audit, bib_keys):
    assert audit["source_url"].str.match(r"https?://").all()
    assert (audit["source_title"].str.len() >= 3).all()
    missing = sorted(set(audit["citation"]) - bib_keys)
    assert missing == [], f"citations not in references.bib: {missing}"
    assert audit["checked"].notna().all()


def test_no_claim_is_left_contradicted(audit):
    contradicted = audit[audit["verdict"] == "contradicted"]
    assert contradicted.empty, list(contradicted["claim_id"])


def test_a_claim_that_was_contradicted_or_partly_supported_records_its_resolution(audit):
    changed = audit[audit["verdict_before"].isin(["contradicted", "partly_supported"])]
    assert not changed.empty
    unresolved = changed[
        changed["resolution"].isna() & (changed["verdict"] == changed["verdict_before"])
    ]
    assert unresolved.empty, list(unresolved["claim_id"])
