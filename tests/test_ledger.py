"""The H200 ledger: hand values from the research memo, closed forms and properties."""

import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from chipcontrols import ledger as L


def test_defaults_reproduce_the_memo_worked_numbers():
    # models.md section 3: Q = min(2.0, 0.7, 0.5 x 1.0, 0.4) = 0.4M, Beijing binds;
    # ratio 13/0.3 = 43.3 without exports, 13/0.7 = 18.6 with; Treasury 0.25 x 27,000 x 0.4M = $2.7bn.
    result = L.ledger()
    assert result.binding == "Beijing's approvals"
    assert result.volume == pytest.approx(0.4)
    assert result.treasury_revenue == pytest.approx(2.7)
    assert result.nvidia_revenue == pytest.approx(8.1)
    assert result.ratio_without_exports == pytest.approx(13 / 0.3)
    assert result.ratio_with_exports == pytest.approx(13 / 0.7)


@pytest.mark.parametrize(
    ("overrides", "binding"),
    [({"approvals": 2.5}, "US cap"), ({"approvals": 2.5, "us_volume": 3.0}, "Nvidia supply"),
     ({"approvals": 2.5, "us_volume": 3.0, "supply": 2.0, "cap_share": 1.0, "demand": 0.6},
      "Chinese demand")],
)
def test_the_tightest_limit_binds(overrides, binding):
    assert L.ledger(**overrides).binding == binding


def test_closed_form_volume_for_a_target_ratio_matches_memo_and_inverts_the_ratio():
    q_star = sp.lambdify((L.us_compute, L.china_compute, L.h100e_per_chip, L.displacement,
                          L.target_ratio), L.VOLUME_FOR_TARGET_RATIO)
    assert q_star(13, 0.3, 1, 0, 10) == pytest.approx(1.0)      # memo: 1.0M
    assert q_star(13, 0.3, 1, 1, 10) == pytest.approx(10 / 11)  # memo: 0.91M
    ratio = sp.lambdify((L.volume, L.us_compute, L.china_compute, L.h100e_per_chip, L.displacement),
                        L.RATIO)
    assert ratio(q_star(13, 0.3, 1.43, 0.5, 7), 13, 0.3, 1.43, 0.5) == pytest.approx(7)


def test_break_even_valuation_matches_the_memo():
    sigma = sp.lambdify((L.tariff_share, L.nvidia_weight, L.price, L.volume, L.h100e_per_chip,
                         L.china_compute), L.BREAK_EVEN_VALUATION)
    assert sigma(0.25, 0.3, 27_000, 0.7, 1, 0.3) / 1000 == pytest.approx(7.46, abs=0.01)  # $bn


def test_marginal_ratio_is_the_derivative_and_is_negative():
    marginal = sp.lambdify((L.volume, L.us_compute, L.china_compute, L.h100e_per_chip,
                            L.displacement), L.MARGINAL_RATIO)
    assert marginal(0.4, 13, 0.3, 1, 0) == pytest.approx(-13 / 0.7**2)
    assert marginal(0.4, 13, 0.3, 1.43, 0.5) < 0


@given(st.floats(0.0, 2.5), st.floats(0.0, 2.5))
def test_ratio_falls_as_volume_rises(approvals_a, approvals_b):
    low, high = sorted((approvals_a, approvals_b))
    common = {"demand": 2.5, "supply": 2.0, "cap_share": 1.0, "us_volume": 3.0}
    assert (L.ledger(approvals=high, **common).ratio_with_exports
            <= L.ledger(approvals=low, **common).ratio_with_exports)


@given(st.floats(20_000, 35_000), st.floats(0.0, 0.5))
def test_revenue_is_linear_in_price_and_share(price, share):
    result = L.ledger(price=price, tariff_share=share)
    assert result.treasury_revenue == pytest.approx(share * price * result.volume / 1000)
    assert result.treasury_revenue + result.nvidia_revenue == pytest.approx(price * result.volume / 1000)


@pytest.mark.parametrize(("name", "value"), [("tariff_share", 0.9), ("price", 1_000), ("demand", -1)])
def test_out_of_range_inputs_are_rejected_by_name(name, value):
    with pytest.raises(ValueError, match=rf"^{name} = "):
        L.ledger(**{name: value})


def test_unknown_parameters_are_rejected():
    with pytest.raises(ValueError, match="unknown ledger parameter"):
        L.ledger(tarif_share=0.2)
