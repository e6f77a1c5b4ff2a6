"""The student edition leaks no solution: not in pages, sources, search index, downloads or notebooks.

The solutions' distinctive text is collected from the reader edition's built HTML (each
``div.solution``): every sentence of a solution that appears nowhere else in the reader
edition, and every number it states that appears nowhere else.  Each is then searched for in
every file under ``_build/student/``.  Found must be zero.  As a control, the same search finds
them in the reader edition's own files, so a search that cannot see into a file type would
fail here too.  ``python tests/book/test_student_edition.py`` prints the counts.
"""

from __future__ import annotations

import html
import re
import sys
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
READER = ROOT / "_build" / "html"
STUDENT = ROOT / "_build" / "student"
sys.path.insert(0, str(ROOT / "tools"))

import student_edition  # noqa: E402

#: Sentences shorter than this are too generic to be a solution's fingerprint.
MIN_SENTENCE_CHARS = 40
_NUMBER = re.compile(
    r"(?<![\w.,])\d{1,3}(?:,\d{3})*(?:\.\d+)?(?![\w])|(?<![\w.,])\d+\.\d+(?![\w])"
)
_TEXT_SUFFIXES = {".html", ".js", ".json", ".txt", ".md", ".ipynb", ".css", ".svg", ".xml"}

pytestmark = pytest.mark.skipif(
    not (READER / "chapters").is_dir(), reason="needs the reader edition: run `make book` first"
)


def _visible_text(markup: str) -> str:
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def _solution_blocks(page: str) -> tuple[list[str], str]:
    """The text of each ``div.solution`` of a page, and the page's markup without them."""
    blocks, rest, position = [], [], 0
    for match in re.finditer(r'<div class="solution[^"]*"', page):
        start = match.start()
        depth, end = 0, len(page)
        for tag in re.finditer(r"<(/?)div\b[^>]*>", page[start:]):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                end = start + tag.end()
                break
        rest.append(page[position:start])
        blocks.append(_visible_text(page[start:end]))
        position = end
    rest.append(page[position:])
    return blocks, " ".join(rest)


def _shipped_without_solutions(folder: Path):
    """Text of the reader edition's files that carry no solution by design: everything but
    the page sources, the search index and the pages' solution blocks."""
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if (
            not path.is_file()
            or path.suffix not in _TEXT_SUFFIXES
            or path.suffix == ".html"
            or relative.startswith("_sources/")
            or path.name == "searchindex.js"
        ):
            continue
        yield path.read_text(encoding="utf-8", errors="replace")


@lru_cache(maxsize=1)
def fingerprints() -> tuple[frozenset[str], frozenset[str]]:
    """Distinctive sentences and numbers of the reader edition's solutions."""
    solutions, elsewhere = [], []
    for page in sorted(READER.rglob("*.html")):
        blocks, rest = _solution_blocks(page.read_text(encoding="utf-8"))
        solutions += blocks
        elsewhere.append(rest)
    outside_text = _visible_text(" ".join(elsewhere))
    outside_numbers = set(_NUMBER.findall(" ".join(elsewhere)))
    for text in _shipped_without_solutions(READER):
        outside_numbers |= set(_NUMBER.findall(text))
    sentences, numbers = set(), set()
    for block in solutions:
        for sentence in re.split(r"(?<=[.?!])\s+", block):
            sentence = sentence.strip()
            if len(sentence) >= MIN_SENTENCE_CHARS and _words(sentence) not in outside_text:
                sentences.add(sentence)
        for number in _NUMBER.findall(block):
            if number not in outside_numbers and (
                len(number.replace(",", "")) >= 3 or "." in number
            ):
                numbers.add(number)
    return frozenset(sentences), frozenset(numbers)


def _texts(folder: Path):
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in _TEXT_SUFFIXES:
            raw = path.read_text(encoding="utf-8", errors="replace")
            text = " ".join(html.unescape(raw).split())
            # pages are searched as a reader sees them too, so markup cannot split a sentence
            yield path, text + (" " + _visible_text(raw) if path.suffix == ".html" else "")


def _words(sentence: str) -> str:
    """A search key robust to markup: the sentence's first twelve words."""
    return " ".join(sentence.split()[:12])


def leaks(folder: Path) -> dict[str, list[str]]:
    """Each fingerprint found in ``folder``, with the files it was found in."""
    sentences, numbers = fingerprints()
    found: dict[str, list[str]] = {}
    patterns = {
        number: re.compile(rf"(?<![\w.,]){re.escape(number)}(?![\w])") for number in numbers
    }
    for path, text in _texts(folder):
        name = str(path.relative_to(folder))
        for sentence in sentences:
            if _words(sentence) in text:
                found.setdefault(sentence, []).append(name)
        for number, pattern in patterns.items():
            if pattern.search(text):
                found.setdefault(number, []).append(name)
    return found


def test_the_reader_edition_has_solutions_to_look_for():
    sentences, numbers = fingerprints()
    assert len(sentences) >= 60, f"only {len(sentences)} distinctive solution sentences"
    assert len(numbers) >= 10, f"only {len(numbers)} distinctive solution numbers"


def test_the_search_finds_solutions_in_the_reader_edition():
    # The control: the reader edition's HTML and search index contain the fingerprints.
    sentences, numbers = fingerprints()
    found = leaks(READER)
    assert len(found) >= 0.9 * (len(sentences) + len(numbers))


@pytest.mark.skipif(not STUDENT.is_dir(), reason="needs the student edition: run `make student`")
def test_no_solution_in_any_student_file():
    found = leaks(STUDENT)
    shown = "\n".join(f"{key[:80]!r} in {files[:3]}" for key, files in list(found.items())[:20])
    assert not found, f"{len(found)} solution strings in the student edition:\n{shown}"


@pytest.mark.skipif(not STUDENT.is_dir(), reason="needs the student edition: run `make student`")
def test_student_edition_has_the_chapters_and_their_notebooks():
    chapters = sorted(path.stem for path in (ROOT / "chapters").glob("*.md"))
    assert len(chapters) >= 5
    for chapter in chapters:
        assert (STUDENT / "notebooks" / f"{chapter}.ipynb").is_file(), chapter
        page = (STUDENT / "html" / "chapters" / f"{chapter}.html").read_text(encoding="utf-8")
        if ":::{exercise-start}" in (ROOT / "chapters" / f"{chapter}.md").read_text(
            encoding="utf-8"
        ):
            assert 'class="exercise' in page and 'class="solution' not in page, chapter
    assert (STUDENT / "html" / "appendix" / "glossary.html").is_file()
    assert not (STUDENT / "html" / "appendix" / "instructor-guide.html").exists()


def test_strip_solutions_removes_regions_and_tagged_cells():
    page = (
        "Intro.\n\n```{code-cell} ipython3\n:tags: [remove-cell, solution]\nx = 1\n```\n\n"
        ":::{exercise-start}\n:label: e\n:::\n\nDo it.\n\n```{code-cell} ipython3\n"
        ":tags: [starter]\nanswer = ...\n```\n\n:::{exercise-end}\n:::\n\n"
        ":::{solution-start} e\n:class: dropdown\n:::\n\nSecret 4,992.\n\n"
        "```{code-cell} ipython3\n:tags: [solution]\nanswer = 4992\n```\n\n"
        ":::{solution-end}\n:::\n\nOutro.\n"
    )
    stripped = student_edition.strip_solutions(page)
    assert "Secret" not in stripped and "4992" not in stripped and "x = 1" not in stripped
    assert "answer = ..." in stripped and stripped.endswith("Outro.\n")


def test_strip_solutions_refuses_an_ungated_solution():
    with pytest.raises(ValueError, match="solution"):
        student_edition.strip_solutions(":::{solution} e\nThe answer.\n:::\n", "page.md")


def test_strip_solutions_refuses_an_unclosed_region():
    with pytest.raises(ValueError, match="solution-end"):
        student_edition.strip_solutions(":::{solution-start} e\n:::\nThe answer.\n", "page.md")


if __name__ == "__main__":
    sentences, numbers = fingerprints()
    student = leaks(STUDENT) if STUDENT.is_dir() else {}
    print(
        f"solution strings searched: {len(sentences)} sentences, {len(numbers)} numbers; "
        f"found in the reader edition: {len(leaks(READER))}; "
        f"found in the student edition: {len(student)}"
    )
