"""Chapter 5's checks: right answers pass, wrong ones get a hint that never reveals the answer.

Right answers are worked by hand from the formulas (the issue's and the research memo's values),
not taken from the code under test.  The convention: the memo's advantage 1.8 is before the levy;
Beijing faces a = 1.8 − 0.8 × 0.25 = 1.6 at the record's 25% levy and the memo's pass-through.
"""

from __future__ import annotations

import math

import pytest

from chipcontrols import hedging
from chipcontrols.hedging.variants import chapter5_variant

#: The advantage after the levy at the defaults, by hand: a0 − κτ.
A = 1.8 - 0.8 * 0.25
#: The numerator of s* at the defaults, by hand: V(a − 1) − β.
GAIN = 1 * (A - 1) - 0.2

RIGHT = [
    lambda: hedging.checks.check_calibration("domestic_value", (A - 1) - 2 * 0.4 * 1 * 0.2),
    lambda: hedging.checks.check_calibration("cutoff_probability", GAIN / (2 * 0.2)),
    lambda: hedging.checks.check_calibration("us_advantage", 1 + 0.2 + 2 * 0.4 * 0.2),
    lambda: hedging.checks.check_calibration("pairing_ratio", 1 / 0.2 - 1),
    lambda: hedging.checks.check_leverage((GAIN / (2 * 0.4)) ** 2, us_share_cap=1.0),
    lambda: hedging.checks.check_leverage_ratio(4.0, p_low=0.4, p_high=0.8),
    lambda: hedging.checks.check_levy(0.6 / 1.6, "below"),
    lambda: hedging.checks.check_peak_levy((0.6 - 2 * 0.4 * 0.25) / 0.8),
    lambda: hedging.checks.check_us_cap_share(0.5 * 1.0 / 2.0),
    lambda: hedging.checks.check_pairing_switch(3.0),
    lambda: hedging.checks.check_bound("Washington's cap"),
    lambda: hedging.checks.check_bound("Beijing's pairing rule", pairing_ratio=4),
    lambda: hedging.checks.check_compute_share(A * 0.2 / (A * 0.2 + 0.8), 0.2),
    lambda: hedging.checks.check_spending_share(0.6 / (A * 0.4 + 0.6), 0.6),
    # V(a0 - 1)e^(-λt) - κτ = β: t = ln(0.8 / (0.2 + 0.2)) / 0.5
    lambda: hedging.checks.check_exit_time(math.log(0.8 / (0.2 + 0.8 * 0.25)) / 0.5),
    lambda: hedging.checks.check_erosion_for_exit(math.log(0.8 / 0.4) / 2, 2.0),
    lambda: hedging.checks.check_best_reply_function(
        lambda value_scale, us_advantage, domestic_value, cutoff_probability, cutoff_loss: (
            (value_scale * (us_advantage - 1) - domestic_value)
            / (2 * cutoff_probability * cutoff_loss)
        )
    ),
]
#: Wrong answers, each with the expected answer its hint must not reveal.
WRONG = [
    (lambda: hedging.checks.check_calibration("domestic_value", 0.5), "0.44"),
    (lambda: hedging.checks.check_calibration("pairing_ratio", 3), "4"),
    (lambda: hedging.checks.check_leverage(0.75, us_share_cap=1.0), "0.25"),
    (lambda: hedging.checks.check_leverage_ratio(2.0, p_low=0.4, p_high=0.8), "4"),
    (lambda: hedging.checks.check_levy(0.75, "below"), "0.375"),
    (lambda: hedging.checks.check_levy(0.375, "above"), "below"),
    (lambda: hedging.checks.check_peak_levy(0.375), "0.5"),
    (lambda: hedging.checks.check_us_cap_share(0.5), "0.25"),
    (lambda: hedging.checks.check_pairing_switch(4), "3"),
    (lambda: hedging.checks.check_bound("Beijing's own choice (interior)"), "0.25"),
    (lambda: hedging.checks.check_compute_share(0.2, 0.2), "0.286"),
    (lambda: hedging.checks.check_exit_time(4.0), "1.39"),
    (lambda: hedging.checks.check_erosion_for_exit(0.5, 2.0), "0.35"),
]


@pytest.mark.parametrize("call", RIGHT)
def test_right_answers_pass(call):
    result = call()
    assert result.correct, str(result)
    assert str(result).startswith("Right: ")


@pytest.mark.parametrize(("call", "answer"), WRONG)
def test_wrong_answers_get_a_hint_not_the_answer(call, answer):
    result = call()
    assert not result.correct
    assert str(result).startswith("Not yet: ")
    assert answer not in str(result).split("your")[0] or answer not in str(result)


def test_hints_do_not_state_the_expected_value():
    assert "0.44" not in str(hedging.checks.check_calibration("domestic_value", 0.5))
    assert "0.375" not in str(hedging.checks.check_levy(0.75, "below"))
    assert "1.39" not in str(hedging.checks.check_exit_time(4.0))
    assert "0.25" not in str(hedging.checks.check_us_cap_share(0.5))


@pytest.mark.parametrize(
    "call",
    [
        lambda: hedging.checks.check_calibration("domestic_value", ...),
        lambda: hedging.checks.check_leverage(...),
        lambda: hedging.checks.check_leverage_ratio(..., p_low=0.4, p_high=0.8),
        lambda: hedging.checks.check_levy(..., verdict=...),
        lambda: hedging.checks.check_peak_levy(...),
        lambda: hedging.checks.check_us_cap_share(...),
        lambda: hedging.checks.check_pairing_switch(...),
        lambda: hedging.checks.check_bound(...),
        lambda: hedging.checks.check_compute_share(..., import_share=0.2),
        lambda: hedging.checks.check_spending_share(..., compute_share=0.6),
        lambda: hedging.checks.check_exit_time(...),
        lambda: hedging.checks.check_erosion_for_exit(..., years=2.0),
        lambda: hedging.checks.check_best_reply_function(...),
    ],
)
def test_placeholders_ask_to_be_filled_in(call):
    assert str(call()).startswith("Not yet: fill in")


@pytest.mark.parametrize(
    ("call", "named"),
    [
        (lambda: hedging.checks.check_calibration("levy", 0.3), "levy"),
        (lambda: hedging.checks.check_calibration("domestic_value", "a lot"), "domestic_value"),
        (lambda: hedging.checks.check_levy(0.375, "way below"), "verdict"),
        (lambda: hedging.checks.check_bound("Congress"), "answer"),
        (lambda: hedging.checks.check_pairing_switch(3, us_share_cap=2.0), "us_share_cap"),
        (lambda: hedging.checks.check_erosion_for_exit(0.5, -2.0), "years"),
        (lambda: hedging.checks.check_best_reply_function(3.0), "s_star"),
        (lambda: hedging.checks.check_leverage(0.5, cutoff_probability=2.0), "cutoff_probability"),
    ],
)
def test_bad_input_gets_a_hint_naming_it_not_a_traceback(call, named):
    result = call()
    assert not result.correct
    assert "could not be checked" in result.message and named in result.message


def test_variants_are_per_student_reproducible_and_inside_the_ranges():
    ids = [f"s{number:07d}" for number in range(200)]
    variants = [chapter5_variant(student) for student in ids]
    assert len({tuple(v.values.items()) for v in variants}) == len(ids)
    assert chapter5_variant(" s0000001 ") == variants[1]
    for variant in variants:  # every variant has an interior answer
        tau_star = (variant["base_advantage"] - 1 - variant["domestic_value"]) / (
            2 * variant["pass_through"]
        )
        verdict = (
            "at" if abs(tau_star - 0.25) < 1e-9 else ("below" if tau_star > 0.25 else "above")
        )
        assert tau_star > 0
        assert hedging.checks.check_levy(
            tau_star,
            verdict,
            base_advantage=variant["base_advantage"],
            pass_through=variant["pass_through"],
            domestic_value=variant["domestic_value"],
        ).correct
        # with the levy passed on (a = a0 − κτ at τ = 0.25), the exit is still in the future
        bite = variant["pass_through"] * 0.25
        exit_at = (
            math.log((variant["base_advantage"] - 1) / (variant["domestic_value"] + bite))
            / (variant["advantage_erosion_rate"])
        )
        assert exit_at > 0
        assert hedging.checks.check_exit_time(
            exit_at,
            base_advantage=variant["base_advantage"],
            domestic_value=variant["domestic_value"],
            advantage_erosion_rate=variant["advantage_erosion_rate"],
            pass_through=variant["pass_through"],
        ).correct
        # the β that reproduces the share, at the default a = 1.6, is positive
        assert (A - 1) - 2 * variant["cutoff_probability"] * variant["observed_share"] > 0
    with pytest.raises(ValueError, match="student_id"):
        chapter5_variant(...)
