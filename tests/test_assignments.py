"""The otter-grader assignments grade as an instructor needs them to, run locally (no Docker).

``make assignments`` writes each assignment under ``_build/assignments/``.  Three notebooks are
graded with its autograder: the solved master with another student's id (full marks), the
student notebook untouched (no marks for any autograded question), and the solved notebook with
exactly one answer wrong (exactly that question's points lost).  The student notebook must hold
no solution line and no hidden test of the master, and every variant must be its student's own.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import assignments  # noqa: E402

from chipcontrols.exercises.variants import chapter1_variant  # noqa: E402

BUILT = assignments.OUTPUT / "ch1-decision"
pytestmark = pytest.mark.skipif(not (BUILT / "student").is_dir(),
                                reason="needs the assignments: run `make assignments`")
OTHER_STUDENT = "s7654321"


def _points(master: Path) -> dict[str, float]:
    """Points of each autograded question, read from the master's question headers."""
    text = master.read_text(encoding="utf-8")
    points = {}
    for header in re.findall(r"# BEGIN QUESTION\n(.*?)```", text, re.S):
        fields = dict(line.split(": ", 1) for line in header.strip().splitlines())
        if fields.get("manual") != "true":
            points[fields["name"]] = float(fields["points"])
    return points


POINTS = _points(ROOT / "assignments" / "ch1-decision.md")


def _solved(tmp_path: Path, name: str, edit=None) -> Path:
    notebook = nbformat.read(BUILT / "autograder" / "ch1-decision.ipynb", as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code" and cell.source.startswith("student_id ="):
            cell.source = f'student_id = "{OTHER_STUDENT}"'
        if edit and cell.cell_type == "code":
            cell.source = edit(cell.source)
    path = tmp_path / name / "ch1-decision.ipynb"
    path.parent.mkdir()
    nbformat.write(notebook, path)
    return path


@lru_cache(maxsize=None)
def _grade(path: Path) -> dict[str, float]:
    return assignments.grade(path, assignments.autograder_zip(BUILT))


def test_a_solved_notebook_earns_full_marks(tmp_path):
    assert _grade(_solved(tmp_path, "solved")) == POINTS


def test_an_untouched_notebook_earns_nothing():
    scores = _grade(BUILT / "student" / "ch1-decision.ipynb")
    assert set(scores) == set(POINTS) and sum(scores.values()) == 0


def test_one_wrong_answer_loses_exactly_that_question(tmp_path):
    wrong = _solved(tmp_path, "one-wrong", lambda source: source.replace(
        "my_volume = limits[my_binding]", "my_volume = limits[my_binding] + 0.1"))
    scores = _grade(wrong)
    assert scores == {**POINTS, "q4": 0.0}


def test_student_notebook_holds_no_solution_and_no_hidden_test():
    master = (ROOT / "assignments" / "ch1-decision.md").read_text(encoding="utf-8")
    secrets = set(re.findall(r"^(.*\S)\s+# SOLUTION$", master, re.M))
    for block in re.findall(r"^ +# BEGIN SOLUTION\n(.*?)^ +# END SOLUTION", master, re.S | re.M):
        secrets |= {line.strip() for line in block.splitlines() if line.strip()}
    for answer in re.findall(r"^\*\*SOLUTION:\*\*(.*?)\n\n", master, re.S | re.M):
        secrets |= {line.strip() for line in answer.splitlines() if len(line.strip()) > 12}
    for cell in re.findall(r"^```\{code-cell\}[^\n]*\n(.*?)^```$", master, re.S | re.M):
        if "hidden: true" in cell:
            body = cell.split("# END TEST CONFIG", 1)[1]
            secrets |= {line.strip() for line in body.splitlines() if len(line.strip()) > 12}
    assert len(secrets) >= 12
    student = (BUILT / "student" / "ch1-decision.ipynb").read_text(encoding="utf-8")
    found = [secret for secret in secrets if secret in student.replace("\\n", "\n")
             or secret.replace('"', '\\"') in student]
    assert not found


def test_variants_are_per_student_and_reproducible():
    ids = [f"s{number:07d}" for number in range(200)]
    variants = [chapter1_variant(student) for student in ids]
    assert len({(v.chip, tuple(v.scenario.items())) for v in variants}) == len(ids)
    assert chapter1_variant(" s0000001 ") == variants[1]
    with pytest.raises(ValueError, match="student_id"):
        chapter1_variant(...)
