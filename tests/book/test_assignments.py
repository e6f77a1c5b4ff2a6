"""The otter-grader assignments grade as an instructor needs them to, run locally (no Docker).

``make assignments`` writes each assignment under ``_build/assignments/``.  For every master
notebook in ``assignments/``, three notebooks are graded with its autograder: the solved master
with another student's id (full marks), the student notebook untouched (no marks for any
autograded question), and the solved notebook with exactly one answer wrong (exactly that
question's points lost; the master's front matter names the edit, ``h200_grading_check``).  The
student notebook must hold no solution line and no hidden test of the master.
"""

from __future__ import annotations

import re
import sys
from functools import cache
from pathlib import Path

import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import assignments  # noqa: E402
from chipcontrols.ledger.variants import chapter1_variant  # noqa: E402

MASTERS = assignments.masters()
pytestmark = pytest.mark.skipif(
    not assignments.OUTPUT.is_dir(), reason="needs the assignments: run `make assignments`"
)
OTHER_STUDENT = "s7654321"


def _front_matter(master: Path) -> dict:
    text = master.read_text(encoding="utf-8")
    match = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    return yaml.safe_load(match.group(1)) if match else {}


def _points(master: Path) -> dict[str, float]:
    """Points of each autograded question, read from the master's question headers."""
    text = master.read_text(encoding="utf-8")
    points = {}
    for header in re.findall(r"# BEGIN QUESTION\n(.*?)```", text, re.S):
        fields = dict(line.split(": ", 1) for line in header.strip().splitlines())
        if fields.get("manual") != "true":
            points[fields["name"]] = float(fields["points"])
    return points


def _built(master: Path) -> Path:
    return assignments.OUTPUT / master.stem


def _solved(master: Path, tmp_path: Path, name: str, edit=None) -> Path:
    notebook = nbformat.read(_built(master) / "autograder" / f"{master.stem}.ipynb", as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code" and cell.source.startswith("student_id ="):
            cell.source = f'student_id = "{OTHER_STUDENT}"'
        if edit and cell.cell_type == "code":
            cell.source = edit(cell.source)
    path = tmp_path / name / f"{master.stem}.ipynb"
    path.parent.mkdir()
    nbformat.write(notebook, path)
    return path


@cache
def _grade(path: Path, master: Path) -> dict[str, float]:
    return assignments.grade(path, assignments.autograder_zip(_built(master)))


def test_every_chapter_with_exercises_has_an_assignment():
    chapters = sorted(
        path.stem
        for path in (ROOT / "chapters").glob("*.md")
        if ":::{exercise-start}" in path.read_text(encoding="utf-8")
    )
    assert [f"ch{stem.lstrip('0')}" for stem in chapters] == [master.stem for master in MASTERS]


@pytest.mark.parametrize("master", MASTERS, ids=lambda path: path.stem)
def test_a_solved_notebook_earns_full_marks(master, tmp_path):
    assert _grade(_solved(master, tmp_path, "solved"), master) == _points(master)


@pytest.mark.parametrize("master", MASTERS, ids=lambda path: path.stem)
def test_an_untouched_notebook_earns_nothing(master):
    scores = _grade(_built(master) / "student" / f"{master.stem}.ipynb", master)
    assert set(scores) == set(_points(master)) and sum(scores.values()) == 0


@pytest.mark.parametrize("master", MASTERS, ids=lambda path: path.stem)
def test_one_wrong_answer_loses_exactly_that_question(master, tmp_path):
    check = _front_matter(master)["h200_grading_check"]
    solved = nbformat.read(_built(master) / "autograder" / f"{master.stem}.ipynb", as_version=4)
    assert any(check["replace"] in cell.source for cell in solved.cells), check  # the edit bites
    wrong = _solved(
        master,
        tmp_path,
        "one-wrong",
        lambda source: source.replace(check["replace"], check["with"]),
    )
    assert _grade(wrong, master) == {**_points(master), check["question"]: 0.0}


@pytest.mark.parametrize("master", MASTERS, ids=lambda path: path.stem)
def test_student_notebook_holds_no_solution_and_no_hidden_test(master):
    text = master.read_text(encoding="utf-8")
    secrets = set(re.findall(r"^(.*\S)\s+# SOLUTION$", text, re.M))
    for block in re.findall(r"^ +# BEGIN SOLUTION\n(.*?)^ +# END SOLUTION", text, re.S | re.M):
        secrets |= {line.strip() for line in block.splitlines() if line.strip()}
    for answer in re.findall(r"^\*\*SOLUTION:\*\*(.*?)\n\n", text, re.S | re.M):
        secrets |= {line.strip() for line in answer.splitlines() if len(line.strip()) > 12}
    for cell in re.findall(r"^```\{code-cell\}[^\n]*\n(.*?)^```$", text, re.S | re.M):
        if "hidden: true" in cell:
            body = cell.split("# END TEST CONFIG", 1)[1]
            # An import names a check the public tests may call too; it gives nothing away.
            secrets |= {
                line.strip()
                for line in body.splitlines()
                if len(line.strip()) > 12 and not line.strip().startswith(("from ", "import "))
            }
    assert len(secrets) >= 12
    student = (_built(master) / "student" / f"{master.stem}.ipynb").read_text(encoding="utf-8")
    found = [
        secret
        for secret in secrets
        if secret in student.replace("\\n", "\n") or secret.replace('"', '\\"') in student
    ]
    assert not found


def test_chapter_1_variants_are_per_student_and_reproducible():
    ids = [f"s{number:07d}" for number in range(200)]
    variants = [chapter1_variant(student) for student in ids]
    assert len({(v.chip, tuple(v.scenario.items())) for v in variants}) == len(ids)
    assert chapter1_variant(" s0000001 ") == variants[1]
    with pytest.raises(ValueError, match="student_id"):
        chapter1_variant(...)
