"""Checks for ``ex-ch2-estimates``: reading the Ascend estimates.

The HBM and the share of SMIC's wafers an Ascend output estimate requires.
"""

from __future__ import annotations

from chipcontrols import tools_vs_chips
from chipcontrols.core.checking import CheckResult, exercise_check, unanswered
from chipcontrols.core.parameters import require_number, strict_keywords
from chipcontrols.tools_vs_chips.checks.common import _near
from chipcontrols.tools_vs_chips.evidence import estimate

#: The quantities of data/capacity.csv that count Ascend accelerators.
OUTPUT_QUANTITIES = ("ascend_output", "ascend_910c_output")


@exercise_check
@strict_keywords
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
            f"your {given_hbm:.3g} million stacks is off: how many accelerators, in millions, "
            "does this estimate count, and how many stacks does each carry in this scenario"
        )
    if not _near(given_share, need_share):
        hint = (
            "is your share a percentage? Give it as a fraction"
            if _near(given_share, 100 * need_share)
            else "start from the accelerators the wafers would make if all of them went to AI "
            "(a share of one), with this scenario's dies per accelerator"
        )
        problems.append(f"your share {given_share:.3g} is off: {hint}")
    if problems:
        return CheckResult(False, "; ".join(problems) + ".")
    return CheckResult(
        True,
        f"{chosen.value:,.0f} accelerators need {need_hbm:.2f} million HBM "
        f"stacks and {need_share:.1%} of the wafers.",
    )
