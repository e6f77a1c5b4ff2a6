"""Checks for the ledger's ratio (exercise ex-ch1-ifp, the memo ex-ch1-memo, the assignment).

"Reproduce IFP's range with the ledger": :func:`check_ifp_reproduction`, the ledger's ratio
(:func:`chipcontrols.ledger.model.ratio_at`) against the range IFP published, a record figure
with its citation (``data/record.csv``, :func:`ifp_range`); :func:`check_ratio_function`, the
student's own ρ(Q); the memo's :func:`check_break_even`, from
:func:`chipcontrols.ledger.model.break_even_at`.
"""

from __future__ import annotations

import math

from chipcontrols import ledger
from chipcontrols.core import record
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
from chipcontrols.ledger.checks.common import ANSWER_RELATIVE_TOLERANCE, _near

__all__ = [
    "RATIO_FUNCTION_SAMPLES",
    "check_break_even",
    "check_ifp_reproduction",
    "check_ratio_function",
    "ifp_range",
]


@strict_keywords
def ifp_range(with_exports: bool) -> tuple[float, float]:
    """IFP's published US:China ratio range without or with Hopper exports (record figures).

    The range reached the book through a secondary summary of "Should the US Sell Hopper
    Chips to China?" (IFP, December 2025); ``data/record.csv`` gives the citation and the
    confidence.
    """
    case = "with" if with_exports else "without"
    return (
        record.value(f"ifp_ratio_{case}_exports_low"),
        record.value(f"ifp_ratio_{case}_exports_high"),
    )


# --- Exercise: reproduce IFP's range with the ledger -------------------------------------


def _verdict(value: float, bounds: tuple[float, float]) -> str:
    """``"inside"`` or ``"outside"`` the range: never which side, so the check cannot be bisected."""
    low, high = bounds
    return "inside" if low * (1 - 1e-9) <= value <= high * (1 + 1e-9) else "outside"


@exercise_check
@strict_keywords
def check_ifp_reproduction(
    *,
    us_compute: float,
    china_compute: float,
    h100e_per_chip: float,
    displacement: float,
    volume: float,
) -> CheckResult:
    """Check whether a ledger scenario lands inside IFP's published range of US:China ratios.

    The ratio is the ledger's closed form ρ(Q) evaluated at no exports and at ``volume``;
    unlike :func:`chipcontrols.ledger.model.ledger`, the volume is not capped by the four limits.

    Parameters
    ----------
    us_compute, china_compute : float
        US and China's other compute added in the year, million H100-equivalents.
    h100e_per_chip : float
        H100-equivalents per exported H200.
    displacement : float
        US deployments displaced per China-bound chip.
    volume : float
        H200s exported to China in the year, million chips.

    Returns
    -------
    CheckResult
        Right when both ratios lie inside IFP's ranges (:func:`ifp_range`; endpoints
        included).  The message reports both ratios.

    Raises
    ------
    ValueError
        For a value outside the ledger's declared range; the message names the parameter, the
        value and the range.

    Examples
    --------
    >>> check_ifp_reproduction(us_compute=13, china_compute=0.3, h100e_per_chip=1.0,
    ...                        displacement=0.0, volume=2.0)
    Right: without exports 43.33x (IFP 21-49x: inside); with 2.00 M chips exported 5.65x (IFP about 1.2-6.7x: inside).
    >>> check_ifp_reproduction(us_compute=13, china_compute=0.3, h100e_per_chip=1.0,
    ...                        displacement=0.0, volume=3.0)
    Not yet: your answer could not be checked: volume = 3 is outside the valid range [0, 2.5] million chips (H200s exported to China in the year). Fix it and run the cell again.
    """
    blank = unanswered(
        us_compute=us_compute,
        china_compute=china_compute,
        h100e_per_chip=h100e_per_chip,
        displacement=displacement,
        volume=volume,
    )
    if blank is not None:
        return blank
    checked_volume = ledger.EXPORT_VOLUME.check(volume)
    without, with_exports = ledger.ratio_at(
        [0.0, checked_volume],
        us_compute=us_compute,
        china_compute=china_compute,
        h100e_per_chip=h100e_per_chip,
        displacement=displacement,
    )
    ranges = (ifp_range(with_exports=False), ifp_range(with_exports=True))
    verdicts = (_verdict(without, ranges[0]), _verdict(with_exports, ranges[1]))
    summary = (
        f"without exports {without:.2f}x (IFP {ranges[0][0]:g}-{ranges[0][1]:g}x: "
        f"{verdicts[0]}); with {checked_volume:.2f} M chips exported {with_exports:.2f}x "
        f"(IFP about {ranges[1][0]:g}-{ranges[1][1]:g}x: {verdicts[1]})."
    )
    if verdicts == ("inside", "inside"):
        return CheckResult(True, summary)
    return CheckResult(
        False,
        summary + " Hint: which of the five parameters set the ratio with no exports, and "
        "which matter only once chips are exported? The ledger's formula for the ratio "
        "shows each on its side.",
    )


# --- Exercise: the ratio as a function ------------------------------------------------------

#: How many parameter sets :func:`check_ratio_function` tries, drawn inside the declared ranges.
RATIO_FUNCTION_SAMPLES = 25
_RATIO_ARGUMENTS = ("volume", "h100e_per_chip", "us_compute", "china_compute", "displacement")


@exercise_check
def check_ratio_function(rho, seed: int = 2025_12_08) -> CheckResult:
    """Check a student's function for the ledger's ratio ρ(Q) against the book's formula.

    Parameters
    ----------
    rho : callable
        ``rho(volume, h100e_per_chip, us_compute, china_compute, displacement)`` returning
        the US:China ratio of compute added; volume in million chips, compute in million
        H100-equivalents.

    Returns
    -------
    CheckResult
        Right when the function agrees (within :data:`ANSWER_RELATIVE_TOLERANCE`) with
        :func:`chipcontrols.ledger.model.ratio_at` on :data:`RATIO_FUNCTION_SAMPLES` parameter sets
        drawn inside the declared ranges (a fixed seed, so the check is repeatable).  A
        "Not yet" names the first inputs where it does not, and the student's value there.
    seed : int, optional
        Seeds the parameter sets; an autograder passes its own, so its inputs are ones the
        chapter's check never shows.

    Examples
    --------
    >>> check_ratio_function(lambda volume, h100e_per_chip, us_compute, china_compute,
    ...                      displacement: us_compute / china_compute)
    Not yet: at volume=0.585, h100e_per_chip=1.06, us_compute=19.1, china_compute=0.417, displacement=0.514 your function gives 45.9, which is not the ledger's ratio. Compare your function term by term with the ratio's formula in the ledger section: which inputs belong to the US side, which to China's?
    """
    blank = unanswered(rho=rho)
    if blank is not None:
        return blank
    require_function(rho, "rho", "rho", _RATIO_ARGUMENTS)
    declared = [ledger.PARAMETERS[name] for name in _RATIO_ARGUMENTS]
    for point in sample_points(declared, seed, RATIO_FUNCTION_SAMPLES):
        expected = ledger.ratio_at(
            point["volume"], **{k: v for k, v in point.items() if k != "volume"}
        )
        given, hint = call_student_function(
            rho,
            "rho",
            point,
            when_raising="it must return a ratio for every parameter set inside the declared ranges.",
        )
        if hint is not None:
            return hint
        # Compared as a ratio to the ledger's value (the ledger's ratio is positive across the
        # declared ranges), so the answers recorded for the printed-answers test are the
        # agreement 1.0, not 25 random points that could coincide with the page's numbers.
        if not _near(given / expected, 1.0):
            return CheckResult(
                False,
                f"at {shown_point(point)} your function gives {given:.3g}, which is not "
                "the ledger's ratio. Compare your function term by term with "
                "the ratio's formula in the ledger section: which inputs belong "
                "to the US side, which to China's?",
            )
    return CheckResult(
        True,
        f"your function matches the ledger's ratio on "
        f"{RATIO_FUNCTION_SAMPLES} parameter sets across the declared ranges.",
    )


# --- Exercise: the break-even valuation ----------------------------------------------------


@exercise_check
def check_break_even(sigma_star: float, volume: float, **parameters: float) -> CheckResult:
    """Check a student's break-even valuation σ* (billion USD per log-unit of China's compute).

    Parameters
    ----------
    sigma_star : float
        The student's σ*, billion USD per log-unit (natural logarithm) of growth in China's
        compute added in the year.
    volume : float
        The export volume Q the student evaluated, million chips.
    **parameters : float
        ``tariff_share``, ``nvidia_weight``, ``price`` (thousand USD), ``h100e_per_chip``,
        ``china_compute`` (million H100e); others take their declared defaults.

    Returns
    -------
    CheckResult
        Right within :data:`ANSWER_RELATIVE_TOLERANCE` of :func:`chipcontrols.ledger.model.break_even_at`.

    Examples
    --------
    >>> check_break_even(..., volume=0.7)
    Not yet: fill in sigma_star: replace each ... with your answer, then run the cell again.
    >>> check_break_even(7.46, volume=0.7)
    Right: σ* = 7.46 bn USD per log-unit, 5.17 bn per doubling, at Q = 0.7 M chips.
    >>> check_break_even("7.46", volume=0.7).correct
    False
    """
    blank = unanswered(sigma_star=sigma_star, volume=volume, **parameters)
    if blank is not None:
        return blank
    expected = ledger.break_even_at(volume, **parameters)
    given = require_number(
        "sigma_star",
        sigma_star,
        minimum=0,
        minimum_included=False,
        unit="billion USD per log-unit",
    )
    if _near(given, expected):
        return CheckResult(
            True,
            f"σ* = {expected:.2f} bn USD per log-unit, "
            f"{expected * math.log(2):.2f} bn per doubling, at "
            f"Q = {ledger.EXPORT_VOLUME.check(volume):g} M chips.",
        )
    if _near(given, expected * math.log(2)):
        hint = (
            "that looks like a figure per doubling; the check wants σ* per log-unit "
            "(natural logarithm)."
        )
    elif any(_near(given, expected * factor) for factor in (1e3, 1e-3, 1e6, 1e-6)):
        hint = (
            "the size is off by a power of a thousand: the price is in thousand USD and Q "
            "in million chips, so price x Q is in billion USD."
        )
    else:
        hint = (
            "at the break-even valuation, which US gain just balances which harm? The "
            "section 'Is selling worth it?' derives it; check each input is the scenario's."
        )
    return CheckResult(
        False,
        f"your σ* = {given:g} bn is off by more than {ANSWER_RELATIVE_TOLERANCE:.0%}: {hint}",
    )
