"""The coalition cascade (chapter 3): hand-checked values, Granovetter's flip, properties.

Expected values are hand arithmetic, published numbers (Granovetter's own examples of 1978: a
crowd of 100 with normal thresholds of mean 25 tips at a spread of about 12.2; thresholds
0..99 all riot, and raising one of them by one stops the riot at one person) or independent
computations (math.erf, a plain loop), never the model's own output.  The book's scenarios
(mean 0.3, spreads 0.08/0.12/0.16, seeds 0.2/0.05) are its own illustrations, checked by hand.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp

from chipcontrols import coalition
from chipcontrols.coalition import cascade, named, staghunt
from chipcontrols.coalition.normal import Phi
from chipcontrols.core import record


def phi(z: float) -> float:
    """The normal CDF by hand, from math.erf."""
    return 0.5 * (1 + math.erf(z / math.sqrt(2)))


# -- Layer A: the stag hunt ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("r", "s", "b", "expected"),
    [
        (0.33, 1.0, 0.0, 0.33),  # pure weakest link: q* = r/S
        (0.20, 1.0, 0.0, 0.20),
        (0.19, 1.0, 0.0, 0.19),
        (0.33, 1.0, 0.2, 0.13 / 0.6),  # (0.33 - 0.2) / (1 - 0.4)
        (0.20, 0.5, 0.1, 0.15 / 0.4),  # (0.2 - 0.05) / (0.5 * 0.8)
    ],
)
def test_belief_threshold_by_hand(r, s, b, expected):
    assert coalition.belief_threshold(
        restraint_cost=r, security_value=s, retained_share=b
    ) == pytest.approx(expected, rel=1e-12)


def test_payoffs_are_equal_at_the_threshold():
    values = {"restraint_cost": 0.4, "security_value": 1.3, "retained_share": 0.15}
    q_star = coalition.belief_threshold(**values)
    control = float(
        staghunt.PAYOFF_CONTROL.subs(
            {
                staghunt.PARAMETERS.symbol(k): v
                for k, v in {**values, "partner_belief": q_star}.items()
            }
        )
    )
    sell = 1.3 * 0.15 * q_star
    assert control == pytest.approx(sell, abs=1e-12)
    above = coalition.stag_hunt(**values, partner_belief=min(1.0, q_star + 0.05))
    below = coalition.stag_hunt(**values, partner_belief=q_star - 0.05)
    assert above.restrains and not below.restrains


def test_threshold_rises_with_the_cost_and_falls_with_the_security_value():
    q = sp.Symbol("q")
    derivative_r = sp.diff(staghunt.BELIEF_THRESHOLD, staghunt.restraint_cost)
    derivative_s = sp.diff(staghunt.BELIEF_THRESHOLD, staghunt.security_value)
    rng = np.random.default_rng(11)
    for _ in range(200):
        point = {
            staghunt.restraint_cost: rng.uniform(0.01, 1),
            staghunt.security_value: rng.uniform(0.2, 2),
            staghunt.retained_share: rng.uniform(0, 0.45),
        }
        assert float(derivative_r.subs(point)) > 0
        assert float(derivative_s.subs(point)) < 0
    assert q not in staghunt.BELIEF_THRESHOLD.free_symbols


@pytest.mark.parametrize(
    ("r", "b", "expected"),
    [
        (0.33, 0.0, coalition.COORDINATION),
        (0.10, 0.2, coalition.CONTROL_DOMINANT),  # r < beta S: restraint pays even alone
        (0.85, 0.2, coalition.SELL_DOMINANT),  # r > (1 - beta) S
        (0.20, 0.2, coalition.COORDINATION),  # on the boundary both equilibria remain
    ],
)
def test_regimes(r, b, expected):
    assert coalition.regime(r, 1.0, b) == expected


def test_indifference_line_runs_from_beta_to_one_minus_beta():
    line = staghunt.FORMS["indifferent_cost_ratio"].numpy()
    assert line(retained_share=0.3, partner_belief=0.0) == pytest.approx(0.3)
    assert line(retained_share=0.3, partner_belief=1.0) == pytest.approx(0.7)
    assert line(retained_share=0.0, partner_belief=0.42) == pytest.approx(0.42)


def test_the_written_threshold_is_what_sympy_solved():
    solved = sp.solve(
        sp.Eq(staghunt.PAYOFF_CONTROL, staghunt.PAYOFF_SELL), staghunt.partner_belief
    )[0]
    assert sp.simplify(staghunt.BELIEF_THRESHOLD - solved) == 0
    with pytest.raises(ValueError, match="is not the derived"):
        staghunt.same_as(staghunt.restraint_cost, solved)


# -- Layer B: Granovetter's flip and the uniform tipping point -------------------------------


def test_the_books_flip_normal_thresholds():
    # mu = 0.3: a 0.2 seed stays put at sigma = 0.08 (F(0.2) = Phi(-1.25) = 0.106 < 0.2) ...
    assert phi(-1.25) < 0.2
    held = coalition.cascade_outcome(threshold_mean=0.3, threshold_spread=0.08, seed_share=0.2)
    assert held.outcome == coalition.HOLDS and held.final_share == pytest.approx(0.2)
    # ... unravels everyone at sigma = 0.12 (F(0.2) = Phi(-0.833) = 0.202 > 0.2) ...
    assert phi(-0.1 / 0.12) > 0.2
    flipped = coalition.cascade_outcome(threshold_mean=0.3, threshold_spread=0.12, seed_share=0.2)
    assert flipped.outcome == coalition.UNRAVELS and flipped.final_share > 0.999
    # ... and at sigma = 0.16 even a 0.05 seed unravels everyone.
    small = coalition.cascade_outcome(threshold_mean=0.3, threshold_spread=0.16, seed_share=0.05)
    assert small.outcome == coalition.UNRAVELS and small.final_share > 0.999


@pytest.mark.parametrize("seed", [0.05, 0.1, 0.15, 0.2])
def test_at_sigma_008_every_seed_up_to_02_stays_put(seed):
    result = coalition.cascade_outcome(threshold_mean=0.3, threshold_spread=0.08, seed_share=seed)
    assert result.outcome == coalition.HOLDS


def test_the_path_follows_the_map_round_by_round():
    path = coalition.cascade_path(6, threshold_mean=0.3, threshold_spread=0.12, seed_share=0.2)
    x = 0.2
    for value in path[1:]:
        x = max(0.2, phi((x - 0.3) / 0.12))
        assert value == pytest.approx(x, rel=1e-12)


@pytest.mark.parametrize(
    ("mean", "half_width", "expected"), [(0.3, 0.25, 0.10), (0.35, 0.20, 0.25)]
)
def test_uniform_tipping_point_by_hand(mean, half_width, expected):
    assert coalition.uniform_tipping_point(
        threshold_mean=mean, threshold_half_width=half_width
    ) == pytest.approx(expected)
    values = {"threshold_mean": mean, "threshold_half_width": half_width}
    above = coalition.cascade_outcome("uniform", seed_share=expected + 0.01, **values)
    below = coalition.cascade_outcome("uniform", seed_share=expected - 0.01, **values)
    assert above.outcome == coalition.UNRAVELS and above.final_share == pytest.approx(1.0)
    assert below.outcome == coalition.HOLDS
    assert coalition.tipping_seed("uniform", **values) == pytest.approx(expected, abs=1e-5)


def test_uniform_tipping_point_is_nan_where_the_fixed_point_is_stable():
    # slope 1/(2w) = 1/0.9 > 1 tips; with a league rule binding half, slope 0.5/0.9 < 1: no tip
    assert math.isnan(
        coalition.uniform_tipping_point(
            threshold_mean=0.3, threshold_half_width=0.45, league_coverage=0.5
        )
    )


def test_linear_response_fixed_point_by_hand_and_by_iteration():
    assert coalition.linear_fixed_point(
        response_intercept=0.1, response_slope=0.6
    ) == pytest.approx(0.25)
    x = 0.0
    for _ in range(200):
        x = 0.1 + 0.6 * x
    assert x == pytest.approx(0.25)


def test_critical_spread_is_a_tangency():
    sigma = coalition.critical_spread(0.3)
    grid = np.linspace(0.0, 0.3, 30001)
    gap = np.array([phi((x - 0.3) / sigma) for x in grid]) - grid
    assert abs(gap.min()) < 1e-6  # touches the 45-degree line
    x_touch = coalition.tangency_share(0.3)
    slope = math.exp(-(((x_touch - 0.3) / sigma) ** 2) / 2) / (sigma * math.sqrt(2 * math.pi))
    assert slope == pytest.approx(1.0, abs=1e-9)
    assert 0.12 < sigma < 0.16  # between the book's wide and wider spreads, as the text says
    assert coalition.tipping_seed(threshold_spread=round(sigma + 0.01, 2)) == 0.0
    assert coalition.tipping_seed(threshold_spread=round(sigma - 0.02, 2)) > 0.0


def test_critical_spread_table_covers_the_declared_means():
    table = coalition.critical_spread_table(step=0.1)
    assert [row["threshold_mean"] for row in table] == pytest.approx([0.1, 0.2, 0.3, 0.4])
    assert math.isnan(coalition.critical_spread(0.55))  # no tangency below the mean
    spreads = [row["critical_spread"] for row in table]
    assert spreads == sorted(spreads)  # a higher mean needs more spread to tip


def test_cascade_is_monotone_in_the_seed():
    rng = np.random.default_rng(5)
    for _ in range(15):
        mean, spread = rng.uniform(0.1, 0.6), rng.uniform(0.02, 0.3)
        finals = [
            coalition.cascade_outcome(
                threshold_mean=mean, threshold_spread=spread, seed_share=seed
            ).final_share
            for seed in np.linspace(0, 0.5, 11)
        ]
        assert all(b >= a - 1e-12 for a, b in zip(finals, finals[1:]))


def test_a_league_rule_never_increases_defection():
    rng = np.random.default_rng(6)
    for _ in range(15):
        values = {
            "threshold_mean": rng.uniform(0.1, 0.6),
            "threshold_spread": rng.uniform(0.02, 0.3),
            "seed_share": rng.uniform(0, 0.5),
        }
        finals = [
            coalition.cascade_outcome(league_coverage=cover, **values).final_share
            for cover in np.linspace(0, 1, 11)
        ]
        assert all(b <= a + 1e-12 for a, b in zip(finals, finals[1:]))


def test_phi_keeps_its_lower_tail():
    z = sp.Symbol("z", real=True)
    evaluate = sp.lambdify(z, Phi(z), modules="numpy")
    body = evaluate(np.array([-6.0, -1.25, 0.0, 3.0]))
    exact = [
        0.5 * math.erfc(6 / math.sqrt(2)),
        0.5 * math.erfc(1.25 / math.sqrt(2)),
        0.5,
        1 - 0.5 * math.erfc(3 / math.sqrt(2)),
    ]
    np.testing.assert_allclose(body, exact, rtol=1e-9)  # Hart's approximation
    tail = evaluate(np.array([-8.0, -10.0, -20.0]))
    exact_tail = [0.5 * math.erfc(x / math.sqrt(2)) for x in (8.0, 10.0, 20.0)]
    np.testing.assert_allclose(tail, exact_tail, rtol=1e-7)  # the continued fraction
    assert evaluate(-40.0) == 0.0 and evaluate(40.0) == 1.0
    assert float(Phi(sp.Float(-1.25)).evalf()) == pytest.approx(phi(-1.25), rel=1e-12)


# -- Granovetter's own examples (1978) -------------------------------------------------------

#: Granovetter's published critical spread for his normal example, in people out of 100.
GRANOVETTER_CRITICAL_SPREAD = 12.2
#: He gives it to one decimal: agreement within half the last digit.
GRANOVETTER_TOLERANCE = 0.05


def test_granovetter_normal_example_tips_at_his_published_spread():
    # his crowd: 100 people, mean threshold 25 (0.25 of the crowd), no seed
    sigma = coalition.critical_spread(0.25)
    assert sigma * 100 == pytest.approx(GRANOVETTER_CRITICAL_SPREAD, abs=GRANOVETTER_TOLERANCE)


def _no_seed_final(mean: float, spread: float) -> float:
    """Where the cascade from nobody ends, by a plain loop on math.erf."""
    x = 0.0
    for _ in range(100_000):
        following = phi((x - mean) / spread)
        if abs(following - x) < 1e-13:
            return following
        x = following
    return x


@pytest.mark.parametrize(
    ("spread_people", "few"), [(11, True), (12, True), (13, False), (14, False)]
)
def test_granovetter_normal_example_jumps_from_a_few_to_nearly_all(spread_people, few):
    by_hand = _no_seed_final(0.25, spread_people / 100)
    model = coalition.cascade_outcome(
        threshold_mean=0.25, threshold_spread=spread_people / 100, seed_share=0.0
    )
    assert model.final_share == pytest.approx(by_hand, abs=1e-6)
    if few:
        assert by_hand * 100 < 10  # a few rioters
    else:
        assert by_hand * 100 > 99  # nearly all


def test_granovetter_uniform_example_by_count():
    crowd = list(range(100))  # thresholds 0, 1, ..., 99
    assert coalition.discrete_cascade(crowd).final_share * 100 == pytest.approx(100)
    crowd[1] = 2  # the person with threshold 1 now needs 2
    changed = coalition.discrete_cascade(crowd)
    assert changed.final_share * 100 == pytest.approx(1)


@pytest.mark.parametrize(
    ("thresholds", "seed", "expected_count"),
    [
        ([0, 0, 1, 3, 3], 0, 5),  # 2 start, then 3, then all 5
        ([1, 1, 2], 0, 0),  # nobody starts
        ([1, 1, 2], 1, 3),  # one instigator brings the two 1s, then the 2
        ([0, 2, 2, 5], 0, 1),  # the instigator rides alone
    ],
)
def test_discrete_cascade_by_hand(thresholds, seed, expected_count):
    result = coalition.discrete_cascade(thresholds, seed_count=seed)
    assert result.final_share * len(thresholds) == pytest.approx(expected_count)


def test_asml_system_share_ran_above_total_share_where_both_are_known():
    # the chapter says the June 2026 system-sales threshold is if anything too high
    from chipcontrols.reference.allied_revenue import china_share

    for year, system_source, total_source in (
        ("2023", "trendforce2024asmlq4", "asml2024form20f"),
        ("2024", "scmp2026asml", "volknews2025forges"),
    ):
        system = china_share("ASML", year, "calendar_year", system_source)
        total = china_share("ASML", year, "calendar_year", total_source)
        assert system > total


# -- Named holders -----------------------------------------------------------------------------


def test_holder_weights_come_from_the_data_by_hand():
    stakes = {s.holder: s for s in coalition.company_stakes()}
    eur = record.value("usd_per_eur_2023")
    assert stakes["ASML"].china_usd_bn == pytest.approx(0.33 * 32.7 * eur)
    assert stakes["Nvidia"].china_usd_bn == pytest.approx(0.13 * 130.497)
    assert stakes["AMD"].china_usd_bn == pytest.approx(6.23)
    assert stakes["Lam Research"].china_usd_bn == pytest.approx(0.374 * 18.44)  # fiscal 2025
    holders = coalition.holders()
    assert sum(h.weight for h in holders) == pytest.approx(1.0)
    chips = next(h for h in holders if h.name == "US chipmakers")
    assert chips.china_usd_bn == pytest.approx(0.13 * 130.497 + 6.23)
    dutch = next(h for h in holders if h.name == "Netherlands")
    assert dutch.china_share == pytest.approx(0.33)
    assert dutch.join_threshold == pytest.approx(0.33)  # q* = r/S with S = 1, beta = 0
    assert dutch.defect_threshold == pytest.approx(0.67)


def test_the_h200_seed_alone_tips_no_one_but_adding_us_tools_unravels_all():
    holders = coalition.holders()
    assert coalition.named_cascade(holders, seed=coalition.H200_SEED).final == coalition.H200_SEED
    both = coalition.named_cascade(holders, seed=("US toolmakers", "US chipmakers"))
    assert set(both.final) == set(coalition.HOLDER_GROUPS)
    assert both.final_share == pytest.approx(1.0)


def test_a_league_rule_on_the_dutch_and_japanese_leaves_no_unravelling_seed():
    holders = coalition.holders()
    assert coalition.smallest_unravelling_seed(holders, bound=coalition.MATCH_ACT_BOUND) is None
    free = coalition.smallest_unravelling_seed(holders)
    assert free is not None and 0 < free.weight < 1


def test_joining_once_the_largest_member_commits():
    tools = [h for h in coalition.holders() if h.name in coalition.TOOL_COALITION]
    joined = coalition.named_cascade(tools, seed=coalition.TOOL_COALITION_SEED, mode="join")
    assert set(joined.final) == set(coalition.TOOL_COALITION)
    alone = coalition.named_cascade(tools, seed=(), mode="join")
    assert alone.final == ()


def test_edited_weights_and_thresholds_are_checked():
    edited = coalition.with_changes(
        coalition.holders(), weights={"Japan": 30.0}, defect_thresholds={"Japan": 0.1}
    )
    japan = next(h for h in edited if h.name == "Japan")
    assert japan.defect_threshold == 0.1 and japan.china_usd_bn == 30.0
    with pytest.raises(
        ValueError, match=r"holder_defect_threshold = 2 is outside the valid range"
    ):
        coalition.with_changes(coalition.holders(), defect_thresholds={"Japan": 2})
    with pytest.raises(ValueError, match="are not holders"):
        coalition.named_cascade(coalition.holders(), seed=("France",))


# -- Bad input ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: coalition.stag_hunt(retained_share=0.5),
            r"retained_share = 0.5 is outside the valid range \[0, 0.45\]",
        ),
        (
            lambda: coalition.stag_hunt(restraint_cost="a third"),
            r"restraint_cost = 'a third' is not a number",
        ),
        (lambda: coalition.stag_hunt(colour=1), r"unknown parameter\(s\) \['colour'\]"),
        (
            lambda: coalition.cascade_outcome("lognormal"),
            r"distribution = 'lognormal' is not one of",
        ),
        (
            lambda: coalition.cascade_outcome(threshold_spread=0.0),
            r"threshold_spread = 0 is outside",
        ),
        (
            lambda: coalition.cascade_outcome("uniform", threshold_spread=0.1),
            r"unknown parameter\(s\) \['threshold_spread'\] for uniform thresholds",
        ),
        (lambda: coalition.cascade_path(-1), r"steps = -1 is outside"),
        (lambda: coalition.tipping_seed(seed_share=0.1), "searches over seed_share"),
        (lambda: coalition.critical_spread(0.9), r"threshold_mean = 0.9 is outside"),
        (lambda: named.usd_billion(1.0, "GBP million"), "is not a currency unit"),
        (lambda: coalition.discrete_cascade([]), r"thresholds = \[\] must be a non-empty list"),
        (
            lambda: coalition.discrete_cascade([0, -1]),
            r"thresholds contain -1, outside the valid range \[0, inf\)",
        ),
        (lambda: coalition.discrete_cascade(["a"]), r"thresholds = \['a'\] is not a sequence"),
        (
            lambda: coalition.discrete_cascade([0, 1, 2], seed_count=5),
            r"seed_count = 5 is outside the valid range \[0, 3\]",
        ),
    ],
)
def test_bad_input_names_the_parameter_value_and_range(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_declared_defaults_are_the_research_memo_calibration():
    p = cascade.PARAMETERS
    assert (p["threshold_mean"].default, p["threshold_half_width"].default) == (0.3, 0.25)
    assert staghunt.PARAMETERS["restraint_cost"].default == pytest.approx(
        next(s for s in coalition.company_stakes() if s.holder == "ASML").china_share
    )
