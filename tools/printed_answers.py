"""Which checked answers a chapter already prints above its exercises.

An exercise teaches only if its answer is not on the page above it.  This tool runs a chapter's
worked solutions (the code cells tagged ``solution`` after its "Exercises" heading) inside
:func:`chipcontrols.core.checking.recorded_matches`, which lists every number a check accepted
with the tolerance it allowed, and looks for a number on the page before that heading which the
check would accept as well: an answer a student could copy (a percentage ``p%`` is read as the
share ``p/100`` too).  A check of a student's function (``check_*_function``) compares the
function with the model at points it draws itself, which are not answers a student could copy,
so they are left out.  Numbers that would match by chance do not count: one with fewer than two
significant digits ("1", "0.2", "5%"), a whole number with fewer than three (a page is full of
days, counts and years such as "18" or "24"), a year, an exercise's number ("Exercise 2.7") and
the bounds of a declared range ("0.05 to 0.95").

``python tools/printed_answers.py [chapters/03-allied-risk.md ...]`` reads the chapter's own text
with its glued figures resolved (the tables that code cells draw are then not seen); with
``--built _build/html`` it reads the built pages, everything a reader sees.  ``tests/book/test_printed_answers.py``
holds each chapter to :data:`MOST_PRINTED` on the built page.
"""

from __future__ import annotations

import argparse
import contextlib
import html
import importlib
import io
import math
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from chipcontrols.core.checking import Match, recorded_matches

ROOT = Path(__file__).resolve().parents[1]
#: The most checked answers a chapter may print above its exercises (issue 22).
MOST_PRINTED = 2

_CODE_CELL = re.compile(r"^```\{code-cell\}[^\n]*\n(.*?)^```\s*$", re.S | re.M)
_SOLUTION_START = re.compile(r"^:::\{solution-start\}\s*(\S+)", re.M)
_EXERCISES = re.compile(r"^## Exercises\s*$", re.M)
_NUMBER = re.compile(r"(?<![\w.])([−-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(\s?%)?")
_GLUE_TEXT = re.compile(r"\{glue:text\}`([^`:]+)(?::([^`]*))?`")
_GLUE_MD = re.compile(r"\{glue:md\}`([^`]+)`")
_TAG = re.compile(r"<[^>]+>")
_EXERCISE_NUMBER = re.compile(r"\bExercises?\s+\d+\.\d+")
#: A declared range, "0.05 to 0.95": the bounds of a parameter, not a result.
_RANGE = re.compile(r"[−-]?\d[\d,.]*\s*%?\s+to\s+[−-]?\d[\d,.]*")
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1>", re.S)


@dataclass(frozen=True)
class Shown:
    """A number as a page shows it: its value and how many decimals it is printed with."""

    value: float
    decimals: int
    text: str

    def copies(self, answer: Match) -> bool:
        """Whether a student typing this number would pass the check that accepted ``answer``."""
        digits = re.sub(r"\D", "", self.text).lstrip("0")
        whole = re.fullmatch(r"[−-]?[\d,]+", self.text) is not None
        if len(digits) < (3 if whole else 2) or (whole and 1900 <= self.value <= 2100):
            return False
        return answer.accepts(self.value)


def shown_numbers(text: str) -> list[Shown]:
    """Every number in ``text``, percentages as shares, exercises' numbers left out.

    Examples
    --------
    >>> [(n.value, n.decimals) for n in shown_numbers("a 33% share, −0.125 and 1,200 units")]
    [(0.33, 2), (-0.125, 3), (1200.0, 0)]
    >>> shown_numbers("see Exercise 2.7; yield from 0.05 to 0.95")
    []
    """
    found = []
    for match in _NUMBER.finditer(_RANGE.sub(" ", _EXERCISE_NUMBER.sub(" ", text))):
        sign, whole, fraction, percent = match.groups()
        decimals = len(fraction or "")
        value = float(whole.replace(",", "") + (f".{fraction}" if fraction else ""))
        value = -value if sign else value
        if percent:
            value, decimals = value / 100, decimals + 2
        found.append(Shown(value, decimals, match.group(0)))
    return found


def exercise_cells(text: str) -> list[tuple[str, bool, str]]:
    """Each code cell after the Exercises heading: its exercise's label, whether it is a worked
    solution (tagged ``solution``), and its code."""
    heading = _EXERCISES.search(text)
    if heading is None:
        return []
    cells = []
    for match in _CODE_CELL.finditer(text, heading.end()):
        body = match.group(1)
        options = re.match(r"(?::\w+:.*\n)*", body).group(0)
        label = _SOLUTION_START.findall(text, heading.end(), match.start())
        solution = bool(re.search(r"^:tags: \[solution\]", options, re.M))
        cells.append((label[-1] if label else "?", solution, body[len(options) :]))
    return cells


def run_exercises(path: Path) -> Iterator[tuple[str, bool, list[Match]]]:
    """Run the chapter's exercise cells in order in one namespace, as a student runs them.

    Starter cells come first (their placeholders the checks do not compare), then each worked
    solution.  Yields, cell by cell, the exercise's label, whether the cell is a worked
    solution and what the checks accepted while it ran; printed output is discarded.

    Raises
    ------
    RuntimeError
        If a cell raises (the message names the chapter and the exercise).
    """
    namespace: dict[str, object] = {"__name__": "__exercises__", "display": print}
    here = Path.cwd()
    os.chdir(path.parent)
    try:
        for label, solution, code in exercise_cells(path.read_text(encoding="utf-8")):
            with recorded_matches() as accepted, contextlib.redirect_stdout(io.StringIO()):
                try:
                    exec(compile(code, f"{path.name}:{label}", "exec"), namespace)  # noqa: S102
                except Exception as error:
                    message = f"{path.name}: a cell of {label} raised {error!r}"
                    raise RuntimeError(message) from error
            yield label, solution, accepted
    finally:
        os.chdir(here)


def checked_answers(path: Path) -> dict[str, list[Match]]:
    """Every number the checks accepted in each exercise's worked solution, by label.

    Raises
    ------
    RuntimeError
        If a cell raises (the message names the chapter and the exercise).
    """
    answers: dict[str, list[Match]] = {}
    for label, solution, accepted in run_exercises(path):
        if solution:
            numbers = [
                match
                for match in accepted
                if isinstance(match.expected, float) and not match.check.endswith("_function")
            ]
            answers.setdefault(label, []).extend(numbers)
    return answers


def page_text_before_exercises(path: Path, built: Path | None) -> str:
    """The text of the chapter's page above its Exercises heading.

    From the built page if ``built`` exists (everything a reader sees: prose, tables, boxes),
    else from the chapter's Markdown with each glued figure formatted as the build formats it.
    """
    if built is not None and built.exists():
        page = _SCRIPT.sub("", built.read_text(encoding="utf-8"))
        end = page.find('<section id="exercises">')
        return html.unescape(_TAG.sub(" ", page[: end if end >= 0 else len(page)]))
    text = re.sub(r"\A---\n.*?\n---\n", "", path.read_text(encoding="utf-8"), flags=re.S)
    heading = _EXERCISES.search(text)
    text = _CODE_CELL.sub("", text[: heading.start() if heading else len(text)])
    model = importlib.import_module(f"widgets.{_model_of(path)}.numbers")
    values = {
        f"{prefix}_{key}": value
        for prefix, group in model.GROUPS.items()
        for key, value in group().items()
    }

    def formatted(match: re.Match) -> str:
        value = values.get(match.group(1))
        if value is None:
            return match.group(0)
        spec = match.group(2) or ""
        return format(value, spec) if spec else str(value)

    text = _GLUE_TEXT.sub(formatted, text)
    return _GLUE_MD.sub(lambda m: str(values.get(m.group(1), m.group(0))), text)


def _model_of(path: Path) -> str:
    from chipcontrols import CHAPTER_MODELS

    return CHAPTER_MODELS[int(path.name[:2]) - 1]


@dataclass(frozen=True)
class Printed:
    """A checked answer the page shows above the exercises, and where."""

    exercise: str
    answer: float
    shown: str


def printed_answers(
    path: Path, built: Path | None = None, checked: dict[str, list[Match]] | None = None
) -> list[Printed]:
    """Every checked answer of the chapter at ``path`` that its page shows above its exercises.

    ``checked`` is :func:`checked_answers` of the chapter if the caller has it already (running
    the exercises is the slow part); otherwise they are run here.
    """
    shown = shown_numbers(page_text_before_exercises(path, built))
    printed = []
    for label, answers in (checked if checked is not None else checked_answers(path)).items():
        seen = set()
        for answer in answers:
            if not math.isfinite(answer.expected) or answer.expected in seen:
                continue
            seen.add(answer.expected)
            hit = next((number for number in shown if number.copies(answer)), None)
            if hit is not None:
                printed.append(Printed(label, answer.expected, hit.text))
    return printed


def built_page(path: Path, site: Path) -> Path:
    """Where the build of the site ``site`` wrote the chapter's page.

    Raises
    ------
    FileNotFoundError
        If the page is not there (the site was not built).
    """
    page = site / "chapters" / f"{path.stem}.html"
    if not page.exists():
        raise FileNotFoundError(f"{page} does not exist: build the book first (make book)")
    return page


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("chapters", nargs="*", type=Path)
    parser.add_argument("--built", type=Path, help="the built site, e.g. _build/html")
    arguments = parser.parse_args()
    chapters = arguments.chapters or sorted((ROOT / "chapters").glob("*.md"))
    over = 0
    for path in chapters:
        path = path.resolve()
        built = built_page(path, arguments.built) if arguments.built else None
        source = "built page" if built else "chapter text, glue resolved"
        checked = checked_answers(path)
        printed = printed_answers(path, built, checked)
        total = sum(len({m.expected for m in a}) for a in checked.values())
        flag = "" if len(printed) <= MOST_PRINTED else f"  more than {MOST_PRINTED}"
        over += bool(flag)
        print(
            f"{path.name} ({source}): {len(printed)} of {total} checked answers printed above{flag}"
        )
        for item in printed:
            print(f"    {item.exercise}: {item.answer:.6g} shown as {item.shown!r}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
