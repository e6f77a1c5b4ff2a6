"""The 3A090 classifier against hand-computed values, the rule's boundaries and properties."""

import pytest
from hypothesis import given, strategies as st

from chipcontrols.eccn3a090 import (
    DIE_AREA,
    OCTOBER_2023,
    TPP,
    classify_chips,
    classify_hypothetical_chip,
    performance_density,
    total_processing_performance,
)

# Hand computations (dense datasheet figures x bit length), thresholds_and_formulas.md section 3.
HAND_TPP = {
    "A100": ((312, 624, None), 4992),  # 624 INT8 x 8 = 312 FP16 x 16
    "H100": ((989.5, 1979, None), 15832),  # 1979 FP8 x 8
    "H200": ((989.5, 1979, None), 15832),
    "H20": ((148, 296, None), 2368),  # 296 x 8 = 148 x 16
    "B200": ((2250, 4500, 9000), 36000),  # every precision gives 36,000
}


@pytest.mark.parametrize("chip", sorted(HAND_TPP))
def test_tpp_matches_hand_computation(chip):
    figures, expected = HAND_TPP[chip]
    assert total_processing_performance(*figures) == pytest.approx(expected)


def test_tpp_takes_the_largest_precision_and_ignores_missing_figures():
    assert total_processing_performance(100, None, 1000) == 4000
    assert total_processing_performance(None, None, None) is None


def test_h20_is_not_controlled_and_h200_is_3a090a():
    h20_density = performance_density(2368, 814)
    assert h20_density == pytest.approx(2.909, abs=1e-3)
    assert OCTOBER_2023.classify(2368, h20_density) == "not controlled"
    assert OCTOBER_2023.classify(15832, performance_density(15832, 814)) == "3A090.a"


@pytest.mark.parametrize(
    ("tpp", "density", "expected"),
    [
        (4800, 0.01, "3A090.a"),  # a.1 at its threshold, any density
        (4799.99, 1.0, "not controlled"),
        (1600, 5.92, "3A090.a"),  # a.2 at both thresholds
        (1600, 5.9199, "3A090.b"),  # b.2: TPP >= 1600 and 3.2 <= PD < 5.92
        (1599.99, 5.92, "not controlled"),
        (2400, 1.6, "3A090.b"),  # b.1 at its lower corner
        (2399.99, 1.6, "not controlled"),
        (1600, 3.2, "3A090.b"),
        (1600, 3.1999, "not controlled"),
        (4799.99, 5.9199, "3A090.b"),
    ],
)
def test_october_2023_boundaries(tpp, density, expected):
    assert OCTOBER_2023.classify(tpp, density) == expected


def test_unknown_die_area_is_classified_only_when_tpp_alone_decides():
    assert OCTOBER_2023.classify(20919, None) == "3A090.a"
    assert OCTOBER_2023.classify(4096, None) == "undetermined (die area unknown)"
    assert OCTOBER_2023.classify(1000, None) == "not controlled"


def test_hypothetical_chip_crosses_from_uncontrolled_to_a_at_4800_on_a_large_die():
    assert classify_hypothetical_chip(4700, 4000) == "not controlled"
    assert classify_hypothetical_chip(4800, 4000) == "3A090.a"


@pytest.mark.parametrize(
    ("tpp", "area", "name"),
    [
        (TPP.maximum + 1, 800, "tpp"),
        (4000, DIE_AREA.minimum - 1, "die_area"),
        (-1, 800, "tpp"),
        (4000, float("nan"), "die_area"),
    ],
)
def test_out_of_range_inputs_name_parameter_value_and_range(tpp, area, name):
    with pytest.raises(ValueError) as error:
        classify_hypothetical_chip(tpp, area)
    message = str(error.value)
    assert message.startswith(f"{name} = ")
    parameter = TPP if name == "tpp" else DIE_AREA
    assert parameter.describe_range() in message


code_of = {label: code for code, label in enumerate(OCTOBER_2023.labels)}
tpp_values = st.floats(min_value=1, max_value=1e6, allow_nan=False)
density_values = st.floats(min_value=0.01, max_value=1e3, allow_nan=False)


@given(tpp_values, tpp_values, density_values)
def test_class_never_weakens_as_tpp_rises(tpp_a, tpp_b, density):
    low, high = sorted((tpp_a, tpp_b))
    assert (
        code_of[OCTOBER_2023.classify(low, density)]
        <= code_of[OCTOBER_2023.classify(high, density)]
    )


@given(tpp_values, density_values, density_values)
def test_class_never_weakens_as_density_rises(tpp, density_a, density_b):
    low, high = sorted((density_a, density_b))
    assert code_of[OCTOBER_2023.classify(tpp, low)] <= code_of[OCTOBER_2023.classify(tpp, high)]


def test_shaded_regions_agree_with_the_classifier_at_their_corners():
    for cell in OCTOBER_2023.regions((500, 100_000), (0.5, 100)):
        inside = [
            (cell["tpp_low"] * 1.0001, cell["density_low"] * 1.0001),
            (cell["tpp_high"] * 0.9999, cell["density_high"] * 0.9999),
        ]
        for tpp, density in inside:
            assert OCTOBER_2023.classify(tpp, density) == cell["label"], cell


def test_classify_chips_from_the_data_reproduces_hand_values(chips):
    table = classify_chips(chips).set_index("chip_id")
    assert table.loc["nvidia-a100-sxm4-80gb", "tpp"] == pytest.approx(4992)
    for chip in ("nvidia-h100-sxm5", "nvidia-h200-sxm"):
        assert table.loc[chip, "tpp"] == pytest.approx(15832)
        assert table.loc[chip, "eccn_class"] == "3A090.a"
    assert table.loc["nvidia-h20", "tpp"] == pytest.approx(2368)
    assert table.loc["nvidia-h20", "eccn_class"] == "not controlled"
