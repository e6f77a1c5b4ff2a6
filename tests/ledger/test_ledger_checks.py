"""Chapter-1 exercise checks: right answers pass, wrong answers fail, bad input is refused.

Expected values are worked out here by hand from data/chips.csv and from the ledger's formula
ρ(Q) = (C_US − δ·h·Q) / (C_CN + h·Q), not by calling the functions under test.
"""

import re

import pytest

from chipcontrols.core.checking import CheckResult
from chipcontrols.ledger.checks import (
    LIMIT_NAMES,
    check_binding,
    check_ifp_reproduction,
    check_january_2026,
    check_tpp,
    ifp_range,
)

CONSTRAINTS = LIMIT_NAMES

# data/chips.csv: A100 dense INT8 624 TOPS (x 8 bits) = dense FP16 312 TFLOPS (x 16) = 4992,
# die 826 mm2; H20 dense FP8/INT8 296 x 8 = BF16 148 x 16 = 2368, die 814 mm2.
A100, A100_TPP, A100_DENSITY = "nvidia-a100-sxm4-80gb", 624 * 8, 624 * 8 / 826
H20, H20_TPP, H20_DENSITY = "nvidia-h20", 296 * 8, 296 * 8 / 814


def assert_refused(result, pattern):
    """A refused answer is a "Not yet" whose message says what went wrong (no traceback)."""
    assert isinstance(result, CheckResult) and not result.correct, result
    assert "could not be checked" in result.message
    assert re.search(pattern, result.message), result.message


def ratio(q, c_us, c_cn, h, delta):
    return (c_us - delta * h * q) / (c_cn + h * q)


# --- CheckResult ---------------------------------------------------------------------------


def test_check_result_prints_a_verdict_first():
    assert str(CheckResult(True, "fine.")) == "Right: fine."
    assert repr(CheckResult(False, "hint.")) == "Not yet: hint."
    assert not CheckResult(False, "hint.")
    with pytest.raises(AttributeError):
        CheckResult(True, "x").correct = False  # frozen


# --- Exercise 1: TPP and class ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("chip", "tpp", "density", "label"),
    [
        (A100, A100_TPP, A100_DENSITY, "3A090.a"),
        (H20, H20_TPP, H20_DENSITY, "not controlled"),
    ],
)
def test_right_tpp_and_class_pass(chip, tpp, density, label):
    assert check_tpp(chip, tpp=tpp, eccn_class=label).correct
    assert check_tpp(chip, tpp=tpp, eccn_class=label, density=round(density, 2)).correct
    assert check_tpp(chip, tpp=tpp, eccn_class=f"  {label.upper()} ").correct  # case, spaces


@pytest.mark.parametrize("wrong_label", ["3A090.b", "not controlled"])
def test_wrong_class_fails_without_revealing_the_answer(wrong_label):
    result = check_tpp(A100, tpp=A100_TPP, eccn_class=wrong_label)
    assert not result.correct
    assert str(result).startswith("Not yet: ")
    assert "3A090.a" not in result.message


def test_tpp_off_by_ten_percent_fails():
    result = check_tpp(A100, tpp=A100_TPP * 1.10, eccn_class="3A090.a")
    assert not result.correct
    assert str(A100_TPP) not in result.message and "4,992" not in result.message


@pytest.mark.parametrize(
    ("factor", "correct"), [(1.0099, True), (0.9901, True), (1.0101, False), (0.9899, False)]
)
def test_tpp_tolerance_is_one_percent(factor, correct):
    assert check_tpp(H20, tpp=H20_TPP * factor, eccn_class="not controlled").correct is correct


def test_density_off_by_more_than_one_percent_fails():
    assert not check_tpp(
        A100, tpp=A100_TPP, eccn_class="3A090.a", density=A100_DENSITY * 1.02
    ).correct


def test_sparse_figure_gets_the_sparsity_hint():
    # The A100 datasheet headline 1,248 INT8 TOPS is with 2:4 sparsity (data/chips.csv notes).
    result = check_tpp(A100, tpp=1248 * 8, eccn_class="3A090.a")
    assert not result.correct and "sparse" in result.message


def test_unknown_chip_lists_the_valid_ids():
    assert_refused(
        check_tpp("a100", tpp=A100_TPP, eccn_class="3A090.a"),
        r"chip_id = 'a100'.*valid ids:.*nvidia-a100-sxm4-80gb",
    )


def test_chip_whose_class_is_undetermined_is_refused():
    # Ascend 910: TPP 4096 but no die area, so its class depends on an unknown density.
    assert_refused(check_tpp("huawei-ascend-910", tpp=4096, eccn_class="3A090.b"), "valid ids")


def test_unknown_class_label_lists_the_valid_labels():
    assert_refused(
        check_tpp(A100, tpp=A100_TPP, eccn_class="3A090.c"),
        r"eccn_class = '3A090\.c'.*valid answers",
    )


@pytest.mark.parametrize("bad", [-4992, 0, float("nan"), float("inf"), "lots"])
def test_tpp_must_be_a_positive_number(bad):
    assert_refused(
        check_tpp(A100, tpp=bad, eccn_class="3A090.a"), r"tpp = .*valid range \(0, inf\) bit-TOPS"
    )


def test_density_for_a_chip_without_die_area_is_refused():
    # B200: TPP 4 x 9000 = 36000 classifies as 3A090.a without a die area.
    assert check_tpp("nvidia-b200-hgx", tpp=36_000, eccn_class="3A090.a").correct
    assert_refused(
        check_tpp("nvidia-b200-hgx", tpp=36_000, eccn_class="3A090.a", density=40), "die area"
    )


# --- Exercise 2: binding constraint -----------------------------------------------------------


@pytest.mark.parametrize(
    ("parameters", "binding"),
    [
        ({}, "Beijing's approvals"),  # min(2.0, 0.7, 0.5 x 1.0, 0.4)
        ({"approvals": 2.5}, "US cap"),  # min(2.0, 0.7, 0.5, 2.5)
        ({"approvals": 2.5, "us_volume": 3.0}, "Nvidia supply"),  # min(2.0, 0.7, 1.5, 2.5)
        (
            {"approvals": 2.5, "us_volume": 3.0, "supply": 2.0, "cap_share": 1.0, "demand": 0.6},
            "Chinese demand",
        ),
    ],
)
def test_right_constraint_passes_and_the_others_fail(parameters, binding):
    assert check_binding(binding, **parameters).correct
    assert check_binding(binding.upper(), **parameters).correct
    for other in set(CONSTRAINTS) - {binding}:
        result = check_binding(other, **parameters)
        assert not result.correct and binding not in result.message


def test_curly_apostrophe_is_accepted():
    assert check_binding("Beijing\u2019s approvals").correct


def test_a_tie_accepts_every_tied_constraint():
    # supply 0.5 = cap 0.5 x 1.0, both below demand 2.0 and approvals 2.5
    for name in ("Nvidia supply", "US cap"):
        result = check_binding(name, approvals=2.5, supply=0.5)
        assert result.correct and "ties" in result.message
    assert not check_binding("Chinese demand", approvals=2.5, supply=0.5).correct


def test_unknown_constraint_name_lists_the_valid_names():
    assert_refused(check_binding("Congress"), r"answer = 'Congress'.*valid answers:.*US cap")


def test_out_of_range_scenario_names_parameter_value_and_range():
    assert_refused(
        check_binding("US cap", cap_share=1.5),
        r"cap_share = 1\.5 is outside the valid range \[0, 1\]",
    )
    assert_refused(check_binding("US cap", tariff=0.25), "unknown parameter")


def test_january_2026_needs_zero_approvals_then_beijing_binds():
    assert check_january_2026("Beijing's approvals", approvals=0).correct
    assert check_january_2026("beijing's approvals", approvals=0.0, demand=2.0, supply=0.7).correct
    assert not check_january_2026("US cap", approvals=0).correct
    # Default approvals (0.4 M, after 28 January) or any positive number is not January.
    assert not check_january_2026("Beijing's approvals").correct
    assert not check_january_2026("Beijing's approvals", approvals=0.4).correct
    assert_refused(
        check_january_2026("Beijing's approvals", approvals=-1),
        r"approvals = -1 is outside the valid range",
    )
    assert_refused(check_january_2026("Huawei", approvals=0), "valid answers")


# --- Exercise 3: IFP's range ----------------------------------------------------------------

DEFAULTS = {"us_compute": 13.0, "china_compute": 0.3, "h100e_per_chip": 1.0, "displacement": 0.0}


def test_ifp_range_is_the_published_one():
    # IFP, "Should the US Sell Hopper Chips to China?" (Dec 2025), as summarised: 21-49x, 1.2-6.7x
    assert ifp_range(with_exports=False) == (21.0, 49.0)
    assert ifp_range(with_exports=True) == (1.2, 6.7)


def test_defaults_with_two_million_exports_reproduce_ifp():
    without, with_exports = ratio(0, 13, 0.3, 1, 0), ratio(2.0, 13, 0.3, 1, 0)
    assert without == pytest.approx(43.33, abs=0.01) and with_exports == pytest.approx(
        5.65, abs=0.01
    )
    result = check_ifp_reproduction(**DEFAULTS, volume=2.0)
    assert result.correct
    assert f"{without:.2f}x" in result.message and f"{with_exports:.2f}x" in result.message


def test_defaults_at_beijings_first_approvals_are_above_ifps_export_range():
    assert ratio(0.4, 13, 0.3, 1, 0) == pytest.approx(18.57, abs=0.01)  # above 6.7
    result = check_ifp_reproduction(**DEFAULTS, volume=0.4)
    assert not result.correct and "outside" in result.message and "Hint" in result.message


def test_no_export_ratio_outside_the_range_fails():
    # C_US / C_CN = 25 / 0.3 = 83x, far above 49x, whatever the exports do.
    assert ratio(0, 25, 0.3, 1, 0) > 49
    result = check_ifp_reproduction(**{**DEFAULTS, "us_compute": 25.0}, volume=2.5)
    assert not result.correct and "outside" in result.message


@pytest.mark.parametrize(
    ("parameters", "inside"),
    [
        # exactly 21x: 8.4 / 0.4; with 2.5 M exports 8.4 / 2.9 = 2.9x
        (
            {
                "us_compute": 8.4,
                "china_compute": 0.4,
                "h100e_per_chip": 1.0,
                "displacement": 0.0,
                "volume": 2.5,
            },
            True,
        ),
        # 8.0 / 0.4 = 20x, just below 21x
        (
            {
                "us_compute": 8.0,
                "china_compute": 0.4,
                "h100e_per_chip": 1.0,
                "displacement": 0.0,
                "volume": 2.5,
            },
            False,
        ),
        # exactly 6.7x: (13.4 - 0) / (0.3 + 1.7) ; no exports 44.7x
        (
            {
                "us_compute": 13.4,
                "china_compute": 0.3,
                "h100e_per_chip": 1.0,
                "displacement": 0.0,
                "volume": 1.7,
            },
            True,
        ),
        # the low end: (8 - 0.45 x 1.8 x 2.5) / (0.38 + 1.8 x 2.5) = 1.22x; no exports 21.05x
        (
            {
                "us_compute": 8.0,
                "china_compute": 0.38,
                "h100e_per_chip": 1.8,
                "displacement": 0.45,
                "volume": 2.5,
            },
            True,
        ),
        # more displacement: (8 - 0.5 x 4.5) / 4.88 = 1.18x, below 1.2x
        (
            {
                "us_compute": 8.0,
                "china_compute": 0.38,
                "h100e_per_chip": 1.8,
                "displacement": 0.5,
                "volume": 2.5,
            },
            False,
        ),
    ],
)
def test_range_edges(parameters, inside):
    p = parameters
    without = ratio(0, p["us_compute"], p["china_compute"], p["h100e_per_chip"], p["displacement"])
    with_exports = ratio(
        p["volume"], p["us_compute"], p["china_compute"], p["h100e_per_chip"], p["displacement"]
    )
    expected = (21 - 1e-9 <= without <= 49 + 1e-9) and (1.2 - 1e-9 <= with_exports <= 6.7 + 1e-9)
    assert expected is inside  # the hand arithmetic in the comments is right
    result = check_ifp_reproduction(**parameters)
    assert result.correct is inside
    low, high = ifp_range(with_exports=True)
    where = "inside" if low - 1e-9 <= with_exports <= high + 1e-9 else "outside"
    assert f"{with_exports:.2f}x (IFP about 1.2-6.7x: {where})" in result.message


@pytest.mark.parametrize(
    ("name", "value", "pattern"),
    [
        ("volume", 3.0, r"volume = 3 is outside the valid range \[0, 2\.5\] million chips"),
        ("volume", -0.1, r"volume = -0\.1 is outside the valid range"),
        (
            "h100e_per_chip",
            0.5,
            r"h100e_per_chip = 0\.5 is outside the valid range \[1, 1\.8\] H100e",
        ),
        ("displacement", 1.2, r"displacement = 1\.2 is outside the valid range \[0, 1\]"),
        ("us_compute", 30, r"us_compute = 30 is outside the valid range \[8, 25\] million H100e"),
        ("china_compute", 0.0, r"china_compute = 0 is outside the valid range \[0\.2, 1\.5\]"),
    ],
)
def test_ifp_inputs_out_of_range_are_refused_not_clamped(name, value, pattern):
    assert_refused(check_ifp_reproduction(**{**DEFAULTS, "volume": 2.0, name: value}), pattern)


def test_ifp_check_needs_every_parameter():
    result = check_ifp_reproduction(
        us_compute=13, china_compute=0.3, h100e_per_chip=1.0, displacement=0.0
    )
    assert_refused(result, "volume")
