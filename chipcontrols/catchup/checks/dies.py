"""Checks for dies, yields and the learning curve (exercises ex-ch4-dies and ex-ch4-yield).

"Dies per wafer for three chips": :func:`check_gross_dies` (and :func:`check_gross_dies_area`
for a per-student die), from :func:`chipcontrols.catchup.yields.gross_dies` on
``data/chips.csv``; "Back out the defect density and project the cost of a good die":
:func:`check_defect_density`, :func:`check_learning_exponent` and :func:`check_projected_cost`,
from :mod:`chipcontrols.catchup.yields` and :mod:`chipcontrols.catchup.learning`.

Hints diagnose a recognisable mistake (units, radius for diameter, the wrong quantity) or point
to the section that derives the formula; none says on which side the answer lies or states the
formula, and a wrong answer above and below the right one gets the same hint.
"""

from __future__ import annotations

import math

from chipcontrols import catchup
from chipcontrols.catchup.checks.common import _near, _number
from chipcontrols.core.checking import CheckResult, close_enough, exercise_check, unanswered
from chipcontrols.core.data import load_chips
from chipcontrols.core.parameters import strict_keywords

__all__ = [
    "check_defect_density",
    "check_gross_dies",
    "check_gross_dies_area",
    "check_learning_exponent",
    "check_projected_cost",
]

_DIES_SECTION = "'The cost clock: from wafers to good dies'"
_LEARNING_SECTION = "'Learning from two yields'"


# --- dies per wafer -------------------------------------------------------------------------


def _die_area(chip_id: str) -> float:
    chips = load_chips().set_index("chip_id")
    known = sorted(chips.index[chips["die_area_mm2"].notna()])
    if chip_id not in known:
        raise ValueError(
            f"chip_id = {chip_id!r} is not a chip with a published die area; valid ids: {known}"
        )
    return float(chips.loc[chip_id, "die_area_mm2"])


@exercise_check
@strict_keywords
def check_gross_dies(chip_id: str, dies: float, wafer_diameter_mm: float = 300.0) -> CheckResult:
    """Check the gross dies per wafer of a chip of ``data/chips.csv`` (its die area).

    Within one die of the chapter's formula (not rounded down).

    Examples
    --------
    >>> check_gross_dies("huawei-ascend-910b", dies=80)
    Right: a 665.61 mm² die gives 80.4 gross dies on a 300 mm wafer.
    >>> check_gross_dies("huawei-ascend-910b", dies=106)
    Not yet: 106 dies counts every die the wafer's area could hold, including the partial ones at the rim, which are not dies you can sell.
    >>> check_gross_dies("no-such-chip", dies=80).correct
    False
    """
    blank = unanswered(dies=dies)
    if blank is not None:
        return blank
    return check_gross_dies_area(
        _die_area(chip_id), dies=dies, wafer_diameter_mm=wafer_diameter_mm
    )


@exercise_check
@strict_keywords
def check_gross_dies_area(
    die_area_mm2: float, dies: float, wafer_diameter_mm: float = 300.0
) -> CheckResult:
    """Check the gross dies per wafer of a die of ``die_area_mm2`` (e.g. a per-student variant).

    Examples
    --------
    >>> check_gross_dies_area(225, dies=269.7)
    Right: a 225 mm² die gives 269.7 gross dies on a 300 mm wafer.
    """
    blank = unanswered(dies=dies)
    if blank is not None:
        return blank
    area = catchup.yields.PARAMETERS["chip_die_area_mm2"].check(die_area_mm2)
    diameter = catchup.yields.PARAMETERS["wafer_diameter_mm"].check(wafer_diameter_mm)
    given = _number("dies", dies, "dies", minimum=0.0)
    expected = catchup.yields.gross_dies(area, diameter)
    if close_enough(given, expected, absolute=1.0):
        return CheckResult(
            True,
            f"a {area:g} mm² die gives {expected:.1f} gross dies on a {diameter:g} mm wafer.",
        )
    area_ratio = math.pi * (diameter / 2) ** 2 / area
    radius_instead = math.pi * (diameter / 4) ** 2 / area - (
        math.pi * diameter / 2 / math.sqrt(2 * area)
    )
    if close_enough(given, area_ratio, absolute=1.0):
        hint = (
            "counts every die the wafer's area could hold, including the partial ones at the "
            "rim, which are not dies you can sell."
        )
    elif close_enough(given, radius_instead, absolute=1.0):
        hint = "looks computed with the radius where the formula wants the diameter."
    else:
        hint = (
            f"does not match the formula of {_DIES_SECTION}: check that d is the diameter in mm "
            "and A the die's area in mm², and that both terms are there."
        )
    return CheckResult(False, f"{given:g} dies {hint}")


# --- yields and defect densities ------------------------------------------------------------


@exercise_check
@strict_keywords
def check_defect_density(
    reported_yield: float,
    density: float,
    model: str = "Poisson",
    chip_die_area_mm2: float = catchup.yields.PARAMETERS["chip_die_area_mm2"].default,
) -> CheckResult:
    """Check a defect density (killer defects per cm²) read backwards from a yield.

    Examples
    --------
    >>> check_defect_density(0.4, density=0.1377)
    Right: under the Poisson model a 40% yield on a 665.61 mm² die means 0.138 defects per cm².
    >>> check_defect_density(0.4, density=13.77)
    Not yet: your density is off by a factor of 100: the die area is in mm², the density per cm² (a cm² is a hundred mm²).
    """
    blank = unanswered(density=density)
    if blank is not None:
        return blank
    expected = catchup.yields.defects_from_yield(
        reported_yield, model, chip_die_area_mm2=chip_die_area_mm2
    )
    given = _number("density", density, "defects per cm²", minimum=0.0, minimum_included=False)
    if _near(given, expected):
        return CheckResult(
            True,
            f"under the {model} model a {reported_yield:.0%} yield on a "
            f"{chip_die_area_mm2:g} mm² die means {expected:.3f} defects per cm².",
        )
    if _near(given, expected * 100) or _near(given, expected / 100):
        hint = (
            "your density is off by a factor of 100: the die area is in mm², the density per "
            "cm² (a cm² is a hundred mm²)."
        )
    elif model != "Poisson" and _near(
        given,
        catchup.yields.defects_from_yield(
            reported_yield, "Poisson", chip_die_area_mm2=chip_die_area_mm2
        ),
    ):
        hint = f"that is the Poisson reading; the question asks for the {model} model's."
    else:
        hint = (
            f"read the {model} model backwards, as in {_DIES_SECTION}: first the defects per "
            "die m that give this yield, then the density per cm²."
        )
    return CheckResult(False, hint)


@exercise_check
@strict_keywords
def check_learning_exponent(
    exponent: float,
    model: str = "Poisson",
    yield_earlier: float = catchup.learning.PARAMETERS["yield_earlier"].default,
    yield_later: float = catchup.learning.PARAMETERS["yield_later"].default,
    output_multiple_observed: float = catchup.learning.PARAMETERS[
        "output_multiple_observed"
    ].default,
) -> CheckResult:
    """Check the learning exponent θ of the defect density fitted to two yields.

    Examples
    --------
    >>> check_learning_exponent(0.813)
    Right: θ = 0.813 under the Poisson model; each doubling of output removes 43% of the defects.
    """
    blank = unanswered(exponent=exponent)
    if blank is not None:
        return blank
    curve = catchup.learning.fit(yield_earlier, yield_later, output_multiple_observed, model)
    given = _number("exponent", exponent)
    if _near(given, curve.exponent):
        return CheckResult(
            True,
            f"θ = {curve.exponent:.3f} under the {model} model; each doubling "
            f"of output removes {curve.decline_per_doubling:.0%} of the defects.",
        )
    if _near(given, math.log(math.log(yield_earlier) / math.log(yield_later))):
        hint = "you have the change in defects; the exponent is per unit of ln(output)."
    elif _near(given, math.log(yield_later / yield_earlier) / math.log(output_multiple_observed)):
        hint = "that fits the yields themselves; the learning curve is for the defects per die."
    else:
        hint = (
            f"see {_LEARNING_SECTION}: which quantity falls as a power of output, and by "
            "what multiple did output grow between the two reports?"
        )
    return CheckResult(False, hint)


@exercise_check
@strict_keywords
def check_projected_cost(
    cost_usd: float,
    output_multiple_ahead: float,
    model: str = "Poisson",
    yield_earlier: float = catchup.learning.PARAMETERS["yield_earlier"].default,
    yield_later: float = catchup.learning.PARAMETERS["yield_later"].default,
    output_multiple_observed: float = catchup.learning.PARAMETERS[
        "output_multiple_observed"
    ].default,
    chip_die_area_mm2: float = catchup.yields.PARAMETERS["chip_die_area_mm2"].default,
) -> CheckResult:
    """Check the cost per good die (USD) after cumulative output grows ``output_multiple_ahead``-fold.

    Along the learning curve fitted to two yields; the wafer at the chapter's default cost and
    diameter.

    Examples
    --------
    >>> check_projected_cost(284, output_multiple_ahead=2)
    Right: at 2× the output the yield is 59.4% and a good die costs $284.
    """
    blank = unanswered(cost_usd=cost_usd)
    if blank is not None:
        return blank
    curve = catchup.learning.fit(yield_earlier, yield_later, output_multiple_observed, model)
    projected = curve.yield_at(output_multiple_ahead)
    today = catchup.yields.cost_at_yield(yield_later, chip_die_area_mm2=chip_die_area_mm2)
    expected = today * curve.cost_multiple_at(output_multiple_ahead)
    given = _number("cost_usd", cost_usd, "USD", minimum=0.0, minimum_included=False)
    if _near(given, expected):
        return CheckResult(
            True,
            f"at {output_multiple_ahead:g}× the output the yield is "
            f"{projected:.1%} and a good die costs ${expected:,.0f}.",
        )
    if _near(given, today):
        hint = "that is the cost at the later report; project the yield first."
    elif _near(given, projected) or _near(given, 100 * projected):
        hint = "that is the projected yield; the question asks for the cost of a good die."
    else:
        hint = (
            f"project the defects per die along the curve of {_LEARNING_SECTION}, turn them "
            "into a yield, then divide the wafer's cost by its good dies."
        )
    return CheckResult(False, hint)
