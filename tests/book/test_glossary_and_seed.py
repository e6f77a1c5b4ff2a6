"""Key terms and seed passages: declared once in data, used by every chapter that lists them.

The glossary (``data/glossary.csv``) gives each term its Traditional Chinese and a definition; a
chapter's Key terms box is generated from the rows that list the chapter.  The seed passages
(``data/seed_quotes.csv``) are shown by the chapters named in their ``chapters`` column.  These
tests tie the data to the chapter files in both directions.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest
from test_chapter_numbers import scan

from chipcontrols import CHAPTER_MODELS
from chipcontrols.reference.glossary import terms, terms_of_chapter
from chipcontrols.reference.seed import passages
from widgets.core.glossary import key_terms_markdown

ROOT = Path(__file__).resolve().parents[2]
CHAPTERS = sorted((ROOT / "chapters").glob("*.md"))
#: A chapter's Key terms box lists at least this many terms.
MIN_KEY_TERMS = 5
_CJK = re.compile(r"[\u3400-\u9fff]")


def _number(path: Path) -> int:
    return int(path.name.split("-", 1)[0])


def test_every_term_has_traditional_chinese_and_a_definition_without_typed_numbers():
    for term in terms().values():
        assert _CJK.search(term.term_zh), term.term
        assert scan(term.definition).typed == [], term.term


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda path: path.stem)
def test_chapter_has_a_generated_key_terms_box(path):
    text = path.read_text(encoding="utf-8")
    model = CHAPTER_MODELS[_number(path) - 1]
    assert f"from widgets.{model} import glue_numbers" in text, "glue the chapter's numbers"
    numbers = importlib.import_module(f"widgets.{model}.numbers")
    glued = numbers.GROUPS["book"]()
    assert glued["key_terms"] == key_terms_markdown(_number(path)), (
        "glue the chapter's own key terms"
    )
    box = re.search(r"^:::\{admonition\} Key terms\n(.*?)^:::$", text, re.S | re.M)
    assert box and "{glue:md} book_key_terms" in box.group(1)
    assert len(terms_of_chapter(_number(path))) >= MIN_KEY_TERMS


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda path: path.stem)
def test_chapter_shows_the_seed_passages_it_tests(path):
    shown = set(re.findall(r'seed_quote\("([a-z0-9-]+)"\)', path.read_text(encoding="utf-8")))
    assert shown, f"{path.name} shows no passage of the seed report"
    for quote_id in shown:
        assert _number(path) in passages()[quote_id].chapters, (quote_id, path.name)


def test_every_passage_is_shown_by_the_chapters_it_names():
    shown = {
        _number(path): set(
            re.findall(r'seed_quote\("([a-z0-9-]+)"\)', path.read_text(encoding="utf-8"))
        )
        for path in CHAPTERS
    }
    missing = [
        (quote.quote_id, chapter)
        for quote in passages().values()
        for chapter in quote.chapters
        if quote.quote_id not in shown.get(chapter, set())
    ]
    assert not missing, f"passages a chapter is listed for but does not show: {missing}"
