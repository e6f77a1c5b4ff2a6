"""Build the student edition: the site and the chapter notebooks with every solution absent.

The reader edition folds each solution under its exercise.  The student edition does not hide
them: it never contains them.  This script copies the book's sources to a staging folder,
removes from every page

- each gated solution region, ``:::{solution-start}`` through ``:::{solution-end}``, with the
  prose, code cells and marking guides inside it;
- each code cell tagged ``solution`` (the cell that glues the solutions' numbers);
- each block between ``<!-- reader-only -->`` and ``<!-- /reader-only -->`` (links to the
  instructor guide, for instance);

drops the pages marked ``book_edition: reader`` in their front matter (the instructor guide)
from the table of contents, refuses to go on if anything solution-like is left, and builds the
staged book.  What it writes to ``_build/student/``:

- ``html/``: the site, whose page sources, search index and downloads come from the stripped
  pages, so they cannot contain a solution either;
- ``notebooks/``: each chapter as an unexecuted ``.ipynb`` for students to open and fill in.

``python tools/student_edition.py`` (or ``make student``) runs it with the same Jupyter Book
options as ``make book``; warnings are errors, so a glue key left without its solution cell
fails the build instead of showing a blank.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import jupytext
import yaml

ROOT = Path(__file__).resolve().parents[1]
STAGING = ROOT / "_build" / "student-src"
OUTPUT = ROOT / "_build" / "student"
#: Everything besides the pages that the book's build reads.
BOOK_FILES = ("_config.yml", "_toc.yml", "references.bib", "_static")

_SOLUTION_START = re.compile(r"^(:{3,}|`{3,})\{solution-start\}")
_SOLUTION_END = re.compile(r"^(:{3,}|`{3,})\{solution-end\}")
_CODE_CELL = re.compile(r"^(`{3,})\{code-cell\}")
_TAGS = re.compile(r"^:tags:\s*\[(.*)\]\s*$")
_READER_ONLY = re.compile(r"^<!-- reader-only -->\n.*?^<!-- /reader-only -->\n", re.S | re.M)
#: What must not survive stripping, anywhere in a student page.
LEAK_MARKERS = (
    "{solution",
    "from solutions",
    "import solutions",
    "_solutions",
    ":tags: [remove-cell, solution]",
    "reader-only",
    "instructor-guide",
)


def _closing_fence(lines: list[str], start: int, fence: str) -> int:
    """Index of the line that closes the directive or cell opened at ``start``."""
    for index in range(start + 1, len(lines)):
        if lines[index].strip() == fence:
            return index
    raise ValueError(f"line {start + 1}: {lines[start].strip()!r} is never closed by {fence!r}")


def strip_solutions(text: str, source: str = "<text>") -> str:
    """``text`` without gated solution regions and without code cells tagged ``solution``.

    Raises
    ------
    ValueError
        If a solution region is not closed, a non-gated ``{solution}`` directive is used (its
        code could not be stripped with it), or anything in :data:`LEAK_MARKERS` is left.

    Examples
    --------
    >>> page = ("Try it.\\n\\n:::{solution-start} ex-1\\n:::\\n\\nThe answer is 42.\\n\\n"
    ...         ":::{solution-end}\\n:::\\n\\nNext.\\n")
    >>> strip_solutions(page)
    'Try it.\\n\\nNext.\\n'
    """
    lines = text.splitlines(keepends=True)
    kept: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index].rstrip("\n")
        start = _SOLUTION_START.match(line)
        cell = _CODE_CELL.match(line)
        if start:
            fence = start.group(1)
            end = next(
                (
                    i
                    for i in range(index + 1, len(lines))
                    if _SOLUTION_END.match(lines[i].rstrip("\n"))
                ),
                None,
            )
            if end is None:
                raise ValueError(
                    f"{source}, line {index + 1}: solution-start without solution-end"
                )
            index = _closing_fence(lines, end, fence) + 1
            while (
                kept
                and kept[-1].strip() == ""
                and index < len(lines)
                and lines[index].strip() == ""
            ):
                index += 1
            continue
        if cell:
            close = _closing_fence(lines, index, cell.group(1))
            options = [_TAGS.match(lines[i].strip()) for i in range(index + 1, close)]
            tags = {tag.strip() for match in options if match for tag in match.group(1).split(",")}
            if "solution" in tags:
                index = close + 1
                while index < len(lines) and lines[index].strip() == "":
                    index += 1
                continue
        kept.append(lines[index])
        index += 1
    stripped = _READER_ONLY.sub("", "".join(kept))
    for marker in LEAK_MARKERS:
        if marker in stripped:
            at = stripped[: stripped.index(marker)].count("\n") + 1
            raise ValueError(
                f"{source}, line {at}: {marker!r} is still there after stripping; "
                "write solutions as gated regions (solution-start ... "
                "solution-end) and tag solution-only cells 'solution'"
            )
    return stripped


def reader_only(text: str) -> bool:
    """Whether a page's front matter marks it ``book_edition: reader`` (instructors only)."""
    if not text.startswith("---\n"):
        return False
    front = yaml.safe_load(text[4 : text.index("\n---", 4)]) or {}
    return front.get("book_edition") == "reader"


def copy_into(root: Path, target: Path, name: str) -> None:
    """Copy the file or folder ``name`` from the book at ``root`` to the same place in ``target``."""
    source, destination = root / name, target / name
    destination.parent.mkdir(parents=True, exist_ok=True)
    if source.is_dir():
        shutil.copytree(source, destination)
    else:
        shutil.copy2(source, destination)


def toc_pages(toc: dict) -> list[str]:
    """Every page ``_toc.yml`` lists, root first, as paths without the ``.md`` suffix."""
    files = [toc["root"]]
    for part in toc.get("parts", []):
        files += [entry["file"] for entry in part.get("chapters", [])]
    return files


def stage(root: Path = ROOT, staging: Path = STAGING) -> list[Path]:
    """Copy the book to ``staging`` with solutions stripped; the chapter pages staged."""
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    for name in BOOK_FILES:
        copy_into(root, staging, name)
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    dropped = set()
    chapters = []
    for name in toc_pages(toc):
        text = (root / f"{name}.md").read_text(encoding="utf-8")
        if reader_only(text):
            dropped.add(name)
            continue
        target = staging / f"{name}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(strip_solutions(text, f"{name}.md"), encoding="utf-8")
        if name.startswith("chapters/"):
            chapters.append(target)
    for part in toc.get("parts", []):
        part["chapters"] = [e for e in part.get("chapters", []) if e["file"] not in dropped]
    toc["parts"] = [part for part in toc.get("parts", []) if part["chapters"]]
    (staging / "_toc.yml").write_text(yaml.safe_dump(toc, sort_keys=False), encoding="utf-8")
    config = yaml.safe_load((staging / "_config.yml").read_text(encoding="utf-8"))
    config["title"] = f"{config['title']} (student edition)"
    config.setdefault("sphinx", {}).setdefault("config", {})["hide_solutions"] = True
    (staging / "_config.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return chapters


def build(root: Path = ROOT) -> Path:
    """Stage, build the site and write the notebooks; returns ``_build/student``."""
    chapters = stage(root)
    subprocess.run(
        [
            str(Path(sys.executable).with_name("jupyter-book")),
            "build",
            "--warningiserror",
            "--keep-going",
            str(STAGING),
        ],
        check=True,
        cwd=root,
    )
    if OUTPUT.exists():
        shutil.rmtree(OUTPUT)
    shutil.copytree(STAGING / "_build" / "html", OUTPUT / "html")
    notebooks = OUTPUT / "notebooks"
    notebooks.mkdir(parents=True)
    for chapter in chapters:
        notebook = jupytext.read(chapter, fmt="md:myst")
        jupytext.write(notebook, notebooks / f"{chapter.stem}.ipynb")
    return OUTPUT


if __name__ == "__main__":
    print(f"student edition: {build()}")
