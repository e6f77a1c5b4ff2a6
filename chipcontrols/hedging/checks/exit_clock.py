"""Checks for ``ex-ch5-exit`` (and assignment 5, question 4): the exit clock.

The exit date t_exit, and the erosion rate λ that brings it to a given year.
"""

from __future__ import annotations

from chipcontrols import hedging
from chipcontrols.core.checking import CheckResult, unanswered
from chipcontrols.core.parameters import require_number, strict_keywords
from chipcontrols.hedging.checks.common import _near, _number


def check_exit_time(years: float, **values: float) -> CheckResult:
    """Check the exit date t_exit (years after January 2026).

    Examples
    --------
    >>> check_exit_time(1.386)
    Right: imports stop being worth buying after 1.39 years, when a falls to 1.20.
    """
    blank = unanswered(years=years, **values)
    if blank is not None:
        return blank
    clock = hedging.exit_clock(**values)
    given = _number("years", years)
    if _near(given, clock.exit_time):
        return CheckResult(
            True,
            f"imports stop being worth buying after {clock.exit_time:.2f} "
            f"years, when a falls to {clock.exit_advantage:.2f}.",
        )
    return CheckResult(
        False,
        f"your {given:g} years is off. Set V(a(t) − 1) = β with "
        "a(t) = 1 + (a0 − 1)e^(−λt) − κτ (the levy's bite stays while the gap "
        "before the levy erodes) and solve for t (natural logarithm).",
    )


@strict_keywords
def check_erosion_for_exit(
    rate: float,
    years: float,
    base_advantage: float | None = None,
    domestic_value: float | None = None,
    levy: float | None = None,
    pass_through: float | None = None,
) -> CheckResult:
    """Check the erosion rate λ that brings the exit date to ``years`` (V = 1).

    Examples
    --------
    >>> check_erosion_for_exit(0.5, 2.0)
    Not yet: at λ = 0.5 the exit comes after 1.39 years, not 2. A slower erosion brings it back.
    """
    blank = unanswered(rate=rate, years=years)
    if blank is not None:
        return blank
    P = hedging.PARAMETERS
    fixed = {
        "base_advantage": base_advantage,
        "domestic_value": domestic_value,
        "levy": levy,
        "pass_through": pass_through,
    }
    fixed = {k: P[k].check(P[k].default if v is None else v) for k, v in fixed.items()}
    given = P["advantage_erosion_rate"].check(rate)
    target = require_number("years", years, minimum=0, minimum_included=False)
    exit_at = hedging.exit_clock(advantage_erosion_rate=given, **fixed).exit_time
    if _near(exit_at, target):
        return CheckResult(
            True, f"at λ = {given:.3f} a year the exit comes after {target:g} years."
        )
    side = "faster" if exit_at > target else "slower"
    return CheckResult(
        False,
        f"at λ = {given:g} the exit comes after {exit_at:.2f} years, not "
        f"{target:g}. A {side} erosion brings it "
        f"{'forward' if side == 'faster' else 'back'}.",
    )
