"""Checks for the chapter-2 exercises: the bottleneck, the race, the estimates, the record.

The expected answers come from the tools-vs-chips model (:mod:`chipcontrols.tools_vs_chips.model`,
:mod:`chipcontrols.tools_vs_chips.dynamics`) and the data (``data/capacity.csv``,
``data/control_events.csv``); none is stored here.  A "Not yet" gives a hint and the student's
own number, never the expected one.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from chipcontrols import tools_vs_chips
from chipcontrols.core.checking import CheckResult, close_enough, is_unanswered, unanswered
from chipcontrols.core.data import field_values
from chipcontrols.core.parameters import require_number, strict_keywords
from chipcontrols.tools_vs_chips.evidence import control_events, estimate, tally_by_side

__all__ = [
    "ANSWER_RELATIVE_TOLERANCE",
    "CODING_AGREEMENT",
    "HORIZON_FUNCTION_SAMPLES",
    "check_crossover",
    "check_estimate_requirements",
    "check_event_coding",
    "check_gross_dies",
    "check_hbm_threshold",
    "check_horizon",
    "check_horizon_function",
    "check_shift_table",
]

#: Relative tolerance on a student's numbers (the model's inputs are rounded figures).
ANSWER_RELATIVE_TOLERANCE = 0.01
#: T* and crossover years may also be off by this many years (a reading off a chart).
YEARS_TOLERANCE = 0.01
#: Parameter sets a student's T* function is tried on.
HORIZON_FUNCTION_SAMPLES = 12
#: Share of events on which a student's coding must agree with the book's.
CODING_AGREEMENT = 0.9
#: The quantities of data/capacity.csv that count Ascend accelerators.
OUTPUT_QUANTITIES = ("ascend_output", "ascend_910c_output")
_HORIZON_ARGUMENTS = (
    "chip_imports",
    "domestic_output",
    "growth_with_controls",
    "growth_without_controls",
)


def _near(value: float, expected: float, absolute: float = 0.0) -> bool:
    """Within :data:`ANSWER_RELATIVE_TOLERANCE`, plus ``absolute`` and 1e-12 for rounding."""
    return close_enough(
        value, expected, relative=ANSWER_RELATIVE_TOLERANCE, absolute=absolute + 1e-12
    )


def _ratio_hint(ratio: float, hints: dict[float, str], default: str) -> str:
    for factor, hint in hints.items():
        if _near(ratio, factor):
            return hint
    return default


# --- Gross dies and the HBM threshold ----------------------------------------------------------


@strict_keywords
def check_gross_dies(gross_dies: float, ascend_die_area: float) -> CheckResult:
    """Check gross dies per 300 mm wafer for a die of ``ascend_die_area`` mm².

    Examples
    --------
    >>> check_gross_dies(90.6, ascend_die_area=600)
    Right: a 600 mm² die gives 90.6 gross dies per 300 mm wafer.
    >>> check_gross_dies(117.8, ascend_die_area=600)
    Not yet: your 117.8 is off by more than 1%: that is the wafer's area over the die's; subtract the dies lost at the edge, π·d/√(2A).
    """
    blank = unanswered(gross_dies=gross_dies)
    if blank is not None:
        return blank
    area = tools_vs_chips.PARAMETERS["ascend_die_area"].check(ascend_die_area)
    given = require_number("gross_dies", gross_dies, minimum=0, unit="dies per wafer")
    expected = tools_vs_chips.evaluate("gross_dies", ascend_die_area=area)
    if _near(given, expected):
        return CheckResult(
            True, f"a {area:g} mm² die gives {expected:.1f} gross dies per 300 mm wafer."
        )
    no_edge = math.pi * (tools_vs_chips.WAFER_DIAMETER_MM / 2) ** 2 / area
    if _near(given, no_edge):
        hint = (
            "that is the wafer's area over the die's; subtract the dies lost at the edge, "
            "π·d/√(2A)."
        )
    else:
        hint = (
            "g(A) = π(d/2)²/A − π·d/√(2A) with d = 300 mm: the first term uses the radius, "
            "the edge term the diameter."
        )
    return CheckResult(
        False, f"your {given:.1f} is off by more than {ANSWER_RELATIVE_TOLERANCE:.0%}: {hint}"
    )


def check_hbm_threshold(hbm_supply: float, **parameters: float) -> CheckResult:
    """Check the HBM supply (million stacks a year) at which the wafers start to bind.

    Parameters
    ----------
    hbm_supply : float
        The student's answer, million HBM stacks a year.
    **parameters : float
        The scenario, as parameters of :mod:`chipcontrols.tools_vs_chips.model` (defaults for the
        rest); ``hbm_supply`` itself is the answer and may not be passed.

    Examples
    --------
    >>> check_hbm_threshold(0.868)
    Not yet: your 0.868 million is off by more than 1%: that is the wafer limit in accelerators; each accelerator needs s_h stacks of HBM.
    """
    blank = unanswered(hbm_supply=hbm_supply)
    if blank is not None:
        return blank
    given = require_number("hbm_supply", hbm_supply, minimum=0, unit="million stacks/year")
    scenario = tools_vs_chips.STATIC.check(parameters)
    expected = tools_vs_chips.evaluate("hbm_at_which_wafers_bind", **scenario)
    if _near(given, expected):
        return CheckResult(
            True,
            f"the wafers bind from {expected:.2f} million HBM stacks a year: "
            "below that HBM binds, above it the wafers do.",
        )
    per_package = scenario["hbm_per_package"]
    hint = _ratio_hint(
        given / expected,
        {
            1 / per_package: "that is the wafer limit in accelerators; each accelerator needs s_h "
            "stacks of HBM.",
            1
            / tools_vs_chips.MONTHS_PER_YEAR: "wafer starts are declared per month; the year has twelve.",
            tools_vs_chips.MONTHS_PER_YEAR: "wafer starts are declared per month; did you multiply by twelve "
            "twice?",
            scenario[
                "dies_per_package"
            ]: "each accelerator needs n_d dies: divide good dies by n_d.",
            1
            / scenario["ascend_yield"]: "only good dies count: multiply gross dies by the yield.",
        },
        "set the two limits equal, N_w = H/s_h, and solve for H.",
    )
    return CheckResult(
        False,
        f"your {given:.3g} million is off by more than {ANSWER_RELATIVE_TOLERANCE:.0%}: {hint}",
    )


# --- The race: crossover years and T* ---------------------------------------------------------------


def check_crossover(years: float, controls: bool = True, **parameters: float) -> CheckResult:
    """Check the year domestic output reaches the level of imports, with or without controls.

    Examples
    --------
    >>> check_crossover(3.68)
    Right: with tool controls domestic output replaces imports after 3.68 years.
    """
    blank = unanswered(years=years)
    if blank is not None:
        return blank
    given = require_number("years", years, unit="years")
    scenario = tools_vs_chips.PARAMETERS.check(parameters)
    expected = tools_vs_chips.evaluate(
        "crossover_with" if controls else "crossover_without", **scenario
    )
    case = "with tool controls" if controls else "without tool controls"
    if _near(given, expected, YEARS_TOLERANCE):
        return CheckResult(
            True, f"{case} domestic output replaces imports after {expected:.2f} years."
        )
    rate = "growth_with_controls" if controls else "growth_without_controls"
    hint = "solve D0·e^{γt} = M for t, with γ = " + rate + "; the logarithm is natural (ln)."
    if _near(given, expected / math.log(10)):
        hint = "use the natural logarithm (math.log), not log10."
    return CheckResult(False, f"your {given:.3g} years is off: {hint}")


def check_horizon(horizon: float, **parameters: float) -> CheckResult:
    """Check T*, the horizon after which tool controls deny more cumulative compute.

    Parameters
    ----------
    horizon : float
        The student's T* in years; ``math.inf`` if tool controls never deny more.
    **parameters : float
        Parameters of :mod:`chipcontrols.tools_vs_chips.model` (defaults for the rest).

    Examples
    --------
    >>> check_horizon(3.68)
    Not yet: your 3.68 years is off: that is the crossover year, when yearly output matches imports; T* compares compute summed over the horizon.
    """
    blank = unanswered(horizon=horizon)
    if blank is not None:
        return blank
    given = (
        require_number("horizon", horizon, minimum=0, maximum=math.inf, unit="years")
        if not (isinstance(horizon, float) and math.isinf(horizon))
        else math.inf
    )
    scenario = tools_vs_chips.PARAMETERS.check(parameters)
    expected = tools_vs_chips.dynamics.horizon_numerical(**scenario)
    if math.isinf(expected) or math.isinf(given):
        if math.isinf(expected) and math.isinf(given):
            return CheckResult(
                True,
                "tool controls never deny more here: growth without them is "
                "not faster than with them.",
            )
        if math.isinf(expected):
            return CheckResult(
                False,
                "compare the two growth rates: can tool controls ever deny "
                "more if capacity grows no faster without them?",
            )
        return CheckResult(
            False,
            "growth without controls is faster here, so the gap between "
            "the paths eventually passes the chip ban: find where.",
        )
    if _near(given, expected, YEARS_TOLERANCE):
        return CheckResult(
            True, f"tool controls deny more than a chip ban after T* = {expected:.2f} years."
        )
    crossovers = [
        tools_vs_chips.evaluate(key, **scenario) for key in ("crossover_with", "crossover_without")
    ]
    if any(_near(given, t, YEARS_TOLERANCE) for t in crossovers):
        hint = (
            "that is the crossover year, when yearly output matches imports; T* compares "
            "compute summed over the horizon."
        )
    else:
        hint = (
            "solve D0[(e^{γ_f T} − 1)/γ_f − (e^{γ_c T} − 1)/γ_c] = M·T for T > 0 "
            "numerically (for example by bisection)."
        )
    return CheckResult(False, f"your {given:.3g} years is off: {hint}")


def _horizon_points(generator: np.random.Generator) -> list[dict[str, float]]:
    declared = [tools_vs_chips.PARAMETERS[name] for name in _HORIZON_ARGUMENTS]
    points = []
    for index in range(HORIZON_FUNCTION_SAMPLES):
        point = {
            p.name: float(np.round(generator.uniform(p.minimum, p.maximum), 3)) for p in declared
        }
        point["domestic_output"] = max(point["domestic_output"], 0.01)
        if index == 0:
            point["growth_with_controls"] = 0.0  # the Lambert W case
        if index == 1:  # no root: growth without is slower
            point["growth_without_controls"] = round(point["growth_with_controls"] / 2, 3)
        points.append(point)
    return points


def check_horizon_function(function, seed: int = 2026_04_02) -> CheckResult:
    """Check a student's T* function on parameter sets the chapter never shows.

    Parameters
    ----------
    function : callable
        ``function(chip_imports, domestic_output, growth_with_controls,
        growth_without_controls)`` returning T* in years, or ``math.inf`` when tool controls
        never deny more.
    seed : int
        Seeds the parameter sets; an autograder passes its own.

    Examples
    --------
    >>> check_horizon_function(lambda chip_imports, domestic_output, growth_with_controls,
    ...                        growth_without_controls: 4.0)
    Not yet: at chip_imports=2.43, domestic_output=3.1, growth_with_controls=0, growth_without_controls=0.254 your function gives 4, which is not T*. Bracket the root of the gap between the denials and bisect; return math.inf when growth without controls is not faster.
    """
    blank = unanswered(function=function)
    if blank is not None:
        return blank
    if not callable(function):
        raise ValueError(
            f"function = {function!r} is not a function: define "
            f"def horizon({', '.join(_HORIZON_ARGUMENTS)}): ..."
        )
    for point in _horizon_points(np.random.default_rng(seed)):
        expected = tools_vs_chips.dynamics.horizon_numerical(**point)
        returned = function(**point)
        if is_unanswered(returned):
            return CheckResult(False, "fill in your function: its body still returns ...")
        given = (
            math.inf
            if isinstance(returned, (int, float)) and math.isinf(returned)
            else require_number("horizon(...)", returned)
        )
        same = (math.isinf(expected) and math.isinf(given)) or (
            not math.isinf(expected)
            and not math.isinf(given)
            and _near(given, expected, YEARS_TOLERANCE)
        )
        if not same:
            shown = ", ".join(f"{k}={v:.3g}" for k, v in point.items())
            return CheckResult(
                False,
                f"at {shown} your function gives {given:.3g}, which is not "
                "T*. Bracket the root of the gap between the denials and "
                "bisect; return math.inf when growth without controls is "
                "not faster.",
            )
    return CheckResult(
        True,
        f"your function finds T* on {HORIZON_FUNCTION_SAMPLES} parameter "
        "sets, including one with no growth under controls and one with no "
        "root.",
    )


# --- Source evaluation: what each estimate requires ------------------------------------------------


def check_estimate_requirements(
    estimate_id: str, hbm_stacks: float, ai_wafer_share: float, **parameters: float
) -> CheckResult:
    """Check the HBM and the share of SMIC's wafers an Ascend output estimate requires.

    Parameters
    ----------
    estimate_id : str
        An Ascend output estimate of ``data/capacity.csv`` (quantity ``ascend_output`` or
        ``ascend_910c_output``).
    hbm_stacks : float
        Million HBM stacks a year the estimate's accelerators need.
    ai_wafer_share : float
        The share of advanced-node wafers that would have to go to AI accelerators for the
        wafers alone to make them (may exceed the declared slider range).
    **parameters : float
        The model's other inputs (``dies_per_package``, ``hbm_per_package``, ...).

    Examples
    --------
    >>> check_estimate_requirements("ascend-output-2025-bis", hbm_stacks=1.6, ai_wafer_share=0.023)
    Right: 200,000 accelerators need 1.60 million HBM stacks and 2.3% of the wafers.
    """
    blank = unanswered(hbm_stacks=hbm_stacks, ai_wafer_share=ai_wafer_share)
    if blank is not None:
        return blank
    chosen = estimate(estimate_id)
    if chosen.quantity not in OUTPUT_QUANTITIES:
        raise ValueError(
            f"estimate_id = {estimate_id!r} counts {chosen.quantity}, not Ascend "
            f"accelerators; choose one whose quantity is one of {OUTPUT_QUANTITIES}"
        )
    scenario = tools_vs_chips.STATIC.check(parameters)
    count = chosen.value / 1e6
    need_hbm = count * scenario["hbm_per_package"]
    per_share = tools_vs_chips.evaluate("wafer_limit", **scenario) / scenario["ai_wafer_share"]
    need_share = count / per_share
    given_hbm = require_number("hbm_stacks", hbm_stacks, minimum=0, unit="million stacks")
    given_share = require_number("ai_wafer_share", ai_wafer_share, minimum=0)
    problems = []
    if not _near(given_hbm, need_hbm):
        problems.append(
            f"your {given_hbm:.3g} million stacks is off: multiply the accelerators "
            "(in millions) by the stacks each carries"
        )
    if not _near(given_share, need_share):
        hint = (
            "is your share a percentage? Give it as a fraction"
            if _near(given_share, 100 * need_share)
            else "divide the accelerators by what the wafers make per unit of AI share "
            "(the wafer limit divided by α)"
        )
        problems.append(f"your share {given_share:.3g} is off: {hint}")
    if problems:
        return CheckResult(False, "; ".join(problems) + ".")
    return CheckResult(
        True,
        f"{chosen.value:,.0f} accelerators need {need_hbm:.2f} million HBM "
        f"stacks and {need_share:.1%} of the wafers.",
    )


# --- The data task: coding the record ---------------------------------------------------------------


def _as_coding(coding) -> pd.DataFrame:
    if isinstance(coding, dict):
        rows = []
        for event_id, value in coding.items():
            if is_unanswered(value) or (
                isinstance(value, tuple) and any(is_unanswered(v) for v in value)
            ):
                rows.append({"event_id": event_id, "instrument": ..., "direction": ...})
                continue
            if not (isinstance(value, tuple) and len(value) == 2):
                raise ValueError(
                    f"coding[{event_id!r}] = {value!r} is not a pair (instrument, direction)"
                )
            rows.append({"event_id": event_id, "instrument": value[0], "direction": value[1]})
        return pd.DataFrame(rows, columns=["event_id", "instrument", "direction"])
    if isinstance(coding, pd.DataFrame):
        return coding
    raise ValueError(
        f"coding = {coding!r:.60} is not a dict of event_id -> (instrument, "
        "direction) or a table with those columns"
    )


def check_event_coding(coding) -> CheckResult:
    """Check a coding of every US control event by instrument and direction.

    Parameters
    ----------
    coding : dict or pandas.DataFrame
        ``{event_id: (instrument, direction)}`` for every event of
        :func:`chipcontrols.tools_vs_chips.evidence.control_events`, or a table with columns
        ``event_id``, ``instrument`` and ``direction``.  Instruments: ``"chips"``,
        ``"tools"``, ``"chips_and_tools"``, ``"entities"``; directions ``"tightening"``,
        ``"loosening"``.

    Returns
    -------
    CheckResult
        Right when every event is coded with valid labels and at least
        :data:`CODING_AGREEMENT` of them agree with the book's coding; the message names the
        events where the two differ (not the book's codes), since coding is a judgement.
    """
    table = _as_coding(coding)
    blank = [
        row.event_id
        for row in table.itertuples()
        if is_unanswered(row.instrument) or is_unanswered(row.direction)
    ]
    if blank:
        return CheckResult(
            False,
            f"fill in the coding of {len(blank)} event(s), e.g. "
            f"{blank[0]}: replace each ... with an instrument and a "
            "direction, then run the cell again.",
        )
    book = control_events().set_index("event_id")
    missing = sorted(set(book.index) - set(table["event_id"]))
    if missing:
        return CheckResult(False, f"code every event: {len(missing)} missing, e.g. {missing[0]}.")
    tally_by_side(table)  # refuses unknown events and labels
    mine = table.set_index("event_id")
    differ = [
        event_id
        for event_id in book.index
        if (mine.loc[event_id, "instrument"], mine.loc[event_id, "direction"])
        != (book.loc[event_id, "instrument"], book.loc[event_id, "direction"])
    ]
    agree = len(book) - len(differ)
    listed = f" You differ from the book on: {', '.join(differ)}." if differ else ""
    if agree >= CODING_AGREEMENT * len(book):
        return CheckResult(
            True, f"your coding agrees with the book's on {agree} of {len(book)} events.{listed}"
        )
    return CheckResult(
        False,
        f"your coding agrees with the book's on {agree} of {len(book)} "
        f"events.{listed} Re-read those events: does each act on which "
        "chips China may import, on what it can build, or on lists of "
        "firms?",
    )


def check_shift_table(table: pd.DataFrame, coding) -> CheckResult:
    """Check a student's tally of coded events by year, branch, side and direction.

    The tally is computed from the student's own ``coding`` (so any defensible coding can be
    tallied right): an event coded ``chips_and_tools`` counts on both sides, ``entities`` on
    neither.  ``table`` needs columns ``year``, ``branch``, ``side``, ``direction`` and
    ``events``; combinations with no events may be left out or given as 0.
    """
    from chipcontrols.core.data import require_table

    if is_unanswered(table):
        return unanswered(table=table)
    require_table(table, "table", ["year", "branch", "side", "direction", "events"])
    expected = tally_by_side(_as_coding(coding))
    key = ["year", "branch", "side", "direction"]
    given = table[table["events"] != 0].copy()
    given["year"] = given["year"].astype(int)
    merged = expected.merge(
        given[key + ["events"]], on=key, how="outer", suffixes=("_expected", "_given")
    ).fillna(0)
    wrong = merged[merged["events_expected"] != merged["events_given"]]
    if wrong.empty:
        return CheckResult(
            True,
            f"your tally matches your coding in all {len(expected)} "
            "year-branch-side-direction cells.",
        )
    first = wrong.iloc[0]
    return CheckResult(
        False,
        f"{len(wrong)} cell(s) do not match your coding, e.g. "
        f"{int(first.year)} {first.branch} {first.side} {first.direction}: "
        f"you have {int(first.events_given)}. Remember that "
        "chips_and_tools counts on both sides and entities on neither.",
    )


def valid_labels() -> dict[str, tuple[str, ...]]:
    """The instruments and directions a coding may use, from the data package."""
    return {
        column: field_values("control_events", column) for column in ("instrument", "direction")
    }
