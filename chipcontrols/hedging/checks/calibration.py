"""Checks for ``ex-ch5-calibrate`` (and assignment 5, question 2): calibrate the model.

Which value of one parameter makes Beijing's choice equal January 2026's approved share.
"""

from __future__ import annotations

from chipcontrols import hedging
from chipcontrols.core import record
from chipcontrols.core.checking import CheckResult, unanswered
from chipcontrols.hedging.checks.common import _near, _number


def january_share() -> float:
    """January 2026's approved share: approvals ÷ orders (record figures)."""
    return record.value("beijing_h200_approvals_jan_2026") / record.value(
        "chinese_h200_orders_2026"
    )


def check_calibration(
    parameter: str, value: float, observed_share: float | None = None, **values: float
) -> CheckResult:
    """Check the value of one parameter that makes Beijing's choice equal an observed share.

    Parameters
    ----------
    parameter : str
        The parameter solved for (``domestic_value``, ``cutoff_probability``, ``us_advantage``,
        ``cutoff_loss`` or ``pairing_ratio``).
    value : float
        The student's value.  It may lie outside the parameter's range: that is a finding.
    observed_share : float, optional
        The share to reproduce; January 2026's approvals ÷ orders when not given.
    **values : float
        The other parameters (defaults where not given).

    Examples
    --------
    >>> check_calibration("domestic_value", ...)
    Not yet: fill in value: replace each ... with your answer, then run the cell again.
    >>> check_calibration("domestic_value", 0.44)
    Right: domestic_value = 0.440 makes Beijing's best reply 0.20, inside the declared range [0.01, 0.8].
    >>> check_calibration("cutoff_probability", 0.75)
    Not yet: at cutoff_probability = 0.75 Beijing's best reply is 0.27, not 0.20. Set s* = (V(a − 1) − β)/(2pL) equal to the share and solve for the parameter.
    """
    blank = unanswered(value=value, **values)
    if blank is not None:
        return blank
    result = hedging.calibrate(parameter, observed_share, **values)
    given = _number(parameter, value)
    if _near(given, result.value):
        where = (
            "inside" if result.inside_range else "OUTSIDE"
        ) + f" the declared range {result.valid_range}"
        extra = "" if result.inside_range else " — on its own this parameter cannot explain it"
        return CheckResult(
            True,
            f"{parameter} = {result.value:.3f} makes Beijing's "
            f"{'bound' if parameter == 'pairing_ratio' else 'best reply'} "
            f"{result.observed_share:.2f}, {where}{extra}.",
        )
    if parameter == "pairing_ratio":
        bound = 1 / (1 + given) if given > -1 else float("nan")
        return CheckResult(
            False,
            f"with pairing_ratio = {given:g} the rule caps the share at "
            f"{bound:.2f}, not {result.observed_share:.2f}. One import per "
            "k domestic chips is a share of 1/(1 + k).",
        )
    at = {**{n: v for n, v in values.items()}, parameter: given}
    try:
        reply = hedging.best_reply(**at).interior
    except ValueError:
        return CheckResult(
            False,
            f"{parameter} = {given:g} does not reproduce the share. Set "
            "s* = (V(a − 1) − β)/(2pL) equal to the share and solve.",
        )
    return CheckResult(
        False,
        f"at {parameter} = {given:g} Beijing's best reply is {reply:.2f}, "
        f"not {result.observed_share:.2f}. Set s* = (V(a − 1) − β)/(2pL) "
        "equal to the share and solve for the parameter.",
    )
