"""Every number chapter 2's exercise solutions and marking guides state, computed from the model.

The reader edition glues :func:`solution_figures` as ``tools_vs_chips_sol_<key>`` in a cell tagged
``solution`` (and the instructor guide too); the student edition drops that cell
and every solution, and never imports this module.  Numbers the prose and the exercise
statements cite are in :mod:`chipcontrols.tools_vs_chips.prose`.  Units follow the model: million
accelerators, million HBM stacks and million H100e a year, years; shares in percent where a
key ends in ``_percent``.
"""

from __future__ import annotations

import math

from chipcontrols import tools_vs_chips
from chipcontrols.tools_vs_chips.evidence import control_events, estimate_value, tally_by_side

__all__ = [
    "ESTIMATES_RUBRIC",
    "MEMO_RUBRIC",
    "REVERSIBLE_RUBRIC",
    "SHIFT_RUBRIC",
    "solution_figures",
]

#: The marking guides of the written exercises: criterion → points.
REVERSIBLE_RUBRIC = {"flow_and_stock": 3, "learning": 2, "substitution": 2, "bargaining": 3}
MEMO_RUBRIC = {
    "recommendation": 3,
    "numbers": 4,
    "bottleneck": 3,
    "resemblance": 2,
    "allies": 2,
    "limits": 2,
}
MEMO_DEDUCTIONS = {"horizon_confused_with_crossover": 2, "length": 2}
ESTIMATES_RUBRIC = {"method": 2, "incentive": 1, "what_is_counted": 2}
SHIFT_RUBRIC = {"years_and_branch": 2, "emphasis_not_effort": 2, "own_coding": 1}
#: The estimates the source-evaluation exercise works through, by the key the text uses.
ESTIMATES = {
    "bis": "ascend-output-2025-bis",
    "mizuho": "ascend-shipments-2025-mizuho",
    "idc": "ascend-shipments-2025-idc",
}
#: The two 2026 figures part 2 sets against each other.
PLANS_2026 = {
    "semianalysis": "ascend-output-2026-semianalysis",
    "bloomberg": "ascend-910c-output-2026-bloomberg",
}


def _bottleneck() -> dict[str, float | str]:
    successor = tools_vs_chips.prose.SUCCESSOR
    area, diameter = successor["ascend_die_area"], tools_vs_chips.WAFER_DIAMETER_MM
    wafer, hbm = (
        tools_vs_chips.evaluate(key, **successor) for key in ("wafer_limit", "hbm_limit")
    )
    threshold = tools_vs_chips.evaluate("hbm_at_which_wafers_bind", **successor)
    return {
        "area_term": math.pi * (diameter / 2) ** 2 / area,
        "edge_term": math.pi * diameter / math.sqrt(2 * area),
        "gross_dies": tools_vs_chips.evaluate("gross_dies", ascend_die_area=area),
        "good_dies": tools_vs_chips.evaluate("good_dies", **successor),
        "wafer_limit": wafer,
        "hbm_limit": hbm,
        "binding": "HBM" if hbm < wafer else "the wafers",
        "headroom": wafer / hbm,
        "threshold": threshold,
        "threshold_multiple": threshold / tools_vs_chips.PARAMETERS["hbm_supply"].default,
        "output": tools_vs_chips.evaluate("output", **successor),
        "default_output": tools_vs_chips.evaluate("output"),
    }


def _race() -> dict[str, float]:
    P = tools_vs_chips.PARAMETERS
    imports, domestic = P["chip_imports"].default, P["domestic_output"].default
    approvals = tools_vs_chips.prose.race_imports()
    out = {
        "log_ratio": math.log(approvals / domestic),
        "crossover_with": tools_vs_chips.evaluate("crossover_with", chip_imports=approvals),
        "crossover_without": tools_vs_chips.evaluate("crossover_without", chip_imports=approvals),
        "years_bought": tools_vs_chips.evaluate("years_bought", chip_imports=approvals),
    }
    for name, growth in zip(("low", "mid", "high"), tools_vs_chips.prose.RACE_GROWTHS):
        out[f"horizon_{name}"] = tools_vs_chips.dynamics.horizon_numerical(
            growth_without_controls=growth
        )
        out[f"growth_{name}_multiple"] = math.exp(growth)  # the log rate as × a year
    out["share"] = domestic / (domestic + imports)
    out["lambert_gap"] = max(
        abs(
            tools_vs_chips.dynamics.horizon_lambert(growth_with_controls=0.0)
            - tools_vs_chips.dynamics.horizon_numerical(growth_with_controls=0.0)
        ),
        1e-15,
    )
    return out


def _chart() -> dict[str, float | str]:
    """The chart-reading exercise: the bottleneck chart on the other side of the disputes."""
    side = tools_vs_chips.prose.other_side()
    wafer, hbm = (tools_vs_chips.evaluate(key, **side) for key in ("wafer_limit", "hbm_limit"))
    return {
        "binding": "HBM" if hbm < wafer else "the wafers",
        "wafer_limit": wafer,
        "hbm_limit": hbm,
        "threshold": tools_vs_chips.evaluate("hbm_at_which_wafers_bind", **side),
        "output": tools_vs_chips.evaluate("output", **side),
    }


def _estimates() -> dict[str, float]:
    side = tools_vs_chips.prose.other_side()
    per_share = (
        tools_vs_chips.evaluate("wafer_limit", **side)
        / tools_vs_chips.PARAMETERS["ai_wafer_share"].default
    )
    out = {}
    for key, estimate_id in ESTIMATES.items():
        accelerators = estimate_value(estimate_id) / 1e6
        out[f"{key}_hbm"] = accelerators * side["hbm_per_package"]
        out[f"{key}_share_percent"] = 100 * accelerators / per_share
    default_stacks = tools_vs_chips.PARAMETERS["hbm_per_package"].default
    out["bloomberg_gap_hbm"] = (
        default_stacks
        * (estimate_value(PLANS_2026["bloomberg"]) - estimate_value(PLANS_2026["semianalysis"]))
        / 1e6
    )
    return out


def _shift() -> dict[str, float | str]:
    tally = tally_by_side(control_events())
    years = sorted(
        tally.query("branch == 'executive' and side == 'tools' and direction == 'tightening'")[
            "year"
        ].unique()
    )
    listed = [str(year) for year in years]
    text = (", ".join(listed[:-1]) + " and " + listed[-1]) if len(listed) > 1 else "".join(listed)
    return {"executive_tool_years": text}


def _rubric(prefix: str, rubric: dict[str, int]) -> dict[str, float]:
    out = {f"{prefix}_rubric_{criterion}": float(points) for criterion, points in rubric.items()}
    out[f"{prefix}_rubric_total"] = float(sum(rubric.values()))
    return out


def solution_figures() -> dict[str, float | str]:
    """Every figure the solutions and the marking guides state, by a flat key.

    Returns
    -------
    dict
        Keys ``bottleneck_*``, ``race_*``, ``estimates_*``, ``chart_*``, ``shift_*`` and the rubrics'
        ``<exercise>_rubric_<criterion>`` points (with ``_total``).
    """
    out: dict[str, float | str] = {}
    for prefix, part in (
        ("bottleneck", _bottleneck()),
        ("race", _race()),
        ("estimates", _estimates()),
        ("chart", _chart()),
        ("shift", _shift()),
    ):
        out.update({f"{prefix}_{key}": value for key, value in part.items()})
    out.update(_rubric("reversible", REVERSIBLE_RUBRIC))
    out.update(_rubric("memo", MEMO_RUBRIC))
    out.update({f"memo_deduction_{k}": float(v) for k, v in MEMO_DEDUCTIONS.items()})
    out.update(_rubric("estimates", ESTIMATES_RUBRIC))
    out.update(_rubric("shift", SHIFT_RUBRIC))
    # numbers as Python floats: a numpy float would be glued as its repr
    return {key: value if isinstance(value, str) else float(value) for key, value in out.items()}
