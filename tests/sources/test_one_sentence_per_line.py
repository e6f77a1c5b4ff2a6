"""The book's MyST sources hold one sentence per prose line, so a diff shows the sentence changed.

``python tools/sentences.py --write FILES...`` reflows a file that fails; the rendering does not
change, since a newline inside a Markdown paragraph renders as a space.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(
    [
        ROOT / "intro.md",
        *ROOT.glob("chapters/*.md"),
        *ROOT.glob("appendix/*.md"),
        *ROOT.glob("appendix/rubrics/*.md"),
        *ROOT.glob("assignments/*.md"),
    ]
)

sys.path.insert(0, str(ROOT / "tools"))

import sentences  # noqa: E402


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: str(path.relative_to(ROOT)))
def test_each_prose_line_holds_one_sentence(path):
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    crowded = [
        f"{path.relative_to(ROOT)}:{number}: {lines[number - 1].strip()[:80]}"
        for number in sentences.check(text)
    ]
    assert not crowded, (
        "more than one sentence on a line; run "
        f"`python tools/sentences.py --write {path.relative_to(ROOT)}`:\n" + "\n".join(crowded)
    )


def test_the_sources_are_found():
    assert len(SOURCES) >= 10 and all(path.exists() for path in SOURCES)


def test_the_tool_parses_with_the_books_myst_extensions():
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert config["parse"]["myst_enable_extensions"] == sentences.MYST_EXTENSIONS


@pytest.mark.parametrize(
    "line, expected",
    [
        (
            "It is {glue:text}`c3_share:.2f` of the total. Then it falls.",
            ["It is {glue:text}`c3_share:.2f` of the total.", "Then it falls."],
        ),
        (
            "Some rules, e.g. the U.S. rules of 2023, bind. Others do not.",
            ["Some rules, e.g. the U.S. rules of 2023, bind.", "Others do not."],
        ),
        (
            "So says the record {cite:p}`bis2026h200rule`. The rule followed.",
            ["So says the record {cite:p}`bis2026h200rule`.", "The rule followed."],
        ),
        ("It has two steps. 1. Cut the wafer.", ["It has two steps. 1. Cut the wafer."]),
        ("The cap is 2. 3) Test it.", ["The cap is 2. 3) Test it."]),
        (
            "See $x = 1. Y$ and [the rule. It](https://example.org/a.b). Done.",
            ["See $x = 1. Y$ and [the rule. It](https://example.org/a.b).", "Done."],
        ),
        (
            "**Money.** At about \\${glue:text}`price:,.0f` each. 2025 was the first year.",
            [
                "**Money.**",
                "At about \\${glue:text}`price:,.0f` each.",
                "2025 was the first year.",
            ],
        ),
        (
            '**1.** Before 28 January nothing. Why? "Because." Done',
            ["**1.** Before 28 January nothing.", "Why?", '"Because."', "Done"],
        ),
        (
            "Written by J. Smith in Jan. 2026 at about 1.5 M. The end.",
            ["Written by J. Smith in Jan. 2026 at about 1.5 M.", "The end."],
        ),
    ],
)
def test_split_sentences_on_tricky_lines(line, expected):
    assert sentences.split_sentences(line) == expected


def test_reflow_keeps_list_items_directive_options_and_code():
    text = (
        "---\ntitle: A. B\n---\n\n:::{admonition} Note\n:class: tip\nOne. Two.\n:::\n\n"
        "- An item. Its detail.\n\n```{code-cell} ipython3\nx = 1. Y = 2\n```\n\n"
        "| A. B | C. D |\n|---|---|\n"
    )
    assert sentences.reflow(text) == text.replace("One. Two.", "One.\nTwo.").replace(
        "An item. Its detail.", "An item.\n  Its detail."
    )
    assert sentences.check(text) == [7, 10]
    assert sentences.check(sentences.reflow(text)) == []
