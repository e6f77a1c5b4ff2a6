"""Every public function of the model package refuses bad values with a named ValueError.

The table below tries seven kinds of bad value against each public function: a wrong type,
NaN, +inf, -inf, a negative number, a value outside the valid range and an unknown keyword.
Each must raise ``ValueError`` whose message names the parameter.  A kind that does not
apply to a function is listed with the reason (``NOT_APPLICABLE``), so the table is complete.

``python tests/core/test_bad_input.py`` prints the table (functions × kinds) for the closing note.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: run as a script too

from bad_input_kinds import (  # noqa: E402
    KINDS,
    Case,
    applicable as _applicable,
    expected_failure as _expected_failure,
)

from chipcontrols import ledger
from chipcontrols.core import data, record
from chipcontrols.core.parameters import require_number
from chipcontrols.core.vega import to_vega
from chipcontrols.eccn3a090 import (
    JANUARY_2026,
    OCTOBER_2023,
    classify_chips,
    classify_hypothetical_chip,
    classify_under_every_version,
    performance_density,
    total_processing_performance,
)


def _chips_with(column: str, value):
    chips = data.load_chips()
    chips[column] = chips[column].astype(object)
    chips.loc[chips["chip_id"] == ledger.figures.H200, column] = value
    return chips


TABLE_NAN = (
    "nan",
    "a table marks a missing figure as NaN (the loader's convention), so NaN "
    "means 'unknown', not bad",
)
CASES = [
    Case(
        "Parameter.check",
        "price",
        lambda v: ledger.PARAMETERS["price"].check(v),
        1_000,
        lambda: ledger.PARAMETERS["price"].check(27, unit="k"),
    ),
    Case(
        "ParameterSet.check",
        "tariff_share",
        lambda v: ledger.INPUTS.check({"tariff_share": v}),
        0.9,
        lambda: ledger.INPUTS.check({"tariff": 0.25}),
    ),
    Case(
        "require_number",
        "width",
        lambda v: require_number("width", v, minimum=0, maximum=10),
        11,
        lambda: require_number("width", 1, maximum=10, upper=3),
    ),
    Case(
        "total_processing_performance",
        "fp16_tflops",
        lambda v: total_processing_performance(v, 624),
        "none above: see negative",
        lambda: total_processing_performance(312, 624, fp8_tflops=1),
    ),
    Case(
        "performance_density",
        "die_area_mm2",
        lambda v: performance_density(15_832, v),
        0,
        lambda: performance_density(15_832, 814, area=1),
    ),
    Case(
        "RuleVersion.classify (October 2023)",
        "tpp_value",
        lambda v: OCTOBER_2023.classify(v, 10.0),
        -1e-9,
        lambda: OCTOBER_2023.classify(4_000, 5.0, bandwidth=1),
    ),
    Case(
        "RuleVersion.classify (January 2026)",
        "memory_bandwidth_gbs",
        lambda v: JANUARY_2026.classify(15_832, 19.45, memory_bandwidth_gbs=v),
        -1e-9,
        lambda: JANUARY_2026.classify(15_832, 19.45, dram=4_800),
    ),
    Case(
        "RuleVersion.regions",
        "tpp_range",
        lambda v: OCTOBER_2023.regions((v, 100_000), (0.5, 100)),
        0,
        lambda: OCTOBER_2023.regions((500, 100_000), (0.5, 100), scale="log"),
    ),
    Case(
        "RuleVersion.thresholds_of",
        "symbol",
        lambda v: OCTOBER_2023.thresholds_of(v),
        "not a metric",
        lambda: OCTOBER_2023.thresholds_of(None, metric="tpp"),
    ),
    Case(
        "classify_hypothetical_chip",
        "tpp",
        lambda v: classify_hypothetical_chip(v, 800),
        200_000,
        lambda: classify_hypothetical_chip(4_000, 800, density=5),
    ),
    Case(
        "classify_chips",
        "dense_fp16_tflops",
        lambda v: classify_chips(_chips_with("dense_fp16_tflops", v)),
        "no upper bound",
        lambda: classify_chips(data.load_chips(), version="2023"),
        (TABLE_NAN,),
    ),
    Case(
        "classify_under_every_version",
        "memory_bandwidth_gbs",
        lambda v: classify_under_every_version(_chips_with("memory_bandwidth_gbs", v)),
        "no upper bound",
        lambda: classify_under_every_version(data.load_chips(), rules=()),
        (TABLE_NAN,),
    ),
    Case(
        "h100_equivalence",
        "memory_bandwidth_gbs",
        lambda v: ledger.figures.h100_equivalence(_chips_with("memory_bandwidth_gbs", v)),
        100_000,
        lambda: ledger.figures.h100_equivalence(basis="tpp"),
        (TABLE_NAN,),
    ),
    Case(
        "ledger",
        "tariff_share",
        lambda v: ledger.ledger(tariff_share=v),
        0.9,
        lambda: ledger.ledger(tariff=0.25),
    ),
    Case(
        "ratio_at",
        "volume",
        lambda v: ledger.ratio_at(v),
        3.0,
        lambda: ledger.ratio_at(1.0, exports=1.0),
    ),
    Case(
        "closed_form_results",
        "target_ratio",
        lambda v: ledger.closed_form_results(target_ratio=v),
        60,
        lambda: ledger.closed_form_results(target=5),
    ),
    Case(
        "scenarios",
        "volume",
        lambda v: ledger.scenarios([0.4, v]),
        3.0,
        lambda: ledger.scenarios([0.4], chips=1),
    ),
    Case(
        "check_tpp",
        "tpp",
        lambda v: ledger.checks.check_tpp("nvidia-h20", tpp=v, eccn_class="3A090.b"),
        0,
        lambda: ledger.checks.check_tpp("nvidia-h20", tpp=2_368, eccn_class="3A090.b", area=814),
    ),
    Case(
        "check_binding",
        "approvals",
        lambda v: ledger.checks.check_binding("US cap", approvals=v),
        3.0,
        lambda: ledger.checks.check_binding("US cap", approval=1.0),
    ),
    Case(
        "check_january_2026",
        "approvals",
        lambda v: ledger.checks.check_january_2026("US cap", approvals=v),
        3.0,
        lambda: ledger.checks.check_january_2026("US cap", approvals=0, month=1),
    ),
    Case(
        "check_ifp_reproduction",
        "volume",
        lambda v: ledger.checks.check_ifp_reproduction(
            us_compute=13, china_compute=0.3, h100e_per_chip=1, displacement=0, volume=v
        ),
        3.0,
        lambda: ledger.checks.check_ifp_reproduction(
            us_compute=13, china_compute=0.3, h100e_per_chip=1, displacement=0, volume=1, exports=1
        ),
    ),
]
#: Functions whose one input is a name or an object, not a number: wrong type and unknown keyword.
NAMED_INPUTS = [
    Case(
        "load_table",
        "name",
        lambda v: data.load_table(v),
        "chipz",
        lambda: data.load_table("chips", folder="data"),
    ),
    Case(
        "record.figure",
        "key",
        lambda v: record.figure(v),
        "no_such_figure",
        lambda: record.figure("ifp_ratio_with_exports_low", year=2025),
    ),
    Case("to_vega", "expr", lambda v: to_vega(v), object(), lambda: to_vega(1, printer="js")),
    Case(
        "classify_chips (table)",
        "chips",
        lambda v: classify_chips(v),
        "chips.csv",
        lambda: classify_chips(data.load_chips(), strict=True),
    ),
]
NUMERIC_KINDS_NOT_APPLICABLE = "the input is a name or a table, not a number"


PAIRS = [(case, kind) for case in CASES for kind in _applicable(case)]
PAIRS += [
    (case, kind)
    for case in NAMED_INPUTS
    for kind in ("wrong type", "out of range", "unknown keyword")
]


def _wrong_type_for_named(case: Case):
    return {"name": 3, "key": 3.0, "expr": "x + 1", "chips": "chips.csv"}[case.parameter]


@pytest.mark.parametrize(("case", "kind"), PAIRS, ids=[f"{c.function}-{k}" for c, k in PAIRS])
def test_bad_value_raises_a_value_error_naming_the_parameter(case, kind):
    if case in NAMED_INPUTS and kind == "wrong type":
        call = lambda: case.call(_wrong_type_for_named(case))  # noqa: E731
    else:
        call = _expected_failure(case, kind)
    with pytest.raises(ValueError) as error:
        call()
    message = str(error.value)
    named = "unknown" if kind == "unknown keyword" else case.parameter
    assert named in message, message
    if kind != "unknown keyword" and case not in NAMED_INPUTS:
        assert "valid range" in message or "not a number" in message or "valid" in message, message


def test_every_function_is_tried_with_every_kind_or_says_why_not():
    for case in CASES:
        tried = set(_applicable(case))
        reasons = {kind for kind, _ in case.not_applicable}
        unbounded = (
            {"out of range"}
            if "out of range" not in tried and not reasons & {"out of range"}
            else set()
        )
        assert tried | reasons | unbounded == set(KINDS), case.function
    assert len({case.function for case in CASES + NAMED_INPUTS}) >= 20


def test_the_good_value_of_each_case_passes():
    """The calls are wired right: with a valid value, nothing is raised."""
    good = {
        "price": 27,
        "tariff_share": 0.25,
        "width": 5,
        "fp16_tflops": 312,
        "die_area_mm2": 814,
        "tpp_value": 4_000,
        "memory_bandwidth_gbs": 4_800,
        "tpp_range": 500,
        "tpp": 2_368,
        "volume": 1.0,
        "target_ratio": 10,
        "approvals": 0.0,
        "dense_fp16_tflops": 989.5,
    }
    for case in CASES:
        if case.parameter in good:
            case.call(good[case.parameter])


def table() -> str:
    """The closing note's table: each function against each kind of bad value."""
    lines = ["| function | " + " | ".join(KINDS) + " |", "|---" * (len(KINDS) + 1) + "|"]
    for case in CASES + NAMED_INPUTS:
        cells = []
        kinds = (
            _applicable(case)
            if case in CASES
            else ["wrong type", "out of range", "unknown keyword"]
        )
        for kind in KINDS:
            if kind in kinds:
                if case in NAMED_INPUTS and kind == "wrong type":
                    call = lambda case=case: case.call(_wrong_type_for_named(case))  # noqa: E731
                else:
                    call = _expected_failure(case, kind)
                try:
                    call()
                    cells.append("NOT REFUSED")
                except ValueError:
                    cells.append("ValueError")
            else:
                cells.append("n/a")
        lines.append(f"| {case.function} (`{case.parameter}`) | " + " | ".join(cells) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(table())
