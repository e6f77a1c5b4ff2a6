"""Chapter 1's solution figures against hand computations written out here.

Each expected value is worked by hand from the defaults and data the chapter states (13 M
H100e US, 0.3 M China, 25% tariff, $27,000 a chip, ...), not by calling the formula the
function uses, so a drift in the model or the data shows up as a mismatch.
"""

from __future__ import annotations

import math

import pytest

from chipcontrols import ledger
from solutions import ledger as ch1_solutions

SOL = ch1_solutions.solution_figures()
PROSE = ledger.prose.prose_figures()
EXERCISE = ledger.prose.exercise_figures()


def close(value, expected, rel=1e-9):
    return value == pytest.approx(expected, rel=rel)


def test_tpp_exercise():
    # Chip X: 140 TFLOPS x 16 = 2240, 330 TOPS x 8 = 2640; 2640 / 600 mm2 = 4.4: grey zone.
    assert EXERCISE["chip_x_dense_8bit_tops"] == 330 and EXERCISE["chip_x_die_area_mm2"] == 600
    assert SOL["tpp_x_tpp16"] == 140 * 16 == 2240
    assert SOL["tpp_x_tpp8"] == SOL["tpp_x_tpp"] == 330 * 8 == 2640
    assert close(SOL["tpp_x_density"], 2640 / 600)
    assert SOL["tpp_x_class"] == "3A090.b"  # TPP >= 2400 with 1.6 <= density < 5.92
    # The sparse headline 660 TOPS x 8 = 5280 >= 4800: the trap makes it 3A090.a.
    assert EXERCISE["chip_x_sparse_8bit_tops"] == 660
    assert SOL["tpp_x_sparse_tpp"] == 5280 and SOL["tpp_x_sparse_class"] == "3A090.a"
    # Chip Y: 290 x 8 = 2320 > 2240; 2320 / 760 = 3.05: below 2400 and below density 3.2.
    assert SOL["tpp_y_tpp"] == 2320 and close(SOL["tpp_y_density"], 2320 / 760)
    assert SOL["tpp_y_class"] == "not controlled"
    assert SOL["tpp_y_grey_8bit_tops"] == 2400 / 8 == 300
    assert SOL["tpp_y_headroom_tops"] == 300 - 290 == 10
    assert close(SOL["tpp_y_headroom_percent"], 100 * 10 / 290)


def test_binding_exercise():
    assert SOL["bind_jan_binding"] == "Beijing's approvals"
    assert SOL["bind_jan_volume"] == 0 and SOL["bind_jan_treasury"] == 0
    assert close(SOL["bind_jan_ratio"], 13 / 0.3)
    assert close(SOL["bind_jan_cap"], 0.5 * 1.0)
    assert SOL["bind_cap_binding"] == "US cap"
    assert close(SOL["bind_cap_treasury"], 0.25 * 27 * 0.5)  # 3.375 bn
    assert close(SOL["bind_cap_ratio"], 13 / (0.3 + 0.5))  # 16.25
    assert SOL["bind_supply_binding"] == "Nvidia supply"
    assert close(SOL["bind_supply_cap"], 0.5 * 3.0)
    assert close(SOL["bind_supply_treasury"], 0.25 * 27 * 0.7)  # 4.725 bn
    assert close(SOL["bind_supply_ratio"], 13 / (0.3 + 0.7))  # 13.0
    assert close(SOL["bind_us_clearances_million"], 10 * 75_000 / 1e6)  # 0.75
    assert SOL["bind_us_clearances_binding"] == "US cap"
    # The loosening: min(demand 2.0, supply 2.0, cap 0.8 x 1.35 = 1.08, approvals 2.5).
    assert SOL["bind_unseen_binding"] == "US cap"
    assert close(SOL["bind_unseen_volume"], 0.8 * 1.35)
    assert close(SOL["bind_unseen_treasury"], 0.25 * 27 * 1.08)
    assert close(SOL["bind_unseen_ratio"], 13 / (0.3 + 1.08))


def test_ifp_exercise_part_1_and_2():
    assert close(SOL["ifp_ratio_none"], 13 / 0.3)  # 43.3
    assert close(SOL["ifp_ratio_demand"], 13 / 2.3)  # 5.65
    assert close(SOL["ifp_part1_ratio"], 13 / (0.3 + 4800 / 3350 * 2.0))  # about 4.11
    assert close(SOL["ifp_top_ratio_none"], 14.5 / 0.3)
    assert close(SOL["ifp_top_ratio"], 14.5 / 2.2)
    assert close(SOL["ifp_bottom_ratio_none"], 8 / 0.38)
    assert close(SOL["ifp_bottom_ratio"], (8 - 0.45 * 1.8 * 2.5) / (0.38 + 1.8 * 2.5))
    assert close(SOL["ifp_bottom_numerator"], 5.975)
    assert close(SOL["ifp_bottom_denominator"], 4.88)


def test_ifp_exercise_part_3_values_for_a_ratio_of_1_2():
    target = 1.2
    assert close(SOL["ifp_need_volume"], (13 - target * 0.3) / target)  # h = 1: 10.53
    assert close(SOL["ifp_need_h100e_per_chip"], (13 - target * 0.3) / (target * 2.0))
    assert close(SOL["ifp_need_displacement"], (13 - target * 2.3) / 2.0)  # 5.12
    assert close(SOL["ifp_need_us_compute"], target * 2.3)  # 2.76
    assert close(SOL["ifp_need_china_compute"], (13 - target * 2.0) / target)  # 8.83
    assert close(SOL["ifp_china_compute_multiple"], (13 - 2.4) / 1.2 / 0.3)
    assert close(SOL["ifp_pessimistic_no_displacement"], 8 / (0.38 + 1.8 * 2.5))
    assert close(SOL["ifp_pessimistic_displacement_needed"], (8 - target * 4.88) / (1.8 * 2.5))


def test_ifp_exercise_part_4():
    h_bw = 4800 / 3350
    for q, key in ((0.4, "approvals"), (0.7, "supply"), (2.0, "demand")):
        assert close(SOL[f"ifp_ratio_{key}"], 13 / (0.3 + q))
        assert close(SOL[f"ifp_ratio_{key}_bandwidth"], 13 / (0.3 + h_bw * q))
    assert close(SOL["ifp_ratio_max"], 13 / 2.8)
    assert close(SOL["ifp_drop_first"], 13 / 0.3 - 13 / 0.7)
    assert close(SOL["ifp_drop_next"], 13 / 0.7 - 13 / 2.3)


def test_memo_exercise():
    # The May clearances, 10 firms x 75,000 = 0.75 M chips, counted by bandwidth 4.8 / 3.35.
    gain = (0.25 + 0.3 * 0.75) * 27  # thousand USD a chip
    q, h = 0.75, 4800 / 3350
    assert close(SOL["memo_gain_per_chip_usd"], 12_825)
    assert close(SOL["memo_gain_bn"], gain * q)
    assert close(SOL["memo_harm_factor"], math.log(1 + h * q / 0.3))
    assert close(SOL["memo_sigma_star"], gain * q / math.log(1 + h * q / 0.3))
    assert close(SOL["memo_per_doubling"], SOL["memo_sigma_star"] * math.log(2))
    assert round(SOL["memo_sigma_star"], 2) == 6.32


@pytest.mark.parametrize(
    "row, q, h",
    [
        ("approvals", 0.4, 1.0),
        ("supply", 0.7, 1.0),
        ("bandwidth", 0.75, 4800 / 3350),
        ("demand", 2.0, 1.0),
    ],
)
@pytest.mark.parametrize("col, omega", [("min", 0.0), ("default", 0.3), ("max", 1.0)])
def test_memo_sensitivity_table(row, q, h, col, omega):
    gain = (0.25 + omega * 0.75) * 27
    expected = gain * q / math.log(1 + h * q / 0.3) * math.log(2)
    assert close(SOL[f"memo_sens_{row}_{col}"], expected)


def test_memo_rubric_adds_up():
    assert SOL["memo_rubric_total"] == 20


def test_legacy_cap_exercise():
    # The tighter cap share 0.3, every order approved.
    assert SOL["legacy_high_binding"] == SOL["legacy_low_binding"] == "US cap"
    assert close(SOL["legacy_high_cap"], 0.3 * 1.0)
    assert close(SOL["legacy_high_treasury"], 0.25 * 27 * 0.3)
    assert close(SOL["legacy_high_ratio"], 13 / 0.6)
    assert close(SOL["legacy_low_cap"], 0.3 * 0.2)
    assert close(SOL["legacy_low_treasury"], 0.25 * 27 * 0.06)
    assert close(SOL["legacy_low_ratio"], 13 / 0.36)
    assert close(SOL["legacy_switch_us_volume"], 0.7 / 0.3)


def test_prose_figures():
    assert close(PROSE["h100_over_h20_tpp"], 15_832 / 2_368)  # about 6.7
    assert close(PROSE["h100_tpp_over_line"], 15_832 / 4_800)
    assert PROSE["orders_million"] == 2.0
    assert PROSE["ft_received_total"] == 20_000
    assert close(PROSE["ft_value_usd_billion"], 20_000 * 27_000 / 1e9)  # 0.54
    assert close(PROSE["ft_ratio"], 13 / (0.3 + 0.02))
    assert close(PROSE["ft_treasury_usd_million"], 0.25 * 27 * 0.02 * 1e3)
    assert close(PROSE["hopper_ceiling_usd_billion"], 0.01 * 89.0)
    assert PROSE["blackwell_min_tpp"] == 36_000
    assert PROSE["blackwell_min_bandwidth_gbs"] == 8_000
    assert PROSE["try_class_below"] == "not controlled" and PROSE["try_class_at"] == "3A090.a"
    assert PROSE["try_density_at"] < 1.6  # below the grey zone


def test_only_numbers_and_short_texts():
    for key, value in {**SOL, **PROSE}.items():
        assert isinstance(value, (int, float, str)), key
        if isinstance(value, float):
            assert math.isfinite(value), key
