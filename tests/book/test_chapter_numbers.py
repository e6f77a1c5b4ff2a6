"""No number is typed in any chapter, the preface or a rubric: every quantity is glued from the model.

The scanner strips what may legitimately contain digits (code cells and fences, glue roles
and directives, citations and cross-references, labels, URLs and link targets, LaTeX without
digits or with only a formula's small whole constants, a function call shown as inline code
(an example of use), dates, and identifiers such as chip names, statute sections and bit lengths) and
reports every number that is left, with its line.  ``python tests/book/test_chapter_numbers.py``
prints the counts per file: glue roles (computed numbers) against typed numbers.

Apart from pytest, the module uses only the standard library, so the script runs anywhere.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: The files whose prose must contain no typed number: the preface, every chapter, and the
#: instructor guide's rubrics (found by globbing, so a new chapter is scanned without an edit).
FILES = (
    ROOT / "intro.md",
    *sorted((ROOT / "chapters").glob("*.md")),
    *sorted((ROOT / "appendix" / "rubrics").glob("*.md")),
)

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DAY = r"\d{1,2}(?:\s*(?:–|-|and|to)\s*\d{1,2})?"

#: A glue role: ``{glue}`key```, ``{glue:text}`key:fmt```, ``{glue:md}`key```.
GLUE_ROLE = re.compile(r"\{glue(?::(?:text|md|any|math))?\}`[^`]*`")
#: Other roles whose targets may contain digits: citations, references, documents.
OTHER_ROLES = re.compile(r"\{(?:cite(?::\w+)?|ref|numref|doc|eq|term|download)\}`[^`]*`")
#: Fenced blocks removed whole: code cells, plain code fences, glue directives.
_REMOVED_FENCE_INFO = re.compile(r"^(?:\{code-cell\}|\{glue(?::\w+)?\}|[\w+-]*$)")
_FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})(.*)$")

#: Patterns that look numeric but are dates or identifiers, not quantities.
ALLOWED = [
    # dates: "8 December 2025", "13–15 January 2026", "14 and 15 May", "December 8, 2025"
    rf"\b{_DAY}\s+(?:{_MONTHS})(?:,?\s+(?:19|20)\d{{2}})?",
    rf"\b(?:{_MONTHS})\s+{_DAY}(?:,\s+(?:19|20)\d{{2}})?\b",
    r"(?<![\$\d.,])\b(?:19|20)\d{2}(?:\s*[–-]\s*\d{2}(?!\d))?\b(?![%×]|\s*(?:bn|billion|million))",
    r"\b(?:19|20)\d{2}-\d{2}-\d{2}\b",  # ISO dates
    # identifiers
    r"\bSection\s+\d+\b",
    r"§\s*\d+(?:\([a-z]\))?",
    r"\b\d+\s+U\.S\.C\.",
    r"\bArticle\s+[IVX]+,?\s+Section\s+\d+,?\s+Clause\s+\d+",
    r"\b\d+\s+FR\s+\d+\b",
    r"\bFR\s+Doc\s+\d{4}-\d+\b",
    r"\bNo\.\s*\d+\b",  # announcement numbers, e.g. MOFCOM Announcement No. 70
    r"\bH\.R\.\s*\d+\b",
    r"\bS\.\s*\d{3,}\b",
    r"\b2:4\s+sparsity\b",
    r"\b\d+-,\s*\d+-\s+and\s+\d+-bit\b",
    r"\b\d+-bit\b",
    r"\b(?:Ascend|Atlas|TaiShan|Instinct|Kirin)\s+\d+\w*",
    r"\b[A-E]:\d\b",
    r"\b[Cc]hapters?\s+\d+(?:\s*(?:–|-|and|to)\s*\d+)?\b",
    r"\b[Pp]arts?\s+\d+(?:\s*(?:–|-|and|to)\s*\d+)?\b",
    r"\b[Ee]xercises?\s+\d+\b",
    # an exercise's effort line: track, level and the minutes it takes
    r"\*(?:Policy|Quantitative) track · (?:starter|core|stretch) · about \d+ minutes\*",
]
_ALLOWED = re.compile("|".join(f"(?:{p})" for p in ALLOWED))
#: A number: digits not glued to a word on either side (so H200, 3A090, FY2027 are not).
NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?![\w])")
_LIST_NUMBER = re.compile(r"^(\s*)(?:\d+\.|\*\*\d+\.\*\*)(?=\s)")
_HEADING_NUMBER = re.compile(r"^(#+\s+)\d+\.(?=\s)")


@dataclass
class Finding:
    """A typed number: the line it is on (1-based), the number and the line's text."""

    line: int
    number: str
    text: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.number!r} in {self.text.strip()[:100]!r}"


@dataclass
class Report:
    """What the scanner found in one text."""

    glued: int = 0
    typed: list[Finding] = field(default_factory=list)


def _strip_fences(lines: list[str]) -> list[str]:
    """Blank code cells, code fences and glue directives; keep other directives' bodies."""
    out, closing = [], None
    removing = False
    for line in lines:
        match = _FENCE.match(line)
        if closing is not None:
            if match and match.group(2).startswith(closing) and not match.group(3).strip():
                closing = None
                out.append("")
                continue
            out.append("" if removing else line)
            continue
        if match:
            info = match.group(3).strip()
            closing = match.group(2)
            removing = bool(_REMOVED_FENCE_INFO.match(info))
            out.append("")
            continue
        out.append(line)
    return out


def _strip_front_matter(lines: list[str]) -> list[str]:
    if lines and lines[0].strip() == "---":
        for end in range(1, len(lines)):
            if lines[end].strip() == "---":
                return [""] * (end + 1) + lines[end + 1 :]
    return lines


def _math_without_digits(match: re.Match) -> str:
    """Math with no quantity in it: no digits, or only a formula's small whole constants
    (the 1 of ``1 + hQ/C``, the 2 of ``ln 2``, the 16 of a 16-bit operand)."""
    body = match.group(0)
    constants = re.findall(r"\d+(?:\.\d+)?", body)
    return " " if all(re.fullmatch(r"\d{1,2}", c) and int(c) <= 16 for c in constants) else body


def clean_line(line: str) -> str:
    """One line of prose with everything that may carry digits legitimately removed."""
    stripped = line.strip()
    if re.match(r"^:[\w-]+:", stripped) or re.match(r"^\([\w-]+\)=$", stripped):
        return ""  # directive options, labels
    if re.match(r"^(:{3,}|`{3,})\{", stripped):
        return ""  # a directive's opening line
    line = GLUE_ROLE.sub(" ", line)
    line = OTHER_ROLES.sub(" ", line)
    line = re.sub(r"\]\([^)]*\)", "]", line)  # link targets
    line = re.sub(r"<?https?://[^\s>)]+>?", " ", line)  # bare URLs
    line = line.replace(r"\$", " USD ")  # escaped dollars are not math
    line = re.sub(r"\$\$.*?\$\$|\$[^$]*\$", _math_without_digits, line)
    line = re.sub(r"`[\w.]+\([^`]*\)[\w.]*`", " ", line)  # a call shown as code: an example
    line = _LIST_NUMBER.sub(r"\1", line)
    line = _HEADING_NUMBER.sub(r"\1", line)
    line = _ALLOWED.sub(" ", line)
    return line


def scan(text: str) -> Report:
    """Count glue roles and find every typed number in a MyST text."""
    lines = _strip_front_matter(text.splitlines())
    body = _strip_fences(lines)
    report = Report()
    for number, (original, prose) in enumerate(zip(lines, body), start=1):
        if not prose.strip():
            continue
        report.glued += len(GLUE_ROLE.findall(prose))
        cleaned = clean_line(prose)
        # display math spanning lines is handled by the single-line rule above; a typed
        # number in any math that remains is reported like any other.
        for found in NUMBER.finditer(cleaned):
            report.typed.append(Finding(number, found.group(0), original))
    return report


def glue_directives(text: str) -> int:
    """The number of ``glue`` directives (typeset formulas and figures) in a text."""
    return len(re.findall(r"^\s*(?:`{3,}|:{3,})\{glue(?::\w+)?\}", text, flags=re.M))


def counts(paths=FILES) -> dict[str, dict[str, int]]:
    """Per file: glue roles (computed numbers), glue directives and typed numbers."""
    result = {}
    for path in paths:
        text = Path(path).read_text(encoding="utf-8")
        report = scan(text)
        result[Path(path).relative_to(ROOT).as_posix()] = {
            "glued": report.glued,
            "glued_formulas": glue_directives(text),
            "typed": len(report.typed),
        }
    return result


# -- tests ----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_no_number_is_typed(path):
    failures = [
        f"{path.relative_to(ROOT)} {finding}"
        for finding in scan(path.read_text(encoding="utf-8")).typed
    ]
    assert not failures, "typed numbers (glue them from the model):\n" + "\n".join(failures)


def test_scanner_reports_a_typed_number():
    sample = (
        "Beijing approved {glue:text}`record_x:,.0f` chips on 28 January 2026,\n"
        "and the Treasury got \\$2.7 billion, a ratio of $13/0.3$.\n"
    )
    found = [(f.line, f.number) for f in scan(sample).typed]
    assert (2, "2.7") in found
    assert (2, "13") in found and (2, "0.3") in found


def test_scanner_reports_typed_numbers_in_tables_and_inline_code():
    sample = "| Q | 2.0 M |\n\nSet `approvals=2.5` and look.\n"
    assert [f.number for f in scan(sample).typed] == ["2.0", "2.5"]


def test_scanner_passes_formula_constants_and_calls_shown_as_code_but_not_quantities():
    sample = "Harm is $\\sigma \\ln(1 + hQ/C)$; try `f(x=2.0)`; the share is $0.25$ or $40 Q$.\n"
    assert [f.number for f in scan(sample).typed] == ["0.25", "40"]


def test_scanner_passes_glued_numbers_dates_and_identifiers():
    sample = """---
kernelspec:
  name: python3
---

# 1. The decision

```{code-cell} ipython3
glue("x", 42)
```

On 8 December 2025 and 13–15 January 2026 the H200 and MI325X (ECCN 3A090, 3A090.a) under
Section 232 and 50 U.S.C. § 4815(c) cost \\${glue:text}`ledger_model_treasury:.1f` billion in Q2 FY2027
{cite:p}`bis2026h200rule` (see {ref}`ex-ch1-ifp`, [the data](https://example.org/a1.csv)).
The ratio $\\rho(Q)$ with $C_{\\mathrm{US}}$, 2:4 sparsity and 16-, 8- and 4-bit figures.

```{glue:math} ledger_eq_ratio
```

1. First part, 14 and 15 May, chapter 5.
"""
    report = scan(sample)
    assert report.typed == [], [str(f) for f in report.typed]
    assert report.glued == 1


def test_the_counts_cover_the_preface_and_every_chapter():
    result = counts()
    chapters = {f"chapters/{path.name}" for path in (ROOT / "chapters").glob("*.md")}
    assert {"intro.md", *chapters} <= set(result) and len(chapters) >= 5
    assert all(result[name]["glued"] > 0 for name in {"intro.md", *chapters})


def main() -> int:
    for name, entry in counts().items():
        print(
            f"{name}: {entry['glued']} glued numbers, {entry['glued_formulas']} glued formulas, "
            f"{entry['typed']} typed numbers"
        )
    for path in FILES:
        for finding in scan(path.read_text(encoding="utf-8")).typed:
            print(f"  {path.relative_to(ROOT)} {finding}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
