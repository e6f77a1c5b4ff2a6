"""Checks for dies, yields and the learning curve (exercises ex-ch4-dies and ex-ch4-yield).

"Dies per wafer for three chips": :func:`check_gross_dies` (and :func:`check_gross_dies_area`
for a per-student die), from :func:`chipcontrols.catchup.yields.gross_dies` on
``data/chips.csv``; "Back out the defect density and project the cost of a good die":
:func:`check_defect_density`, :func:`check_learning_exponent` and :func:`check_projected_cost`,
from :mod:`chipcontrols.catchup.yields` and :mod:`chipcontrols.catchup.learning`.
"""

from __future__ import annotations

import math

from chipcontrols import catchup
from chipcontrols.catchup.checks.common import _near, _number
from chipcontrols.core.checking import CheckResult, close_enough, unanswered
from chipcontrols.core.data import load_chips
from chipcontrols.core.parameters import strict_keywords

__all__ = [
    "check_defect_density",
    "check_gross_dies",
    "check_gross_dies_area",
    "check_learning_exponent",
    "check_projected_cost",
]


# --- dies per wafer -------------------------------------------------------------------------


def _die_area(chip_id: str) -> float:
    chips = load_chips().set_index("chip_id")
    known = sorted(chips.index[chips["die_area_mm2"].notna()])
    if chip_id not in known:
        raise ValueError(
            f"chip_id = {chip_id!r} is not a chip with a published die area; valid ids: {known}"
        )
    return float(chips.loc[chip_id, "die_area_mm2"])


@strict_keywords
def check_gross_dies(chip_id: str, dies: float, wafer_diameter_mm: float = 300.0) -> CheckResult:
    """Check the gross dies per wafer of a chip of ``data/chips.csv`` (its die area).

    Within one die of ``π(d/2)²/A − πd/√(2A)`` (not rounded down).

    Examples
    --------
    >>> check_gross_dies("huawei-ascend-910b", dies=80)
    Right: a 665.61 mm² die gives 80.4 gross dies on a 300 mm wafer.
    >>> check_gross_dies("huawei-ascend-910b", dies=106)
    Not yet: 106 dies is about the wafer's area over the die's; subtract the partial dies at the edge, πd/√(2A).
    """
    blank = unanswered(dies=dies)
    if blank is not None:
        return blank
    return check_gross_dies_area(_die_area(chip_id), dies, wafer_diameter_mm)


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
    given = _number("dies", dies, "dies", minimum=0.0)
    expected = catchup.yields.gross_dies(area, wafer_diameter_mm)
    if close_enough(given, expected, absolute=1.0):
        return CheckResult(
            True,
            f"a {area:g} mm² die gives {expected:.1f} gross dies on a "
            f"{wafer_diameter_mm:g} mm wafer.",
        )
    area_ratio = math.pi * (wafer_diameter_mm / 2) ** 2 / area
    radius_instead = math.pi * (wafer_diameter_mm / 4) ** 2 / area - (
        math.pi * wafer_diameter_mm / 2 / math.sqrt(2 * area)
    )
    if close_enough(given, area_ratio, absolute=1.0):
        hint = (
            "is about the wafer's area over the die's; subtract the partial dies at the edge, "
            "πd/√(2A)."
        )
    elif close_enough(given, radius_instead, absolute=1.0):
        hint = "looks computed with the radius where the formula wants the diameter."
    else:
        hint = "use d in mm and A in mm²: π(d/2)²/A − πd/√(2A)."
    return CheckResult(False, f"{given:g} dies {hint}")


# --- yields and defect densities ------------------------------------------------------------


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
    Not yet: your density is 100 times too large: the die area is in mm², the density per cm² (1 cm² = 100 mm²).
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
            f"{chip_die_area_mm2:g} mm² die means {expected:.3f} defects per "
            "cm².",
        )
    if _near(given, expected * 100):
        hint = (
            "your density is 100 times too large: the die area is in mm², the density per "
            "cm² (1 cm² = 100 mm²)."
        )
    elif _near(given, expected / 100):
        hint = "your density is 100 times too small: 1 cm² is 100 mm², not the other way round."
    elif model == "Poisson":
        hint = "under Poisson, Y = e^(−A·D), so D = −ln(Y)/A with A in cm²."
    else:
        hint = f"invert the {model} formula for the defects per die m, then divide by A in cm²."
    return CheckResult(False, hint)


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
    """Check the learning exponent d of the defect density fitted to two yields.

    Examples
    --------
    >>> check_learning_exponent(0.813)
    Right: d = 0.813 under the Poisson model; each doubling of output removes 43% of the defects.
    """
    blank = unanswered(exponent=exponent)
    if blank is not None:
        return blank
    curve = catchup.learning.fit(yield_earlier, yield_later, output_multiple_observed, model)
    given = _number("exponent", exponent)
    if _near(given, curve.exponent):
        return CheckResult(
            True,
            f"d = {curve.exponent:.3f} under the {model} model; each doubling "
            f"of output removes {curve.decline_per_doubling:.0%} of the "
            "defects.",
        )
    if _near(given, math.log(math.log(yield_earlier) / math.log(yield_later))):
        hint = "divide by ln of the output multiple between the two yields."
    elif _near(given, math.log(yield_later / yield_earlier) / math.log(output_multiple_observed)):
        hint = (
            "that fits the yields themselves; fit the defects per die, m = −ln Y under "
            "Poisson, and take ln(m₁/m₂)."
        )
    else:
        hint = "d = ln(m₁/m₂)/ln k, with m the defects per die each yield implies."
    return CheckResult(False, hint)


@strict_keywords
def check_projected_cost(
    cost_usd: float, output_multiple_ahead: float, model: str = "Poisson"
) -> CheckResult:
    """Check the cost per good die (USD) after cumulative output grows ``output_multiple_ahead``-fold.

    Along the learning curve fitted to the chapter's two yields; die and wafer at the defaults.

    Examples
    --------
    >>> check_projected_cost(284, output_multiple_ahead=2)
    Right: at 2× the output the yield is 59.4% and a good die costs $284.
    """
    blank = unanswered(cost_usd=cost_usd)
    if blank is not None:
        return blank
    curve = catchup.learning.fit(model=model)
    projected = curve.yield_at(output_multiple_ahead)
    expected = catchup.yields.cost_at_yield(curve.yield_later) * curve.cost_multiple_at(
        output_multiple_ahead
    )
    given = _number("cost_usd", cost_usd, "USD", minimum=0.0, minimum_included=False)
    if _near(given, expected):
        return CheckResult(
            True,
            f"at {output_multiple_ahead:g}× the output the yield is "
            f"{projected:.1%} and a good die costs ${expected:,.0f}.",
        )
    if _near(given, catchup.yields.cost_at_yield(curve.yield_later)):
        hint = "that is today's cost; project the yield first, then divide the wafer cost again."
    else:
        hint = (
            "project m = m₂·M^(−d), turn it into a yield, then cost = wafer cost / "
            "(gross dies × yield)."
        )
    return CheckResult(False, hint)
