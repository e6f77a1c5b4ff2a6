"""Every chapter-1 check answers every mistake with a hint that diagnoses and never bisects.

For each public check: a right answer passes; a wrong answer above the right one and one below
it get the same message (apart from the student's own numbers); a wrong type, an unknown label,
an out-of-range value or a student function that raises gets a "Not yet", never a traceback;
and no message says on which side the right answer lies or states a formula.  Right answers
are worked out here by hand from the datasheets and defaults the chapter gives.
"""

from __future__ import annotations

import math
import re

import pytest

from chipcontrols.core.checking import CheckResult
from chipcontrols.ledger import checks
from chipcontrols.ledger.prose import EXERCISE_CHIPS

#: Words that would tell a student which way to move.
DIRECTION = re.compile(
    r"\b(larger|smaller|bigger|higher|lower|too (high|low|big|small|large)|above|below|"
    r"increase|decrease|raise|reduce|widen|narrow|still|already|forward|fewer|more chips)\b",
    re.I,
)
#: An equation with a symbolic right-hand side, e.g. "TPP = throughput x bits".
FORMULA = re.compile(r"[A-Za-zστρω*_)]\s*=\s*[A-Za-zστρω(]")

CHIP_X = EXERCISE_CHIPS["x"]  # 140 TFLOPS, 330 TOPS, 600 mm2: TPP 2640, density 4.4, 3A090.b
LOOSENING = {"cap_share": 0.8, "us_volume": 1.35, "supply": 2.0, "approvals": 2.5}
H_BANDWIDTH = 4800 / 3350
# sigma* for 0.75 M chips by bandwidth: (0.25 + 0.3 x 0.75) x 27 x 0.75 / ln(1 + h x 0.75 / 0.3)
SIGMA_STAR = (0.25 + 0.3 * 0.75) * 27 * 0.75 / math.log(1 + H_BANDWIDTH * 0.75 / 0.3)


def shape(message: str) -> str:
    """The message with every number replaced, so two wrong answers can be compared."""
    return re.sub(r"-?\d+(,\d{3})*(\.\d+)?", "#", message)


def is_hint(result: CheckResult) -> None:
    assert isinstance(result, CheckResult), result
    assert not result.correct, result
    assert not DIRECTION.search(result.message), result.message
    if "could not be checked" not in result.message:  # those echo the input: "tpp = nan"
        assert not FORMULA.search(result.message), result.message


def raises(*args, **kwargs):
    raise ZeroDivisionError("division by zero")


def ratio(volume, h100e_per_chip, us_compute, china_compute, displacement):
    exported = h100e_per_chip * volume
    return (us_compute - displacement * exported) / (china_compute + exported)


def tpp(dense_fp16_tflops, dense_8bit_tops):
    return max(16 * dense_fp16_tflops, 8 * dense_8bit_tops)


def classify(tpp, die_area_mm2):
    density = tpp / die_area_mm2
    if tpp >= 4800 or (tpp >= 1600 and density >= 5.92):
        return "3A090.a"
    if (tpp >= 2400 and 1.6 <= density < 5.92) or (tpp >= 1600 and 3.2 <= density < 5.92):
        return "3A090.b"
    return "not controlled"


# One row per numeric check: (name, call with the answer, the right answer).
NUMERIC = [
    (
        "check_tpp",
        lambda v: checks.check_tpp("nvidia-a100-sxm4-80gb", tpp=v, eccn_class="3A090.a"),
        624 * 8,
    ),
    (
        "check_hypothetical_chip",
        lambda v: checks.check_hypothetical_chip(tpp=v, eccn_class="3A090.b", **CHIP_X),
        2640,
    ),
    (
        "check_hypothetical_chip density",
        lambda v: checks.check_hypothetical_chip(
            tpp=2640, eccn_class="3A090.b", density=v, **CHIP_X
        ),
        4.4,
    ),
    ("check_binding", lambda v: checks.check_binding("US cap", volume=v, **LOOSENING), 1.08),
    ("check_cap_switch", lambda v: checks.check_cap_switch(v, cap_share=0.3), 0.7 / 0.3),
    (
        "check_break_even",
        lambda v: checks.check_break_even(v, volume=0.75, h100e_per_chip=H_BANDWIDTH),
        SIGMA_STAR,
    ),
]


@pytest.mark.parametrize(("name", "call", "right"), NUMERIC, ids=[row[0] for row in NUMERIC])
def test_numeric_checks_pass_right_and_give_one_hint_above_and_below(name, call, right):
    assert call(right).correct, call(right)
    above, below = call(right * 1.13), call(right * 0.87)
    is_hint(above)
    is_hint(below)
    assert shape(above.message) == shape(below.message), (above, below)


@pytest.mark.parametrize(("name", "call", "right"), NUMERIC, ids=[row[0] for row in NUMERIC])
@pytest.mark.parametrize("wrong_type", ["a lot", [1, 2], {"x": 1}, float("nan")])
def test_numeric_checks_turn_a_wrong_type_into_a_hint(name, call, right, wrong_type):
    result = call(wrong_type)
    is_hint(result)
    assert "could not be checked" in result.message


@pytest.mark.parametrize(
    "call",
    [
        lambda: checks.check_tpp("nvidia-a100-sxm4-80gb", tpp=4992, eccn_class="3A090.c"),
        lambda: checks.check_tpp("a100", tpp=4992, eccn_class="3A090.a"),
        lambda: checks.check_hypothetical_chip(tpp=2640, eccn_class="grey", **CHIP_X),
        lambda: checks.check_binding("Congress", **LOOSENING),
        lambda: checks.check_binding(42, **LOOSENING),
        lambda: checks.check_january_2026("Huawei", approvals=0),
        lambda: checks.check_binding("US cap", tariff=0.25),
        lambda: checks.check_binding("US cap", cap_share=1.5),
        lambda: checks.check_cap_switch(1.0, cap_share=0.0),
        lambda: checks.check_ifp_reproduction(
            us_compute=13, china_compute=0.3, h100e_per_chip=1.0, displacement=0.0, volume=3.0
        ),
        lambda: checks.check_break_even(SIGMA_STAR, volume=0.0),
    ],
)
def test_a_wrong_label_keyword_or_range_is_a_hint_not_a_traceback(call):
    result = call()
    is_hint(result)
    assert "could not be checked" in result.message


def test_labels_are_right_or_diagnosed_without_the_answer():
    assert checks.check_tpp("nvidia-a100-sxm4-80gb", tpp=4992, eccn_class="3A090.a").correct
    assert checks.check_hypothetical_chip(tpp=2640, eccn_class="3A090.b", **CHIP_X).correct
    for wrong in ("3A090.a", "not controlled"):
        result = checks.check_hypothetical_chip(tpp=2640, eccn_class=wrong, **CHIP_X)
        is_hint(result)
        assert "3A090.b" not in result.message
    assert checks.check_january_2026("Beijing's approvals", approvals=0).correct
    for wrong in ("Chinese demand", "Nvidia supply", "Beijing's approvals"):
        result = checks.check_binding(wrong, **LOOSENING)
        is_hint(result)
        assert "US cap" not in result.message


def test_ifp_scenarios_either_side_of_the_range_get_the_same_hint():
    defaults = {"us_compute": 13.0, "china_compute": 0.3, "h100e_per_chip": 1.0}
    # with 0.4 M exported 13 / 0.7 = 18.6x, above 6.7x; with 2.5 M, delta 1 and the low corner
    # (8 - 1.8 x 2.5) / (0.2 + 1.8 x 2.5) = 0.74x, below 1.2x
    high = checks.check_ifp_reproduction(**defaults, displacement=0.0, volume=0.4)
    low = checks.check_ifp_reproduction(
        us_compute=8.0, china_compute=0.2, h100e_per_chip=1.8, displacement=1.0, volume=2.5
    )
    assert ratio(0.4, 1.0, 13.0, 0.3, 0.0) > 6.7 and ratio(2.5, 1.8, 8.0, 0.2, 1.0) < 1.2
    is_hint(high)
    is_hint(low)
    hint = lambda r: r.message.split("Hint:")[1]  # noqa: E731
    assert hint(high) == hint(low)
    assert checks.check_ifp_reproduction(**defaults, displacement=0.0, volume=2.0).correct


@pytest.mark.parametrize(
    ("check", "right", "name"),
    [
        (checks.check_ratio_function, ratio, "rho"),
        (checks.check_tpp_function, tpp, "tpp"),
        (checks.check_classify_function, classify, "classify"),
    ],
)
def test_function_checks_right_wrong_and_raising(check, right, name):
    assert check(right).correct
    raised = check(raises)
    is_hint(raised)
    assert "ZeroDivisionError" in raised.message and name in raised.message
    not_a_function = check(42)
    is_hint(not_a_function)


def test_ratio_function_scaled_either_way_gets_the_same_hint():
    above = checks.check_ratio_function(lambda **k: 1.1 * ratio(**k))
    below = checks.check_ratio_function(lambda **k: 0.9 * ratio(**k))
    is_hint(above)
    is_hint(below)
    assert shape(above.message) == shape(below.message)


def test_tpp_function_scaled_either_way_gets_the_same_hint():
    above = checks.check_tpp_function(lambda **k: 1.3 * tpp(**k))
    below = checks.check_tpp_function(lambda **k: 0.77 * tpp(**k))
    is_hint(above)
    is_hint(below)
    assert shape(above.message) == shape(below.message)
