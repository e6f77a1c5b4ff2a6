"""Checks for the performance clock (exercise ex-ch4-clock).

"What 'two or three years' would require": :func:`check_required_advantage` and
:func:`check_chip_growth` (and the older :func:`check_roadmap_growth`), from
:mod:`chipcontrols.catchup.performance` and the chip data.

Hints diagnose a recognisable mistake or point to the section; none gives the direction of the
right answer or states the formula.
"""

from __future__ import annotations

import math

from chipcontrols import catchup
from chipcontrols.catchup.checks.common import MULTIPLE_HINT as _MULTIPLE, _near, _number
from chipcontrols.core.checking import CheckResult, exercise_check, unanswered
from chipcontrols.core.parameters import strict_keywords

__all__ = ["check_chip_growth", "check_required_advantage", "check_roadmap_growth"]

_PERFORMANCE = "'The performance clock'"


@exercise_check
@strict_keywords
def check_required_advantage(
    claim_years: float,
    advantage: float,
    performance_gap: float = catchup.performance.PARAMETERS["performance_gap"].default,
) -> CheckResult:
    """Check the growth advantage g_H − g_N (log rate per year) that closes a gap in ``claim_years``.

    Examples
    --------
    >>> check_required_advantage(2, advantage=0.805)
    Right: from a 5× gap, overtaking in 2 years needs Huawei's best chip to gain ×2.24 a year on Nvidia's (a log rate of 0.805).
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
            f"years needs Huawei's best chip to gain ×{math.exp(expected):.2f} a year on "
            f"Nvidia's (a log rate of {expected:.3f}).",
        )
    if _near(given, math.exp(expected)):
        hint = _MULTIPLE
    elif _near(given, math.log10(performance_gap) / claim_years):
        hint = "that uses the base-10 logarithm; the clock's rates are natural logs."
    elif _near(given, (performance_gap - 1) / claim_years):
        hint = "that spreads the gap evenly over the years; the gap closes by multiplying."
    else:
        hint = f"see {_PERFORMANCE}: what must G(t) equal at the claim's deadline?"
    return CheckResult(False, hint)


@exercise_check
@strict_keywords
def check_chip_growth(first_chip: str, last_chip: str, growth: float) -> CheckResult:
    """Check the growth per year (log rate) of dense 8-bit compute between two chips' launches.

    From ``data/chips.csv``, over the difference of the two chips' launch years.

    Examples
    --------
    >>> check_chip_growth("nvidia-h100-sxm5", "nvidia-gb300", growth=0.309)
    Right: from nvidia-h100-sxm5 to nvidia-gb300 dense 8-bit compute grows ×1.36 a year (a log rate of 0.309).
    """
    blank = unanswered(growth=growth)
    if blank is not None:
        return blank
    value = catchup.chip_growth(first_chip, last_chip)
    given = _number("growth", growth, "per year")
    if _near(given, value):
        return CheckResult(
            True,
            f"from {first_chip} to {last_chip} dense 8-bit compute grows "
            f"×{math.exp(value):.2f} a year (a log rate of {value:.3f}).",
        )
    if _near(given, math.exp(value)):
        hint = _MULTIPLE
    else:
        hint = (
            "take the two chips' dense 8-bit figures and launch years from the chip table, and "
            "ask what constant rate turns the first into the last over those years."
        )
    return CheckResult(False, hint)


@exercise_check
@strict_keywords
def check_roadmap_growth(growth: float, vendor: str = "Huawei") -> CheckResult:
    """Check a vendor's growth per year of dense 8-bit compute along the book's chip data.

    Huawei: the 950DT (planned Q4 2026) to the 970 (planned Q4 2028); Nvidia: the H100 (2022)
    to the GB300 (2025).

    Examples
    --------
    >>> check_roadmap_growth(0.693)
    Right: Huawei's dense 8-bit compute grows ×2.00 a year on the data (a log rate of 0.693).
    >>> check_roadmap_growth(0.693, vendor="Intel").correct
    False
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
            f"{vendor}'s dense 8-bit compute grows ×{math.exp(value):.2f} a year on the "
            f"data (a log rate of {value:.3f}).",
        )
    if _near(given, math.exp(value)):
        hint = _MULTIPLE
    else:
        hint = "what constant rate turns the first chip's figure into the last's over the years between?"
    return CheckResult(False, hint)
