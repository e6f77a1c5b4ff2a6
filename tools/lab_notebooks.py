"""Write each chapter as the notebook a student opens in JupyterLab: ``chapters/<name>.ipynb``.

Binder's launch button opens ``chapters/<name>.ipynb``; ``binder/postBuild`` writes these files
when Binder builds the image, and ``make lab`` writes them before it starts JupyterLab.  They are
generated, never committed (``.gitignore``), and the website does not read them
(``_config.yml`` excludes them).  For each chapter in ``_toc.yml``:

1. the student edition of the page (:func:`student_edition.strip_solutions`): the Binder
   environment has no worked solutions, and a student's notebook must not contain them;
2. read by jupytext as a MyST notebook;
3. run once, top to bottom, in a fresh kernel started in ``chapters/``
   (:func:`notebooks.run_in_folder`), to collect every value the chapter glues, as MyST-NB does
   when it builds the website; a cell that raises stops the script;
4. every Markdown cell resolved (:func:`lab_markdown.resolve`): numbers, formulas, citations,
   cross-references and exercise headings as the web page shows them, and a "References" cell
   at the end;
5. the cells the website removes or folds (tags ``remove-cell``, ``hide-input`` ...) collapsed
   in JupyterLab (``jupyter.source_hidden`` / ``outputs_hidden``), so a student reads the
   chapter's title and question first, not its set-up code;
6. written without outputs: the student runs it.

``python tools/lab_notebooks.py [chapters/03-allied-risk.md ...]`` prints one line per chapter.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import time
from pathlib import Path

import jupytext
import nbformat
from lab_markdown import (
    bibliography,
    cited_in,
    exercise_label,
    labels_in,
    reference_list,
    resolve,
)
from notebooks import ROOT, chapter_paths, run_in_folder
from student_edition import strip_solutions

from widgets.core.stage import BUILD_ENV
from widgets.core.teaching import chapter_teaching

#: The MIME prefix of a value glued with ``display=False`` (MyST-NB's ``GLUE_PREFIX``).
GLUE_PREFIX = "application/papermill.record/"
#: What JupyterLab collapses, for each tag with which the website removes or folds a part.
COLLAPSED = {
    "remove-cell": ("source_hidden", "outputs_hidden"),
    "hide-cell": ("source_hidden", "outputs_hidden"),
    "remove-input": ("source_hidden",),
    "hide-input": ("source_hidden",),
    "remove-output": ("outputs_hidden",),
    "hide-output": ("outputs_hidden",),
}


def glued_values(notebook: nbformat.NotebookNode) -> dict[str, dict[str, str]]:
    """Every value an executed notebook glued, by key: its MIME bundle without the glue prefix."""
    glued = {}
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            name = output.get("metadata", {}).get("scrapbook", {}).get("name")
            if name:
                glued[name] = {
                    mime.removeprefix(GLUE_PREFIX): data for mime, data in output["data"].items()
                }
    return glued


def collapse(cell: nbformat.NotebookNode) -> None:
    """Collapse what the website hides of ``cell``, as :data:`COLLAPSED` says."""
    for tag in cell.metadata.get("tags", []):
        for part in COLLAPSED.get(tag, ()):
            cell.metadata.setdefault("jupyter", {})[part] = True


@functools.cache
def book_labels(root: Path = ROOT) -> dict[str, str]:
    """What each bare ``{ref}`label``` shows, over every chapter and appendix page.

    The exercises' labels and titles are the instructor guide's
    (:func:`widgets.core.teaching.chapter_teaching`); the headings' are read here.
    """
    labels: dict[str, str] = {}
    for page in sorted((root / "chapters").glob("*.md")) + sorted(root.glob("appendix/*.md")):
        labels.update(labels_in(page.read_text(encoding="utf-8")))
    for chapter in chapter_teaching(root):
        labels.update((e.label, exercise_label(e.number)) for e in chapter.exercises)
    return labels


@functools.cache
def book_bibliography(root: Path = ROOT) -> dict:
    """``references.bib``, read once for all the chapters a run writes."""
    return bibliography(root / "references.bib")


def lab_notebook(path: Path, root: Path = ROOT) -> nbformat.NotebookNode:
    """The chapter at ``path`` as the notebook a student opens (steps 1-6 of this module).

    Raises
    ------
    nbclient.exceptions.CellExecutionError
        If a cell raises when the chapter runs.
    KeyError
        If a glue key, citation or label in the chapter cannot be resolved.
    """
    page = path.relative_to(root).as_posix()
    text = strip_solutions(path.read_text(encoding="utf-8"), page)
    notebook = jupytext.reads(text, fmt="md:myst")
    executed = nbformat.from_dict(notebook)
    os.environ[BUILD_ENV] = "notebook"  # the kernel glues its values (widgets.core.glue)
    run_in_folder(executed, path.parent)
    glued, references, labels = glued_values(executed), book_bibliography(root), book_labels(root)
    cited = cited_in([cell.source for cell in notebook.cells if cell.cell_type == "markdown"])
    numbers = {
        exercise.title: exercise.number
        for chapter in chapter_teaching(root)
        if chapter.source == path.name
        for exercise in chapter.exercises
    }
    cells = []
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            cell.source = resolve(cell.source, glued, references, labels, page, numbers)
            if not cell.source:
                continue
        else:
            collapse(cell)
        cells.append(cell)
    if cited:
        cells.append(nbformat.v4.new_markdown_cell(reference_list(cited, references)))
    notebook.cells = cells
    notebook.metadata.pop("jupytext", None)
    return notebook


def write(path: Path, root: Path = ROOT) -> Path:
    """Write ``chapters/<name>.ipynb`` next to the chapter ``path``; return its path."""
    target = path.with_suffix(".ipynb")
    nbformat.validate(notebook := lab_notebook(path, root))
    nbformat.write(notebook, target)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="chapters (default: all in _toc.yml)")
    paths = parser.parse_args(argv).paths or chapter_paths()
    for path in paths:
        start = time.perf_counter()
        target = write(path.resolve())
        seconds = time.perf_counter() - start
        print(f"{target.relative_to(ROOT)}: written in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
