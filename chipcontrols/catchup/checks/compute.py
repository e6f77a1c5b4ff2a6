"""Checks for reliability and market shares (exercises ex-ch4-reliability and ex-ch4-units).

"Failures at cluster scale": :func:`check_waste` and :func:`check_chips_to_match`, from
:mod:`chipcontrols.catchup.reliability`; "Units, compute and dollars": :func:`check_compute_share`
and :func:`check_market_denominators`, from :mod:`chipcontrols.catchup.market` and the record.
Both exercises go with the chapter's optional sections.

Hints diagnose a recognisable mistake (percent for share, minutes for hours, the ratio upside
down) or point to the section; none gives the direction of the right answer or the formula.
"""

from __future__ import annotations

from chipcontrols import catchup
from chipcontrols.catchup.checks.common import _near, _number
from chipcontrols.core.checking import CheckResult, exercise_check, unanswered
from chipcontrols.core.parameters import strict_keywords

__all__ = [
    "check_chips_to_match",
    "check_compute_share",
    "check_market_denominators",
    "check_waste",
]

_RELIABILITY = "'Optional: the reliability clock'"
_UNITS = "'Optional: units, compute and dollars'"


# --- reliability ----------------------------------------------------------------------------


@exercise_check
@strict_keywords
def check_waste(
    cluster_size: float,
    waste: float,
    failure_multiple: float = 1.0,
    checkpoint_minutes: float = 1.0,
) -> CheckResult:
    """Check Young's first-order waste for a cluster (a share, not a percent).

    Examples
    --------
    >>> check_waste(16384, waste=0.104)
    Right: 16,384 chips failing 1× as often as H100s fail every 3.09 h; with 1-minute checkpoints Young's rule wastes 10.4% of the time.
    """
    blank = unanswered(waste=waste)
    if blank is not None:
        return blank
    values = {
        "cluster_size": cluster_size,
        "ascend_failure_multiple": failure_multiple,
        "checkpoint_minutes": checkpoint_minutes,
    }
    result = catchup.reliability.cluster_reliability("ascend", **values)
    given = _number("waste", waste, minimum=0.0)
    if _near(given, result.waste):
        return CheckResult(
            True,
            f"{cluster_size:,.0f} chips failing {failure_multiple:g}× as often as "
            f"H100s fail every {result.mtbf_hours:.2f} h; with "
            f"{checkpoint_minutes:g}-minute checkpoints Young's rule wastes "
            f"{result.waste:.1%} of the time.",
        )
    if _near(given, 100 * result.waste):
        hint = "give the waste as a share (0.10), not a percentage (10)."
    elif _near(given, (60 * 2 * checkpoint_minutes / 60 / result.mtbf_hours) ** 0.5) or _near(
        given, result.waste * 60**0.5
    ):
        hint = "the checkpoint time looks to be in minutes; the MTBF is in hours."
    elif _near(given, result.exact_waste):
        hint = "that is the exact expected waste; the question asks for Young's first-order one."
    else:
        hint = (
            f"see {_RELIABILITY}: first the job's mean time between failures for this many "
            "chips and this failure multiple, then the waste at Young's interval."
        )
    return CheckResult(False, hint)


@exercise_check
@strict_keywords
def check_chips_to_match(
    chips: float, h100_chips: float = 16_384.0, failure_multiple: float = 3.0
) -> CheckResult:
    """Check how many 910C chips give the useful compute of ``h100_chips`` H100s.

    Each 910C counts its TPP over the H100's; both clusters lose the exact waste at Young's
    interval.

    Examples
    --------
    >>> check_chips_to_match(22_700)
    Right: about 22,718 910C chips, 12% more than the 20,265 their arithmetic alone suggests.
    """
    blank = unanswered(chips=chips)
    if blank is not None:
        return blank
    h = catchup.market.h100e_by_tpp("huawei-ascend-910c")
    expected = catchup.reliability.chips_to_match(
        h100_chips, h, ascend_failure_multiple=failure_multiple
    )
    naive = h100_chips / h
    given = _number("chips", chips, "chips", minimum=0.0, minimum_included=False)
    if _near(given, expected):
        return CheckResult(
            True,
            f"about {expected:,.0f} 910C chips, {expected / naive - 1:.0%} more "
            f"than the {naive:,.0f} their arithmetic alone suggests.",
        )
    if _near(given, naive):
        hint = "that counts arithmetic only; the two clusters do not waste the same share of time."
    else:
        hint = (
            "compare useful compute: chips × H100e per chip × the share of time not wasted, "
            "for each cluster at its own size and failure rate."
        )
    return CheckResult(False, hint)


# --- units, compute and dollars -------------------------------------------------------------


@exercise_check
@strict_keywords
def check_compute_share(
    share: float,
    domestic_h100e_per_card: float | None = None,
    foreign_h100e_per_card: float | None = None,
    domestic_unit_share: float | None = None,
) -> CheckResult:
    """Check the domestic share of compute implied by a share of cards (a share, not percent).

    Examples
    --------
    >>> check_compute_share(0.64)
    Right: 41% of the cards carry 64% of the compute when a domestic card is worth 0.38 H100e and a foreign one 0.15.
    """
    blank = unanswered(share=share)
    if blank is not None:
        return blank
    given_values = {
        k: v
        for k, v in (
            ("domestic_h100e_per_card", domestic_h100e_per_card),
            ("foreign_h100e_per_card", foreign_h100e_per_card),
            ("domestic_unit_share", domestic_unit_share),
        )
        if v is not None
    }
    values = catchup.market.PARAMETERS.check(given_values)
    expected = catchup.market.shares(**values)["compute"]
    given = _number("share", share, minimum=0.0, maximum=100.0)
    if _near(given, expected, relative=0.02):
        return CheckResult(
            True,
            f"{values['domestic_unit_share']:.0%} of the cards carry "
            f"{expected:.0%} of the compute when a domestic card is worth "
            f"{values['domestic_h100e_per_card']:.2f} H100e and a foreign one "
            f"{values['foreign_h100e_per_card']:.2f}.",
        )
    if _near(given, 100 * expected, relative=0.02):
        hint = "give the share as a fraction, not a percentage."
    elif _near(given, values["domestic_unit_share"], relative=0.02):
        hint = "that is the share of cards; weight each side's cards by its H100e per card."
    elif _near(given, 1 - expected, relative=0.02):
        hint = "that is the foreign side's share of compute; the question asks for the domestic."
    else:
        hint = (
            f"see {_UNITS}: the domestic cards' compute over all the cards' compute, each side "
            "counted at its own H100e per card."
        )
    return CheckResult(False, hint)


@exercise_check
@strict_keywords
def check_market_denominators(
    china_over_nvidia: float,
    huawei_share_of_nvidia: float | None = None,
    huawei_share_of_china: float | None = None,
) -> CheckResult:
    """Check China's AI-chip market as a share of Nvidia's output implied by two shares.

    Huawei's output is both its share of China's market times that market and its share of
    Nvidia's output times that output.  The shares default to the record's: CFR's Huawei at
    about 5% of Nvidia's compute and Bernstein's Huawei at about half of China's market.

    Examples
    --------
    >>> check_market_denominators(0.1)
    Right: China's market is about 10% of Nvidia's output, so Nvidia's 8% of China is about 0.8% of Nvidia.
    >>> check_market_denominators(0.1333, huawei_share_of_nvidia=0.08, huawei_share_of_china=0.6)
    Right: China's market is about 13% of Nvidia's output, so Nvidia's 8% of China is about 1.1% of Nvidia.
    """
    blank = unanswered(china_over_nvidia=china_over_nvidia)
    if blank is not None:
        return blank
    from chipcontrols.core import record

    of_nvidia = (
        record.value("cfr_huawei_share_of_nvidia_compute_2026_percent") / 100
        if huawei_share_of_nvidia is None
        else _number("huawei_share_of_nvidia", huawei_share_of_nvidia, minimum=0.0, maximum=1.0)
    )
    of_china = (
        catchup.market.market_figure("bernstein-2026-huawei-share") / 100
        if huawei_share_of_china is None
        else _number("huawei_share_of_china", huawei_share_of_china, minimum=0.0, maximum=1.0)
    )
    nvidia_in_china = catchup.market.market_figure("bernstein-2026-nvidia-share") / 100
    expected = of_nvidia / of_china
    given = _number("china_over_nvidia", china_over_nvidia, minimum=0.0)
    if _near(given, expected, relative=0.02):
        return CheckResult(
            True,
            f"China's market is about {expected:.0%} of Nvidia's output, so "
            f"Nvidia's {nvidia_in_china:.0%} of China is about "
            f"{nvidia_in_china * expected:.1%} of Nvidia.",
        )
    if _near(given, of_china / of_nvidia, relative=0.02):
        hint = (
            "the ratio is upside down: the question asks for China's market over Nvidia's output."
        )
    elif _near(given, 100 * expected, relative=0.02):
        hint = "give the ratio as a fraction, not a percentage."
    else:
        hint = (
            f"see {_UNITS}: write Huawei's output two ways, once through each share, and "
            "solve for China's market over Nvidia's output."
        )
    return CheckResult(False, hint)
