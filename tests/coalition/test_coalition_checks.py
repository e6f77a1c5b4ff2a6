"""Chapter 3's exercise checks: right answers pass, wrong ones get a hint and no answer.

Right answers are hand arithmetic (q* = r/S for a pure weakest link, x_tip = (μ − w)/(1 − 2w))
or taken from the data file by its columns, never from the check's own output.
"""

from __future__ import annotations

import re

import pytest

from chipcontrols import coalition
from chipcontrols.coalition.variants import chapter3_variant


def _says_right(result) -> bool:
    return str(result).startswith("Right:")


def test_belief_threshold_right_and_wrong():
    assert _says_right(coalition.checks.check_belief_threshold(0.33, q_star=0.33))
    assert _says_right(
        coalition.checks.check_belief_threshold(0.33, q_star=0.13 / 0.6, retained_share=0.2)
    )
    wrong = coalition.checks.check_belief_threshold(0.33, q_star=0.33, retained_share=0.2)
    assert not wrong and "pure weakest-link" in wrong.message and "0.217" not in wrong.message
    percent = coalition.checks.check_belief_threshold(0.2, q_star=20)
    assert not percent and "percent" in percent.message


def test_tipping_point_and_seed():
    assert _says_right(
        coalition.checks.check_tipping_point(
            0.05 / 0.5, threshold_mean=0.3, threshold_half_width=0.25
        )
    )
    assert _says_right(
        coalition.checks.check_tipping_point(
            0.15 / 0.6, threshold_mean=0.35, threshold_half_width=0.2
        )
    )
    at_mean = coalition.checks.check_tipping_point(
        0.3, threshold_mean=0.3, threshold_half_width=0.25
    )
    assert not at_mean and "mean threshold" in at_mean.message
    assert not coalition.checks.check_tipping_seed(0.1, threshold_mean=0.3, threshold_spread=0.12)
    too_big = coalition.checks.check_tipping_seed(0.4, threshold_mean=0.3, threshold_spread=0.12)
    assert not too_big and "not the smallest seed" in too_big.message


def test_outcomes_follow_granovetter():
    assert _says_right(
        coalition.checks.check_cascade_outcome(
            "holds", threshold_mean=0.3, threshold_spread=0.08, seed_share=0.2
        )
    )
    assert _says_right(
        coalition.checks.check_cascade_outcome(
            "Unravels", threshold_mean=0.3, threshold_spread=0.12, seed_share=0.2
        )
    )
    assert not coalition.checks.check_cascade_outcome(
        "holds", threshold_mean=0.3, threshold_spread=0.12, seed_share=0.2
    )
    assert _says_right(
        coalition.checks.check_final_share(
            0.2, threshold_mean=0.3, threshold_spread=0.08, seed_share=0.2
        )
    )
    assert not coalition.checks.check_final_share(
        0.5, threshold_mean=0.3, threshold_spread=0.08, seed_share=0.2
    )


def test_critical_spread_at_the_exercise_mean():
    # The text's case, 0.157 at mean 0.3 (Granovetter-style tangency, models.md), and the
    # diagnosis of using it at another mean.
    assert _says_right(coalition.checks.check_critical_spread(0.157, threshold_mean=0.3))
    below, above = (
        coalition.checks.check_critical_spread(0.12, threshold_mean=0.3),
        coalition.checks.check_critical_spread(0.2, threshold_mean=0.3),
    )
    assert not below and not above
    assert below.message.replace("0.12", "X") == above.message.replace("0.2", "X")
    assert not re.search(r"0\.15\d", below.message + above.message)
    default = coalition.checks.check_critical_spread(0.157, threshold_mean=0.35)
    assert not default and "text's mean" in default.message


def test_unravelling_seed():
    assert _says_right(coalition.checks.check_unravelling_seed(["US chipmakers", "US toolmakers"]))
    heavier = coalition.checks.check_unravelling_seed(["US chipmakers", "US toolmakers", "Japan"])
    lighter = coalition.checks.check_unravelling_seed(["US chipmakers"])
    assert not heavier and not lighter
    assert heavier.message.split(" is not")[1] == lighter.message.split(" is not")[1]
    bound = coalition.checks.check_unravelling_seed(
        ["US chipmakers"], bound=["Netherlands", "Japan"]
    )
    assert not bound and "no set of first movers" in bound.message


def test_holder_data_from_the_file():
    # Hand arithmetic on the file's rows: ASML 2023 29.0 (system) - 26.3 (total) = 2.7 points;
    # Tokyo Electron FY2025 quarters 49.9, 41.3, 42.7, 34.3 -> 42.05; 8.5 bn / 30% = 28.33 bn.
    assert _says_right(coalition.checks.check_holder_data(2.7, 42.05, 8.5 / 0.30))
    swapped = coalition.checks.check_holder_data(-2.7, 42.05, 8.5 / 0.30)
    assert not swapped and "other way round" in swapped.message
    units = coalition.checks.check_holder_data(2.7, 42.05, 8500 / 0.30)
    assert not units and "million dollars" in units.message
    fraction = coalition.checks.check_holder_data(2.7, 0.4205, 8.5 / 0.30)
    assert not fraction and "not as a fraction" in fraction.message


def test_q_star_function():
    assert _says_right(
        coalition.checks.check_q_star_function(
            lambda restraint_cost, security_value, retained_share: (
                (restraint_cost - retained_share * security_value)
                / (security_value * (1 - 2 * retained_share))
            )
        )
    )
    not_function = coalition.checks.check_q_star_function(0.3)
    assert not not_function and "is not a function" in not_function.message


@pytest.mark.parametrize(
    "check",
    [
        lambda: coalition.checks.check_belief_threshold(0.33, q_star=...),
        lambda: coalition.checks.check_tipping_point(
            ..., threshold_mean=0.3, threshold_half_width=0.25
        ),
        lambda: coalition.checks.check_tipping_seed(
            ..., threshold_mean=0.3, threshold_spread=0.12
        ),
        lambda: coalition.checks.check_cascade_outcome(
            ..., threshold_mean=0.3, threshold_spread=0.08, seed_share=0.2
        ),
        lambda: coalition.checks.check_final_share(
            ..., threshold_mean=0.3, threshold_spread=0.08, seed_share=0.2
        ),
        lambda: coalition.checks.check_critical_spread(..., threshold_mean=0.3),
        lambda: coalition.checks.check_unravelling_seed(...),
        lambda: coalition.checks.check_holder_data(..., ..., ...),
        lambda: coalition.checks.check_q_star_function(...),
    ],
)
def test_placeholders_ask_for_an_answer(check):
    result = check()
    assert not result and "fill in" in result.message


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: coalition.checks.check_belief_threshold(1.5, q_star=0.3),
            r"restraint_cost = 1.5 is outside",
        ),
        (
            lambda: coalition.checks.check_cascade_outcome(
                "collapses", threshold_mean=0.3, threshold_spread=0.1, seed_share=0.2
            ),
            "is not one of the valid answers",
        ),
        (
            lambda: coalition.checks.check_unravelling_seed(["France"]),
            "is not one of the valid answers",
        ),
        (
            lambda: coalition.checks.check_tipping_seed(
                2.0, threshold_mean=0.3, threshold_spread=0.1
            ),
            r"seed = 2 is outside",
        ),
    ],
)
def test_bad_input_is_refused_clearly(call, message):
    result = call()
    assert not result and re.search(message, result.message)
    assert "could not be checked" in result.message


def test_variants_are_per_student_reproducible_and_inside_the_ranges():
    ids = [f"s{number:07d}" for number in range(150)]
    variants = [chapter3_variant(student) for student in ids]
    keys = {
        (tuple(v.holder.items()), tuple(v.uniform.items()), tuple(v.normal.items()))
        for v in variants
    }
    assert len(keys) == len(ids)
    assert chapter3_variant(" s0000001 ") == variants[1]
    for v in variants:
        mu, w = v.uniform["threshold_mean"], v.uniform["threshold_half_width"]
        assert 0 < (mu - w) / (1 - 2 * w) < 1
    with pytest.raises(ValueError, match="student_id"):
        chapter3_variant(...)
