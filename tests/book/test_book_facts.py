"""The built book states each book-wide fact one way: no quantity reads differently on two pages.

The registry is ``tools/book_facts.py`` (``book_facts()``): each fact has one key (a record figure,
the record's dates, or a single stated value) and a pattern that finds its statements in the
prose of the built website.  ``python tools/book_facts.py`` prints every statement it finds.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from book_facts import BookFact, book_facts, built_pages, conflicts, mentions

ROOT = Path(__file__).resolve().parents[2]
HTML = ROOT / "_build" / "html"


@pytest.fixture(scope="module")
def pages():
    if not (HTML / "index.html").exists():
        pytest.fail("the website is not built: run make book first")
    return built_pages(HTML)


@pytest.fixture(scope="module")
def found(pages):
    return mentions(book_facts(), pages)


def test_no_book_wide_fact_is_stated_two_ways(found):
    wrong = conflicts(book_facts(), found)
    expected = {fact.key: fact.expected for fact in book_facts()}
    assert not wrong, "\n".join(
        f"{m.fact} on {m.page}: {m.value!r}, not {expected[m.fact] or 'as elsewhere'}: …{m.excerpt}…"
        for m in wrong
    )


@pytest.mark.parametrize("fact", book_facts(), ids=lambda fact: fact.key)
def test_every_fact_in_the_registry_is_stated_in_the_book(fact, found):
    # A pattern that finds nothing checks nothing: the registry must follow the prose.
    assert any(m.fact == fact.key for m in found), f"no statement of {fact.what} found"


def test_a_conflicting_statement_is_found_and_named():
    fact = BookFact("cap", "the volume cap", r"capped at (?P<value>\d+)\s?%", expected="50")
    pages = {
        "one.html": ["China-bound volume is capped at 50 % of US shipments."],
        "two.html": ["Elsewhere it is capped at 40% of US shipments."],
    }
    wrong = conflicts([fact], mentions([fact], pages))
    assert [(m.page, m.value) for m in wrong] == [("two.html", "40")]


def test_without_a_key_the_minority_statement_is_the_conflict():
    fact = BookFact("end", "the end", r"ends on (?P<value>\d+ \w+ \d{4})")
    pages = {
        "a.html": ["It ends on 9 November 2026.", "Again, it ends on 9 November 2026."],
        "b.html": ["It ends on 10 January 2027."],
    }
    wrong = conflicts([fact], mentions([fact], pages))
    assert [(m.page, m.value) for m in wrong] == [("b.html", "10 january 2027")]


def test_code_is_not_prose_but_outputs_are():
    html = """<html><body><article>
      <p>Stated: the duty is 25 %.</p>
      <div class="cell_input"><p>duty = 40 %</p></div>
      <div class="cell_output"><p>output: 30 %</p></div>
      <pre>45 %</pre>
    </article></body></html>"""
    from book_facts import prose_blocks

    assert prose_blocks(html) == ["Stated: the duty is 25 %.", "output: 30 %"]
