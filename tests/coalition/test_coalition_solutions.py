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
    # Tokyo Electron's quarterly shares 38.6 and 31.8% (the file), S = 1.5, zeta = 0.22.
    assert solutions["thr_q_1"] == pytest.approx(0.386 / 1.5)
    assert solutions["thr_q_2"] == pytest.approx(0.318 / 1.5)
    assert solutions["thr_q_1_beta"] == pytest.approx((0.386 - 0.33) / (1.5 * 0.56))
    assert solutions["thr_q_2_beta"] == pytest.approx((0.318 - 0.33) / (1.5 * 0.56))
    assert solutions["thr_regime_2_beta_is_control"] == 1.0
    assert solutions["thr_control_count_beta"] == 1.0


def test_seed_and_spread_solutions_by_hand(solutions):
    assert solutions["seed_uniform_tip"] == pytest.approx(0.16 / 0.56)
    assert 0.3 < solutions["seed_normal_seed"] < 0.4  # between the lowest threshold zone and μ
    assert (
        solutions["seed_named_seed"] == "US toolmakers and US chipmakers and Korean memory makers"
    )
    assert solutions["seed_named_weight"] > solutions["seed_unbound_weight"]
    assert solutions["spr_narrow_z"] == pytest.approx(-0.12 / 0.10)
    assert solutions["spr_wide_z"] == pytest.approx(-0.12 / 0.15)
    assert (
        solutions["spr_narrow_outcome"] == "holds" and solutions["spr_wide_outcome"] == "unravels"
    )
    assert solutions["memo_asml_q"] == pytest.approx((0.20 - 0.125) / (1.25 * 0.8))
    assert solutions["memo_league_final"] == pytest.approx(0.21)


def test_data_solutions_by_hand(solutions):
    assert solutions["data_amat_total"] == pytest.approx(8.5 / 0.30)
    assert solutions["data_tel_fy2025_mean"] == pytest.approx((49.9 + 41.3 + 42.7 + 34.3) / 4)
    assert solutions["data_asml_2023_gap"] == pytest.approx(29.0 - 26.3)


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
