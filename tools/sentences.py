"""One sentence per line in the book's MyST sources, without changing what they render.

A newline inside a Markdown paragraph renders as a space, so a paragraph may be written one
sentence per line ("semantic line breaks"): a diff then shows the sentence that changed, not a
2,000-character line.  This module splits prose into sentences and reflows the prose paragraphs
of a MyST file; everything else (front matter, code cells, fences, tables, headings, HTML, math
blocks, directive options) is left as it is.  The bodies of directives whose content is Markdown
(admonitions, dropdowns, exercises, solutions, list tables) are reflowed too.

``python tools/sentences.py --write FILES...`` rewrites the files;
``python tools/sentences.py --check FILES...`` lists ``file:line`` of every prose line holding
more than one sentence and exits 1 if there is any.

Examples
--------
>>> print(reflow("# Title\\n\\nFirst sentence. Second one!\\n\\n- An item. Its detail.\\n"))
# Title
<BLANKLINE>
First sentence.
Second one!
<BLANKLINE>
- An item.
  Its detail.
<BLANKLINE>
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

__all__ = ["check", "reflow", "split_sentences"]

#: The MyST extensions the book enables (``parse.myst_enable_extensions`` in ``_config.yml``).
MYST_EXTENSIONS = ["colon_fence", "dollarmath", "amsmath", "deflist", "linkify", "substitution"]

#: Directives whose body is Markdown, and so is reflowed after its ``:option:`` lines.
MARKDOWN_DIRECTIVES = {
    "admonition",
    "attention",
    "caution",
    "danger",
    "dropdown",
    "error",
    "exercise",
    "hint",
    "important",
    "list-table",
    "margin",
    "note",
    "seealso",
    "sidebar",
    "solution",
    "tip",
    "topic",
    "warning",
}

#: Words that a period follows without ending the sentence (compared without the period).
ABBREVIATIONS = {
    "al",
    "approx",
    "cf",
    "Co",
    "Corp",
    "Dr",
    "Eq",
    "Fig",
    "Figs",
    "fig",
    "figs",
    "Inc",
    "Jr",
    "Ltd",
    "Mr",
    "Mrs",
    "Ms",
    "Prof",
    "Sr",
    "St",
    "vs",
    "Vol",
    "vol",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
}
#: Abbreviations that only count as such before a number ("No. 5", "p. 12").
NUMBER_ABBREVIATIONS = {"No", "Nos", "no", "p", "pp"}
#: Words that start a sentence rather than continue a name after an initial ("Layer A. A ...").
SENTENCE_OPENERS = {
    "A",
    "After",
    "All",
    "An",
    "And",
    "As",
    "At",
    "Both",
    "But",
    "By",
    "Each",
    "For",
    "From",
    "He",
    "How",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "No",
    "On",
    "One",
    "She",
    "So",
    "That",
    "The",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "To",
    "We",
    "What",
    "When",
    "Which",
    "Why",
    "With",
}

_PROTECTED = re.compile(
    r"""
      (?P<ticks>`+).*?(?<!`)(?P=ticks)(?!`)           # code span, or a role's content
    | \$\$.+?\$\$                                     # inline display math
    | (?<![\\$])\$(?=\S).*?(?<![\s\\])\$              # inline math
    | \[(?:[^\[\]]|\[[^\]]*\])*\](?:\([^)\s]*\))?     # link text and target
    | <[A-Za-z/!][^>]*>                               # autolink or inline HTML
    """,
    re.X,
)
_BOUNDARY = re.compile(r"([.?!][)\"”’'*]*) +")
_STARTERS = set("0123456789\"“‘'(*{$[`\\")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
#: What a line must not start with: it would open a block and change the rendering.
_BLOCK_START = re.compile(
    r"""
    (?: [-*+](?:\s|$) | \#|>|\||:::|```|~~~|<|%|\+\+\+|\$\$|\\begin\{|\[\^
      | \d{1,9}[.)](?:\s|$) | (?:[-*_]\s*){3,}$ | =+\s*$ | -+\s*$ | \([^()\s]*\)= )""",
    re.X,
)
_FENCE_LINE = re.compile(r"(`{3,}|~{3,}|:{3,})\s*(?:\{([\w:-]+)\})?")
_LIST_MARKERS = re.compile(r"\s*(?:(?:[-*+]|\d{1,9}[.)]) {1,4})+")
_OPTION_LINE = re.compile(r"\s*:[\w-]+:")
_HARD_BREAK = re.compile(r"(?: {2,}|\\)$")


def _protected_spans(line: str) -> list[tuple[int, int]]:
    return [match.span() for match in _PROTECTED.finditer(line)]


def _ends_with_abbreviation(text: str, next_text: str) -> bool:
    """Whether ``text`` (up to a period) ends with an abbreviation rather than a sentence."""
    words = text.split()
    word = words[-1].lstrip("([\"“‘'*_") if words else ""
    if word in ABBREVIATIONS or _DOTTED.fullmatch(word):
        return True
    if word in NUMBER_ABBREVIATIONS and next_text[:1].isdigit():
        return True
    if len(word) != 1 or not word.isupper():
        return False
    before = words[-2] if len(words) > 1 else ""  # "1.5 M." and "$x$ = A." are units
    after = next_text.split()[0].strip('*"“(') if next_text.split() else ""  # and variables
    return (
        not before.endswith(("`", "$", ")"))
        and not before[-1:].isdigit()
        and after not in SENTENCE_OPENERS
    )  # an initial: "J. Smith"


def split_sentences(line: str) -> list[str]:
    """The sentences of one line of prose, stripped of the spaces between them.

    A sentence ends at ``.``, ``?`` or ``!`` (and any closing ``)``, quote or ``*``) followed by
    a space and a capital letter, a digit, a quote, ``(``, ``*``, ``{``, ``$``, ``[`` or a
    backtick.  It never ends inside inline code or a role, ``$`` math, a link or inline HTML;
    after an abbreviation or an initial; after a fragment without a letter ("**1.**"); or where
    the next sentence would open a Markdown block (a list item, a heading, a fence...) at the
    start of its line.

    Parameters
    ----------
    line : str
        One line (or a whole paragraph joined into one line) of Markdown prose.

    Returns
    -------
    list of str
        The sentences, in order; empty for a blank line.

    Examples
    --------
    >>> split_sentences("It rose to {glue:text}`c3_x:.0f`%. Then it fell.")
    ['It rose to {glue:text}`c3_x:.0f`%.', 'Then it fell.']
    >>> split_sentences("Rules differ, e.g. the U.S. Treasury's. See $x = 1. Y$ too.")
    ["Rules differ, e.g. the U.S. Treasury's.", 'See $x = 1. Y$ too.']
    >>> split_sentences("Two steps. 1. Cut the wafer.")
    ['Two steps. 1. Cut the wafer.']
    >>> split_sentences('**Money.** He said "No." (Then left.) Done')
    ['**Money.**', 'He said "No."', '(Then left.)', 'Done']
    """
    protected = _protected_spans(line)
    sentences, start, fragment_start = [], 0, 0
    for boundary in _BOUNDARY.finditer(line):
        rest = line[boundary.end() :]
        if _BLOCK_START.match(rest):
            fragment_start = boundary.end()  # "1. " stays with the sentence before
            continue
        if (
            not (rest[:1].isupper() or rest[:1] in _STARTERS)
            or any(low <= boundary.start() < high for low, high in protected)
            or (
                line[boundary.start()] == "."
                and _ends_with_abbreviation(line[start : boundary.start()], rest)
            )
            or not any(character.isalpha() for character in line[fragment_start : boundary.end(1)])
        ):
            continue
        sentences.append(line[start : boundary.end(1)].strip())
        start = fragment_start = boundary.end()
    last = line[start:].strip()
    return [*sentences, last] if last else sentences


@cache
def _markdown_parser():
    from markdown_it.renderer import RendererHTML
    from myst_parser.config.main import MdParserConfig
    from myst_parser.parsers.mdit import create_md_parser

    return create_md_parser(MdParserConfig(enable_extensions=set(MYST_EXTENSIONS)), RendererHTML)


def _directive_body(lines: list[str], first: int, last: int) -> tuple[int, int] | None:
    """The lines ``[start, stop)`` of a Markdown directive's body, after its options, if any."""
    opening = _FENCE_LINE.match(lines[first])
    if not opening or opening.group(2) not in MARKDOWN_DIRECTIVES:
        return None
    fence = opening.group(1)
    stop = (
        last - 1
        if lines[last - 1].strip().startswith(fence[0] * len(fence))
        and not lines[last - 1].strip().strip(fence[0])
        else last
    )
    start = first + 1
    if start < stop and lines[start].strip() == "---":  # options as a YAML block
        closing = next((i for i in range(start + 1, stop) if lines[i].strip() == "---"), None)
        if closing is None:
            return None
        start = closing + 1
    while start < stop and _OPTION_LINE.match(lines[start]):
        start += 1
    return start, stop


def _paragraphs(lines: list[str]) -> Iterator[tuple[int, int, str, str]]:
    """Each prose paragraph as ``(start, stop, prefix, indent)``, nested directives included.

    ``prefix`` begins the paragraph's first line (indentation and any list markers), ``indent``
    begins each further line.  Paragraphs in block quotes or with hard line breaks are skipped.
    """
    tokens = _markdown_parser().parse("".join(lines))
    for index, token in enumerate(tokens):
        if (
            token.type in ("fence", "colon_fence")
            and token.map
            and not token.level
            and not lines[token.map[0]][:1].isspace()
        ):
            body = _directive_body(lines, *token.map)
            if body:
                for start, stop, prefix, indent in _paragraphs(lines[body[0] : body[1]]):
                    yield start + body[0], stop + body[0], prefix, indent
        if token.type != "paragraph_open" or not token.map:
            continue
        start, stop = token.map
        if any(line.lstrip().startswith(">") for line in lines[start:stop]) or any(
            _HARD_BREAK.search(line.rstrip("\n")) for line in lines[start : stop - 1]
        ):
            continue
        first = lines[start]
        previous = tokens[index - 1] if index else None
        if (
            previous is not None
            and previous.type == "list_item_open"
            and previous.map
            and previous.map[0] == start
        ):
            markers = _LIST_MARKERS.match(first)
            if not markers:
                continue
            prefix, indent = markers.group(), " " * len(markers.group())
        else:
            prefix = indent = first[: len(first) - len(first.lstrip())]
        yield start, stop, prefix, indent


def _content(line: str, prefix: str) -> str:
    return line[len(prefix) :].strip() if line.startswith(prefix) else line.strip()


def reflow(text: str) -> str:
    """``text``, a MyST file, with each sentence of every prose paragraph on a line of its own.

    A paragraph's lines are joined and split into sentences (:func:`split_sentences`); the
    first keeps the paragraph's prefix, the others get its indentation (a list item's content
    column), so each stays in its paragraph and item.

    Examples
    --------
    >>> print(reflow("1. Cut. Then\\n   test.\\n\\n```python\\nx = 1. Y\\n```\\n"), end="")
    1. Cut.
       Then test.
    <BLANKLINE>
    ```python
    x = 1. Y
    ```
    """
    lines = text.splitlines(keepends=True)
    for start, stop, prefix, indent in sorted(_paragraphs(lines), reverse=True):
        joined = " ".join(
            _content(line, prefix if number == start else indent)
            for number, line in enumerate(lines[start:stop], start)
        )
        sentences = split_sentences(joined)
        ending = lines[stop - 1][len(lines[stop - 1].rstrip("\r\n")) :]
        lines[start:stop] = [prefix + sentences[0] + "\n"] + [
            indent + sentence + "\n" for sentence in sentences[1:]
        ]
        lines[start + len(sentences) - 1] = lines[start + len(sentences) - 1][:-1] + ending
    return "".join(lines)


def check(text: str) -> list[int]:
    """The 1-based numbers of the prose lines in ``text`` that hold more than one sentence.

    Examples
    --------
    >>> check("# A. B\\n\\nOne. Two.\\nThree.\\n")
    [3]
    """
    lines = text.splitlines(keepends=True)
    return sorted(
        number + 1
        for start, stop, prefix, indent in _paragraphs(lines)
        for number in range(start, stop)
        if len(split_sentences(_content(lines[number], prefix if number == start else indent))) > 1
    )


def main(argv: list[str] | None = None) -> int:
    """Rewrite (``--write``) or check (``--check``) the files named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true", help="reflow the files in place")
    mode.add_argument(
        "--check",
        action="store_true",
        help="list lines holding more than one sentence; exit 1 if any",
    )
    parser.add_argument("files", nargs="+", type=Path)
    arguments = parser.parse_args(argv)
    failures = 0
    for path in arguments.files:
        text = path.read_text(encoding="utf-8")
        if arguments.write:
            reflowed = reflow(text)
            if reflowed != text:
                path.write_text(reflowed, encoding="utf-8")
                print(f"reflowed {path}")
        else:
            for number in check(text):
                print(f"{path}:{number}")
                failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
