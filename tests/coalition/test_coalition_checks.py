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
    assert not wrong and "r/S" in wrong.message and "0.217" not in wrong.message
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
    assert not at_mean and "mean threshold is not" in at_mean.message
    assert not coalition.checks.check_tipping_seed(0.1, threshold_mean=0.3, threshold_spread=0.12)
    too_big = coalition.checks.check_tipping_seed(0.4, threshold_mean=0.3, threshold_spread=0.12)
    assert not too_big and "smaller one" in too_big.message


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


def test_critical_spread_brackets():
    below, above = (
        coalition.checks.check_critical_spread(0.12),
        coalition.checks.check_critical_spread(0.2),
    )
    assert not below and "widen" in below.message
    assert not above and "smaller" in above.message
    assert not re.search(r"0\.15\d", below.message + above.message)


def test_unravelling_seed():
    assert _says_right(coalition.checks.check_unravelling_seed(["US chipmakers", "US toolmakers"]))
    heavier = coalition.checks.check_unravelling_seed(["US chipmakers", "US toolmakers", "Japan"])
    assert not heavier and "lighter one" in heavier.message
    bound = coalition.checks.check_unravelling_seed(
        ["US chipmakers"], bound=["Netherlands", "Japan"]
    )
    assert not bound and "no set of first movers" in bound.message


def test_holder_data_from_the_file(tmp_path):
    from chipcontrols.core.data import load_table

    table = load_table("allied_china_revenue")
    asml = table[
        (table.holder == "ASML")
        & (table.period == "2024")
        & (table.period_type == "calendar_year")
    ]
    system = float(asml[asml.basis == "net system sales"].china_share_percent.iloc[0])
    total = float(asml[asml.basis == "total revenue"].china_share_percent.iloc[0])
    assert (system, total) == (41.0, 36.0)  # the two figures of allies.md
    assert _says_right(coalition.checks.check_holder_data(system, total, 8.5 / 0.30))
    swapped = coalition.checks.check_holder_data(total, system, 8.5 / 0.30)
    assert not swapped and "swapped" in swapped.message
    units = coalition.checks.check_holder_data(system, total, 8500 / 0.30)
    assert not units and "million versus billion" in units.message


def test_q_star_function():
    assert _says_right(
        coalition.checks.check_q_star_function(
            lambda restraint_cost, security_value, retained_share: (
                (restraint_cost - retained_share * security_value)
                / (security_value * (1 - 2 * retained_share))
            )
        )
    )
    with pytest.raises(ValueError, match="is not a function"):
        coalition.checks.check_q_star_function(0.3)


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
        lambda: coalition.checks.check_critical_spread(...),
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
    with pytest.raises(ValueError, match=message):
        call()


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
