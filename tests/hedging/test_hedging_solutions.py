"""Chapter 5's solution figures against hand arithmetic (models.md §7 and the issue's values)."""

from __future__ import annotations

import math

import pytest

from chipcontrols import hedging
from solutions import hedging as ch5_solutions

SOL = ch5_solutions.solution_figures()
PROSE = hedging.prose.prose_figures()


#: The convention (issue 21): the memo's 1.8 is before the levy; Beijing faces a = 1.8 - 0.8 x 0.25.
A0, KAPPA, TAU = 1.8, 0.8, 0.25
A = A0 - KAPPA * TAU
#: V(a - 1) - beta at the defaults (V = 1, beta = 0.2), and the exit's ln(V(a0 - 1)/(beta + Vκτ)).
GAIN = A - 1 - 0.2
LN_EXIT = math.log((A0 - 1) / (0.2 + KAPPA * TAU))


#: The exercises' scenarios, by hand: Nvidia absorbs the levy (a = a0) in the calibration and the
#: compute shares; the whole levy passed on (χ = a0) in the levy exercise; Washington's cap halved
#: to 25% of US sales in the pairing exercise; the levy doubled to 0.5 in the exit exercise; the
#: cut-off probability from 0.4 to 0.6 in the leverage exercise.
GAIN_ABSORBED = A0 - 1 - 0.2
LN_EXIT_DOUBLED = math.log((A0 - 1) / (0.2 + KAPPA * 0.5))


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("cal_share", 400_000 / 2_000_000),
        ("cal_a", 1.8),
        ("cal_beta", (A0 - 1) - 2 * 0.4 * 1 * 0.2),
        ("cal_p", GAIN_ABSORBED / (2 * 1 * 0.2)),
        ("cal_l", GAIN_ABSORBED / (2 * 0.4 * 0.2)),
        ("cal_k", 4.0),
        ("par_s_low", GAIN / 0.8),
        ("par_s_high", GAIN / 1.2),
        ("par_leverage_low", (GAIN / 0.8) ** 2),
        ("par_leverage_high", (GAIN / 1.2) ** 2),
        ("par_ratio", 2.25),
        ("par_p_bar", GAIN / 2),
        ("par_slope_at_default", -(GAIN**2) / (2 * 0.4**3)),
        ("levy_tau_star", 0.6 / (2 * 1.8)),
        ("levy_prohibitive", 0.6 / 1.8),
        # with the cap at 0.25 binding: 0.6 - 1.8 τ = 2 × 0.4 × 0.25, so τ = 0.4 / 1.8
        ("levy_peak", 0.4 / 1.8),
        ("levy_treasury_now", 0.25 * 54 * (0.6 - 1.8 * 0.25) / 0.8),
        ("levy_treasury_peak", 0.4 / 1.8 * 54 * 0.25),
        ("pair_cap", 0.125),
        ("pair_switch", 7.0),
        ("pair_grid_k", 4.0),
        ("pair_grid_share", 0.125),
        ("rec_compute_share", 1.8 * 0.2 / (1.8 * 0.2 + 0.8)),
        ("rec_spending_share", 0.6 / (1.8 * 0.4 + 0.6)),
        ("rec_delivered_percent", 100 * 20_000 / 2_000_000),
        ("exit_t_exit", LN_EXIT_DOUBLED / 0.5),
        ("exit_rate_low_years", LN_EXIT_DOUBLED / 2),
        ("exit_halving_low_years", math.log(2) * 2 / LN_EXIT_DOUBLED),
        ("exit_rate_high_years", LN_EXIT_DOUBLED / 3),
        ("exit_rate_beyond_2030", LN_EXIT_DOUBLED / 4),
        ("exit_exit_advantage", 1.2),
        ("memo_beijing_payoff_free", 1.2 + GAIN * 0.5 - 0.4 * 0.5**2),
        ("memo_beijing_payoff_k4", 1.2 + GAIN * 0.2 - 0.4 * 0.2**2),
        # an assurance (p = 0.2) with the cap lifted: a = 1.6, s = min(0.4 / 0.4, 1) = 1
        ("memo_us_treasury_assured", 0.25 * 54 * 1.0),
        # a feared cut-off (p = 0.8): s = 0.4 / 1.6 = 0.25
        ("memo_us_treasury_feared", 0.25 * 54 * 0.25),
    ],
)
def test_solution_figures_by_hand(key, expected):
    assert SOL[key] == pytest.approx(expected)


def test_verdicts_and_bindings_are_words():
    assert SOL["levy_verdict"] == "above"
    assert SOL["pair_grid_binding"] == "Washington's cap"
    assert PROSE["levy_verdict"] == "below"


def test_rubric_totals_add_up():
    assert SOL["memo_rubric_total"] == sum(ch5_solutions.MEMO_RUBRIC.values())
    assert SOL["memo_paradox_rubric_total"] == sum(ch5_solutions.PARADOX_RUBRIC.values())


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("january_share", 0.2),
        ("s_star", GAIN / 0.8),
        ("s_default", 0.25),
        ("p_bar", GAIN / 2),
        ("s_star_doubled_p", GAIN / 1.6),
        ("s_star_no_levy", (A0 - 1 - 0.2) / 0.8),
        ("advantage_now", A),
        ("fear_slope", GAIN / (2 * 0.4**2)),
        ("cap_binds_below_p", GAIN / (2 * 0.25)),
        ("cal_base_advantage", 1.36 + KAPPA * TAU),
        ("later_share", 10 * 75_000 / 2_000_000),
        ("later_cutoff_probability", (A - 1 - ((A - 1) - 0.16)) / (2 * 0.375)),
        ("later_cutoff_loss", (A - 1 - ((A - 1) - 0.16)) / (2 * 0.4 * 0.375)),
        ("grid_pairing_ratio", 4.0),
        ("per_chip_ratio", 989.5 / 800),
        ("per_chip_after_levy", 989.5 / 800 - KAPPA * TAU),
        ("leverage_january", 0.2**2),
        ("leverage_capped", 0.25**2),
        ("substrate_spending_share", 0.6 / (A * 0.4 + 0.6)),
        ("link_default_approvals", GAIN / 0.8 * 2.0),
        ("link_january_approvals", 0.4),
        ("exit_year", 2026 + LN_EXIT / 0.5),
        ("exit_time_no_levy", math.log(0.8 / 0.2) / 0.5),
    ],
)
def test_prose_figures_by_hand(key, expected):
    assert PROSE[key] == pytest.approx(expected)


def test_the_chapters_qualitative_words_match_the_numbers():
    """Words the chapter types next to glued numbers ("outside the range", "between", "close to")."""
    cutoff = hedging.PARAMETERS["cutoff_probability"]
    # "a cut-off taken as certain and beyond the 0.9 the model allows"
    assert PROSE["cal_cutoff_probability"] == pytest.approx(1.0)
    assert PROSE["cal_cutoff_probability"] > cutoff.maximum
    # "The other explanations fit inside their ranges": beta and L inside, a after the levy inside
    for name in ("domestic_value", "cutoff_loss", "us_advantage"):
        declared = hedging.PARAMETERS[name]
        assert declared.minimum <= PROSE[f"cal_{name}"] <= declared.maximum, name
    # "between the per-chip arithmetic ratio and the memo's system-level 1.8"
    assert PROSE["per_chip_ratio"] < PROSE["cal_base_advantage"] < PROSE["base_advantage"]
    # the lab's task 2: at the per-chip ratio after the levy the calibrated beta is negative
    assert (PROSE["per_chip_after_levy"] - 1) - 2 * 0.4 * 1 * 0.2 < 0
    # The Substrate: "close to Beijing's interior choice ... and well above what the cap allows"
    assert abs(PROSE["substrate_spending_share"] - PROSE["s_star"]) < 0.05
    assert PROSE["substrate_spending_share"] > 1.5 * PROSE["s_default"]
    # "Doubling the cut-off probability ... halves the interior reply"
    assert PROSE["s_star_doubled_p"] == pytest.approx(PROSE["s_star"] / 2)
    # the exit exercise: the window beyond 2030 needs "a far slower catch-up than the memo's"
    assert SOL["exit_halving_beyond_2030"] > 2 * SOL["exit_halving_default"]
    # the calibration exercise on Nvidia's side: "not a probability", L "beyond the largest"
    assert SOL["cal_p"] > 1 and SOL["cal_l"] > hedging.PARAMETERS["cutoff_loss"].maximum
    # the levy exercise: "the record's levy is already past the top of the uncapped curve"
    assert SOL["levy_tau_star"] < hedging.PARAMETERS["levy"].default < SOL["levy_prohibitive"]
    # "The levy brings the exit forward"
    assert PROSE["exit_time"] < PROSE["exit_time_no_levy"]
