"""Checks for the two clocks (exercises ex-ch4-clock, ex-ch4-race and the memo ex-ch4-memo).

"What 'two or three years' requires": :func:`check_required_advantage` and
:func:`check_roadmap_growth`, from :mod:`chipcontrols.catchup.performance` and the chip data;
"The cost race under three learning rates": :func:`check_gamma_min`,
:func:`check_growth_for_crossover` and :func:`check_crossover_function`, from
:func:`chipcontrols.catchup.cost.race`; the memo's :func:`check_time_saved`, from the same race.
"""

from __future__ import annotations

import math

import numpy as np

from chipcontrols import catchup
from chipcontrols.catchup.checks.common import FUNCTION_SAMPLES, _near, _number
from chipcontrols.core.checking import CheckResult, is_unanswered, unanswered
from chipcontrols.core.parameters import require_number, strict_keywords

__all__ = [
    "check_crossover_function",
    "check_gamma_min",
    "check_growth_for_crossover",
    "check_required_advantage",
    "check_roadmap_growth",
    "check_time_saved",
]


# --- the performance clock ------------------------------------------------------------------


@strict_keywords
def check_required_advantage(
    claim_years: float,
    advantage: float,
    performance_gap: float = catchup.performance.PARAMETERS["performance_gap"].default,
) -> CheckResult:
    """Check the growth advantage g_H − g_N (per year) that closes the gap in ``claim_years``.

    Examples
    --------
    >>> check_required_advantage(2, advantage=0.805)
    Right: from a 5× gap, overtaking in 2 years needs Huawei's chips to improve 0.805 a year faster (×2.24 a year more).
    """
    blank = unanswered(advantage=advantage)
    if blank is not None:
        return blank
    expected = catchup.performance.required_advantage(claim_years, performance_gap)
    given = _number("advantage", advantage, "per year")
    if _near(given, expected):
        return CheckResult(
            True,
            f"from a {performance_gap:g}× gap, overtaking in {claim_years:g} "
            f"years needs Huawei's chips to improve {expected:.3f} a year "
            f"faster (×{math.exp(expected):.2f} a year more).",
        )
    if _near(given, math.log10(performance_gap) / claim_years):
        hint = "use the natural logarithm: the growth rates are continuous (e^(gt))."
    elif _near(given, (performance_gap - 1) / claim_years):
        hint = "the gap closes multiplicatively: solve G₀·e^(−Δ·T) = 1 for Δ."
    else:
        hint = "set G(T) = 1 in G₀·e^((g_N − g_H)T) and solve for g_H − g_N."
    return CheckResult(False, hint)


@strict_keywords
def check_roadmap_growth(growth: float, vendor: str = "Huawei") -> CheckResult:
    """Check a vendor's growth per year of dense 8-bit compute along the book's chip data.

    Huawei: the 950DT (planned Q4 2026) to the 970 (planned Q4 2028); Nvidia: the H100 (2022)
    to the GB300 (2025).

    Examples
    --------
    >>> check_roadmap_growth(0.693)
    Right: Huawei's dense 8-bit compute grows 0.693 a year on the data (×2.00 a year).
    """
    blank = unanswered(growth=growth)
    if blank is not None:
        return blank
    expected = {
        "Huawei": catchup.roadmap_growth,
        "Nvidia": lambda: catchup.chip_growth("nvidia-h100-sxm5", "nvidia-gb300"),
    }
    if vendor not in expected:
        raise ValueError(f"vendor = {vendor!r} is not one of the valid vendors: {list(expected)}")
    value = expected[vendor]()
    given = _number("growth", growth, "per year")
    if _near(given, value):
        return CheckResult(
            True,
            f"{vendor}'s dense 8-bit compute grows {value:.3f} a year on the "
            f"data (×{math.exp(value):.2f} a year).",
        )
    if _near(given, math.exp(value)):
        hint = "that is the multiple per year; the clock wants the rate, ln(multiple)."
    else:
        hint = "growth = ln(last/first) / years between the two chips."
    return CheckResult(False, hint)


# --- the cost race --------------------------------------------------------------------------


@strict_keywords
def check_gamma_min(
    learning_rate: float,
    gamma_min: float,
    nvidia_cost_decline: float = catchup.cost.PARAMETERS["nvidia_cost_decline"].default,
) -> CheckResult:
    """Check γ_min = r_N/b, the output growth below which Huawei's cost never catches up.

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
        hint = "divide by Wright's exponent b = −log₂(1 − LR), not by the learning rate itself."
    elif _near(given, math.exp(result.gamma_min)):
        hint = "that is the multiple per year; γ_min is the rate, r_N/b."
    else:
        hint = "γ_min = r_N/b with b = −log₂(1 − LR)."
    return CheckResult(False, hint)


@strict_keywords
def check_growth_for_crossover(learning_rate: float, years: float, growth: float) -> CheckResult:
    """Check the output growth γ that makes Huawei's cost equal Nvidia's after ``years``.

    Solves ``t_c(γ) = years``: ``γ = (ln(c_H0/c_N0)/T + r_N)/b``, other inputs at their defaults.

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
            f"needs γ = {expected:.3f} a year (output ×{math.exp(expected):.1f} "
            "a year).",
        )
    return CheckResult(
        False,
        "set t_c = ln(c_H0/c_N0)/(bγ − r_N) equal to the years and solve "
        "for γ; above the declared range of γ means the claim cannot hold.",
    )


_RACE_ARGUMENTS = (
    "huawei_cost_ratio",
    "learning_rate",
    "huawei_output_growth",
    "nvidia_cost_decline",
)


def check_crossover_function(t_c, seed: int = 2025_12_10) -> CheckResult:
    """Check a function ``t_c(huawei_cost_ratio, learning_rate, huawei_output_growth,
    nvidia_cost_decline)`` returning the years until level, or ``math.inf`` when never.

    Compared with :func:`chipcontrols.catchup.cost.race` on :data:`FUNCTION_SAMPLES` parameter
    sets drawn inside the declared ranges (``seed`` chooses them); in many of them the gap never
    closes.

    Examples
    --------
    >>> check_crossover_function(lambda huawei_cost_ratio, learning_rate, huawei_output_growth,
    ...                          nvidia_cost_decline: 0.0)
    Not yet: at huawei_cost_ratio=4.54, learning_rate=0.275, huawei_output_growth=0.371, nvidia_cost_decline=0.368 your function gives 0, but the gap never closes (return math.inf). t_c = ln(c_H0/c_N0)/(bγ − r_N), b = −log₂(1 − LR).
    """
    blank = unanswered(t_c=t_c)
    if blank is not None:
        return blank
    if not callable(t_c):
        raise ValueError(
            f"t_c = {t_c!r} is not a function: define def t_c({', '.join(_RACE_ARGUMENTS)}): ..."
        )
    generator = np.random.default_rng(seed)
    declared = [catchup.cost.PARAMETERS[name] for name in _RACE_ARGUMENTS]
    for _ in range(FUNCTION_SAMPLES):
        point = {p.name: float(generator.uniform(p.minimum, p.maximum)) for p in declared}
        expected = catchup.cost.race(**point)
        returned = t_c(**point)
        if is_unanswered(returned):
            return CheckResult(False, "fill in t_c: its body still returns ...")
        if isinstance(returned, float) and math.isinf(returned):
            given = returned
        else:
            given = require_number("t_c(...)", returned)
        if not _near(given, expected.crossover_years):
            shown = ", ".join(f"{k}={v:.3g}" for k, v in point.items())
            truth = (
                f"Huawei is level after {expected.crossover_years:.3g} years"
                if expected.catches_up
                else "the gap never closes (return math.inf)"
            )
            return CheckResult(
                False,
                f"at {shown} your function gives {given:.3g}, but {truth}. "
                "t_c = ln(c_H0/c_N0)/(bγ − r_N), b = −log₂(1 − LR).",
            )
    return CheckResult(
        True,
        f"your t_c agrees with the model on {FUNCTION_SAMPLES} parameter sets, "
        "including those where the gap never closes.",
    )


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
        hint = (
            "that is the derivative's estimate; the exact difference is smaller, since t_c "
            "is convex in γ."
        )
    else:
        hint = "compute t_c at both growth rates and subtract."
    return CheckResult(False, hint)
