"""Checks for ``ex-ch5-calibrate`` (and assignment 5, question 2): calibrate the model.

Which value of one parameter makes Beijing's choice equal an observed share.
"""

from __future__ import annotations

from chipcontrols import hedging
from chipcontrols.core import record
from chipcontrols.core.checking import CheckResult, exercise_check, unanswered
from chipcontrols.hedging.checks.common import DEFAULTS_USED, _mistake, _near, _number


def january_share() -> float:
    """January 2026's approved share: approvals ÷ orders (record figures)."""
    return record.value("beijing_h200_approvals_jan_2026") / record.value(
        "chinese_h200_orders_2026"
    )


@exercise_check
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
    >>> check_calibration("domestic_value", 0.3)
    Not yet: domestic_value = 0.3 does not make Beijing's best reply equal the observed share 0.20. Which term of the best reply holds this parameter? Rearrange the best reply (section "Beijing's side") for it, with the scenario's other values.
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
    mistake = _mistake(
        given,
        result.value,
        {DEFAULTS_USED: lambda: hedging.calibrate(parameter, observed_share).value},
    )
    if parameter == "pairing_ratio":
        return CheckResult(
            False,
            f"pairing_ratio = {given:g} does not make the rule's bound equal the observed "
            f"share {result.observed_share:.2f}. With k domestic chips bought for each "
            'import, what share of the chips is imported? (section "Two bounds")' + mistake,
        )
    return CheckResult(
        False,
        f"{parameter} = {given:g} does not make Beijing's best reply equal the observed "
        f"share {result.observed_share:.2f}. Which term of the best reply holds this "
        'parameter? Rearrange the best reply (section "Beijing\'s side") for it, with the '
        "scenario's other values." + mistake,
    )
