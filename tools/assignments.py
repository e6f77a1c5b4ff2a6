"""Build the otter-grader assignments and grade notebooks with them, locally (no Docker).

Each ``assignments/<name>.md`` is a master notebook in otter's format, kept as MyST text so it
reviews like the chapters.  :func:`assign` converts it to ``.ipynb`` and runs ``otter assign``,
which writes, under ``_build/assignments/<name>/``,

- ``student/<name>.ipynb``: the notebook students get, with solutions and hidden tests removed;
- ``autograder/<name>.ipynb`` (the solved master) and ``autograder/<name>-autograder_*.zip``,
  the autograder the instructor runs (``otter run``) or uploads to Gradescope.

``otter assign`` also runs the solved master against every test and fails unless it earns full
marks.  :func:`grade` runs ``otter run`` on one notebook and returns each question's score.
``python tools/assignments.py`` (or ``make assignments``) builds every assignment.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import jupytext
import nbformat

ROOT = Path(__file__).resolve().parents[1]
MASTERS = ROOT / "assignments"
OUTPUT = ROOT / "_build" / "assignments"


def _otter() -> str:
    return str(Path(sys.executable).with_name("otter"))


def masters() -> list[Path]:
    """Every master notebook, one per chapter that has an assignment."""
    return sorted(MASTERS.glob("*.md"))


def assign(master: Path, output: Path = OUTPUT) -> Path:
    """Run ``otter assign`` on one master; returns its output folder."""
    target = output / master.stem
    source = output / "masters" / f"{master.stem}.ipynb"
    source.parent.mkdir(parents=True, exist_ok=True)
    notebook = jupytext.read(master, fmt="md:myst")
    notebook.metadata.pop("jupytext", None)
    # The front matter's grading check names a solution line: it is for the tests, not students.
    notebook.metadata.pop("h200_grading_check", None)
    nbformat.write(notebook, source)
    subprocess.run(
        [_otter(), "assign", "--no-pdfs", str(source), str(target)], check=True, cwd=ROOT
    )
    return target


def autograder_zip(folder: Path) -> Path:
    """The autograder zip ``otter assign`` wrote into ``folder``."""
    zips = sorted((folder / "autograder").glob("*-autograder_*.zip"))
    if len(zips) != 1:
        raise FileNotFoundError(f"{folder}: expected one autograder zip, found {len(zips)}")
    return zips[0]


def grade(notebook: Path, zip_path: Path) -> dict[str, float]:
    """Grade one notebook with ``otter run`` (no Docker): question name -> points earned.

    Only autograded questions appear; manually graded ones are left to the instructor.
    """
    with tempfile.TemporaryDirectory() as results:
        subprocess.run(
            [_otter(), "run", "-a", str(zip_path), "-o", results, "--no-logo", str(notebook)],
            check=True,
            capture_output=True,
        )
        report = json.loads((Path(results) / "results.json").read_text(encoding="utf-8"))
    scores: dict[str, float] = {}
    for test in report["tests"]:
        if test.get("score") is None:
            continue
        question = test["name"].split(" ")[0]
        scores[question] = scores.get(question, 0.0) + float(test["score"])
    return scores


def main() -> int:
    for master in masters():
        folder = assign(master)
        print(
            f"{master.name}: {folder / 'student' / (master.stem + '.ipynb')}, "
            f"{autograder_zip(folder).name}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
