"""Checks for ``ex-ch2-race`` (and assignment 2, questions 2 to 4): the race and the horizon.

The crossover years, T* as a number, and a student's T* function on parameter sets the
chapter never shows.
"""

from __future__ import annotations

import math

import numpy as np

from chipcontrols import tools_vs_chips
from chipcontrols.core.checking import (
    CheckResult,
    exercise_check,
    unanswered,
)
from chipcontrols.core.parameters import require_number, strict_keywords
from chipcontrols.core.student_functions import (
    call_student_function,
    require_function,
    shown_point,
)
from chipcontrols.tools_vs_chips.checks.common import YEARS_TOLERANCE, _near

#: Parameter sets a student's T* function is tried on.
HORIZON_FUNCTION_SAMPLES = 12
_HORIZON_ARGUMENTS = (
    "chip_imports",
    "domestic_output",
    "growth_with_controls",
    "growth_without_controls",
)


@exercise_check
@strict_keywords
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
    other = tools_vs_chips.evaluate(
        "crossover_without" if controls else "crossover_with", **scenario
    )
    defaults = {k: v for k, v in scenario.items() if k != "chip_imports"}
    at_default_imports = tools_vs_chips.evaluate(
        "crossover_with" if controls else "crossover_without", **defaults
    )
    hint = (
        'go back to the derivation of t_x in "The race": which imports, which output today '
        "and which growth rate does this case use?"
    )
    if _near(given, expected / math.log(10)):
        hint = "that is a base-10 logarithm; the derivation uses the natural logarithm, ln."
    elif _near(given, other):
        case_rate = "γ_c" if controls else "γ_f"
        hint = f"that is the other case's crossover: this one grows at {case_rate}."
    elif "chip_imports" in parameters and _near(given, at_default_imports):
        hint = "that is the crossover at the default imports, not the scenario's."
    return CheckResult(False, f"your {given:.3g} years is off: {hint}")


@exercise_check
@strict_keywords
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
        return CheckResult(
            False,
            "compare the two growth rates of this scenario: can the gap between the two "
            "output paths ever catch up with the chip ban's straight line?",
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
            'T* is where the two denials of "Which control denies more, and when?" are '
            "equal; that equation has no closed form, so solve it numerically (for example "
            "by bisection) with this scenario's parameters."
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


@exercise_check
@strict_keywords
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
    require_function(function, "function", "horizon", _HORIZON_ARGUMENTS)
    for point in _horizon_points(np.random.default_rng(seed)):
        expected = tools_vs_chips.dynamics.horizon_numerical(**point)
        shown = shown_point(point)
        given, hint = call_student_function(
            function,
            "horizon",
            point,
            infinite=True,
            when_raising="the question says what it must return when growth under controls is "
            "zero and when tool controls never deny more.",
        )
        if hint is not None:
            return hint
        same = (math.isinf(expected) and math.isinf(given)) or (
            not math.isinf(expected)
            and not math.isinf(given)
            and _near(given, expected, YEARS_TOLERANCE)
        )
        if not same:
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
