"""Learning goals and exercise effort: stated once in each chapter, complete, and read right."""

from __future__ import annotations

import pytest

from widgets.core.teaching import chapter_teaching, glue_solutions, goals_table, read_chapter_text

CHAPTERS = chapter_teaching()


@pytest.mark.parametrize("chapter", [c for c in CHAPTERS if c.exercises], ids=lambda c: c.source)
def test_a_chapter_with_exercises_opens_with_goals_that_cover_every_exercise(chapter):
    assert chapter.goals, f"{chapter.source} has exercises but no learning goals"
    practised = {label for goal in chapter.goals for label in goal.exercises}
    assert practised == {exercise.label for exercise in chapter.exercises}
    assert all(goal.exercises for goal in chapter.goals)


def test_chapter_1_has_six_exercises_with_effort_and_five_goals():
    chapter = CHAPTERS[0]
    assert len(chapter.exercises) == 6 and len(chapter.goals) == 5
    assert {e.difficulty for e in chapter.exercises} == {"core", "stretch"}
    assert goals_table(chapter).count("\n| {ref}`ex-ch1-") == 6
    assert "*Classify a chip from its datasheet*" in chapter.goals[1].text


def test_an_exercise_without_its_effort_line_is_an_error():
    page = ":::{exercise-start} Do it\n:label: ex-9-a\n:::\n\nNo effort line.\n"
    with pytest.raises(ValueError, match="ex-9-a has no effort line"):
        read_chapter_text(page, "09.md")


def test_a_goal_naming_a_missing_exercise_is_an_error():
    page = (
        ":::{admonition} Learning goals\n:class: learning-goals\n"
        "1. do a thing ({ref}`ex-9-missing`).\n:::\n"
    )
    with pytest.raises(ValueError, match="ex-9-missing"):
        read_chapter_text(page, "09.md")


def test_glue_solutions_refuses_a_name_that_is_no_chapter_model():
    with pytest.raises(ValueError, match="no chapter model"):
        glue_solutions("coalitions")
