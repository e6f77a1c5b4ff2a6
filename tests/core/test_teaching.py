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


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.source)
def test_every_chapter_offers_a_policy_track_with_a_core_exercise(chapter):
    policy = [e for e in chapter.exercises if e.track == "Policy"]
    assert len(policy) >= 2, f"{chapter.source}: policy track has {len(policy)} exercise(s)"
    assert any(e.level == "core" for e in policy), f"{chapter.source}: no core policy exercise"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.source)
def test_exercises_are_numbered_within_their_chapter(chapter):
    number = int(chapter.source[:2])
    assert [e.number for e in chapter.exercises] == [
        f"{number}.{k}" for k in range(1, len(chapter.exercises) + 1)
    ]
    assert goals_table(chapter).count("\n| {ref}`ex-") == len(chapter.exercises)


def test_an_exercise_without_its_effort_line_is_an_error():
    page = ":::{exercise-start} Do it\n:label: ex-9-a\n:::\n\nNo effort line.\n"
    with pytest.raises(ValueError, match="ex-9-a has no effort line"):
        read_chapter_text(page, "09.md")
    old_form = page.replace("No effort line.", "*About 10 minutes · core*")
    with pytest.raises(ValueError, match="track"):
        read_chapter_text(old_form, "09.md")


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
