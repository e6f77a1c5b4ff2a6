"""The hedged-dependence model (chapter 5): hand-derived values, properties, the ledger link, bad input.

Expected values are worked by hand from the formulas of the research memo (models.md §7) or
found by brute force (a grid search over the share, the levy or the exit date), never copied
from the code.

The levy convention (issue 21): the memo's advantage a0 = 1.8 is before the levy; Beijing faces
a = a0 − κτ = 1.8 − 0.8 × 0.25 = 1.6 at the record's 25% levy and the memo's pass-through.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from chipcontrols import hedging, ledger
from chipcontrols.core import record
from chipcontrols.core.data import load_table
from chipcontrols.hedging import PARAMETERS

#: The memo's defaults with Washington's cap lifted, so that Beijing's interior choice shows.
NO_CAP = {"us_share_cap": 1.0}
RNG_SEED = 20260128
#: The advantage before the levy, the levy and the pass-through at the defaults (by hand).
A0, TAU, KAPPA = 1.8, 0.25, 0.8
#: The advantage Beijing faces at the defaults: a = a0 − κτ.
A = A0 - KAPPA * TAU
#: The numerator of s* at the defaults: V(a − 1) − β (V = 1, β = 0.2).
GAIN = 1.0 * (A - 1) - 0.2


# --- hand-derived values (issue 13, models.md §7) ------------------------------------------


def test_best_reply_at_the_memo_defaults():
    # s* = (V(a - 1) - beta) / (2 p L) = (1 x 0.6 - 0.2) / (2 x 0.4 x 1) = 0.5, a = 1.8 - 0.2
    assert hedging.best_reply(**NO_CAP).import_share == pytest.approx(GAIN / 0.8) == 0.5
    # at p = 0.8: 0.4 / 1.6 = 0.25
    assert hedging.best_reply(cutoff_probability=0.8, **NO_CAP).import_share == pytest.approx(
        GAIN / 1.6
    )


def test_a_pairing_rule_of_four_caps_the_share_at_one_fifth():
    reply = hedging.best_reply(pairing_ratio=4, **NO_CAP)
    assert reply.import_share == pytest.approx(0.2)  # 1 / (1 + 4)
    assert reply.binding == (hedging.PAIRING,)
    assert reply.interior == pytest.approx(GAIN / 0.8)  # the preference is not what binds


def test_all_in_only_below_the_threshold():
    # p_bar = (V(a - 1) - beta) / (2 L) = 0.4 / 2 = 0.20
    assert hedging.best_reply().all_in_threshold == pytest.approx(GAIN / 2)
    assert hedging.best_reply(cutoff_probability=0.19, **NO_CAP).import_share == 1.0
    assert hedging.best_reply(cutoff_probability=0.21, **NO_CAP).import_share < 1.0


def test_revenue_maximising_levy_and_prohibitive_levy():
    # tau* = (V(a0 - 1) - beta) / (2 V kappa) = 0.6 / 1.6 = 0.375; the prohibitive levy is twice it
    result = hedging.levy_outcome(base_advantage=1.8, pass_through=0.8, domestic_value=0.2)
    assert result.revenue_maximising_levy == pytest.approx(0.375)
    assert result.prohibitive_levy == pytest.approx(0.75)
    assert result.levy_verdict == "below"  # 25% < 37.5%


def test_exit_date_at_half_a_year_erosion_rate():
    # the gap before the levy erodes, the levy's bite stays: a(t) = 1 + 0.8 e^(-0.5 t) - 0.2;
    # V(a(t) - 1) = beta gives e^(-0.5 t) = (0.2 + 0.2) / 0.8: t = 2 ln 2 ≈ 1.39 years
    clock = hedging.exit_clock(advantage_erosion_rate=0.5)
    assert clock.exit_time == pytest.approx(2 * math.log(2))
    assert clock.exit_advantage == pytest.approx(1.2)  # 1 + beta / V, after the levy
    # with nothing passed on the memo's 2 ln 4 ≈ 2.77 returns
    assert hedging.exit_clock(levy=0.0).exit_time == pytest.approx(2 * math.log(4))


def test_exit_date_by_bisection_on_the_advantage_path():
    # brute force: the first t on a fine grid where imports stop being worth buying
    times = np.linspace(0, 10, 1_000_001)
    advantage = 1 + (A0 - 1) * np.exp(-0.5 * times) - KAPPA * TAU
    first = times[np.argmax(1.0 * (advantage - 1) <= 0.2)]
    assert hedging.exit_clock().exit_time == pytest.approx(first, abs=1e-4)


def test_compute_share_by_hand():
    # 0.2 of spending at 1.8 x the compute per yuan: 0.36 / (0.36 + 0.8)
    assert hedging.compute_share(0.2, 1.8) == pytest.approx(0.36 / 1.16)


def test_defaults_read_from_the_record_and_the_ledger():
    orders, approvals = (
        record.value("chinese_h200_orders_2026"),
        record.value("beijing_h200_approvals_jan_2026"),
    )
    assert PARAMETERS["observed_share"].default == pytest.approx(approvals / orders) == 0.2
    assert PARAMETERS["levy"].default == record.value("section_232_tariff_rate_percent") / 100
    # one convention: 1.8 is the advantage before the levy; a is after it, at the defaults
    assert PARAMETERS["base_advantage"].default == A0
    assert PARAMETERS["pass_through"].default == KAPPA
    assert PARAMETERS["us_advantage"].default == pytest.approx(
        A0 - KAPPA * record.value("section_232_tariff_rate_percent") / 100
    )
    # the 50% cap on US-customer volume, as a share of China's orders: 0.5 x 1.0 M / 2.0 M
    assert PARAMETERS["us_share_cap"].default == pytest.approx(0.25)
    assert PARAMETERS["china_ai_budget"].default == pytest.approx(2.0 * 27)  # M chips x $k
    assert PARAMETERS["nvidia_weight"] is ledger.PARAMETERS["nvidia_weight"]  # declared once


# --- properties ------------------------------------------------------------------------------


def _random_points(count, names, seed=RNG_SEED):
    rng = np.random.default_rng(seed)
    for _ in range(count):
        yield {n: float(rng.uniform(PARAMETERS[n].minimum, PARAMETERS[n].maximum)) for n in names}


CHINA = tuple(hedging.CHINA_INPUTS)


def test_the_chosen_share_maximises_the_payoff_on_a_grid():
    grid = np.linspace(0.0, 1.0, 20_001)
    for point in _random_points(40, CHINA):
        reply = hedging.best_reply(**point)
        upper = min(1 / (1 + point["pairing_ratio"]), point["us_share_cap"])
        feasible = grid[grid <= upper + 1e-12]
        values = hedging.payoff(feasible, **point)
        assert reply.import_share == pytest.approx(feasible[np.argmax(values)], abs=1e-4)
        assert reply.payoff >= values.max() - 1e-9


def test_the_payoff_is_concave():
    for point in _random_points(10, CHINA):
        curvature = float(
            hedging.CURVATURE.subs({PARAMETERS.symbol(n): v for n, v in point.items()})
        )
        assert curvature == pytest.approx(-2 * point["cutoff_probability"] * point["cutoff_loss"])
        assert curvature < 0


def test_signs_of_the_comparative_statics_and_finite_differences():
    for point in _random_points(30, CHINA):
        if point["value_scale"] * (point["us_advantage"] - 1) <= point["domestic_value"]:
            continue  # no interior gain to buy
        statics = hedging.comparative_statics(**point)
        assert statics["cutoff_probability"] < 0 and statics["cutoff_loss"] < 0
        assert statics["us_advantage"] > 0 and statics["domestic_value"] < 0
        for name, slope in statics.items():
            step = 1e-6
            up = hedging.best_reply(**{**point, name: point[name] + step}).interior
            down = hedging.best_reply(**{**point, name: point[name] - step}).interior
            assert (up - down) / (2 * step) == pytest.approx(slope, rel=1e-5)


def test_leverage_paradox_leverage_and_expected_loss_fall_as_the_threat_grows():
    probabilities = np.linspace(0.21, 0.9, 60)  # above p_bar: interior
    curve = hedging.leverage_curve(probabilities, **NO_CAP)
    assert np.all(np.diff(curve["leverage"]) < 0)
    assert np.all(np.diff(curve["expected_loss"]) < 0)
    # leverage ∝ 1/p², so doubling p divides it by four (hand: 0.25 at 0.4, 0.0625 at 0.8)
    at = {q: hedging.leverage(cutoff_probability=q, **NO_CAP).leverage for q in (0.4, 0.8)}
    assert at[0.4] == pytest.approx((GAIN / 0.8) ** 2) and at[0.4] / at[0.8] == pytest.approx(4.0)


def test_below_the_all_in_threshold_expected_loss_rises_with_p():
    curve = hedging.leverage_curve(np.linspace(0.05, 0.19, 20), **NO_CAP)
    assert np.allclose(curve["leverage"], 1.0)  # all in: L x 1²
    assert np.all(np.diff(curve["expected_loss"]) > 0)  # p L, rising


def test_washingtons_cap_caps_leverage():
    # the cap (0.25) binds while s* = 0.4 / (2p) >= 0.25, i.e. for p up to 0.8: L x 0.25²
    curve = hedging.leverage_curve(np.linspace(0.05, 0.8, 16))
    assert np.allclose(curve["leverage"], 0.0625)
    # above it Beijing's own choice is smaller: at p = 0.9, (0.4 / 1.8)²
    assert hedging.leverage(cutoff_probability=0.9).leverage == pytest.approx((GAIN / 1.8) ** 2)


def test_revenue_at_tau_star_beats_nearby_levies_and_a_grid():
    for point in _random_points(
        25,
        (
            "base_advantage",
            "pass_through",
            "domestic_value",
            "cutoff_probability",
            "cutoff_loss",
            "value_scale",
        ),
    ):
        values = {**point, "us_share_cap": 1.0, "pairing_ratio": 0.0}
        best = hedging.levy_outcome(**values)
        peak = best.peak_levy
        if not 0.01 < peak < 0.99:
            continue
        levies = np.linspace(0, 1, 10_001)
        curve = hedging.revenue_curve(levies, **values)
        at_peak = hedging.levy_outcome(**{**values, "levy": peak}).treasury_revenue
        assert curve["treasury"].max() <= at_peak * (1 + 1e-9)
        assert curve["treasury"].max() == pytest.approx(at_peak, rel=1e-3)
        for eps in (-0.01, 0.01):
            nearby = hedging.levy_outcome(**{**values, "levy": peak + eps}).treasury_revenue
            assert nearby <= hedging.levy_outcome(**{**values, "levy": peak}).treasury_revenue


def test_a_binding_cap_moves_the_revenue_peak_to_where_it_stops_binding():
    # defaults: the desired share (0.6 - 0.8 tau) / 0.8 falls to the cap 0.25 at tau = 0.5
    result = hedging.levy_outcome()
    assert result.peak_levy == pytest.approx(0.5)
    levies = np.linspace(0, 1, 2_001)
    curve = hedging.revenue_curve(levies)
    assert levies[np.argmax(curve["treasury"])] == pytest.approx(0.5, abs=1e-3)
    assert levies[np.argmax(curve["revenue_beijing"])] == pytest.approx(0.375, abs=1e-3)


def test_revenue_is_consistent_with_the_chapter_1_ledger():
    # 25% of a $54bn budget times the cap share 0.25 = the ledger's Treasury at its cap (0.5 M)
    result = hedging.levy_outcome()
    capped = ledger.ledger(approvals=ledger.PARAMETERS["approvals"].maximum)
    assert (
        result.treasury_revenue == pytest.approx(capped.treasury_revenue) == pytest.approx(3.375)
    )


def test_exit_time_solves_the_exit_condition():
    for point in _random_points(
        20, ("base_advantage", "value_scale", "domestic_value", "advantage_erosion_rate")
    ):
        clock = hedging.exit_clock(**point)
        if not 0 <= clock.exit_time <= PARAMETERS["years_after_january_2026"].maximum:
            continue
        at_exit = hedging.advantage_at(
            clock.exit_time,
            base_advantage=point["base_advantage"],
            advantage_erosion_rate=point["advantage_erosion_rate"],
        )
        assert point["value_scale"] * (at_exit - 1) == pytest.approx(point["domestic_value"])


def test_exit_is_already_past_when_the_advantage_is_worth_less_than_buying_domestic():
    assert hedging.exit_clock(base_advantage=1.1, domestic_value=0.5).exit_time < 0


# --- bounds are named, never silent ----------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "binding", "share"),
    [
        ({}, (hedging.US_CAP,), 0.25),
        (NO_CAP, (hedging.INTERIOR,), 0.5),
        ({"cutoff_probability": 0.15, **NO_CAP}, (hedging.ALL_IN, hedging.US_CAP), 1.0),
        (
            {"cutoff_probability": 0.2, "us_share_cap": 1.0, "pairing_ratio": 0.5},
            (hedging.PAIRING,),
            1 / 1.5,
        ),
        (
            {"pairing_ratio": 1, "us_share_cap": 0.5, "cutoff_probability": 0.3},
            (hedging.PAIRING, hedging.US_CAP),
            0.5,
        ),
        ({"domestic_value": 0.8, "us_advantage": 1.5}, (hedging.NO_IMPORTS,), 0.0),
        ({"us_share_cap": 0.5}, (hedging.INTERIOR, hedging.US_CAP), 0.5),
    ],
)
def test_the_bound_that_binds_is_named(values, binding, share):
    reply = hedging.best_reply(**values)
    assert reply.binding == binding
    assert reply.import_share == pytest.approx(share)
    if len(binding) > 1:
        assert reply.binding_text.endswith("(tied)")


def test_beijings_choice_ignores_washingtons_cap():
    reply = hedging.best_reply()
    assert reply.beijing_share == pytest.approx(0.5) and reply.import_share == pytest.approx(0.25)
    assert reply.beijing_binding == (hedging.INTERIOR,)


# --- calibration -----------------------------------------------------------------------------


def test_calibrations_to_the_january_share_by_hand():
    # s* = 0.2 with a = 1.6: p = 0.4 / (2 x 0.2) = 1 (outside the range, which stops at 0.9);
    # beta = 0.6 - 2 x 0.4 x 0.2 = 0.44; a = 1 + (0.2 + 0.16) = 1.36 (after the levy);
    # L = 0.4 / (2 x 0.4 x 0.2) = 2.5 (inside the range); k = 1 / 0.2 - 1 = 4
    expected = {
        "cutoff_probability": (GAIN / 0.4, False),
        "domestic_value": ((A - 1) - 0.16, True),
        "us_advantage": (1.36, True),
        "cutoff_loss": (GAIN / 0.16, True),
        "pairing_ratio": (4.0, True),
    }
    for name, (value, inside) in expected.items():
        result = hedging.calibrate(name)
        assert result.value == pytest.approx(value) and result.inside_range is inside, name


def test_a_calibrated_parameter_reproduces_the_share():
    for point in _random_points(20, CHINA):
        for name in ("domestic_value", "us_advantage", "cutoff_probability", "cutoff_loss"):
            given = {n: v for n, v in point.items() if n != name}
            result = hedging.calibrate(name, observed_share=0.3, **given)
            if result.inside_range:
                reply = hedging.best_reply(**{**given, name: result.value})
                assert reply.interior == pytest.approx(0.3)


def test_a_pairing_rule_cannot_explain_a_share_above_what_beijing_wants():
    assert not hedging.calibrate("pairing_ratio", observed_share=0.9).binds
    assert hedging.calibrate("pairing_ratio", observed_share=0.2).binds


# --- one levy convention (issue 21) -----------------------------------------------------------


def test_the_levy_section_and_the_best_reply_use_the_same_advantage():
    # Treasury revenue = price x levy x (the best reply's import share) x China's orders, the
    # volume basis R = demand x price of the model; capped and uncapped, so mixing fails either way
    price = ledger.PARAMETERS["price"].default  # thousand USD a chip
    demand = ledger.PARAMETERS["demand"].default  # million chips: price x demand is billion USD
    for values in ({}, NO_CAP, {"us_share_cap": 0.5, "cutoff_probability": 0.3}):
        levy = hedging.levy_outcome(**values)
        reply = hedging.best_reply(**values)  # the defaults: a = a0 - κτ at the record's levy
        assert levy.treasury_revenue == pytest.approx(
            price * PARAMETERS["levy"].default * reply.import_share * demand
        )
        assert levy.reply.import_share == pytest.approx(reply.import_share)
        assert levy.reply.interior == pytest.approx(reply.interior)


def test_the_default_share_the_chapter_quotes_is_the_levy_sections_share():
    prose = hedging.prose.prose_figures()
    at_levy = hedging.levy_outcome(**NO_CAP).reply
    assert prose["s_star"] == pytest.approx(at_levy.interior) == pytest.approx(GAIN / 0.8)
    assert prose["s_default"] == pytest.approx(hedging.levy_outcome().reply.import_share)
    assert prose["advantage_now"] == pytest.approx(prose["advantage_after_levy"]) == A


def test_any_levy_and_pass_through_give_the_reply_at_a0_minus_kappa_tau():
    names = ("base_advantage", "levy", "pass_through", "cutoff_probability", "domestic_value")
    for point in _random_points(30, names):
        a = point["base_advantage"] - point["pass_through"] * point["levy"]
        if not PARAMETERS["us_advantage"].minimum <= a <= PARAMETERS["us_advantage"].maximum:
            continue
        china = {n: point[n] for n in ("cutoff_probability", "domestic_value")}
        at_levy = hedging.levy_outcome(**point).reply
        assert at_levy.interior == pytest.approx(
            hedging.best_reply(us_advantage=a, **china).interior
        )


def test_a_share_maximising_the_payoff_at_the_levy_is_the_levy_sections_share():
    # brute force over s with a = a0 - κτ typed by hand, at the defaults and the cap lifted
    shares = np.linspace(0, 1, 100_001)
    payoff = (A * shares + (1 - shares)) + 0.2 * (1 - shares) - 0.4 * shares**2
    assert hedging.levy_outcome(**NO_CAP).reply.import_share == pytest.approx(
        shares[np.argmax(payoff)], abs=1e-4
    )


# --- the link to chapter 1 -------------------------------------------------------------------


def test_beijings_share_of_chinas_orders_becomes_the_ledgers_approvals():
    link = hedging.ledger_link(domestic_value=(A - 1) - 0.16)
    assert link.approvals == pytest.approx(0.2 * 2.0)  # share x demand (M chips)
    assert link.ledger_result == ledger.ledger(approvals=link.approvals)
    assert link.ledger_result.binding == ("Beijing's approvals",)
    default = hedging.ledger_link()  # Beijing wants 0.5 x 2.0
    assert default.approvals == pytest.approx(1.0)
    assert default.ledger_result.binding == ("US cap",)  # the ledger applies its cap


# --- the dependence record -------------------------------------------------------------------


def test_every_dependence_step_points_at_the_record_it_reads():
    steps = load_table("dependence")
    timeline = load_table("timeline").set_index("event_id")
    figures = record.figures()
    for step in steps.itertuples():
        if step.status == "found":
            event = timeline.loc[step.event_id]
            assert step.citation == event.citation and step.source_url == event.source_url
            assert str(step.date)[:10] == str(event.date)[:10]
        else:
            assert not isinstance(step.event_id, str)
        if isinstance(step.record_key, str):
            assert step.record_key in figures
        if isinstance(step.lever, str):
            assert step.lever in PARAMETERS
    assert str(steps["date"].max())[:7] == "2026-11"  # the record runs to November
    assert (steps["status"] == "not found").any()


# --- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "named"),
    [
        (lambda: hedging.best_reply(cutoff_probability=1.2), "cutoff_probability"),
        (lambda: hedging.best_reply(cutoff_probability=math.nan), "cutoff_probability"),
        (lambda: hedging.best_reply(us_advantage="1.8"), "us_advantage"),
        (lambda: hedging.best_reply(pairing_ratio=-1), "pairing_ratio"),
        (lambda: hedging.best_reply(probability=0.4), "probability"),
        (lambda: hedging.best_reply(levy=0.25), "levy"),
        (lambda: hedging.payoff([0.2, 1.5]), "import_share"),
        (lambda: hedging.levy_outcome(levy=math.inf), "levy"),
        (lambda: hedging.levy_outcome(pass_through=0), "pass_through"),
        (lambda: hedging.exit_clock(domestic_value=0), "domestic_value"),
        (lambda: hedging.advantage_at(-1.0), "years_after_january_2026"),
        (lambda: hedging.calibrate("levy"), "levy"),
        (lambda: hedging.calibrate("domestic_value", domestic_value=0.3), "domestic_value"),
        (lambda: hedging.calibrate("domestic_value", observed_share=0), "observed_share"),
        (lambda: hedging.compute_share(0.2, us_advantage=0.5), "us_advantage"),
        (lambda: hedging.leverage_curve([0.4, 2.0]), "cutoff_probability"),
        (lambda: hedging.revenue_curve([0.1], tau=1), "tau"),
    ],
)
def test_bad_input_is_refused_with_the_parameter_named(call, named):
    with pytest.raises(ValueError, match=named):
        call()
