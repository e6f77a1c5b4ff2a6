"""The instructor guide's tables, read from the chapters themselves.

Each chapter states its learning goals once, in an admonition of class ``learning-goals`` at
its top, each goal naming the exercises that practise it (``{ref}`ex-...```); and each exercise
opens with its effort line, ``*About N minutes · core*`` (or ``stretch``).  This module reads
those, so the guide never restates them and a new chapter appears in the guide as soon as it
has goals and exercises.

Examples
--------
>>> page = ('# 9. A chapter\\n\\n:::{admonition} Learning goals\\n:class: learning-goals\\n'
...         '1. do a thing ({ref}`ex-9-a`).\\n:::\\n\\n:::{exercise-start} Do it\\n'
...         ':label: ex-9-a\\n:::\\n\\n*About 10 minutes · core*\\n')
>>> teaching = read_chapter_text(page, "09-chapter.md")
>>> teaching.goals[0].exercises, teaching.exercises[0].minutes
(('ex-9-a',), 10)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "ChapterTeaching",
    "Exercise",
    "Goal",
    "chapter_teaching",
    "glue_solutions",
    "goals_table",
    "read_chapter_text",
]

ROOT = Path(__file__).resolve().parents[2]
_GOALS = re.compile(
    r"^:::\{admonition\} Learning goals\n:class: learning-goals\n(.*?)^:::$", re.S | re.M
)
_GOAL = re.compile(r"^\d+\.\s+(.*)$", re.M)
_REF = re.compile(r"\{ref\}`([^`]+)`")
_EXERCISE = re.compile(
    r"^:::\{exercise-start\}\s*(.*?)\n:label:\s*(\S+)\n:::\n\n"
    r"\*About (\d+) minutes · (core|stretch)\*",
    re.M,
)
_ANY_EXERCISE = re.compile(r"^:::\{exercise-start\}.*\n:label:\s*(\S+)", re.M)
_TITLE = re.compile(r"^#\s+(.*)$", re.M)


@dataclass(frozen=True)
class Goal:
    """A learning goal and the labels of the exercises that practise it."""

    text: str
    exercises: tuple[str, ...]


@dataclass(frozen=True)
class Exercise:
    """An exercise: label, title, minutes a student needs (estimate), core or stretch."""

    label: str
    title: str
    minutes: int
    difficulty: str


@dataclass(frozen=True)
class ChapterTeaching:
    """What one chapter teaches and asks."""

    source: str
    title: str
    goals: tuple[Goal, ...]
    exercises: tuple[Exercise, ...]


def read_chapter_text(text: str, source: str) -> ChapterTeaching:
    """Goals and exercises of one chapter's MyST text.

    Raises
    ------
    ValueError
        If an exercise lacks its effort line, or a goal names an exercise the chapter does not
        have (the message names the file and the label).
    """
    title = _TITLE.search(text)
    block = _GOALS.search(text)
    exercises = tuple(
        Exercise(label, name.strip(), int(minutes), level)
        for name, label, minutes, level in _EXERCISE.findall(text)
    )
    titles = {exercise.label: exercise.title for exercise in exercises}
    goals = tuple(
        Goal(
            _REF.sub(lambda m: f"*{titles.get(m.group(1), m.group(1))}*", line).strip(),
            tuple(_REF.findall(line)),
        )
        for line in (_GOAL.findall(block.group(1)) if block else [])
    )
    labels = {exercise.label for exercise in exercises}
    for label in _ANY_EXERCISE.findall(text):
        if label not in labels:
            raise ValueError(
                f"{source}: exercise {label} has no effort line "
                "('*About N minutes · core*' or '· stretch*') under its title"
            )
    for goal in goals:
        for label in goal.exercises:
            if label not in labels:
                raise ValueError(
                    f"{source}: a learning goal names {label}, which is not an "
                    f"exercise of this chapter; exercises: {sorted(labels)}"
                )
    return ChapterTeaching(source, title.group(1).strip() if title else source, goals, exercises)


def chapter_teaching(root: Path = ROOT) -> list[ChapterTeaching]:
    """Every chapter under ``chapters/``, in file order."""
    return [
        read_chapter_text(path.read_text(encoding="utf-8"), path.name)
        for path in sorted((root / "chapters").glob("*.md"))
    ]


def goals_table(chapter: ChapterTeaching) -> str:
    """A Markdown table: each exercise with its goals, time and difficulty."""
    goals_of = {
        exercise.label: [
            str(number)
            for number, goal in enumerate(chapter.goals, 1)
            if exercise.label in goal.exercises
        ]
        for exercise in chapter.exercises
    }
    rows = ["| Exercise | Goals | Time | Difficulty |", "|---|---|---|---|"]
    rows += [
        f"| {{ref}}`{exercise.label}`: {exercise.title} | "
        f"{', '.join(goals_of[exercise.label]) or '-'} | "
        f"about {exercise.minutes} min | {exercise.difficulty} |"
        for exercise in chapter.exercises
    ]
    return "\n".join(rows)


def glue_solutions(*models: str) -> None:
    """Glue the solution figures of each model named (of every chapter if none): ``<model>_sol_``.

    A chapter calls it in its cell tagged ``solution``, which the student edition drops; the
    instructor guide calls it with no model, for the rubrics of every chapter.  Only the named
    models' solutions are imported.  Where the ``solutions`` package is not installed (the
    students' environment: Binder, ``binder/requirements.txt``), it says so and glues nothing.

    Raises
    ------
    ValueError
        If a name is not one of ``chipcontrols.CHAPTER_MODELS``.
    """
    import importlib

    from chipcontrols import CHAPTER_MODELS
    from widgets.core.glue import glue_all

    unknown = [model for model in models if model not in CHAPTER_MODELS]
    if unknown:
        raise ValueError(f"no chapter model {unknown}; the models are {CHAPTER_MODELS}")
    for model in models or CHAPTER_MODELS:
        try:
            solutions = importlib.import_module(f"solutions.{model}")
        except ModuleNotFoundError as missing:
            if missing.name not in ("solutions", f"solutions.{model}"):
                raise
            print("The worked solutions are not installed in this environment.")
            return
        glue_all(f"{model}_sol", solutions.solution_figures())
