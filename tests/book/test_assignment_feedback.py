"""Assignments that teach: public tests that say whether an answer is right, stated rules.

Read from each assignment's source (``assignments/*.md``, otter-grader's format):

* every autograded question has a public test that checks correctness on at least one case,
  not only the answer's type or sign;
* the notebook says what use of the ``chipcontrols`` package is allowed;
* every question graded by hand asks for the reasoning behind its answer.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ASSIGNMENTS = sorted((ROOT / "assignments").glob("*.md"))
_QUESTION = re.compile(r"# BEGIN QUESTION\n(.*?)# END QUESTION", re.S)
_TESTS = re.compile(r"# BEGIN TESTS\n(.*?)# END TESTS", re.S)
_TEST_CELL = re.compile(r"```\{code-cell\}[^\n]*\n(.*?)```", re.S)
#: What checks a value: a comparison with a number, a tolerance or a check's verdict.
_VALUE = re.compile(r"abs\(|isclose|allclose|\.correct|==\s*[\"'\w(-]|approx\(")


def questions(path: Path) -> list[str]:
    return _QUESTION.findall(path.read_text(encoding="utf-8"))


def public_tests(question: str) -> list[str]:
    tests = _TESTS.search(question)
    cells = _TEST_CELL.findall(tests.group(1)) if tests else []
    return [cell for cell in cells if not re.search(r"^hidden:\s*true", cell, re.M)]


def gives_correctness_feedback(test: str) -> bool:
    """Whether a public test checks a value, not only the answer's kind.

    >>> gives_correctness_feedback("assert isinstance(x, float)")
    False
    >>> gives_correctness_feedback("assert callable(f) and abs(f(0.3, 1.0, 0.0) - 0.3) < 1e-9")
    True
    """
    body = re.sub(r'""" # BEGIN TEST CONFIG.*?""" # END TEST CONFIG', "", test, flags=re.S)
    return _VALUE.search(body) is not None


@pytest.mark.parametrize("path", ASSIGNMENTS, ids=lambda path: path.stem)
def test_every_autograded_question_has_a_public_test_of_correctness(path):
    lacking = []
    for question in questions(path):
        if re.search(r"^manual:\s*true", question, re.M):
            continue
        name = re.search(r"^name:\s*(\S+)", question, re.M).group(1)
        if not any(map(gives_correctness_feedback, public_tests(question))):
            lacking.append(name)
    assert not lacking, f"{path.name}: public tests check only type or sign in {lacking}"


@pytest.mark.parametrize("path", ASSIGNMENTS, ids=lambda path: path.stem)
def test_the_notebook_says_what_use_of_the_package_is_allowed(path):
    text = path.read_text(encoding="utf-8")
    assert re.search(r"What you may use", text), f"{path.name}: no 'What you may use' paragraph"
    assert "chipcontrols" in text.split("What you may use", 1)[1][:800]


@pytest.mark.parametrize("path", ASSIGNMENTS, ids=lambda path: path.stem)
def test_written_questions_ask_for_reasoning(path):
    lacking = []
    for question in questions(path):
        if not re.search(r"^manual:\s*true", question, re.M):
            continue
        prompt = question.split("# BEGIN SOLUTION", 1)[0]
        if not re.search(r"\b(why|reason|reasoning|explain|justify)\b", prompt, re.I):
            lacking.append(re.search(r"^name:\s*(\S+)", question, re.M).group(1))
    assert not lacking, f"{path.name}: written questions that do not ask why: {lacking}"
