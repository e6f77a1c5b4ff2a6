"""Chapter 1 and the preface agree with the record: one source for each fact, dated searches.

Issue 21 ("One book, one truth"): the H20 charge is quoted as both the April 2025 warning and
the booked charge, each from its own record row; the uncorroborated end date of the September
2026 truce extension is not stated as fact; and the "looked for and not found" block dates its
searches with the computed search date, not a typed one.  The checks read the MyST sources and
``data/record.csv`` directly, so they run without building the book.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHAPTER = ROOT / "chapters" / "01-decision.md"
PREFACE = ROOT / "intro.md"


def _record() -> dict[str, dict[str, str]]:
    with (ROOT / "data" / "record.csv").open(encoding="utf-8", newline="") as handle:
        return {row["key"]: row for row in csv.DictReader(handle)}


def _glued_record_keys(text: str) -> set[str]:
    return set(re.findall(r"\{glue(?::\w+)?\}`record_([a-z0-9_]+)", text))


def _looked_for_block(text: str) -> str:
    start = text.index("**Looked for and not found.**")
    return text[start : text.index("\n###", start)]


def test_both_h20_figures_are_cited_from_their_own_record_rows():
    record = _record()
    flagged = record["h20_charges_flagged_usd_billion"]
    booked = record["h20_charge_booked_usd_billion"]
    # The booked charge is a different, smaller number than the April warning, with its own source.
    assert float(booked["value"]) < float(flagged["value"])
    assert booked["citation"] != flagged["citation"]
    keys = _glued_record_keys(CHAPTER.read_text(encoding="utf-8"))
    assert {"h20_charges_flagged_usd_billion", "h20_charge_booked_usd_billion"} <= keys


@pytest.mark.parametrize("path", [CHAPTER, PREFACE], ids=lambda p: p.name)
def test_the_uncorroborated_truce_end_date_is_not_stated(path):
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"truce[^.\n]*\bto 10 January 2027", text)


def test_the_not_found_block_dates_its_searches_with_the_computed_date():
    block = _looked_for_block(CHAPTER.read_text(encoding="utf-8"))
    assert "{glue:md}`period_searched_text`" in block
    items = [line for line in block.splitlines() if line.startswith("- ")]
    assert len(items) >= 8, "each item searched for belongs in the list"


def test_every_record_figure_the_chapter_cites_has_a_source_and_a_confidence():
    record = _record()
    for key in sorted(_glued_record_keys(CHAPTER.read_text(encoding="utf-8"))):
        row = record[key]
        assert row["source_url"].startswith("http"), key
        assert row["confidence"] in {"high", "medium", "low"}, key


def test_the_truce_checks_can_fail():
    # The same pattern must catch the wording the chapter used before issue 21.
    old = "at the Washington summit on 24 September Trump and Xi extended their tariff truce to 10 January 2027."
    assert re.search(r"truce[^.\n]*\bto 10 January 2027", old)
