"""Checks for ``ex-ch5-pairing`` (and assignment 5, question 5): the pairing rule and the cap.

Washington's cap as a share of China's orders, the pairing ratio at which Beijing's rule
starts to bind, and which bound sets the import share.
"""

from __future__ import annotations

from chipcontrols import hedging, ledger
from chipcontrols.core.checking import CheckResult, choose, exercise_check, unanswered
from chipcontrols.core.parameters import strict_keywords
from chipcontrols.hedging.checks.common import DEFAULTS_USED, _mistake, _near, _number

#: What can set the import share, as :func:`chipcontrols.hedging.best_reply` names it.
BOUND_NAMES = (
    hedging.INTERIOR,
    hedging.PAIRING,
    hedging.US_CAP,
    hedging.ALL_IN,
    hedging.NO_IMPORTS,
)


def _ledger(name: str, value: float | None) -> float:
    declared = ledger.PARAMETERS[name]
    return declared.check(declared.default if value is None else value)


@exercise_check
@strict_keywords
def check_us_cap_share(
    share: float,
    cap_share: float | None = None,
    us_volume: float | None = None,
    demand: float | None = None,
) -> CheckResult:
    """Check Washington's cap (a share of US-customer volume) as a share of China's orders.

    Chapter 1's declared defaults for the cap, US-customer volume and Chinese demand are used
    where a value is not given.

    Examples
    --------
    >>> check_us_cap_share(0.25)
    Right: the cap is 0.25 of China's orders: 0.5 × 1 M ÷ 2 M.
    >>> check_us_cap_share(0.5)
    Not yet: 0.5 is the cap as a share of US sales; the question asks for it as a share of China's orders. How many chips is the cap, and what share of China's orders is that? (section "Two bounds")
    """
    blank = unanswered(share=share)
    if blank is not None:
        return blank
    rule, us, china = (
        _ledger("cap_share", cap_share),
        _ledger("us_volume", us_volume),
        _ledger("demand", demand),
    )
    expected = rule * us / china
    given = _number("share", share)
    if _near(given, expected):
        return CheckResult(
            True,
            f"the cap is {expected:.3g} of China's orders: {rule:g} × {us:g} M ÷ {china:g} M.",
        )
    lead = f"your share {given:g} is not Washington's cap as a share of China's orders."
    if _near(given, rule):
        lead = (
            f"{given:g} is the cap as a share of US sales; the question asks for it as a "
            "share of China's orders."
        )
    ledger_defaults = ledger.PARAMETERS
    mistake = _mistake(
        given,
        expected,
        {
            DEFAULTS_USED: lambda: (
                ledger_defaults["cap_share"].default
                * ledger_defaults["us_volume"].default
                / ledger_defaults["demand"].default
            )
        },
    )
    return CheckResult(
        False,
        f"{lead} How many chips is the cap, and what share of China's orders is that? "
        '(section "Two bounds")' + mistake,
    )


@exercise_check
@strict_keywords
def check_pairing_switch(pairing_ratio: float, us_share_cap: float | None = None) -> CheckResult:
    """Check the pairing ratio k above which Beijing's rule, not Washington's cap, binds.

    Examples
    --------
    >>> check_pairing_switch(3)
    Right: at k = 3 the pairing bound 1/(1 + k) equals Washington's cap 0.25; above it Beijing's rule binds.
    >>> check_pairing_switch(2)
    Not yet: at k = 2 Beijing's pairing bound does not equal Washington's cap. Find the rule at which the two bounds allow the same share (section "Two bounds").
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
    mistake = _mistake(
        given,
        expected,
        {
            "That is the number of chips per import counting the import itself; k counts "
            "only the domestic chips.": lambda: 1 / cap,
            DEFAULTS_USED: lambda: 1 / declared.default - 1,
        },
    )
    return CheckResult(
        False,
        f"at k = {given:g} Beijing's pairing bound does not equal Washington's cap. Find the "
        'rule at which the two bounds allow the same share (section "Two bounds").' + mistake,
    )


@exercise_check
def check_bound(answer: str, **values: float) -> CheckResult:
    """Check which bound sets the import share in a scenario (names as :data:`BOUND_NAMES`).

    Examples
    --------
    >>> check_bound("Washington's cap")
    Right: Washington's cap sets the share at 0.25 in this scenario.
    >>> check_bound("Beijing's pairing rule", pairing_ratio=2)
    Not yet: Beijing's pairing rule is not what sets the share in this scenario. Work out the share each limit allows here (Beijing's preference, its rule, Washington's cap) and compare them (section "Two bounds").
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
    return CheckResult(
        False,
        f"{name} is not what sets the share in this scenario. Work out the share each limit "
        "allows here (Beijing's preference, its rule, Washington's cap) and compare them "
        '(section "Two bounds").',
    )
