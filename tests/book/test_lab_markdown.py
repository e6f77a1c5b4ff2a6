"""The students' notebooks read as the website does: every glue, citation and label resolved.

``tools/lab_markdown.py`` rewrites a chapter's Markdown cells for JupyterLab.  These tests feed
it the forms the chapters use and check what a student would read; ``tests/lab`` checks the
notebooks themselves in JupyterLab.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lab_markdown import (
    Entry,
    bibliography,
    cited_in,
    exercise_label,
    labels_in,
    reference_list,
    resolve,
)

from widgets.core.teaching import read_chapter_text

ROOT = Path(__file__).resolve().parents[2]
GLUED = {
    "coalition_ex_mean": {"text/plain": "0.6499999"},
    "chip_count": {"text/plain": "2000000"},
    "period_end_text": {"text/markdown": "9 November 2026"},
    "hedging_eq_payoff": {"text/latex": "$\\displaystyle u = p s$"},
}
BIB = {
    "reuters2026": Entry("Reuters", "2026", "Reuters (2026). A report."),
    "ft2026": Entry("Financial Times", "2026", "Financial Times (2026). Another."),
}


def _resolve(text: str, labels=None) -> str:
    return resolve(text, GLUED, BIB, labels or {}, "chapters/09-test.md")


def test_numbers_are_formatted_as_myst_nb_formats_them():
    text = "{glue:text}`coalition_ex_mean:.2f` of {glue:text}`chip_count:,.0f` chips"
    assert _resolve(text) == "0.65 of 2,000,000 chips"


def test_markdown_is_pasted_as_a_role_and_as_a_directive():
    assert _resolve("By {glue:md}`period_end_text`.") == "By 9 November 2026."
    block = "```{glue:md} period_end_text\n:format: myst\n```"
    assert _resolve(f"Before.\n\n{block}\n\nAfter.") == "Before.\n\n9 November 2026\n\nAfter."


def test_a_formula_becomes_a_display_math_block():
    assert _resolve("```{glue:math} hedging_eq_payoff\n```") == "$$\n\\displaystyle u = p s\n$$"


def test_citations_read_author_and_year():
    assert _resolve("as reported {cite:p}`reuters2026,ft2026`.") == (
        "as reported (Reuters, 2026; Financial Times, 2026)."
    )
    assert _resolve("{cite:t}`reuters2026` says") == "Reuters (2026) says"


def test_exercises_become_numbered_headings_and_refs_their_numbers():
    effort = "*Quantitative track · core · about 10 minutes*"
    page = (
        ":::{exercise-start} Read the record\n:label: ex-9-read\n:::\n\n"
        "*Policy track · starter · about 5 minutes*\n\n"
        f":::{{exercise-start}} Which input binds?\n:label: ex-9-binds\n:::\n\n{effort}\n\nDo it.\n"
    )
    exercises = read_chapter_text(page, "09-test.md").exercises
    labels = {exercise.label: exercise_label(exercise.number) for exercise in exercises}
    numbers = {exercise.title: exercise.number for exercise in exercises}
    second = page[page.index(":::{exercise-start} Which") :]
    assert resolve(second, {}, {}, labels, "09-test.md", numbers) == (
        f"### Exercise 9.2: Which input binds?\n\n{effort}\n\nDo it."
    )
    assert _resolve("See {ref}`ex-9-binds`.", labels) == "See Exercise 9.2."
    assert _resolve(":::{exercise-end}\n:::") == ""
    with pytest.raises(KeyError, match="has no number"):
        resolve(second, {}, {}, labels, "09-test.md", {"Read the record": "9.1"})


def test_labelled_headings_read_as_their_text():
    labels = labels_in("(sec-9-model)=\n## The model\n")
    assert _resolve("See {ref}`sec-9-model`.", labels) == "See The model."


def test_terms_and_pages_read_as_text_and_links():
    assert _resolve("an {term}`ECCN <eccn>` and {term}`tariff`") == "an ECCN and tariff"
    assert _resolve("the {doc}`glossary <../appendix/glossary>`") == (
        "the [glossary](../appendix/glossary.md)"
    )
    assert _resolve("{doc}`chapter 3 <03-allied-risk>`") == "[chapter 3](03-allied-risk.ipynb)"


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("{glue:text}`coalition_ex_missing:.1f`", "coalition_ex_missing"),
        ("{glue:md}`coalition_ex_mean`", "text/markdown"),
        ("{cite:p}`nobody2026`", "nobody2026"),
        ("{ref}`ex-nowhere`", "ex-nowhere"),
        ("```{glue:figure} coalition_chart\n```", "{glue:figure}"),
    ],
)
def test_what_cannot_be_resolved_stops_with_the_page_and_the_key(text, named):
    with pytest.raises(KeyError, match="chapters/09-test.md") as error:
        _resolve(text)
    assert named in str(error.value)


def test_the_reference_list_holds_each_cited_entry_once():
    texts = ["{cite:p}`reuters2026,ft2026`", "{cite:p}`reuters2026`"]
    assert cited_in(texts) == ["reuters2026", "ft2026"]
    listing = reference_list(cited_in(texts), BIB)
    assert listing.startswith("## References")
    assert listing.count("- ") == 2 and listing.index("Financial") < listing.index("Reuters")


def test_the_book_bibliography_gives_every_entry_an_author_and_a_year():
    entries = bibliography(ROOT / "references.bib")
    assert len(entries) > 100
    assert [key for key, entry in entries.items() if "{" in entry.label or not entry.year] == []
    assert entries["seed2025article"].label == "News report (Traditional Chinese)"


def test_a_citation_whose_every_source_is_weak_says_so(monkeypatch):
    import lab_markdown

    from chipcontrols.core.caveats import citation_caveat

    weak = {"ft2026": "low confidence"}
    monkeypatch.setattr(lab_markdown, "citation_caveat", lambda keys: citation_caveat(keys, weak))
    assert _resolve("as reported {cite:p}`ft2026`.") == (
        "as reported (Financial Times, 2026) (low confidence)."
    )
    # A sentence that says so in words gets no second note.
    assert _resolve("Unconfirmed (one low-confidence report) {cite:p}`ft2026`.") == (
        "Unconfirmed (one low-confidence report) (Financial Times, 2026)."
    )
    # One solid source is enough: no note.
    assert _resolve("{cite:p}`reuters2026,ft2026`") == "(Reuters, 2026; Financial Times, 2026)"
