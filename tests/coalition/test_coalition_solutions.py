"""Chapter 3's solution numbers: hand-checked, and every glued key the text cites exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from chipcontrols import coalition
from solutions import coalition as ch3_solutions

ROOT = Path(__file__).resolve().parents[2]
CHAPTER = ROOT / "chapters" / "03-allied-risk.md"
RUBRIC = ROOT / "appendix" / "rubrics" / "ch3.md"


@pytest.fixture(scope="module")
def solutions():
    return ch3_solutions.solution_figures()


def test_threshold_solutions_by_hand(solutions):
    assert solutions["thr_q_2025"] == pytest.approx(0.33)
    assert solutions["thr_q_2025_beta"] == pytest.approx((0.33 - 0.2) / (1 - 0.4))
    assert solutions["thr_q_2026_guided_beta"] == pytest.approx(0.0, abs=1e-12)
    assert solutions["thr_q_2026_reported_beta"] == pytest.approx((0.19 - 0.2) / 0.6)
    assert solutions["thr_regime_2026_reported_beta_is_control"] == 1.0


def test_seed_and_spread_solutions_by_hand(solutions):
    assert solutions["seed_uniform_tip"] == pytest.approx(0.05 / 0.5)
    assert 0.19 < solutions["seed_normal_seed"] < 0.2  # just below the 0.2 seed that flips
    assert solutions["seed_named_seed"] == "US toolmakers and US chipmakers"
    assert solutions["seed_named_round3_share"] == pytest.approx(1.0)
    assert solutions["spr_narrow_z"] == pytest.approx(-1.25)
    assert solutions["spr_wide_z"] == pytest.approx(-0.1 / 0.12)
    assert (
        solutions["spr_narrow_outcome"] == "holds" and solutions["spr_wide_outcome"] == "unravels"
    )


def test_data_solutions_by_hand(solutions):
    assert solutions["data_amat_total"] == pytest.approx(8.5 / 0.30)
    assert solutions["data_tel_fy2025_mean"] == pytest.approx((49.9 + 41.3 + 42.7 + 34.3) / 4)


def test_rubric_points_add_up(solutions):
    assert solutions["memo_rubric_total"] == sum(ch3_solutions.MEMO_RUBRIC.values())
    assert solutions["hunt_rubric_total"] == sum(ch3_solutions.STAGHUNT_RUBRIC.values())


def _keys(text: str, prefix: str) -> set[str]:
    return set(re.findall(rf"\{{glue:(?:text|md)\}}`{prefix}_([a-z0-9_]+?)(?::[^`]*)?`", text))


def test_every_solution_key_the_chapter_and_rubric_cite_exists(solutions):
    cited = _keys(CHAPTER.read_text(encoding="utf-8"), "coalition_sol") | _keys(
        RUBRIC.read_text(encoding="utf-8"), "coalition_sol"
    )
    assert cited and cited <= set(solutions)


def test_every_prose_key_the_chapter_cites_exists():
    text = CHAPTER.read_text(encoding="utf-8")
    other_groups = ("ex_", "eq_", "param_", "sol_")
    prose = {key for key in _keys(text, "coalition") if not key.startswith(other_groups)}
    assert prose <= set(coalition.prose.prose_figures())
    assert _keys(text, "coalition_ex") <= set(coalition.prose.exercise_figures())


def test_the_student_edition_never_needs_the_solutions_module():
    text = CHAPTER.read_text(encoding="utf-8")
    imports = [m.start() for m in re.finditer(r"glue_solutions|(?:from|import) solutions\b", text)]
    solution_cell = text.index(":tags: [remove-cell, solution]")
    assert imports and all(solution_cell < position < solution_cell + 400 for position in imports)
