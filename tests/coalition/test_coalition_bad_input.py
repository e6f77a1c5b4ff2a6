"""Chapter 3's public functions refuse bad values with a ValueError naming the parameter.

The same seven kinds of bad value as ``tests/core/test_bad_input.py`` (whose ``Case`` table and
runner this module reuses), tried against every public function of the coalition model and
every chapter-3 check.  The checks are tried unwrapped (``__wrapped__``): wrapped by
``exercise_check`` the same ValueError reaches the student as a hint, which
``tests/coalition/test_coalition_hints.py`` tests.
"""

from __future__ import annotations

import pytest
from bad_input_kinds import (
    KINDS,
    Case,
    applicable as _applicable,
    expected_failure as _expected_failure,
)

from chipcontrols import coalition
from chipcontrols.coalition.named import usd_billion

UNBOUNDED = "no upper bound"
CASES = [
    Case(
        "stag_hunt",
        "restraint_cost",
        lambda v: coalition.stag_hunt(restraint_cost=v),
        1.5,
        lambda: coalition.stag_hunt(cost=0.3),
    ),
    Case(
        "belief_threshold",
        "retained_share",
        lambda v: coalition.belief_threshold(retained_share=v),
        0.5,
        lambda: coalition.belief_threshold(beta=0.1),
    ),
    Case(
        "regime",
        "security_value",
        lambda v: coalition.regime(0.3, v, 0.0),
        5.0,
        lambda: coalition.regime(0.3, 1.0, 0.0, belief=0.5),
    ),
    Case(
        "response",
        "seller_share",
        lambda v: coalition.response(v),
        1.5,
        lambda: coalition.response(0.3, mean=0.3),
    ),
    Case(
        "cascade_path",
        "seed_share",
        lambda v: coalition.cascade_path(5, seed_share=v),
        0.9,
        lambda: coalition.cascade_path(5, seed=0.2),
    ),
    Case(
        "cascade_outcome",
        "threshold_spread",
        lambda v: coalition.cascade_outcome(threshold_spread=v),
        0.5,
        lambda: coalition.cascade_outcome(sigma=0.1),
    ),
    Case(
        "tipping_seed",
        "threshold_mean",
        lambda v: coalition.tipping_seed(threshold_mean=v),
        0.9,
        lambda: coalition.tipping_seed(mean=0.3),
    ),
    Case(
        "uniform_tipping_point",
        "threshold_half_width",
        lambda v: coalition.uniform_tipping_point(threshold_half_width=v),
        0.6,
        lambda: coalition.uniform_tipping_point(width=0.2),
    ),
    Case(
        "linear_fixed_point",
        "response_slope",
        lambda v: coalition.linear_fixed_point(response_slope=v),
        1.0,
        lambda: coalition.linear_fixed_point(slope=0.5),
    ),
    Case(
        "critical_spread",
        "threshold_mean",
        lambda v: coalition.critical_spread(v),
        0.9,
        lambda: coalition.critical_spread(mean=0.3),
    ),
    Case(
        "with_changes",
        "holder_defect_threshold",
        lambda v: coalition.with_changes(coalition.holders(), defect_thresholds={"Japan": v}),
        2.0,
        lambda: coalition.with_changes(coalition.holders(), caps={"Japan": 1}),
    ),
    Case(
        "check_belief_threshold",
        "restraint_cost",
        lambda v: coalition.checks.check_belief_threshold.__wrapped__(v, q_star=0.3),
        1.5,
        lambda: coalition.checks.check_belief_threshold.__wrapped__(0.3, q_star=0.3, beta=0.1),
    ),
    Case(
        "check_tipping_seed",
        "seed",
        lambda v: coalition.checks.check_tipping_seed.__wrapped__(
            v, threshold_mean=0.3, threshold_spread=0.12
        ),
        2.0,
        lambda: coalition.checks.check_tipping_seed.__wrapped__(
            0.2, mean=0.3, threshold_spread=0.12
        ),
    ),
    Case(
        "check_final_share",
        "final_share",
        lambda v: coalition.checks.check_final_share.__wrapped__(
            v, threshold_mean=0.3, threshold_spread=0.12, seed_share=0.2
        ),
        1.5,
        lambda: coalition.checks.check_final_share.__wrapped__(
            0.2, threshold_mean=0.3, threshold_spread=0.12, seed=0.2
        ),
    ),
    Case(
        "check_critical_spread",
        "sigma",
        lambda v: coalition.checks.check_critical_spread.__wrapped__(v, threshold_mean=0.3),
        UNBOUNDED,
        lambda: coalition.checks.check_critical_spread.__wrapped__(
            0.15, threshold_mean=0.3, mean=0.3
        ),
    ),
    Case(
        "check_holder_data",
        "amat_fy2025_total_usd_bn",
        lambda v: coalition.checks.check_holder_data.__wrapped__(2.7, 42.0, v),
        UNBOUNDED,
        lambda: coalition.checks.check_holder_data.__wrapped__(2.7, 42.0, 28.3, tel=42),
    ),
]
PAIRS = [(case, kind) for case in CASES for kind in _applicable(case)]


@pytest.mark.parametrize(("case", "kind"), PAIRS, ids=[f"{c.function}-{k}" for c, k in PAIRS])
def test_bad_value_raises_a_value_error_naming_the_parameter(case, kind):
    with pytest.raises(ValueError) as error:
        _expected_failure(case, kind)()
    message = str(error.value)
    assert ("unknown" if kind == "unknown keyword" else case.parameter) in message, message


def test_every_case_tries_every_kind():
    for case in CASES:
        tried = set(_applicable(case))
        assert tried | ({"out of range"} if case.out_of_range == UNBOUNDED else set()) == set(
            KINDS
        )


def test_a_unit_that_is_not_a_currency_is_refused():
    with pytest.raises(ValueError, match="unit = 'percent' is not a currency unit"):
        usd_billion(1.0, "percent")
