"""Checks for ``ex-ch2-bottleneck`` (and assignment 2, question 1): which input binds.

Gross dies per wafer, and the HBM supply at which the wafers start to bind.
"""

from __future__ import annotations

import math

from chipcontrols import tools_vs_chips
from chipcontrols.core.checking import CheckResult, exercise_check, unanswered
from chipcontrols.core.parameters import require_number, strict_keywords
from chipcontrols.tools_vs_chips.checks.common import ANSWER_RELATIVE_TOLERANCE, _near


def _ratio_hint(ratio: float, hints: dict[float, str], default: str) -> str:
    for factor, hint in hints.items():
        if _near(ratio, factor):
            return hint
    return default


@exercise_check
@strict_keywords
def check_gross_dies(gross_dies: float, ascend_die_area: float) -> CheckResult:
    """Check gross dies per 300 mm wafer for a die of ``ascend_die_area`` mm².

    Examples
    --------
    >>> check_gross_dies(90.6, ascend_die_area=600)
    Right: a 600 mm² die gives 90.6 gross dies per 300 mm wafer.
    >>> check_gross_dies(117.8, ascend_die_area=600)
    Not yet: your 117.8 is off by more than 1%: it matches the wafer's area over the die's alone; the derivation of g(A) in "Which input binds" has a second term, for the round edge.
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
            "it matches the wafer's area over the die's alone; the derivation of g(A) in "
            '"Which input binds" has a second term, for the round edge.'
        )
    else:
        hint = (
            'work through both terms of g(A) in "Which input binds" again: which of them '
            "uses the wafer's radius and which its diameter, and is the area the new die's?"
        )
    return CheckResult(
        False, f"your {given:.1f} is off by more than {ANSWER_RELATIVE_TOLERANCE:.0%}: {hint}"
    )


@exercise_check
@strict_keywords
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
    Not yet: your 0.868 million is off by more than 1%: that is the wafer limit counted in accelerators; the threshold is counted in HBM stacks.
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
    months = (
        "wafer starts are declared per month and the model counts a year: check how you "
        "converted between the two."
    )
    hint = _ratio_hint(
        given / expected,
        {
            1 / per_package: "that is the wafer limit counted in accelerators; the threshold is "
            "counted in HBM stacks.",
            1 / tools_vs_chips.MONTHS_PER_YEAR: months,
            tools_vs_chips.MONTHS_PER_YEAR: months,
            scenario["dies_per_package"]: "each accelerator needs n_d dies: did you count dies "
            "as accelerators?",
            1 / scenario["ascend_yield"]: "did you count every gross die? Only good dies make "
            "accelerators.",
        },
        "at the threshold the wafers and the HBM allow the same number of accelerators; work "
        'through each factor of the wafer limit in "Which input binds" for this scenario.',
    )
    return CheckResult(
        False,
        f"your {given:.3g} million is off by more than {ANSWER_RELATIVE_TOLERANCE:.0%}: {hint}",
    )
