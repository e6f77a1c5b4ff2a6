"""Chapter 2's hints diagnose and never bisect (issue 22, item 2).

Every public check is called with a right answer, a wrong answer above it and one below it,
a wrong type and, where it takes a label or a student's function, a wrong label or a function
that raises.  No call may raise; a wrong answer above and one below must get the same hint
(apart from echoing the student's own number); no hint may name a direction or write a formula.
Right answers are worked here by hand, not by calling the model.
"""

from __future__ import annotations

import math
import re

import pandas as pd
import pytest

from chipcontrols.tools_vs_chips import checks
from chipcontrols.tools_vs_chips.evidence import control_events

D0, M, GC, GF = 0.243, 0.7, 0.2877, 0.6
#: Words that tell a student which way to move.
DIRECTION = re.compile(
    r"\b(larger|smaller|bigger|higher|lower|too high|too low|widen|narrow|increase|decrease|"
    r"raise|reduce|above|below|forward|sooner|earlier|later|subtract|add|multiply|divide|"
    r"double|halve|overestimate|underestimate)\b",
    re.I,
)
#: A formula in a hint: an equals sign followed by anything but a number (a parameter set
#: echoed as "growth_with_controls=0" or a value echoed as "years = 'soon'" is not a formula).
FORMULA = re.compile(r"=\s*[^\d\s.'\"\[{-]")


def gross(area, diameter=300.0):
    return math.pi * (diameter / 2) ** 2 / area - math.pi * diameter / math.sqrt(2 * area)


def wafer_limit(area=665.61, dies=2.0, yield_=0.4, share=0.10, starts=45.0):
    return share * 12 * starts / 1000 * gross(area) * yield_ / dies


def bisect_horizon(chip_imports, domestic_output, growth_with_controls, growth_without_controls):
    m, d0, gc, gf = chip_imports, domestic_output, growth_with_controls, growth_without_controls
    if gf <= gc:
        return math.inf

    def cumulative(rate, t):
        return d0 * t if rate == 0 else d0 * math.expm1(rate * t) / rate

    low, high = 1e-9, 1.0
    while cumulative(gf, high) - cumulative(gc, high) - m * high <= 0:
        low, high = high, 2 * high
    for _ in range(200):
        mid = (low + high) / 2
        gap = cumulative(gf, mid) - cumulative(gc, mid) - m * mid
        low, high = (mid, high) if gap <= 0 else (low, mid)
    return (low + high) / 2


SUCCESSOR = {"ascend_die_area": 600.0, "ascend_yield": 0.5, "dies_per_package": 1.0}
OTHER_SIDE = {"dies_per_package": 1.0, "hbm_per_package": 4.0}
BIS = 0.2  # million accelerators, BIS's 2025 ceiling (data/capacity.csv)


def _per_share(**side):
    return wafer_limit(dies=side.get("dies_per_package", 2.0)) / 0.10


#: check name → (call with an answer, right answer); wrong answers are the right one × 1.45
#: and × 0.55, away from every specific diagnosis.
NUMERIC = {
    "gross_dies": (
        lambda x: checks.check_gross_dies(x, ascend_die_area=600),
        gross(600),
    ),
    "hbm_threshold": (
        lambda x: checks.check_hbm_threshold(x, hbm_per_package=6.0, **SUCCESSOR),
        6 * wafer_limit(area=600, dies=1, yield_=0.5),
    ),
    "crossover": (
        lambda x: checks.check_crossover(x, controls=True, chip_imports=0.4),
        math.log(0.4 / D0) / GC,
    ),
    "crossover_without": (
        lambda x: checks.check_crossover(x, controls=False, chip_imports=0.4),
        math.log(0.4 / D0) / GF,
    ),
    "horizon": (
        lambda x: checks.check_horizon(x, growth_without_controls=0.9),
        bisect_horizon(M, D0, GC, 0.9),
    ),
    "estimate_hbm": (
        lambda x: checks.check_estimate_requirements(
            "ascend-output-2025-bis",
            hbm_stacks=x,
            ai_wafer_share=BIS / _per_share(**OTHER_SIDE),
            **OTHER_SIDE,
        ),
        BIS * 4,
    ),
    "estimate_share": (
        lambda x: checks.check_estimate_requirements(
            "ascend-output-2025-bis", hbm_stacks=BIS * 4, ai_wafer_share=x, **OTHER_SIDE
        ),
        BIS / _per_share(**OTHER_SIDE),
    ),
}


def without_numbers(message: str) -> str:
    return re.sub(r"-?\d[\d,]*(?:\.\d+)?(?:e[-+]?\d+)?", "#", message)


def assert_is_a_hint(result) -> None:
    assert not result
    text = str(result)
    assert text.startswith("Not yet:")
    assert not DIRECTION.search(result.message), result.message
    assert not FORMULA.search(result.message), result.message


@pytest.mark.parametrize("name", NUMERIC)
def test_right_passes_and_wrong_above_and_below_get_the_same_hint(name):
    call, right = NUMERIC[name]
    assert call(right), name
    above, below = call(1.45 * right), call(0.55 * right)
    assert_is_a_hint(above)
    assert_is_a_hint(below)
    assert without_numbers(above.message) == without_numbers(below.message)


@pytest.mark.parametrize("name", NUMERIC)
@pytest.mark.parametrize("wrong", ["3.2", [3.2], {"answer": 3.2}])
def test_a_wrong_type_gets_a_hint_not_a_traceback(name, wrong):
    call, _ = NUMERIC[name]
    result = call(wrong)
    assert_is_a_hint(result)
    assert "could not be checked" in result.message


def test_infinity_when_finite_and_finite_when_infinite_get_the_same_hint():
    finite_expected = checks.check_horizon(math.inf)
    infinite_expected = checks.check_horizon(3.0, growth_without_controls=0.2)
    assert_is_a_hint(finite_expected)
    assert_is_a_hint(infinite_expected)
    assert finite_expected.message == infinite_expected.message


def test_a_wrong_estimate_label_or_keyword_gets_a_hint():
    for result in (
        checks.check_estimate_requirements("ascend-output-2030-nobody", 1.0, 0.1),
        checks.check_estimate_requirements("smic-advanced-capacity-2025-semianalysis", 1.0, 0.1),
        checks.check_gross_dies(90.0, ascend_die_area=600, wafer=300),
        checks.check_crossover(2.0, growth_rate=0.3),
    ):
        assert_is_a_hint(result)


def horizon_times(factor):
    def horizon(chip_imports, domestic_output, growth_with_controls, growth_without_controls):
        value = bisect_horizon(
            chip_imports, domestic_output, growth_with_controls, growth_without_controls
        )
        return value if math.isinf(value) else factor * value

    return horizon


def test_the_horizon_function_check_right_wrong_both_ways_raising_and_not_a_function():
    assert checks.check_horizon_function(horizon_times(1.0))
    above = checks.check_horizon_function(horizon_times(1.45))
    below = checks.check_horizon_function(horizon_times(0.55))
    assert_is_a_hint(above)
    assert_is_a_hint(below)
    assert without_numbers(above.message) == without_numbers(below.message)

    def divides_by_zero(
        chip_imports, domestic_output, growth_with_controls, growth_without_controls
    ):
        return 1 / growth_with_controls

    raised = checks.check_horizon_function(divides_by_zero)
    assert_is_a_hint(raised)
    assert "ZeroDivisionError" in raised.message and "growth_with_controls=0" in raised.message
    for wrong in (4.2, "horizon", lambda: 1.0, lambda **kw: "soon"):
        assert_is_a_hint(checks.check_horizon_function(wrong))


def book_coding() -> dict:
    return {row.event_id: (row.instrument, row.direction) for row in control_events().itertuples()}


def test_the_coding_checks_answer_wrong_labels_and_types_with_hints():
    assert checks.check_event_coding(book_coding())
    bad_label = {**book_coding(), next(iter(book_coding())): ("semiconductors", "tightening")}
    for wrong in (bad_label, ["chips"], "chips", {next(iter(book_coding())): "chips"}):
        assert_is_a_hint(checks.check_event_coding(wrong))


def test_the_tally_check_gives_the_same_hint_one_over_and_one_under():
    coding = book_coding()
    events = control_events().set_index("event_id")
    rows = [
        {
            "year": events.loc[event_id, "date"].year,
            "branch": events.loc[event_id, "branch"],
            "side": side,
            "direction": direction,
        }
        for event_id, (instrument, direction) in coding.items()
        for side, kinds in {
            "chips": ("chips", "chips_and_tools"),
            "tools": ("tools", "chips_and_tools"),
        }.items()
        if instrument in kinds
    ]
    table = pd.DataFrame(rows).value_counts().rename("events").reset_index()
    assert checks.check_shift_table(table, coding)
    over, under = table.copy(), table.copy()
    over.loc[0, "events"] += 1
    under.loc[0, "events"] -= 1
    results = [checks.check_shift_table(t, coding) for t in (over, under)]
    for result in results:
        assert_is_a_hint(result)
    assert without_numbers(results[0].message) == without_numbers(results[1].message)
    for wrong in ("table", pd.DataFrame({"year": [2025]}), [1, 2]):
        assert_is_a_hint(checks.check_shift_table(wrong, coding))
