"""The H200 ledger: hand values from the research memo, closed forms and properties."""

import math

import pytest
import sympy as sp
from hypothesis import given, strategies as st

from chipcontrols import ledger


def test_defaults_reproduce_the_memo_worked_numbers():
    # models.md section 3: Q = min(2.0, 0.7, 0.5 x 1.0, 0.4) = 0.4M, Beijing binds;
    # ratio 13/0.3 = 43.3 without exports, 13/0.7 = 18.6 with; Treasury 0.25 x 27,000 x 0.4M = $2.7bn.
    result = ledger.ledger()
    assert result.binding == ("Beijing's approvals",)
    assert result.volume == pytest.approx(0.4)
    assert result.treasury_revenue == pytest.approx(2.7)
    assert result.nvidia_revenue == pytest.approx(8.1)
    assert result.ratio_without_exports == pytest.approx(13 / 0.3)
    assert result.ratio_with_exports == pytest.approx(13 / 0.7)


@pytest.mark.parametrize(
    ("overrides", "binding"),
    [
        ({"approvals": 2.5}, "US cap"),
        ({"approvals": 2.5, "us_volume": 3.0}, "Nvidia supply"),
        (
            {"approvals": 2.5, "us_volume": 3.0, "supply": 2.0, "cap_share": 1.0, "demand": 0.6},
            "Chinese demand",
        ),
    ],
)
def test_the_tightest_limit_binds(overrides, binding):
    assert ledger.ledger(**overrides).binding == (binding,)


@pytest.mark.parametrize(
    ("overrides", "tied"),
    [
        # supply 0.7 = cap 0.5 x 1.4
        ({"approvals": 2.5, "us_volume": 1.4}, ("Nvidia supply", "US cap")),
        # supply 0.7 = cap 0.5 x 1.4 = approvals 0.7
        ({"approvals": 0.7, "us_volume": 1.4}, ("Nvidia supply", "US cap", "Beijing's approvals")),
        # demand 0.5 = cap 0.5 x 1.0
        ({"approvals": 2.5, "demand": 0.5}, ("Chinese demand", "US cap")),
    ],
)
def test_ties_are_reported_as_ties(overrides, tied):
    result = ledger.ledger(**overrides)
    assert result.binding == tied
    assert result.binding_text == " and ".join(tied) + " (tied)"


def test_closed_form_volume_for_a_target_ratio_matches_memo_and_inverts_the_ratio():
    q_star = sp.lambdify(
        (
            ledger.us_compute,
            ledger.china_compute,
            ledger.h100e_per_chip,
            ledger.displacement,
            ledger.target_ratio,
        ),
        ledger.VOLUME_FOR_TARGET_RATIO,
    )
    assert q_star(13, 0.3, 1, 0, 10) == pytest.approx(1.0)  # memo: 1.0M
    assert q_star(13, 0.3, 1, 1, 10) == pytest.approx(10 / 11)  # memo: 0.91M
    ratio = sp.lambdify(
        (
            ledger.volume,
            ledger.us_compute,
            ledger.china_compute,
            ledger.h100e_per_chip,
            ledger.displacement,
        ),
        ledger.RATIO,
    )
    assert ratio(q_star(13, 0.3, 1.43, 0.5, 7), 13, 0.3, 1.43, 0.5) == pytest.approx(7)


def test_break_even_valuation_matches_the_memo():
    sigma = sp.lambdify(
        (
            ledger.tariff_share,
            ledger.nvidia_weight,
            ledger.price,
            ledger.volume,
            ledger.h100e_per_chip,
            ledger.china_compute,
        ),
        ledger.BREAK_EVEN_VALUATION,
    )
    assert sigma(0.25, 0.3, 27, 0.7, 1, 0.3) == pytest.approx(7.46, abs=0.01)  # $bn


def test_marginal_ratio_is_the_derivative_and_is_negative():
    marginal = sp.lambdify(
        (
            ledger.volume,
            ledger.us_compute,
            ledger.china_compute,
            ledger.h100e_per_chip,
            ledger.displacement,
        ),
        ledger.MARGINAL_RATIO,
    )
    assert marginal(0.4, 13, 0.3, 1, 0) == pytest.approx(-13 / 0.7**2)
    assert marginal(0.4, 13, 0.3, 1.43, 0.5) < 0


@given(st.floats(0.0, 2.5), st.floats(0.0, 2.5))
def test_ratio_falls_as_volume_rises(approvals_a, approvals_b):
    low, high = sorted((approvals_a, approvals_b))
    common = {"demand": 2.5, "supply": 2.0, "cap_share": 1.0, "us_volume": 3.0}
    assert (
        ledger.ledger(approvals=high, **common).ratio_with_exports
        <= ledger.ledger(approvals=low, **common).ratio_with_exports
    )


@given(st.floats(20, 35), st.floats(0.0, 0.5))
def test_revenue_is_linear_in_price_and_share(price, share):
    # price in thousand USD x volume in million chips = billion USD
    result = ledger.ledger(price=price, tariff_share=share)
    assert result.treasury_revenue == pytest.approx(share * price * result.volume)
    assert result.treasury_revenue + result.nvidia_revenue == pytest.approx(price * result.volume)
    doubled = ledger.ledger(price=price, tariff_share=share / 2)
    assert doubled.treasury_revenue == pytest.approx(result.treasury_revenue / 2)


@pytest.mark.parametrize(
    ("name", "value"), [("tariff_share", 0.9), ("price", 1_000), ("demand", -1)]
)
def test_out_of_range_inputs_are_rejected_by_name(name, value):
    with pytest.raises(ValueError, match=rf"^{name} = "):
        ledger.ledger(**{name: value})


def test_unknown_parameters_are_rejected():
    with pytest.raises(ValueError, match="unknown parameter"):
        ledger.ledger(tarif_share=0.2)


def test_ratio_at_matches_the_memo_and_rejects_volumes_outside_the_range():
    # models.md section 3: 0.7M -> 13.0x (h = 1) and 10.0x (h = 1.43); 2.0M -> 5.7x and 4.1x
    assert ledger.ratio_at([0.7, 2.0]) == pytest.approx([13 / 1.0, 13 / 2.3])
    assert ledger.ratio_at(0.7, h100e_per_chip=1.43) == pytest.approx(13 / (0.3 + 1.001))
    with pytest.raises(ValueError, match=r"^volume = 3 is outside the valid range \[0, 2.5\]"):
        ledger.ratio_at([1.0, 3.0])


def test_closed_form_results_agree_with_the_ledger_they_summarise():
    results = ledger.closed_form_results(target_ratio=10, approvals=0.7)
    assert results.volume_for_target == pytest.approx((13 - 10 * 0.3) / 10)
    assert results.marginal_ratio == pytest.approx(-13 / (0.3 + 0.5) ** 2)  # US cap binds at 0.5
    assert math.isnan(ledger.closed_form_results(approvals=0.0).break_even_valuation)
    with pytest.raises(ValueError, match="^target_ratio = 60"):
        ledger.closed_form_results(target_ratio=60)


def test_h100_equivalence_comes_from_the_chip_data(chips):
    from chipcontrols.ledger.figures import h100_equivalence

    bases = h100_equivalence(chips)
    assert bases["arithmetic"] == pytest.approx(15_832 / 15_832)
    assert bases["memory bandwidth"] == pytest.approx(4_800 / 3_350)


def test_volume_expression_is_the_minimum_of_the_four_limits():
    volume = sp.lambdify(
        (ledger.demand, ledger.supply, ledger.cap_share, ledger.us_volume, ledger.approvals),
        ledger.VOLUME,
    )
    assert volume(2.0, 0.7, 0.5, 1.0, 0.4) == pytest.approx(0.4)
    assert volume(2.0, 0.7, 0.5, 3.0, 2.5) == pytest.approx(0.7)
    assert volume(0.3, 0.7, 1.0, 3.0, 2.5) == pytest.approx(0.3)
