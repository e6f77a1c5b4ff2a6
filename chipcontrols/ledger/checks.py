"""Checks for the chapter-1 exercises: the classifier, the binding limit, IFP's range.

The expected answers come from the book's models: :func:`check_tpp` from
:func:`chipcontrols.eccn3a090.classify_chips` applied to ``data/chips.csv``;
:func:`check_binding` and :func:`check_january_2026` from :func:`chipcontrols.ledger.model.ledger`;
:func:`check_ifp_reproduction` from the ledger's ratio (:func:`chipcontrols.ledger.model.ratio_at`)
against the range IFP published, a record figure with its citation (``data/record.csv``).
"""

from __future__ import annotations

import math
from functools import lru_cache, partial

import numpy as np

from chipcontrols import eccn3a090 as eccn3a090, ledger
from chipcontrols.core import record
from chipcontrols.core.checking import (
    CheckResult,
    choose,
    close_enough,
    is_unanswered,
    unanswered,
)
from chipcontrols.core.data import load_chips
from chipcontrols.core.parameters import require_number, strict_keywords
from chipcontrols.eccn3a090 import OCTOBER_2023, classify_chips, classify_hypothetical_chip
from chipcontrols.eccn3a090.metrics import is_known

__all__ = [
    "ANSWER_RELATIVE_TOLERANCE",
    "check_classify_function",
    "check_hypothetical_chip",
    "check_tpp_function",
    "LIMIT_NAMES",
    "TPP_RELATIVE_TOLERANCE",
    "check_binding",
    "check_break_even",
    "check_cap_switch",
    "check_ifp_reproduction",
    "check_january_2026",
    "check_ratio_function",
    "check_tpp",
    "ifp_range",
]

#: Relative tolerance on a student's TPP and density (datasheets round their figures).
TPP_RELATIVE_TOLERANCE = 0.01
#: Relative tolerance on a student's ledger figures (volumes, valuations, US sales).
ANSWER_RELATIVE_TOLERANCE = 0.01
#: The names of the ledger's four limits, as :func:`chipcontrols.ledger.model.ledger` reports them.
LIMIT_NAMES = tuple(ledger.LIMITS)


@strict_keywords
def ifp_range(with_exports: bool) -> tuple[float, float]:
    """IFP's published US:China ratio range without or with Hopper exports (record figures).

    The range reached the book through a secondary summary of "Should the US Sell Hopper
    Chips to China?" (IFP, December 2025); ``data/record.csv`` gives the citation and the
    confidence.
    """
    case = "with" if with_exports else "without"
    return (
        record.value(f"ifp_ratio_{case}_exports_low"),
        record.value(f"ifp_ratio_{case}_exports_high"),
    )


# --- Exercise: TPP and class from a datasheet ---------------------------------------------


@lru_cache(maxsize=1)
def _classified_chips() -> dict[str, tuple[float, float, str]]:
    """Chip id -> (TPP, density, class) for every chip whose class is determined."""
    table = classify_chips(load_chips())
    return {
        row.chip_id: (float(row.tpp), float(row.density), row.eccn_class)
        for row in table.itertuples()
        if row.eccn_class in OCTOBER_2023.labels
    }


#: A TPP or density within :data:`TPP_RELATIVE_TOLERANCE` of the book's.
_close = partial(close_enough, relative=TPP_RELATIVE_TOLERANCE)


def _thresholds_text(symbol, unit: str = "") -> str:
    values = [f"{value:,g}" for value in reversed(OCTOBER_2023.thresholds_of(symbol))]
    listed = ", ".join(values[:-1]) + f" and {values[-1]}" if len(values) > 1 else values[0]
    return listed + unit


def _tpp_hint(tpp_value: float, expected: float) -> str:
    ratio = tpp_value / expected
    if any(_close(ratio, factor) for factor in (2.0, 4.0)):
        return (
            "is your throughput figure the sparse one? Datasheets headline 2:4 sparsity; "
            "the rule uses dense throughput."
        )
    if any(_close(ratio, 1 / bits) for bits in (4.0, 8.0, 16.0)):
        return "TPP multiplies the dense throughput by the bit length of the operation."
    if any(_close(ratio, factor) for factor in (0.5, 2 / 3, 1.5)):
        return (
            "take the largest product over the 16-, 8- and 4-bit figures, each multiplied "
            "by its own bit length."
        )
    return (
        "TPP = dense tera-operations per second x bit length, the largest over the "
        "chip's 16-, 8- and 4-bit figures."
    )


@strict_keywords
def check_tpp(
    chip_id: str, tpp: float, eccn_class: str, density: float | None = None
) -> CheckResult:
    """Check a chip's total processing performance (TPP) and ECCN 3A090 class.

    Parameters
    ----------
    chip_id : str
        The chip's ``chip_id`` in ``data/chips.csv``, e.g. ``"nvidia-a100-sxm4-80gb"``.
    tpp : float
        The student's TPP in bit-TOPS (dense tera-operations per second x bit length).
    eccn_class : str
        The student's class under the October 2023 rule: ``"3A090.a"``, ``"3A090.b"`` or
        ``"not controlled"`` (case-insensitive).
    density : float, optional
        The student's performance density, TPP per mm² of die area; checked when given.

    Returns
    -------
    CheckResult
        Right when TPP (and density, if given) are within :data:`TPP_RELATIVE_TOLERANCE` of
        the book's values and the class matches.

    Raises
    ------
    ValueError
        For an unknown chip (the message lists the valid ids), a class label the rule does not
        have, a TPP or density that is not a positive number, or a density for a chip whose die
        area is unknown.

    Examples
    --------
    >>> check_tpp("nvidia-h100-sxm5", tpp=15_832, eccn_class="3A090.a")
    Right: nvidia-h100-sxm5 has TPP 15,832 and is 3A090.a under the October 2023 rule.
    >>> check_tpp("nvidia-h100-sxm5", tpp=31_664, eccn_class="3A090.a")
    Not yet: your TPP 31,664 is off by more than 1%: is your throughput figure the sparse one? Datasheets headline 2:4 sparsity; the rule uses dense throughput.
    """
    blank = unanswered(
        tpp=tpp, eccn_class=eccn_class, **({"density": density} if density is ... else {})
    )
    if blank is not None:
        return blank
    chips = _classified_chips()
    if chip_id not in chips:
        raise ValueError(
            f"chip_id = {chip_id!r} is not a chip this check knows; valid ids: {sorted(chips)}"
        )
    expected_tpp, expected_density, expected_class = chips[chip_id]
    tpp_value = require_number("tpp", tpp, minimum=0, minimum_included=False, unit="bit-TOPS")
    label = choose("eccn_class", eccn_class, OCTOBER_2023.labels)
    tolerance = f"{TPP_RELATIVE_TOLERANCE:.0%}"
    problems = []
    if not _close(tpp_value, expected_tpp):
        problems.append(
            f"your TPP {tpp_value:,.0f} is off by more than {tolerance}: "
            + _tpp_hint(tpp_value, expected_tpp)
        )
    if density is not None:
        if math.isnan(expected_density):
            raise ValueError(
                f"the die area of {chip_id} is not published, so its density cannot "
                "be checked; leave density out"
            )
        density_value = require_number(
            "density", density, minimum=0, minimum_included=False, unit="TPP per mm²"
        )
        if not _close(density_value, expected_density):
            problems.append(
                f"your density {density_value:.2f} is off by more than {tolerance}: "
                "divide TPP by the logic-die area in mm² (memory stacks excluded)."
            )
    if label != expected_class:
        problems.append(
            f"'{label}' is not the class: compare TPP with "
            f"{_thresholds_text(eccn3a090.tpp)} and the density with "
            f"{_thresholds_text(eccn3a090.density)}; the strongest class whose "
            "condition the chip meets wins."
        )
    if problems:
        return CheckResult(False, " Also, ".join(problems))
    return CheckResult(
        True,
        f"{chip_id} has TPP {expected_tpp:,.0f} and is {expected_class} "
        f"under the {OCTOBER_2023.name} rule.",
    )


# --- Exercise: which limit binds ------------------------------------------------------------


#: A ledger figure within :data:`ANSWER_RELATIVE_TOLERANCE` (and 1e-9 for rounding) of the book's.
_near = partial(close_enough, relative=ANSWER_RELATIVE_TOLERANCE, absolute=1e-9)


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
    Not yet: Chinese demand allows 2.00 M chips, but another limit is tighter. Work out all four limits (Washington's cap is cap_share x us_volume) and take the smallest.
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
            f"{name} allows {result.limits[name]:.2f} M chips, but another "
            "limit is tighter. Work out all four limits (Washington's cap "
            "is cap_share x us_volume) and take the smallest.",
        )
    if volume is not None:
        given = ledger.EXPORT_VOLUME.check(volume)
        if not _near(given, result.volume):
            return CheckResult(
                False,
                f"{name} does bind, but your volume {given:g} M is not the "
                "value of that limit in this scenario. Compute the limit "
                "from the parameters (in million chips).",
            )
    others = [limit for limit in result.binding if limit != name]
    tie = f" It ties with {' and '.join(others)}." if others else ""
    return CheckResult(
        True,
        f"{name} binds: at most {result.volume:.2f} M H200s can go to China "
        f"in this scenario.{tie}",
    )


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


# --- Exercise: reproduce IFP's range with the ledger -------------------------------------


def _verdict(value: float, bounds: tuple[float, float]) -> str:
    low, high = bounds
    if low * (1 - 1e-9) <= value <= high * (1 + 1e-9):
        return "inside"
    return "below" if value < low else "above"


@strict_keywords
def check_ifp_reproduction(
    *,
    us_compute: float,
    china_compute: float,
    h100e_per_chip: float,
    displacement: float,
    volume: float,
) -> CheckResult:
    """Check whether a ledger scenario lands inside IFP's published range of US:China ratios.

    The ratio is the ledger's closed form ρ(Q) evaluated at no exports and at ``volume``;
    unlike :func:`chipcontrols.ledger.model.ledger`, the volume is not capped by the four limits.

    Parameters
    ----------
    us_compute, china_compute : float
        US and China's other compute added in the year, million H100-equivalents.
    h100e_per_chip : float
        H100-equivalents per exported H200.
    displacement : float
        US deployments displaced per China-bound chip.
    volume : float
        H200s exported to China in the year, million chips.

    Returns
    -------
    CheckResult
        Right when both ratios lie inside IFP's ranges (:func:`ifp_range`; endpoints
        included).  The message reports both ratios.

    Raises
    ------
    ValueError
        For a value outside the ledger's declared range; the message names the parameter, the
        value and the range.

    Examples
    --------
    >>> check_ifp_reproduction(us_compute=13, china_compute=0.3, h100e_per_chip=1.0,
    ...                        displacement=0.0, volume=2.0)
    Right: without exports 43.33x (IFP 21-49x: inside); with 2.00 M chips exported 5.65x (IFP about 1.2-6.7x: inside).
    >>> check_ifp_reproduction(us_compute=13, china_compute=0.3, h100e_per_chip=1.0,
    ...                        displacement=0.0, volume=3.0)
    Traceback (most recent call last):
    ...
    ValueError: volume = 3 is outside the valid range [0, 2.5] million chips (H200s exported to China in the year)
    """
    blank = unanswered(
        us_compute=us_compute,
        china_compute=china_compute,
        h100e_per_chip=h100e_per_chip,
        displacement=displacement,
        volume=volume,
    )
    if blank is not None:
        return blank
    checked_volume = ledger.EXPORT_VOLUME.check(volume)
    without, with_exports = ledger.ratio_at(
        [0.0, checked_volume],
        us_compute=us_compute,
        china_compute=china_compute,
        h100e_per_chip=h100e_per_chip,
        displacement=displacement,
    )
    ranges = (ifp_range(with_exports=False), ifp_range(with_exports=True))
    verdicts = (_verdict(without, ranges[0]), _verdict(with_exports, ranges[1]))
    summary = (
        f"without exports {without:.2f}x (IFP {ranges[0][0]:g}-{ranges[0][1]:g}x: "
        f"{verdicts[0]}); with {checked_volume:.2f} M chips exported {with_exports:.2f}x "
        f"(IFP about {ranges[1][0]:g}-{ranges[1][1]:g}x: {verdicts[1]})."
    )
    if verdicts == ("inside", "inside"):
        return CheckResult(True, summary)
    hints = []
    if verdicts[0] != "inside":
        hints.append("the ratio without exports depends only on us_compute / china_compute")
    if verdicts[1] == "above":
        hints.append(
            "with exports, China's side grows with h100e_per_chip x volume; "
            "displacement also shrinks the US side"
        )
    elif verdicts[1] == "below":
        hints.append("with exports, fewer H100-equivalents reaching China raise the ratio")
    return CheckResult(False, summary + " Hint: " + "; ".join(hints) + ".")


# --- Exercise: the ratio as a function ------------------------------------------------------

#: How many parameter sets :func:`check_ratio_function` tries, drawn inside the declared ranges.
RATIO_FUNCTION_SAMPLES = 25
_RATIO_ARGUMENTS = ("volume", "h100e_per_chip", "us_compute", "china_compute", "displacement")


def check_ratio_function(rho, seed: int = 2025_12_08) -> CheckResult:
    """Check a student's function for the ledger's ratio ρ(Q) against the book's formula.

    Parameters
    ----------
    rho : callable
        ``rho(volume, h100e_per_chip, us_compute, china_compute, displacement)`` returning
        the US:China ratio of compute added; volume in million chips, compute in million
        H100-equivalents.

    Returns
    -------
    CheckResult
        Right when the function agrees (within :data:`ANSWER_RELATIVE_TOLERANCE`) with
        :func:`chipcontrols.ledger.model.ratio_at` on :data:`RATIO_FUNCTION_SAMPLES` parameter sets
        drawn inside the declared ranges (a fixed seed, so the check is repeatable).  A
        "Not yet" names the first inputs where it does not, and the student's value there.
    seed : int, optional
        Seeds the parameter sets; an autograder passes its own, so its inputs are ones the
        chapter's check never shows.

    Examples
    --------
    >>> check_ratio_function(lambda volume, h100e_per_chip, us_compute, china_compute,
    ...                      displacement: us_compute / china_compute)
    Not yet: at volume=0.585, h100e_per_chip=1.06, us_compute=19.1, china_compute=0.417, displacement=0.514 your function gives 45.9, which is not the ledger's ratio. Exported chips add h100e_per_chip x volume to China's side; displacement takes some of that from the US side.
    """
    blank = unanswered(rho=rho)
    if blank is not None:
        return blank
    if not callable(rho):
        raise ValueError(
            f"rho = {rho!r} is not a function: define def rho({', '.join(_RATIO_ARGUMENTS)}): ..."
        )
    generator = np.random.default_rng(seed)
    declared = [ledger.PARAMETERS[name] for name in _RATIO_ARGUMENTS]
    for _ in range(RATIO_FUNCTION_SAMPLES):
        point = {p.name: float(generator.uniform(p.minimum, p.maximum)) for p in declared}
        expected = ledger.ratio_at(
            point["volume"], **{k: v for k, v in point.items() if k != "volume"}
        )
        returned = rho(**point)
        if is_unanswered(returned):
            return CheckResult(
                False,
                "fill in rho: its body still returns ...; replace it with "
                "the ratio's formula in terms of the five arguments.",
            )
        given = require_number("rho(...)", returned)
        if not _near(given, expected):
            shown = ", ".join(f"{k}={v:.3g}" for k, v in point.items())
            return CheckResult(
                False,
                f"at {shown} your function gives {given:.3g}, which is not "
                "the ledger's ratio. Exported chips add h100e_per_chip x "
                "volume to China's side; displacement takes some of that "
                "from the US side.",
            )
    return CheckResult(
        True,
        f"your function matches the ledger's ratio on "
        f"{RATIO_FUNCTION_SAMPLES} parameter sets across the declared ranges.",
    )


# --- Exercise: the break-even valuation ----------------------------------------------------


def check_break_even(sigma_star: float, volume: float, **parameters: float) -> CheckResult:
    """Check a student's break-even valuation σ* (billion USD per log-unit of China's compute).

    Parameters
    ----------
    sigma_star : float
        The student's σ*, billion USD per log-unit (natural logarithm) of growth in China's
        compute added in the year.
    volume : float
        The export volume Q the student evaluated, million chips.
    **parameters : float
        ``tariff_share``, ``nvidia_weight``, ``price`` (thousand USD), ``h100e_per_chip``,
        ``china_compute`` (million H100e); others take their declared defaults.

    Returns
    -------
    CheckResult
        Right within :data:`ANSWER_RELATIVE_TOLERANCE` of :func:`chipcontrols.ledger.model.break_even_at`.

    Examples
    --------
    >>> check_break_even(..., volume=0.7)
    Not yet: fill in sigma_star: replace each ... with your answer, then run the cell again.
    >>> check_break_even(7.46, volume=0.7)
    Right: σ* = 7.46 bn USD per log-unit, 5.17 bn per doubling, at Q = 0.7 M chips.
    """
    blank = unanswered(sigma_star=sigma_star, volume=volume, **parameters)
    if blank is not None:
        return blank
    expected = ledger.break_even_at(volume, **parameters)
    given = require_number(
        "sigma_star",
        sigma_star,
        minimum=0,
        minimum_included=False,
        unit="billion USD per log-unit",
    )
    if _near(given, expected):
        return CheckResult(
            True,
            f"σ* = {expected:.2f} bn USD per log-unit, "
            f"{expected * math.log(2):.2f} bn per doubling, at "
            f"Q = {ledger.EXPORT_VOLUME.check(volume):g} M chips.",
        )
    if _near(given, expected * math.log(2)):
        hint = (
            "that looks like a figure per doubling; the check wants σ* per log-unit "
            "(divide by ln 2)."
        )
    elif any(_near(given, expected * factor) for factor in (1e3, 1e-3, 1e6, 1e-6)):
        hint = (
            "the size is off by a power of a thousand: the price is in thousand USD and Q "
            "in million chips, so price x Q is in billion USD."
        )
    else:
        hint = (
            "σ* is the US gain (τ + ω(1 − τ)) p Q divided by the harm factor ln(1 + h Q / C_CN)."
        )
    return CheckResult(
        False,
        f"your σ* = {given:g} bn is off by more than {ANSWER_RELATIVE_TOLERANCE:.0%}: {hint}",
    )


# --- Exercise: the cap tied to a legacy product --------------------------------------------


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
            "reaches Nvidia's supply; choose cap_share above 0 (valid range "
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
    side = "the cap is still below" if given < expected else "the cap is already above"
    return CheckResult(
        False,
        f"at us_volume = {given:g} {side} Nvidia's supply. Set "
        "cap_share x us_volume equal to supply and solve for us_volume.",
    )


# --- Assignment checks: the student's own functions and chip ----------------------------------

#: How many hypothetical chips the function checks try.
FUNCTION_SAMPLES = 200


def _sample_chips(seed: int, count: int = FUNCTION_SAMPLES):
    """Hypothetical (FP16 TFLOPS, 8-bit TOPS, die mm²) triples spanning every 3A090 line."""
    generator = np.random.default_rng(seed)
    for _ in range(count):
        tpp_value = float(generator.uniform(800, 8_000))
        fp16_share = float(generator.uniform(0.5, 1.3))
        yield (
            round(tpp_value * fp16_share / 16, 1),
            round(tpp_value / 8, 1),
            float(generator.integers(eccn3a090.DIE_AREA.minimum, 1_200)),
        )


def check_tpp_function(tpp_function, seed: int = 2025_12_08) -> CheckResult:
    """Check a student's ``tpp(dense_fp16_tflops, dense_8bit_tops)`` against the classifier.

    The function is compared with :func:`chipcontrols.eccn3a090.total_processing_performance`
    on :data:`FUNCTION_SAMPLES` hypothetical chips (``seed`` chooses them) and on every chip
    of ``data/chips.csv`` that has both figures.

    Examples
    --------
    >>> check_tpp_function(lambda dense_fp16_tflops, dense_8bit_tops: 16 * dense_fp16_tflops)
    Not yet: for dense_fp16_tflops=86.2, dense_8bit_tops=310.6 your tpp gives 1,379 but that is not the chip's TPP. TPP is the largest of throughput x bit length over the precisions.
    """
    blank = unanswered(tpp=tpp_function)
    if blank is not None:
        return blank
    chips = load_chips()
    published = [
        (row.dense_fp16_tflops, row.dense_8bit_tops)
        for row in chips.itertuples()
        if is_known(row.dense_fp16_tflops) and is_known(row.dense_8bit_tops)
    ]
    cases = [(fp16, int8) for fp16, int8, _ in _sample_chips(seed)] + published
    for fp16, int8 in cases:
        returned = tpp_function(dense_fp16_tflops=fp16, dense_8bit_tops=int8)
        if is_unanswered(returned):
            return CheckResult(False, "fill in tpp: its body still returns ...")
        expected = eccn3a090.total_processing_performance(fp16, int8)
        if not _close(require_number("tpp(...)", returned), expected):
            return CheckResult(
                False,
                f"for dense_fp16_tflops={fp16:g}, dense_8bit_tops={int8:g} "
                f"your tpp gives {float(returned):,.0f} but that is not the "
                "chip's TPP. TPP is the largest of throughput x bit length "
                "over the precisions.",
            )
    return CheckResult(True, f"your tpp agrees with the classifier on {len(cases)} chips.")


def check_classify_function(classify_function, seed: int = 2025_12_08) -> CheckResult:
    """Check a student's ``classify(tpp, die_area_mm2)`` against the October 2023 rule.

    Compared with :func:`chipcontrols.eccn3a090.classify_hypothetical_chip` on
    :data:`FUNCTION_SAMPLES` hypothetical chips (``seed`` chooses them) plus chips placed
    exactly on each line of the rule, where a ``>`` written for ``>=`` shows.

    Examples
    --------
    >>> check_classify_function(lambda tpp, die_area_mm2: "3A090.a" if tpp >= 4800 else "not controlled")
    Not yet: for tpp=1,600, die_area_mm2=270.27 your classify says 'not controlled'; under the October 2023 rule the chip is in another class. Check the 3A090.a conditions and whether each line counts as reached (>=).
    """
    blank = unanswered(classify=classify_function)
    if blank is not None:
        return blank
    on_lines = [
        (value, area)
        for value in OCTOBER_2023.thresholds_of(eccn3a090.tpp)
        for area in (value / d for d in OCTOBER_2023.thresholds_of(eccn3a090.density))
    ]
    on_lines += [(value, 600.0) for value in OCTOBER_2023.thresholds_of(eccn3a090.tpp)]
    samples = [
        (eccn3a090.total_processing_performance(fp16, int8), area)
        for fp16, int8, area in _sample_chips(seed)
    ]
    for tpp_value, area in sorted(set(on_lines)) + samples:
        expected = classify_hypothetical_chip(tpp_value, area)
        returned = classify_function(tpp=tpp_value, die_area_mm2=area)
        if is_unanswered(returned):
            return CheckResult(False, "fill in classify: its body still returns ...")
        label = choose("classify(...)", returned, OCTOBER_2023.labels)
        if label != expected:
            hint = (
                "Check the 3A090.b boxes (TPP with density in a band)."
                if "b" in expected or "b" in label
                else "Check the 3A090.a conditions and whether each line counts as reached (>=)."
            )
            return CheckResult(
                False,
                f"for tpp={tpp_value:,.0f}, die_area_mm2={area:g} your "
                f"classify says {label!r}; under the {OCTOBER_2023.name} rule "
                f"the chip is in another class. {hint}",
            )
    return CheckResult(
        True,
        "your classify agrees with the rule on every line and on "
        f"{FUNCTION_SAMPLES} chips between them.",
    )


def check_hypothetical_chip(
    tpp: float,
    eccn_class: str,
    *,
    dense_fp16_tflops: float,
    dense_8bit_tops: float,
    die_area_mm2: float,
) -> CheckResult:
    """Check TPP and class of a chip given by its datasheet (e.g. a per-student variant).

    Examples
    --------
    >>> check_hypothetical_chip(4_000, "3A090.b", dense_fp16_tflops=200, dense_8bit_tops=500,
    ...                         die_area_mm2=800)
    Right: TPP 4,000, density 5.00 per mm²: 3A090.b under the October 2023 rule.
    """
    blank = unanswered(tpp=tpp, eccn_class=eccn_class)
    if blank is not None:
        return blank
    expected_tpp = eccn3a090.total_processing_performance(dense_fp16_tflops, dense_8bit_tops)
    expected_class = classify_hypothetical_chip(expected_tpp, die_area_mm2)
    given = require_number("tpp", tpp, minimum=0, minimum_included=False, unit="bit-TOPS")
    label = choose("eccn_class", eccn_class, OCTOBER_2023.labels)
    if not _close(given, expected_tpp):
        return CheckResult(
            False,
            f"your TPP {given:,.0f} is off by more than "
            f"{TPP_RELATIVE_TOLERANCE:.0%}: " + _tpp_hint(given, expected_tpp),
        )
    if label != expected_class:
        return CheckResult(
            False,
            f"TPP is right, but '{label}' is not the class: compute the "
            "density (TPP / die area) and compare both with the rule's lines.",
        )
    return CheckResult(
        True,
        f"TPP {expected_tpp:,.0f}, density {expected_tpp / die_area_mm2:.2f} "
        f"per mm²: {expected_class} under the {OCTOBER_2023.name} rule.",
    )
