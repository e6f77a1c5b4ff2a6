"""Chapter 5's solution figures against hand arithmetic (models.md §7 and the issue's values)."""

from __future__ import annotations

import math

import pytest

from chipcontrols import hedging
from solutions import hedging as ch5_solutions

SOL = ch5_solutions.solution_figures()
PROSE = hedging.prose.prose_figures()


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("cal_share", 400_000 / 2_000_000),
        ("cal_beta", 0.8 - 0.16),
        ("cal_p", 0.6 / 0.4),
        ("cal_k", 4.0),
        ("cal_a", 1.36),
        ("cal_l", 0.6 / 0.16),
        ("cal_beta_at_p_max", 0.8 - 2 * 0.9 * 0.2),
        ("par_s_low", 0.75),
        ("par_s_high", 0.375),
        ("par_leverage_low", 0.5625),
        ("par_leverage_high", 0.140625),
        ("par_ratio", 4.0),
        ("par_p_bar", 0.3),
        ("par_slope_at_default", -(0.6**2) / (2 * 0.4**3)),
        ("levy_tau_star", 0.375),
        ("levy_prohibitive", 0.75),
        ("levy_peak", 0.5),
        ("levy_treasury_now", 0.25 * 54 * 0.25),
        ("levy_treasury_peak", 0.5 * 54 * 0.25),
        ("pair_cap", 0.25),
        ("pair_switch", 3.0),
        ("pair_grid_k", 4.0),
        ("pair_grid_share", 0.2),
        ("rec_compute_share", 0.36 / 1.16),
        ("rec_spending_share", 0.6 / 1.32),
        ("rec_delivered_percent", 100 * 20_000 / 2_000_000),
        ("exit_t_exit", math.log(4) / 0.5),
        ("exit_rate_low_years", math.log(4) / 2),
        ("exit_rate_high_years", math.log(4) / 3),
        ("exit_exit_advantage", 1.2),
        ("memo_beijing_payoff_free", 1.2 + 0.6 * 0.75 - 0.4 * 0.75**2),
        ("memo_beijing_payoff_k4", 1.2 + 0.6 * 0.2 - 0.4 * 0.2**2),
        # an assurance (p = 0.2) with the cap lifted: a = 1.6, s = min(0.4 / 0.4, 1) = 1
        ("memo_us_treasury_assured", 0.25 * 54 * 1.0),
        ("memo_us_treasury_feared", 0.25 * 54 * (0.4 / 1.6)),
    ],
)
def test_solution_figures_by_hand(key, expected):
    assert SOL[key] == pytest.approx(expected)


def test_verdicts_and_bindings_are_words():
    assert SOL["levy_verdict"] == "below"
    assert SOL["pair_below_binding"] == "Washington's cap"
    assert SOL["pair_grid_binding"] == "Beijing's pairing rule"


def test_rubric_totals_add_up():
    assert SOL["memo_rubric_total"] == sum(ch5_solutions.MEMO_RUBRIC.values())
    assert SOL["memo_paradox_rubric_total"] == sum(ch5_solutions.PARADOX_RUBRIC.values())


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("january_share", 0.2),
        ("s_star", 0.75),
        ("s_default", 0.25),
        ("p_bar", 0.3),
        ("s_star_doubled_p", 0.375),
        ("later_share", 10 * 75_000 / 2_000_000),
        ("later_cutoff_probability", (0.8 - 0.64) / (2 * 0.375)),
        ("later_cutoff_loss", (0.8 - 0.64) / (2 * 0.4 * 0.375)),
        ("grid_pairing_ratio", 4.0),
        ("per_chip_ratio", 989.5 / 800),
        ("leverage_january", 0.2**2),
        ("leverage_capped", 0.25**2),
        ("substrate_spending_share", 0.6 / (1.8 * 0.4 + 0.6)),
        ("link_default_approvals", 1.5),
        ("link_january_approvals", 0.4),
        ("exit_year", 2026 + math.log(4) / 0.5),
    ],
)
def test_prose_figures_by_hand(key, expected):
    assert PROSE[key] == pytest.approx(expected)
