"""Checks for the cost race (exercises ex-ch4-race and the memo ex-ch4-memo).

"The cost race under three other learning rates": :func:`check_gamma_min`, :func:`check_growth_for_crossover` and
:func:`check_crossover_function`, from :func:`chipcontrols.catchup.cost.race`; the memo's
:func:`check_time_saved`, from the same race.

Hints diagnose a recognisable mistake or point to the section; none gives the direction of the
right answer or states the formula.
"""

from __future__ import annotations

import math

from chipcontrols import catchup
from chipcontrols.catchup.checks.common import (
    FUNCTION_SAMPLES,
    MULTIPLE_HINT as _MULTIPLE,
    _near,
    _number,
)
from chipcontrols.core.checking import (
    CheckResult,
    exercise_check,
    unanswered,
)
from chipcontrols.core.parameters import require_number, strict_keywords
from chipcontrols.core.student_functions import (
    call_student_function,
    require_function,
    sample_points,
    shown_point,
)

__all__ = [
    "check_crossover_function",
    "check_gamma_min",
    "check_growth_for_crossover",
    "check_time_saved",
]

_RACE = "'Wright's law and the cost race'"


# --- the cost race --------------------------------------------------------------------------


@exercise_check
@strict_keywords
def check_gamma_min(
    learning_rate: float,
    gamma_min: float,
    nvidia_cost_decline: float = catchup.cost.PARAMETERS["nvidia_cost_decline"].default,
) -> CheckResult:
    """Check γ_min, the output growth (log rate) below which Huawei's cost never catches up.

    Examples
    --------
    >>> check_gamma_min(0.2, gamma_min=1.108)
    Right: at a 20% learning rate b = 0.322 and γ_min = 1.108 a year: output must grow ×3.03 a year.
    """
    blank = unanswered(gamma_min=gamma_min)
    if blank is not None:
        return blank
    result = catchup.cost.race(
        learning_rate=learning_rate, nvidia_cost_decline=nvidia_cost_decline
    )
    given = _number("gamma_min", gamma_min, "per year")
    if _near(given, result.gamma_min):
        return CheckResult(
            True,
            f"at a {learning_rate:.0%} learning rate b = {result.exponent:.3f} "
            f"and γ_min = {result.gamma_min:.3f} a year: output must grow "
            f"×{math.exp(result.gamma_min):.2f} a year.",
        )
    if _near(given, nvidia_cost_decline / learning_rate):
        hint = "that divides by the learning rate itself; the bar uses Wright's exponent b."
    elif _near(given, math.exp(result.gamma_min)):
        hint = _MULTIPLE
    else:
        hint = (
            f"see {_RACE}: when does Huawei's cost fall exactly as fast as Nvidia's? "
            "Check that b comes from the learning rate given here."
        )
    return CheckResult(False, hint)


@exercise_check
@strict_keywords
def check_growth_for_crossover(learning_rate: float, years: float, growth: float) -> CheckResult:
    """Check the output growth γ that makes Huawei's cost equal Nvidia's after ``years``.

    Solves ``t_c(γ) = years`` with the other inputs at their defaults.

    Examples
    --------
    >>> check_growth_for_crossover(0.2, years=3, growth=2.06)
    Right: at a 20% learning rate, level in 3 years needs γ = 2.057 a year (output ×7.8 a year).
    """
    blank = unanswered(growth=growth)
    if blank is not None:
        return blank
    defaults = catchup.cost.RACE_INPUTS.check({"learning_rate": learning_rate})
    b = catchup.cost.race(learning_rate=learning_rate).exponent
    target = require_number("years", years, minimum=0.0, minimum_included=False, unit="years")
    expected = (
        math.log(defaults["huawei_cost_ratio"]) / target + defaults["nvidia_cost_decline"]
    ) / b
    given = _number("growth", growth, "per year")
    if _near(given, expected):
        return CheckResult(
            True,
            f"at a {learning_rate:.0%} learning rate, level in {target:g} years "
            f"needs γ = {expected:.3f} a year (output ×{math.exp(expected):.1f} a year).",
        )
    if _near(given, math.exp(expected)):
        hint = _MULTIPLE
    else:
        hint = (
            f"set the crossover time of {_RACE} equal to the years given and solve for γ; "
            "check that b comes from this learning rate."
        )
    return CheckResult(False, hint)


_RACE_ARGUMENTS = (
    "huawei_cost_ratio",
    "learning_rate",
    "huawei_output_growth",
    "nvidia_cost_decline",
)


@exercise_check
def check_crossover_function(t_c, seed: int = 148) -> CheckResult:
    """Check a function ``t_c(huawei_cost_ratio, learning_rate, huawei_output_growth,
    nvidia_cost_decline)`` returning the years until level, or ``math.inf`` when never.

    Compared with :func:`chipcontrols.catchup.cost.race` on :data:`FUNCTION_SAMPLES` parameter
    sets drawn inside the declared ranges (``seed`` chooses them); in many of them the gap never
    closes.  A function that raises gets a hint naming the error and the inputs.

    Examples
    --------
    >>> check_crossover_function(lambda huawei_cost_ratio, learning_rate, huawei_output_growth,
    ...                          nvidia_cost_decline: 0.0)
    Not yet: at huawei_cost_ratio=4.19, learning_rate=0.242, huawei_output_growth=1.48, nvidia_cost_decline=0.435 your function gives 0, which is not the model's answer there. At these inputs Huawei's cost falls faster than Nvidia's, so the gap closes.
    """
    blank = unanswered(t_c=t_c)
    if blank is not None:
        return blank
    require_function(t_c, "t_c", "t_c", _RACE_ARGUMENTS)
    declared = [catchup.cost.PARAMETERS[name] for name in _RACE_ARGUMENTS]
    for point in sample_points(declared, seed, FUNCTION_SAMPLES):
        shown = shown_point(point)
        expected = catchup.cost.race(**point)
        given, hint = call_student_function(
            t_c,
            "t_c",
            point,
            infinite=True,
            when_raising="the question says what it must return when the gap never closes.",
        )
        if hint is not None:
            return hint
        if not _near(given, expected.crossover_years):
            situation = (
                "Huawei's cost falls faster than Nvidia's, so the gap closes."
                if expected.catches_up
                else "Huawei's cost falls no faster than Nvidia's: what should the function "
                "return then?"
            )
            return CheckResult(
                False,
                f"at {shown} your function gives {given:.3g}, which is not the model's answer "
                f"there. At these inputs {situation}",
            )
    return CheckResult(
        True,
        f"your t_c agrees with the model on {FUNCTION_SAMPLES} parameter sets, "
        "including those where the gap never closes.",
    )


@exercise_check
@strict_keywords
def check_time_saved(years_saved: float, growth_from: float, growth_to: float) -> CheckResult:
    """Check how many years earlier Huawei draws level when output growth rises.

    Examples
    --------
    >>> check_time_saved(5.08, growth_from=1.3, growth_to=1.4)
    Right: raising γ from 1.3 to 1.4 brings the crossover 5.08 years earlier (14.83 → 9.75 years).
    """
    blank = unanswered(years_saved=years_saved)
    if blank is not None:
        return blank
    before, after = (catchup.cost.race(huawei_output_growth=g) for g in (growth_from, growth_to))
    if not (before.catches_up and after.catches_up):
        raise ValueError(
            f"growth_from = {growth_from:g} and growth_to = {growth_to:g} must both be "
            f"above γ_min = {before.gamma_min:.3f} for the crossover to exist"
        )
    expected = before.crossover_years - after.crossover_years
    given = _number("years_saved", years_saved, "years")
    if _near(given, expected):
        return CheckResult(
            True,
            f"raising γ from {growth_from:g} to {growth_to:g} brings the "
            f"crossover {expected:.2f} years earlier "
            f"({before.crossover_years:.2f} → {after.crossover_years:.2f} years).",
        )
    estimate = -before.sensitivity * (growth_to - growth_from)
    if _near(given, estimate, relative=0.02):
        hint = "that is the derivative's estimate; the question asks for the exact difference."
    else:
        hint = f"compute the crossover time of {_RACE} at both growth rates and compare them."
    return CheckResult(False, hint)
