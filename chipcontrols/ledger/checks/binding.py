"""Checks for the binding limit (exercises ex-ch1-binding and ex-ch1-legacy-cap).

"Which limit binds?": :func:`check_binding` and :func:`check_january_2026`, from
:func:`chipcontrols.ledger.model.ledger`; "A cap tied to a legacy product":
:func:`check_cap_switch`, the US sales at which Washington's cap reaches Nvidia's supply.
"""

from __future__ import annotations

from chipcontrols import ledger
from chipcontrols.core import record
from chipcontrols.core.checking import CheckResult, choose, exercise_check, unanswered
from chipcontrols.ledger.checks.common import _near

__all__ = ["LIMIT_NAMES", "check_binding", "check_cap_switch", "check_january_2026"]


#: The names of the ledger's four limits, as :func:`chipcontrols.ledger.model.ledger` reports them.
LIMIT_NAMES = tuple(ledger.LIMITS)


# --- Exercise: which limit binds ------------------------------------------------------------


@exercise_check
def check_binding(answer: str, volume: float | None = None, **parameters: float) -> CheckResult:
    """Check which limit sets the export volume in a scenario of the ledger, and the volume.

    Parameters
    ----------
    answer : str
        One of :data:`LIMIT_NAMES` (case-insensitive): ``"Chinese demand"``,
        ``"Nvidia supply"``, ``"US cap"`` or ``"Beijing's approvals"``.
    volume : float, optional
        The student's export volume for the scenario, million chips; checked when given
        (within :data:`ANSWER_RELATIVE_TOLERANCE`).
    **parameters : float
        The scenario, as keyword arguments of :func:`chipcontrols.ledger.model.ledger` (e.g.
        ``demand=2.0`` in million chips, ``cap_share=0.5``); parameters left out take the
        ledger's defaults.

    Returns
    -------
    CheckResult
        Right when ``answer`` names the tightest limit (or one of several tied for tightest;
        the message then names the others) and the volume, if given, is that limit's value.

    Raises
    ------
    ValueError
        For an unknown limit name, an unknown parameter, or a value outside its declared
        range (the message names parameter, value and range).

    Examples
    --------
    >>> check_binding("us cap", approvals=2.5)
    Right: US cap binds: at most 0.50 M H200s can go to China in this scenario.
    >>> check_binding("Chinese demand", approvals=2.5)
    Not yet: Chinese demand is not the limit that sets the volume in this scenario. Work out all four limits in million chips from the scenario's parameters (the section 'Volume: the tightest of four limits' says what each one is) and compare them.
    >>> check_binding("US cap", volume=..., approvals=2.5)
    Not yet: fill in volume: replace each ... with your answer, then run the cell again.
    """
    blank = unanswered(
        answer=answer, **({"volume": volume} if volume is ... else {}), **parameters
    )
    if blank is not None:
        return blank
    name = choose("answer", answer, LIMIT_NAMES)
    result = ledger.ledger(**parameters)
    if name not in result.binding:
        return CheckResult(
            False,
            f"{name} is not the limit that sets the volume in this scenario. "
            "Work out all four limits in million chips from the scenario's "
            "parameters (the section 'Volume: the tightest of four limits' "
            "says what each one is) and compare them.",
        )
    if volume is not None:
        given = ledger.EXPORT_VOLUME.check(volume)
        if not _near(given, result.volume):
            return CheckResult(
                False,
                f"{name} does bind, but your volume {given:g} M is not the "
                "value of that limit in this scenario. Compute the limit "
                "from the scenario's parameters, in million chips (a share "
                "is not a volume).",
            )
    others = [limit for limit in result.binding if limit != name]
    tie = f" It ties with {' and '.join(others)}." if others else ""
    return CheckResult(
        True,
        f"{name} binds: at most {result.volume:.2f} M H200s can go to China "
        f"in this scenario.{tie}",
    )


@exercise_check
def check_january_2026(
    answer: str, volume: float | None = None, **parameters: float
) -> CheckResult:
    """Check the binding limit in mid-January 2026, with the student's own parameters.

    The student sets the ledger's parameters to describe January 2026 (after the BIS rule of
    15 January, before Beijing's first approvals on 28 January) and names the limit that binds.
    The check first asks whether the scenario matches the record on Beijing's approvals
    (record figure ``january_2026_approvals``), then delegates to :func:`check_binding`.

    Raises
    ------
    ValueError
        As :func:`check_binding`.

    Examples
    --------
    >>> check_january_2026("US cap", demand=2.0)
    Not yet: your scenario does not set approvals (the ledger's default is the position after 28 January). What had Beijing approved by mid-January? See the 13 and 14 January entries of the timeline.
    """
    blank = unanswered(
        answer=answer, **({"volume": volume} if volume is ... else {}), **parameters
    )
    if blank is not None:
        return blank
    choose("answer", answer, LIMIT_NAMES)
    if "approvals" not in parameters:
        return CheckResult(
            False,
            "your scenario does not set approvals (the ledger's default is "
            "the position after 28 January). What had Beijing approved by "
            "mid-January? See the 13 and 14 January entries of the "
            "timeline.",
        )
    approvals = ledger.PARAMETERS["approvals"].check(parameters["approvals"])
    if approvals != record.value("january_2026_approvals") / 1e6:
        return CheckResult(
            False,
            f"approvals = {approvals:g} M does not match the record for "
            "mid-January 2026. What had Beijing approved before 28 January? "
            "See the 13 and 14 January entries of the timeline.",
        )
    return check_binding(answer, volume=volume, **parameters)


# --- Exercise: the cap tied to a legacy product --------------------------------------------


@exercise_check
def check_cap_switch(us_volume: float, **parameters: float) -> CheckResult:
    """Check the US sales at which Washington's cap reaches Nvidia's supply for China.

    With Beijing approving everything, the US cap (``cap_share`` x ``us_volume``) binds while
    it is below Nvidia's supply and stops binding once it reaches it.

    Parameters
    ----------
    us_volume : float
        The student's answer: H200 sales to US customers, million chips, at which the cap
        equals Nvidia's supply for China.
    **parameters : float
        ``supply`` and ``cap_share``; others are ignored by the answer but checked.

    Raises
    ------
    ValueError
        For a value outside its declared range, or a scenario in which the cap cannot reach
        Nvidia's supply inside the declared range of ``us_volume``.

    Examples
    --------
    >>> check_cap_switch(...)
    Not yet: fill in us_volume: replace each ... with your answer, then run the cell again.
    >>> check_cap_switch(1.4)
    Right: at 1.4 M H200s sold in the US the cap equals Nvidia's supply for China (0.7 M); above it Nvidia's supply binds.
    """
    blank = unanswered(us_volume=us_volume, **parameters)
    if blank is not None:
        return blank
    values = ledger.INPUTS.check(parameters)
    declared = ledger.PARAMETERS["us_volume"]
    given = declared.check(us_volume)
    if values["cap_share"] <= 0:
        raise ValueError(
            "cap_share = 0 allows no exports at any US volume, so the cap never "
            "reaches Nvidia's supply; cap_share must be positive (valid range "
            f"{ledger.PARAMETERS['cap_share'].describe_range()})"
        )
    expected = values["supply"] / values["cap_share"]
    if not declared.minimum <= expected <= declared.maximum:
        raise ValueError(
            f"with supply = {values['supply']:g} and cap_share = "
            f"{values['cap_share']:g} the cap never equals Nvidia's supply inside "
            f"us_volume's range {declared.describe_range()}"
        )
    if _near(given, expected):
        return CheckResult(
            True,
            f"at {expected:g} M H200s sold in the US the cap equals Nvidia's "
            f"supply for China ({values['supply']:g} M); above it Nvidia's "
            "supply binds.",
        )
    return CheckResult(
        False,
        f"at us_volume = {given:g} M the cap and Nvidia's supply for China are not equal. "
        "Which two limits must be equal at the switch, and which parameters set each?",
    )
