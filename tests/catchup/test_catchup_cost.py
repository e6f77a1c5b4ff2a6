"""The cost clock: dies per wafer, yield models, defect learning and Wright's-law race.

Expected values are textbook figures (Hennessy & Patterson), published counts, hand
arithmetic shown in the comments, or properties the formulas must have.
"""

import math

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from chipcontrols import catchup
from chipcontrols.core import record

#: Declared defaults are rounded to four decimals (their sources say so): hand values from
#: the unrounded formulas agree to this relative tolerance.
ROUNDED = 1e-3

# --- dies per wafer -------------------------------------------------------------------------


@pytest.mark.parametrize(("area_mm2", "textbook"), [(225.0, 270), (100.0, 640)])
def test_dies_per_wafer_match_hennessy_and_pattersons_worked_example(area_mm2, textbook):
    # H&P 5th ed. §1.6: 300 mm wafer, dies 1.5 cm and 1.0 cm on a side:
    # 706.9/2.25 - 94.2/2.12 = 270 and 706.9/1.00 - 94.2/1.41 = 640.
    assert catchup.yields.gross_dies(area_mm2, 300) == pytest.approx(textbook, abs=0.5)


def test_dies_per_wafer_against_real_wafers():
    # H&P Figure 1.15: 280 whole Sandy Bridge dies (20.7 x 10.5 mm, "216 mm²") on a 300 mm
    # wafer; the formula estimates 282.  Maxfield (2007): 148 dies of 20 x 20 mm.
    assert round(catchup.yields.gross_dies(216, 300)) == 282
    assert catchup.yields.gross_dies(216, 300) == pytest.approx(280, rel=0.01)
    assert catchup.yields.gross_dies(400, 300) == pytest.approx(148, rel=0.04)


def test_an_ascend_910b_die_gives_about_80_gross_dies():
    # 70,686/665.61 - 942.48/sqrt(1331.22) = 106.2 - 25.8 = 80.4
    assert catchup.yields.gross_dies() == pytest.approx(80.4, abs=0.05)


@given(st.floats(50, 858), st.floats(150, 450))
def test_gross_dies_are_fewer_than_the_area_ratio_and_positive(area_mm2, diameter):
    dies = catchup.yields.gross_dies(area_mm2, diameter)
    assert 0 < dies < math.pi * (diameter / 2) ** 2 / area_mm2


# --- yield models ---------------------------------------------------------------------------


def test_yield_models_at_one_defect_per_die():
    one = {"chip_die_area_mm2": 500.0, "defect_density": 0.2}  # m = 5 cm² x 0.2 = 1
    assert catchup.yields.die_yield("Poisson", **one) == pytest.approx(math.exp(-1))
    assert catchup.yields.die_yield("Murphy", **one) == pytest.approx((1 - math.exp(-1)) ** 2)
    # alpha = 1 is Seeds' model, 1/(1 + m) = 0.5; alpha = 3 gives (4/3)^-3 = 27/64.
    assert catchup.yields.die_yield(
        "negative binomial", **one, defect_clustering=1.0
    ) == pytest.approx(0.5)
    assert catchup.yields.die_yield("negative binomial", **one) == pytest.approx(27 / 64)


@given(st.floats(0.011, 0.6), st.floats(50, 858))
def test_poisson_is_the_most_pessimistic_and_seeds_the_least(density, area_mm2):
    point = {"defect_density": density, "chip_die_area_mm2": area_mm2}
    poisson, murphy = (
        catchup.yields.die_yield("Poisson", **point),
        catchup.yields.die_yield("Murphy", **point),
    )
    seeds = catchup.yields.die_yield("negative binomial", **point, defect_clustering=1.0)
    assert 0 < poisson <= murphy <= seeds < 1


def test_negative_binomial_approaches_poisson_as_clustering_vanishes():
    gaps = [
        abs(
            catchup.yields.die_yield("negative binomial", defect_clustering=a)
            - catchup.yields.die_yield("Poisson")
        )
        for a in (0.5, 2.0, 10.0)
    ]
    assert gaps == sorted(gaps, reverse=True)


@pytest.mark.parametrize("model", catchup.yields.YIELD_MODEL_NAMES)
def test_yield_falls_and_cost_rises_with_defect_density(model):
    table = catchup.yields.yield_table(np.linspace(0.02, 0.5, 25))
    assert np.all(np.diff(table[f"{model} yield"]) < 0)
    assert np.all(np.diff(table[f"{model} cost"]) > 0)


@pytest.mark.parametrize("model", catchup.yields.YIELD_MODEL_NAMES)
@settings(max_examples=30, deadline=None)
@given(st.floats(0.2, 0.85), st.floats(500, 858))
def test_reading_a_yield_backwards_gives_the_density_that_reproduces_it(model, target, area_mm2):
    density = catchup.yields.defects_from_yield(target, model, chip_die_area_mm2=area_mm2)
    assert catchup.yields.die_yield(
        model, chip_die_area_mm2=area_mm2, defect_density=density
    ) == pytest.approx(target, rel=1e-9)


def test_reported_yields_imply_these_poisson_defect_densities():
    # -ln(0.2)/6.6561 cm² = 0.2418 and -ln(0.4)/6.6561 = 0.1377 defects per cm².
    assert catchup.yields.defects_from_yield(0.2) == pytest.approx(1.609438 / 6.6561, rel=1e-5)
    assert catchup.yields.defects_from_yield(0.4) == pytest.approx(0.916291 / 6.6561, rel=1e-5)


def test_cost_per_good_die_is_wafer_cost_over_good_dies():
    cost = catchup.yields.cost_per_good_die("Poisson")
    good = catchup.yields.gross_dies() * catchup.yields.die_yield("Poisson")
    assert cost * good == pytest.approx(catchup.yields.PARAMETERS["wafer_cost_usd"].default)
    # Raising yield from 40% to 60% cuts the cost per good die by a third.
    assert 1 - catchup.yields.cost_at_yield(0.6) / catchup.yields.cost_at_yield(
        0.4
    ) == pytest.approx(1 / 3)


def test_the_default_wafer_cost_is_csets_price_plus_the_reported_premium():
    tsmc = record.value("cset_tsmc_7nm_wafer_cost_usd")
    assert catchup.yields.PARAMETERS["wafer_cost_usd"].default == round(
        tsmc * 1.45
    )  # to the dollar


def test_an_unreachable_yield_is_refused_with_the_range():
    # On a 0.5 cm² die a 5% yield needs -ln(0.05)/0.5 = 6 defects per cm², far above 0.6.
    with pytest.raises(ValueError, match="outside the declared range"):
        catchup.yields.defects_from_yield(0.05, "Poisson", chip_die_area_mm2=50)


# --- defect learning ------------------------------------------------------------------------


def test_learning_exponent_from_twenty_to_forty_percent_over_one_doubling():
    # Poisson: d = ln(ln 0.2 / ln 0.4) / ln 2 = ln(1.7565) / 0.6931 = 0.8127.
    curve = catchup.learning.fit()
    assert curve.exponent == pytest.approx(math.log(math.log(0.2) / math.log(0.4)) / math.log(2))
    # At 2x and 4x more output: 0.4^(2^-d) and 0.4^(4^-d).
    assert curve.yield_at(2) == pytest.approx(0.4 ** (2**-curve.exponent))
    assert curve.yield_at(4) == pytest.approx(0.4 ** (4**-curve.exponent))
    assert curve.yield_at(1) == pytest.approx(0.4)


@pytest.mark.parametrize("model", catchup.yields.YIELD_MODEL_NAMES)
def test_every_fitted_curve_passes_through_both_reported_yields(model):
    curve = catchup.learning.fit(model=model, output_multiple_observed=3.0)
    assert curve.yield_at(1) == pytest.approx(0.4, rel=1e-9)
    # One step back (a third of the output) gives the earlier yield again.
    m_earlier = curve.defects_later * 3.0**curve.exponent
    assert catchup.learning._yield_of_defects(
        m_earlier, model, curve.defect_clustering
    ) == pytest.approx(0.2, rel=1e-9)


def test_the_target_yield_is_reached_where_the_curve_says():
    curve = catchup.learning.fit()
    multiple = curve.multiple_for_yield(0.6)
    assert curve.yield_at(multiple) == pytest.approx(0.6)
    closed = catchup.learning.FORMS["multiple_for_target"].numpy()(
        **catchup.learning.PARAMETERS.defaults()
    )
    assert closed == pytest.approx(multiple)


def test_closed_form_projections_agree_with_the_numeric_fit():
    values = {**catchup.learning.PARAMETERS.defaults(), "output_multiple_ahead": 5.0}
    for model in ("Poisson", "negative binomial"):
        closed = catchup.learning.FORMS["projected_yield"][model].numpy()(**values)
        assert closed == pytest.approx(catchup.learning.fit(model=model).yield_at(5.0))


def test_learning_needs_a_rising_yield():
    with pytest.raises(ValueError, match="must be higher"):
        catchup.learning.fit(yield_earlier=0.4, yield_later=0.3)


# --- Wright's law race ----------------------------------------------------------------------


def test_wright_exponent_and_minimum_growth_at_a_twenty_percent_learning_rate():
    # b = -log2(0.8) = 0.3219; gamma_min = 0.3567/0.3219 = 1.108, about 3x output a year.
    race = catchup.cost.race()
    assert race.exponent == pytest.approx(0.321928, rel=1e-5)
    assert race.gamma_min == pytest.approx(-math.log(0.7) / 0.321928, rel=ROUNDED)
    assert math.exp(race.gamma_min) == pytest.approx(3.03, abs=0.01)


@pytest.mark.parametrize(("growth", "years"), [(1.3, 14.8), (1.6, 5.8)])
def test_cost_crossover_matches_hand_values(growth, years):
    # ln 2.5 / (0.3219 x 1.3 - 0.3567) = 0.9163/0.0618 = 14.8; with 1.6: 0.9163/0.1584 = 5.8.
    assert catchup.cost.race(huawei_output_growth=growth).crossover_years == pytest.approx(
        years, abs=0.05
    )


@given(st.floats(0.05, 0.4), st.floats(0.0, 2.0), st.floats(0.1, 0.6))
def test_the_gap_closes_exactly_when_growth_beats_the_minimum(lr, growth, decline):
    race = catchup.cost.race(
        learning_rate=lr, huawei_output_growth=growth, nvidia_cost_decline=decline
    )
    assert race.catches_up == (growth > race.gamma_min)
    if race.catches_up and race.crossover_years <= 25:
        huawei, nvidia = catchup.cost.cost_paths(
            [race.crossover_years],
            learning_rate=lr,
            huawei_output_growth=growth,
            nvidia_cost_decline=decline,
        )
        assert huawei[0] == pytest.approx(nvidia[0], rel=1e-9)


def test_the_sensitivity_is_the_derivative_of_the_crossover():
    step = 1e-6
    up, down = (
        catchup.cost.race(huawei_output_growth=1.4 + s).crossover_years for s in (step, -step)
    )
    assert catchup.cost.race(huawei_output_growth=1.4).sensitivity == pytest.approx(
        (up - down) / (2 * step), rel=1e-5
    )
    assert catchup.cost.race(huawei_output_growth=1.4).sensitivity < 0


def test_a_faster_learning_rate_lowers_the_bar():
    bars = [catchup.cost.race(learning_rate=lr).gamma_min for lr in (0.15, 0.2, 0.3)]
    assert bars == sorted(bars, reverse=True)
    # At 30%: b = 0.5146, gamma_min = 0.693, about 2x a year.
    assert math.exp(bars[2]) == pytest.approx(2.0, abs=0.01)


def test_crossover_table_marks_never_as_infinite():
    table = catchup.cost.crossover_table([0.2], [1.0, 1.6])
    assert math.isinf(table.loc[0.2, 1.0]) and table.loc[0.2, 1.6] == pytest.approx(5.78, abs=0.01)


def test_a_mandate_adds_the_share_it_gains_each_year_to_market_growth():
    # 41% to 80% in three years on a market growing ln(69/37)/2 a year:
    expected = math.log(69 / 37) / 2 + math.log(0.80 / 0.41) / 3
    assert catchup.cost.mandate_growth() == pytest.approx(expected, rel=ROUNDED)
    assert catchup.cost.mandate_growth() < catchup.cost.race().gamma_min
