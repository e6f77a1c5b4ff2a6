"""Every chapter has the anatomy DESIGN.md sets out, in the order a reader meets it.

Bottom line first for policy readers: the question, the bottom line, then the learning goals
and the seed claim the chapter tests; at the end the exercises, key terms, what to remember and
the note on the numbers.  In between, each chapter has a validation box and a claims-and-evidence
table.  The checks read the chapter's MyST source; what the parts contain is tested elsewhere
(numbers, seed passages, key terms, exercises, charts).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHAPTERS = sorted((ROOT / "chapters").glob("*.md"))

#: The landmarks of a chapter, in order: a name and the pattern that finds it.
LANDMARKS = (
    ("title", r"^# \d+\. "),
    ("question", r"^:::\{admonition\} The question$"),
    ("bottom line", r"^:::\{admonition\} Bottom line$"),
    ("learning goals", r"^:::\{admonition\} Learning goals$"),
    ("claim tested", r"^## The claim tested$"),
    ("validation box", r"^:::\{admonition\} Validation"),
    ("claims and evidence", r"^## Claims and evidence$"),
    ("exercises", r"^## Exercises$"),
    ("key terms", r"^:::\{admonition\} Key terms$"),
    ("what to remember", r"^## What to remember$"),
    ("note on the numbers", r"^:::\{admonition\} A note on the numbers$"),
)


def landmarks(text: str) -> list[tuple[str, int]]:
    """Each landmark found in ``text`` with the line it starts on, in order of the text.

    Examples
    --------
    >>> landmarks("# 1. A\\n\\n:::{admonition} The question\\nWhy?\\n:::\\n")
    [('title', 1), ('question', 3)]
    """
    found = []
    for name, pattern in LANDMARKS:
        match = re.search(pattern, text, re.M)
        if match:
            found.append((name, text.count("\n", 0, match.start()) + 1))
    return sorted(found, key=lambda item: item[1])


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda path: path.stem)
def test_chapter_has_every_landmark_in_order(path):
    found = landmarks(path.read_text(encoding="utf-8"))
    assert [name for name, _ in found] == [name for name, _ in LANDMARKS], found


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda path: path.stem)
def test_bottom_line_comes_before_any_section(path):
    text = path.read_text(encoding="utf-8")
    first_section = re.search(r"^## ", text, re.M).start()
    assert text.index(":::{admonition} Bottom line") < first_section


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda path: path.stem)
def test_claims_table_and_validation_box_have_content(path):
    text = path.read_text(encoding="utf-8")
    claims = text[text.index("## Claims and evidence") : text.index("## Exercises")]
    assert claims.count("\n* - ") >= 3, "the claims table needs a header and at least two claims"
    validation = re.search(r"^:::\{admonition\} Validation.*?^:::$", text, re.S | re.M).group(0)
    assert len(validation.split()) >= 80, "the validation box states agreement and gaps"


def test_landmarks_are_found_in_a_well_formed_sample():
    sample = "\n\n".join(
        [
            "# 9. A chapter",
            ":::{admonition} The question",
            ":::{admonition} Bottom line",
            ":::{admonition} Learning goals",
            "## The claim tested",
            ":::{admonition} Validation: x",
            "## Claims and evidence",
            "## Exercises",
            ":::{admonition} Key terms",
            "## What to remember",
            ":::{admonition} A note on the numbers",
        ]
    )
    assert [name for name, _ in landmarks(sample)] == [name for name, _ in LANDMARKS]
    swapped = sample.replace("## Exercises", "## Exercise").replace(
        "## What to remember", "## Exercises\n\n## What to remember"
    )
    assert [name for name, _ in landmarks(swapped)] != [name for name, _ in LANDMARKS]
