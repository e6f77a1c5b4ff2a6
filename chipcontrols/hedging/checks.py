"""Checks for the chapter-5 exercises: calibration, the leverage paradox, the levy, the caps, the exit clock.

Every expected answer comes from :mod:`chipcontrols.hedging` (its registered closed forms), the
record or the ledger's declarations; none is stored here.  A "Not yet" gives a hint and the
student's own number, never the expected one.  Every check first reports ``...`` placeholders
with :func:`~chipcontrols.core.checking.unanswered`.
"""

from __future__ import annotations

from functools import partial

import numpy as np

from chipcontrols import hedging as hedging, ledger
from chipcontrols.core import record
from chipcontrols.core.checking import (
    CheckResult,
    choose,
    close_enough,
    is_unanswered,
    unanswered,
)
from chipcontrols.core.parameters import require_number, strict_keywords

__all__ = [
    "ANSWER_RELATIVE_TOLERANCE",
    "BOUND_NAMES",
    "VERDICTS",
    "check_best_reply_function",
    "check_bound",
    "check_calibration",
    "check_compute_share",
    "check_erosion_for_exit",
    "check_exit_time",
    "check_leverage",
    "check_leverage_ratio",
    "check_levy",
    "check_pairing_switch",
    "check_peak_levy",
    "check_spending_share",
    "check_us_cap_share",
    "january_share",
]

#: Relative tolerance on a student's number (the exercises round to two or three digits).
ANSWER_RELATIVE_TOLERANCE = 0.01
#: What can set the import share, as :func:`chipcontrols.hedging.best_reply` names it.
BOUND_NAMES = (
    hedging.INTERIOR,
    hedging.PAIRING,
    hedging.US_CAP,
    hedging.ALL_IN,
    hedging.NO_IMPORTS,
)
#: How a levy compares with the revenue-maximising one.
VERDICTS = ("below", "at", "above")


#: A number within :data:`ANSWER_RELATIVE_TOLERANCE` (and 1e-9 for rounding) of the model's.
_near = partial(close_enough, relative=ANSWER_RELATIVE_TOLERANCE, absolute=1e-9)


def _number(name: str, value: object) -> float:
    return require_number(name, value)


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
    >>> check_calibration("domestic_value", 0.64)
    Right: domestic_value = 0.640 makes Beijing's best reply 0.20, inside the declared range [0.01, 0.8].
    >>> check_calibration("cutoff_probability", 0.75)
    Not yet: at cutoff_probability = 0.75 Beijing's best reply is 0.40, not 0.20. Set s* = (V(a − 1) − β)/(2pL) equal to the share and solve for the parameter.
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


def check_leverage(leverage: float, **values: float) -> CheckResult:
    """Check US leverage L·s² at Beijing's own choice (before Washington's cap), units of V.

    Examples
    --------
    >>> check_leverage(0.5625)
    Right: leverage L·s² = 0.5625 at Beijing's choice s = 0.750.
    >>> check_leverage(0.75)
    Not yet: your leverage 0.75 is not L·s² at Beijing's choice. Find s first (the interior best reply, clipped to [0, 1/(1 + k)]), then square it.
    """
    blank = unanswered(leverage=leverage, **values)
    if blank is not None:
        return blank
    expected = hedging.leverage(**values).leverage_beijing
    given = _number("leverage", leverage)
    if _near(given, expected):
        share = hedging.best_reply(**values).beijing_share
        return CheckResult(
            True, f"leverage L·s² = {expected:.4f} at Beijing's choice s = {share:.3f}."
        )
    return CheckResult(
        False,
        f"your leverage {given:g} is not L·s² at Beijing's choice. Find s "
        "first (the interior best reply, clipped to [0, 1/(1 + k)]), then "
        "square it.",
    )


@strict_keywords
def check_leverage_ratio(ratio: float, p_low: float, p_high: float) -> CheckResult:
    """Check leverage at ``p_low`` divided by leverage at ``p_high`` (both interior, defaults).

    Examples
    --------
    >>> check_leverage_ratio(4.0, 0.4, 0.8)
    Right: leverage falls by a factor of 4.00 from p = 0.4 to p = 0.8: it is proportional to 1/p².
    """
    blank = unanswered(ratio=ratio)
    if blank is not None:
        return blank
    low, high = (hedging.leverage(cutoff_probability=q, us_share_cap=1.0) for q in (p_low, p_high))
    expected = low.leverage_beijing / high.leverage_beijing
    given = _number("ratio", ratio)
    interior = all(
        hedging.best_reply(cutoff_probability=q).beijing_binding == (hedging.INTERIOR,)
        for q in (p_low, p_high)
    )
    if _near(given, expected):
        note = " it is proportional to 1/p²." if interior else " (one of the p is all in)."
        return CheckResult(
            True,
            f"leverage falls by a factor of {expected:.2f} from p = "
            f"{p_low:g} to p = {p_high:g}:{note}",
        )
    return CheckResult(
        False,
        f"your ratio {given:g} is off. Write L·s*² with s* = "
        "(V(a − 1) − β)/(2pL): how does it depend on p?",
    )


def check_levy(tau_star: float, verdict: str, **values: float) -> CheckResult:
    """Check the revenue-maximising levy τ* and whether the current levy is below, at or above it.

    Examples
    --------
    >>> check_levy(0.375, "below")
    Right: τ* = 0.375, and the levy 0.25 is below it.
    >>> check_levy(0.75, "below")
    Not yet: your τ* = 0.75 is not where τ·R·s*(τ) peaks (that looks like the prohibitive levy, where s* reaches zero; the peak is halfway). Write s* with a = a0 − κτ and set the derivative of τ·s* to zero.
    """
    blank = unanswered(tau_star=tau_star, verdict=verdict, **values)
    if blank is not None:
        return blank
    answer = choose("verdict", verdict, VERDICTS)
    result = hedging.levy_outcome(**values)
    given = _number("tau_star", tau_star)
    if not _near(given, result.revenue_maximising_levy):
        hint = (
            " (that looks like the prohibitive levy, where s* reaches zero; the peak is halfway)"
            if _near(given, result.prohibitive_levy)
            else ""
        )
        return CheckResult(
            False,
            f"your τ* = {given:g} is not where τ·R·s*(τ) peaks{hint}. "
            "Write s* with a = a0 − κτ and set the derivative of τ·s* "
            "to zero.",
        )
    if answer != result.levy_verdict:
        return CheckResult(
            False, f"τ* is right, but compare it with the levy τ = {result.levy:g} again."
        )
    return CheckResult(
        True,
        f"τ* = {result.revenue_maximising_levy:.3f}, and the levy {result.levy:g} is {answer} it.",
    )


def check_peak_levy(peak: float, **values: float) -> CheckResult:
    """Check the revenue-maximising levy once Washington's cap (and Beijing's bound) can bind.

    Examples
    --------
    >>> check_peak_levy(0.5)
    Right: with the caps, revenue peaks at τ = 0.500 (τ* alone: 0.375).
    """
    blank = unanswered(peak=peak, **values)
    if blank is not None:
        return blank
    result = hedging.levy_outcome(**values)
    given = _number("peak", peak)
    if _near(given, result.peak_levy):
        return CheckResult(
            True,
            f"with the caps, revenue peaks at τ = {result.peak_levy:.3f} "
            f"(τ* alone: {result.revenue_maximising_levy:.3f}).",
        )
    return CheckResult(
        False,
        f"your peak {given:g} is off. While the cap binds, a higher levy "
        "does not lower the volume: find the levy at which China's desired "
        "share falls to the cap, and compare it with τ*.",
    )


def check_us_cap_share(share: float) -> CheckResult:
    """Check Washington's cap (50% of US-customer volume) as a share of China's orders.

    Uses chapter 1's declared defaults for the cap, US-customer volume and Chinese demand.

    Examples
    --------
    >>> check_us_cap_share(0.5)
    Not yet: 0.5 is the cap as a share of US sales. As a share of China's orders, multiply it by US-customer volume and divide by Chinese demand (chapter 1's ledger defaults).
    """
    blank = unanswered(share=share)
    if blank is not None:
        return blank
    P = ledger.PARAMETERS
    expected = P["cap_share"].default * P["us_volume"].default / P["demand"].default
    given = _number("share", share)
    if _near(given, expected):
        return CheckResult(
            True,
            f"the cap is {expected:.2f} of China's orders: "
            f"{P['cap_share'].default:g} × {P['us_volume'].default:g} M ÷ "
            f"{P['demand'].default:g} M.",
        )
    if _near(given, P["cap_share"].default):
        return CheckResult(
            False,
            f"{given:g} is the cap as a share of US sales. As a share of "
            "China's orders, multiply it by US-customer volume and divide "
            "by Chinese demand (chapter 1's ledger defaults).",
        )
    return CheckResult(
        False,
        f"your share {given:g} is off: cap_share × us_volume ÷ demand, with chapter 1's defaults.",
    )


@strict_keywords
def check_pairing_switch(pairing_ratio: float, us_share_cap: float | None = None) -> CheckResult:
    """Check the pairing ratio k above which Beijing's rule, not Washington's cap, binds.

    Examples
    --------
    >>> check_pairing_switch(3)
    Right: at k = 3 the pairing bound 1/(1 + k) equals Washington's cap 0.25; above it Beijing's rule binds.
    """
    blank = unanswered(pairing_ratio=pairing_ratio)
    if blank is not None:
        return blank
    declared = hedging.PARAMETERS["us_share_cap"]
    cap = declared.check(declared.default if us_share_cap is None else us_share_cap)
    expected = 1 / cap - 1
    given = _number("pairing_ratio", pairing_ratio)
    if _near(given, expected):
        return CheckResult(
            True,
            f"at k = {expected:g} the pairing bound 1/(1 + k) equals "
            f"Washington's cap {cap:g}; above it Beijing's rule binds.",
        )
    side = "still looser than" if given < expected else "already tighter than"
    return CheckResult(
        False,
        f"at k = {given:g} the pairing bound is {side} the cap. Set "
        "1/(1 + k) equal to the cap and solve for k.",
    )


def check_bound(answer: str, **values: float) -> CheckResult:
    """Check which bound sets the import share in a scenario (names as :data:`BOUND_NAMES`).

    Examples
    --------
    >>> check_bound("Washington's cap")
    Right: Washington's cap sets the share at 0.25 in this scenario.
    >>> check_bound("Beijing's pairing rule", pairing_ratio=2)
    Not yet: Beijing's pairing rule allows 0.33, but something else is tighter. Compare s*, 1/(1 + k) and Washington's cap, and take the smallest (but not below 0).
    """
    blank = unanswered(answer=answer, **values)
    if blank is not None:
        return blank
    name = choose("answer", answer, BOUND_NAMES)
    reply = hedging.best_reply(**values)
    if name in reply.binding:
        others = [n for n in reply.binding if n != name]
        tie = f" It ties with {' and '.join(others)}." if others else ""
        return CheckResult(
            True, f"{name} sets the share at {reply.import_share:.2f} in this scenario.{tie}"
        )
    allows = {hedging.INTERIOR: reply.interior, **reply.bounds}.get(name)
    shown = f" allows {allows:.2f}," if allows is not None else " is not what binds:"
    return CheckResult(
        False,
        f"{name}{shown} but something else is tighter. Compare s*, "
        "1/(1 + k) and Washington's cap, and take the smallest (but not "
        "below 0).",
    )


@strict_keywords
def check_compute_share(
    compute_share: float, import_share: float, us_advantage: float | None = None
) -> CheckResult:
    """Check the share of China's new compute from US chips when it spends ``import_share`` on them.

    Examples
    --------
    >>> check_compute_share(0.31, 0.2)
    Right: spending 0.20 on chips 1.8 times as effective buys 0.310 of the compute.
    """
    blank = unanswered(compute_share=compute_share, import_share=import_share)
    if blank is not None:
        return blank
    declared = hedging.PARAMETERS["us_advantage"]
    a = declared.check(declared.default if us_advantage is None else us_advantage)
    expected = hedging.compute_share(import_share, a)
    given = _number("compute_share", compute_share)
    if _near(given, expected):
        return CheckResult(
            True,
            f"spending {import_share:.2f} on chips {a:g} times as effective "
            f"buys {expected:.3f} of the compute.",
        )
    return CheckResult(
        False,
        f"your compute share {given:g} is off: US chips give a·s units of "
        "compute, domestic ones 1 − s; take the US part of the total.",
    )


@strict_keywords
def check_spending_share(
    import_share: float, compute_share: float, us_advantage: float | None = None
) -> CheckResult:
    """Check the spending share that buys a given share of compute from US chips (inverse).

    Examples
    --------
    >>> check_spending_share(0.6, 0.6)
    Not yet: spending 0.6 buys 0.730 of the compute, more than 0.6. US chips are more effective per yuan, so less spending buys the same compute share.
    """
    blank = unanswered(import_share=import_share, compute_share=compute_share)
    if blank is not None:
        return blank
    declared = hedging.PARAMETERS["us_advantage"]
    a = declared.check(declared.default if us_advantage is None else us_advantage)
    target = require_number("compute_share", compute_share, minimum=0, maximum=1)
    given = hedging.PARAMETERS["import_share"].check(import_share)
    bought = hedging.compute_share(given, a)
    if _near(bought, target):
        return CheckResult(
            True, f"spending {given:.3f} on US chips buys {target:.2f} of the compute."
        )
    side = "more" if bought > target else "less"
    return CheckResult(
        False,
        f"spending {given:g} buys {bought:.3f} of the compute, {side} than "
        f"{target:g}. US chips are more effective per yuan, so less "
        "spending buys the same compute share.",
    )


def check_exit_time(years: float, **values: float) -> CheckResult:
    """Check the exit date t_exit (years after January 2026).

    Examples
    --------
    >>> check_exit_time(2.77)
    Right: imports stop being worth buying after 2.77 years, when a falls to 1.20.
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
        "a(t) = 1 + (a0 − 1)e^(−λt) and solve for t (natural logarithm).",
    )


@strict_keywords
def check_erosion_for_exit(
    rate: float,
    years: float,
    base_advantage: float | None = None,
    domestic_value: float | None = None,
) -> CheckResult:
    """Check the erosion rate λ that brings the exit date to ``years`` (V = 1).

    Examples
    --------
    >>> check_erosion_for_exit(0.5, 2.0)
    Not yet: at λ = 0.5 the exit comes after 2.77 years, not 2. A faster erosion brings it forward.
    """
    blank = unanswered(rate=rate, years=years)
    if blank is not None:
        return blank
    P = hedging.PARAMETERS
    fixed = {"base_advantage": base_advantage, "domestic_value": domestic_value}
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


#: How many parameter sets :func:`check_best_reply_function` tries.
FUNCTION_SAMPLES = 30
_REPLY_ARGUMENTS = (
    "value_scale",
    "us_advantage",
    "domestic_value",
    "cutoff_probability",
    "cutoff_loss",
)


def check_best_reply_function(s_star, seed: int = 2026_01_28) -> CheckResult:
    """Check a student's ``s_star(value_scale, us_advantage, domestic_value, cutoff_probability,
    cutoff_loss)`` against the interior best reply, on parameter sets drawn in the declared ranges.

    Examples
    --------
    >>> check_best_reply_function(lambda value_scale, us_advantage, domestic_value,
    ...     cutoff_probability, cutoff_loss: (us_advantage - 1) / (2 * cutoff_probability))
    Not yet: at value_scale=1.3, us_advantage=1.6, domestic_value=0.62, cutoff_probability=0.065, cutoff_loss=2.9 your s_star gives 4.33, not the interior best reply. Differentiate U_C with respect to s, set it to zero and keep every parameter.
    """
    blank = unanswered(s_star=s_star)
    if blank is not None:
        return blank
    if not callable(s_star):
        raise ValueError(
            f"s_star = {s_star!r} is not a function: define "
            f"def s_star({', '.join(_REPLY_ARGUMENTS)}): ..."
        )
    generator = np.random.default_rng(seed)
    declared = [hedging.PARAMETERS[name] for name in _REPLY_ARGUMENTS]
    for _ in range(FUNCTION_SAMPLES):
        point = {p.name: float(generator.uniform(p.minimum, p.maximum)) for p in declared}
        expected = hedging.best_reply(**point).interior
        returned = s_star(**point)
        if is_unanswered(returned):
            return CheckResult(False, "fill in s_star: its body still returns ...")
        given = require_number("s_star(...)", returned)
        if not _near(given, expected):
            shown = ", ".join(f"{k}={v:.2g}" for k, v in point.items())
            return CheckResult(
                False,
                f"at {shown} your s_star gives {given:.3g}, not the interior "
                "best reply. Differentiate U_C with respect to s, set it to "
                "zero and keep every parameter.",
            )
    return CheckResult(
        True,
        f"your s_star matches the interior best reply on {FUNCTION_SAMPLES} "
        "parameter sets across the declared ranges.",
    )
