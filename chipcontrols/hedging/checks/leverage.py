"""Checks for ``ex-ch5-paradox``: US leverage L·s² and the leverage paradox.

Leverage at Beijing's own choice, and how it falls as the cut-off probability rises.
"""

from __future__ import annotations

from chipcontrols import hedging
from chipcontrols.core.checking import CheckResult, exercise_check, unanswered
from chipcontrols.core.parameters import strict_keywords
from chipcontrols.hedging.checks.common import DEFAULTS_USED, _mistake, _near, _number


@exercise_check
def check_leverage(leverage: float, **values: float) -> CheckResult:
    """Check US leverage L·s² at Beijing's own choice (before Washington's cap), units of V.

    Examples
    --------
    >>> check_leverage(0.25)
    Right: leverage L·s² = 0.2500 at Beijing's choice s = 0.500.
    >>> check_leverage(0.75)
    Not yet: your leverage 0.75 is not US leverage at Beijing's own choice in this scenario. Which share does Beijing choose when only its own preference and rule limit it, and how does leverage grow with that share? (section "Leverage and the paradox")
    """
    blank = unanswered(leverage=leverage, **values)
    if blank is not None:
        return blank
    expected = hedging.leverage(**values).leverage_beijing
    given = _number("leverage", leverage)
    share = hedging.best_reply(**values).beijing_share
    if _near(given, expected):
        return CheckResult(
            True, f"leverage L·s² = {expected:.4f} at Beijing's choice s = {share:.3f}."
        )
    mistake = _mistake(
        given,
        expected,
        {
            "That is the share Beijing chooses, not the leverage it gives Washington.": (
                lambda: share
            ),
            "That is China's expected loss, which also weighs the cut-off by its probability; "
            "leverage is the loss if the cut-off comes.": lambda: (
                hedging.leverage(**values).expected_loss_beijing
            ),
            DEFAULTS_USED: lambda: hedging.leverage(us_share_cap=1.0).leverage_beijing,
        },
    )
    return CheckResult(
        False,
        f"your leverage {given:g} is not US leverage at Beijing's own choice in this "
        "scenario. Which share does Beijing choose when only its own preference and rule "
        'limit it, and how does leverage grow with that share? (section "Leverage and the '
        'paradox")' + mistake,
    )


@exercise_check
@strict_keywords
def check_leverage_ratio(ratio: float, p_low: float, p_high: float) -> CheckResult:
    """Check leverage at ``p_low`` divided by leverage at ``p_high`` (both interior, defaults).

    Examples
    --------
    >>> check_leverage_ratio(4.0, 0.4, 0.8)
    Right: leverage at p_c = 0.4 is 4.00 times leverage at p_c = 0.8: it is proportional to 1/p_c².
    >>> check_leverage_ratio(3.0, 0.4, 0.8)
    Not yet: your ratio 3 is not leverage at p_c = 0.4 over leverage at p_c = 0.8. How does Beijing's best reply depend on the cut-off probability, and leverage on the share? (section "Leverage and the paradox")
    """
    blank = unanswered(ratio=ratio, p_low=p_low, p_high=p_high)
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
        note = (
            " it is proportional to 1/p_c²." if interior else " (at one of them China is all in)."
        )
        return CheckResult(
            True,
            f"leverage at p_c = {p_low:g} is {expected:.2f} times leverage at p_c = "
            f"{p_high:g}:{note}",
        )
    mistake = _mistake(
        given,
        expected,
        {
            "That is the ratio of the probabilities themselves; leverage depends on them "
            "through the share Beijing buys.": lambda: p_high / p_low,
            "Check which leverage goes on top: the question divides leverage at the lower "
            "probability by leverage at the higher one.": lambda: 1 / expected,
        },
    )
    return CheckResult(
        False,
        f"your ratio {given:g} is not leverage at p_c = {p_low:g} over leverage at p_c = "
        f"{p_high:g}. How does Beijing's best reply depend on the cut-off probability, and "
        'leverage on the share? (section "Leverage and the paradox")' + mistake,
    )
