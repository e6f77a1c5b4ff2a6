"""Chapters a busy reader takes in and a student learns from (issue 22).

* The Bottom line is at most 120 words, or at most three bullets.
* No chapter's prose exceeds :data:`prose_words.PROSE_WORD_LIMIT` words.
* Growth in a Bottom line is a multiple ("×1.9 a year") or a doubling time, not a log rate.
* The built page numbers each exercise within its chapter ("Exercise 3.2").
* At most :data:`printed_answers.MOST_PRINTED` numbers a check accepts are printed on the built
  page above the exercises.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from printed_answers import MOST_PRINTED, checked_answers, printed_answers
from prose_words import PROSE_WORD_LIMIT, prose_words

from widgets.core.teaching import chapter_teaching

ROOT = Path(__file__).resolve().parents[2]
CHAPTERS = sorted((ROOT / "chapters").glob("*.md"))
SITE = ROOT / "_build" / "html"
#: Words and bullets a Bottom line may have (a glued figure or a citation is one word).
BOTTOM_LINE_WORDS, BOTTOM_LINE_BULLETS = 120, 3
_BOTTOM_LINE = re.compile(
    r"^:::\{admonition\} Bottom line\n(?::\w+:[^\n]*\n)*(.*?)^:::$", re.S | re.M
)
_ROLE = re.compile(r"\{[\w:-]+\}`[^`]*`")
_WORD = re.compile(r"[^\s—–]+")
#: A glued figure followed by "a year", not written as a multiple: a log growth rate.
_LOG_RATE = re.compile(r"(?<!×)(?<!× )\{glue:text\}`[^`]+`\s+(?:a|per) year")


def bottom_line(path: Path) -> str:
    match = _BOTTOM_LINE.search(path.read_text(encoding="utf-8"))
    assert match, f"{path.name} has no Bottom line box"
    return match.group(1)


def words(text: str) -> int:
    """Words of MyST text, each role (a glued figure, a citation) one word.

    >>> words("China took {glue:text}`x:.0f`% of sales {cite:p}`a,b`.")
    6
    """
    return len(_WORD.findall(_ROLE.sub("X", text)))


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda path: path.stem)
def test_bottom_line_is_taken_in_at_a_glance(path):
    text = bottom_line(path)
    bullets = len(re.findall(r"^\s*(?:[-*]|\d+\.)\s", text, re.M))
    count = words(text)
    short = count <= BOTTOM_LINE_WORDS
    three_bullets = 0 < bullets <= BOTTOM_LINE_BULLETS and count <= BOTTOM_LINE_WORDS + 30
    assert short or three_bullets, (
        f"{path.name}: the Bottom line has {count} words and {bullets} bullets; at most "
        f"{BOTTOM_LINE_WORDS} words or {BOTTOM_LINE_BULLETS} bullets"
    )


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda path: path.stem)
def test_bottom_line_states_growth_as_a_multiple(path):
    found = _LOG_RATE.findall(bottom_line(path))
    assert not found, f"{path.name}: growth as a log rate in the Bottom line: {found}"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda path: path.stem)
def test_chapter_prose_is_within_the_limit(path):
    count = prose_words(path.read_text(encoding="utf-8"))
    assert count <= PROSE_WORD_LIMIT, f"{path.name}: {count:,} words of prose"


@pytest.mark.parametrize("chapter", chapter_teaching(), ids=lambda chapter: chapter.source)
def test_built_page_numbers_exercises_within_the_chapter(chapter):
    page = (SITE / "chapters" / chapter.source).with_suffix(".html").read_text(encoding="utf-8")
    titles = re.findall(r'<span class="caption-number">Exercise (\d+\.\d+)', page)
    assert titles == [exercise.number for exercise in chapter.exercises]


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda path: path.stem)
def test_few_checked_answers_are_printed_above_the_exercises(path):
    checked = checked_answers(path)
    assert sum(map(len, checked.values())) >= 3, (
        f"{path.name}: its worked solutions check almost nothing; is the recorder blind?"
    )
    page = (SITE / "chapters" / path.name).with_suffix(".html")
    printed = printed_answers(path, page, checked)
    listed = "; ".join(f"{p.exercise}: {p.answer:.4g} shown as {p.shown!r}" for p in printed)
    assert len(printed) <= MOST_PRINTED, f"{path.name}: {len(printed)} printed above: {listed}"


def test_the_printed_answers_measure_can_fail(tmp_path):
    chapter = tmp_path / "09-test.md"
    chapter.write_text(
        "# 9. Test\n\nThe share is 0.42.\n\n## Exercises\n\n"
        ":::{solution-start} ex-9-a\n:::\n\n"
        "```{code-cell} ipython3\n:tags: [solution]\n"
        "from chipcontrols.core.checking import close_enough\n"
        "close_enough(0.4201, 0.42, absolute=0.001)\n```\n"
    )
    page = tmp_path / "09-test.html"
    page.write_text('<p>The share is 0.42.</p><section id="exercises"></section>')
    assert [p.answer for p in printed_answers(chapter, page)] == [0.42]
    page.write_text('<p>The share is 0.5.</p><section id="exercises"></section>')
    assert printed_answers(chapter, page) == []


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda path: path.stem)
def test_chapter_shows_its_notation_table(path):
    text = path.read_text(encoding="utf-8")
    box = re.search(r"^:::\{admonition\} Notation\n(.*?)^:::$", text, re.M | re.S)
    assert box and re.search(r"\{glue:md\}`book_notation`|```\{glue:md\} book_notation", box[1]), (
        f"{path.name} has no Notation box showing the glued book_notation"
    )


def test_the_bottom_line_measure_reads_the_whole_box(tmp_path):
    page = tmp_path / "09-test.md"
    body = " ".join(["word"] * 130)
    page.write_text(f"# 9. Test\n\n:::{{admonition}} Bottom line\n:class: tip\n{body}\n:::\n")
    assert words(bottom_line(page)) == 130
