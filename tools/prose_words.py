"""Count the words of a chapter's prose, as a reader of its page meets them.

The prose is the chapter's Markdown outside code cells, tables, exercises and their worked
solutions, directive options and comments, and outside any section whose heading begins
"Optional" (a section a course may skip).  A glued figure or a citation counts as one word.
``tests/book/test_chapter_length.py`` holds every chapter under :data:`PROSE_WORD_LIMIT`.

``python tools/prose_words.py [chapters/04-domestic-chips.md ...]`` prints one line per chapter.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: The most words of prose a chapter may have (issue 22: "about 4,500").
PROSE_WORD_LIMIT = 4_600

_CODE_CELL = re.compile(r"^```\{code-cell\}.*?^```\s*$", re.S | re.M)
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_EXERCISE = re.compile(r"^:::\{exercise-start\}.*?^:::\{exercise-end\}\n:::", re.S | re.M)
_SOLUTION = re.compile(r"^:::\{solution-start\}.*?^:::\{solution-end\}\n:::", re.S | re.M)
_ROLE = re.compile(r"\{[\w:-]+\}`[^`]*`")
_MATH_BLOCK = re.compile(r"^\$\$.*?^\$\$", re.S | re.M)
_FENCE = re.compile(r"^```.*?^```\s*$", re.S | re.M)
_HEADING = re.compile(r"^(#{2,6})\s+(.*)$")
_WORD = re.compile(r"[\w\u00C0-\u024F'’.,%$–-]*\w[\w'’%]*|[\u3400-\u9fff]+")


def prose_text(text: str) -> str:
    """The chapter's prose, with everything that is not prose removed."""
    text = _FRONT_MATTER.sub("", text)
    for pattern in (_CODE_CELL, _EXERCISE, _SOLUTION, _MATH_BLOCK, _FENCE):
        text = pattern.sub("", text)
    kept, skip_level = [], None
    for line in text.splitlines():
        heading = _HEADING.match(line)
        if heading:
            level = len(heading.group(1))
            if skip_level is not None and level <= skip_level:
                skip_level = None
            if skip_level is None and heading.group(2).lower().startswith("optional"):
                skip_level = level
        if skip_level is not None:
            continue
        stripped = line.strip()
        if stripped.startswith(("|", ":::", ":", "(", "<!--", "%")) and not stripped.startswith(
            ("(i)", "(ii)")
        ):
            continue
        kept.append(_ROLE.sub(" X ", line))
    return "\n".join(kept)


def prose_words(text: str) -> int:
    """How many words of prose ``text`` (a chapter's MyST source) has.

    Examples
    --------
    >>> prose_words("Intro text here.\\n\\n| a | b |\\n\\n```{code-cell} ipython3\\nx = 1\\n```\\n")
    3
    >>> prose_words("## Main\\nOne two.\\n### Optional: extra\\nThree four five.\\n## Next\\nSix.")
    5
    """
    return len(_WORD.findall(prose_text(text)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("chapters", nargs="*", type=Path)
    chapters = parser.parse_args().chapters or sorted((ROOT / "chapters").glob("*.md"))
    over = 0
    for path in chapters:
        words = prose_words(path.read_text(encoding="utf-8"))
        flag = "" if words <= PROSE_WORD_LIMIT else f"  over the limit of {PROSE_WORD_LIMIT:,}"
        over += bool(flag)
        print(f"{path.name}: {words:,} words of prose{flag}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
