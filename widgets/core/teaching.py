"""The instructor guide's tables, read from the chapters themselves.

Each chapter states its learning goals once, in an admonition of class ``learning-goals`` at
its top, each goal naming the exercises that practise it (``{ref}`ex-...```); and each exercise
opens with its effort line, ``*Policy track · core · about N minutes*``: its track (``Policy``,
which needs no coding beyond moving sliders and calling functions the text shows, or
``Quantitative``), its level (``starter``, ``core`` or ``stretch``) and the minutes a student
needs.  This module reads those, so the guide never restates them and a new chapter appears in
the guide as soon as it has goals and exercises.  Exercises are numbered per chapter, "3.2" for
the second exercise of chapter 3, on the website (:mod:`booksite.exercise_numbers`) and in the
notebooks alike (:attr:`Exercise.number`).

Examples
--------
>>> page = ('# 9. A chapter\\n\\n:::{admonition} Learning goals\\n:class: learning-goals\\n'
...         '1. do a thing ({ref}`ex-9-a`).\\n:::\\n\\n:::{exercise-start} Do it\\n'
...         ':label: ex-9-a\\n:::\\n\\n*Policy track · core · about 10 minutes*\\n')
>>> teaching = read_chapter_text(page, "09-chapter.md")
>>> teaching.goals[0].exercises, teaching.exercises[0].minutes, teaching.exercises[0].number
(('ex-9-a',), 10, '9.1')
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
    r"\*(Policy|Quantitative) track · (starter|core|stretch) · about (\d+) minutes\*",
    re.M,
)
_ANY_EXERCISE = re.compile(r"^:::\{exercise-start\}.*\n:label:\s*(\S+)", re.M)
_TITLE = re.compile(r"^#\s+(.*)$", re.M)
_CHAPTER_NUMBER = re.compile(r"^(\d+)-")
#: The tracks and levels an effort line may name.
TRACKS = ("Policy", "Quantitative")
LEVELS = ("starter", "core", "stretch")


@dataclass(frozen=True)
class Goal:
    """A learning goal and the labels of the exercises that practise it."""

    text: str
    exercises: tuple[str, ...]


@dataclass(frozen=True)
class Exercise:
    """An exercise: label, title, number in its chapter ("3.2"), track, level and minutes.

    ``minutes`` is the time a student who has read the chapter once needs, an estimate.
    """

    label: str
    title: str
    number: str
    track: str
    level: str
    minutes: int


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
    chapter = _CHAPTER_NUMBER.match(Path(source).name)
    prefix = f"{int(chapter.group(1))}." if chapter else ""
    exercises = tuple(
        Exercise(label, name.strip(), f"{prefix}{number}", track, level, int(minutes))
        for number, (name, label, track, level, minutes) in enumerate(_EXERCISE.findall(text), 1)
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
                f"{source}: exercise {label} has no effort line under its title; write "
                f"'*<track> track · <level> · about N minutes*' with a track of {TRACKS} and "
                f"a level of {LEVELS}"
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
    """A Markdown table: each exercise with its number, goals, track, level and time."""
    goals_of = {
        exercise.label: [
            str(number)
            for number, goal in enumerate(chapter.goals, 1)
            if exercise.label in goal.exercises
        ]
        for exercise in chapter.exercises
    }
    rows = ["| Exercise | Goals | Track | Level | Time |", "|---|---|---|---|---|"]
    rows += [
        f"| {{ref}}`{exercise.label}`: {exercise.title} | "
        f"{', '.join(goals_of[exercise.label]) or '-'} | {exercise.track.lower()} | "
        f"{exercise.level} | about {exercise.minutes} min |"
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
