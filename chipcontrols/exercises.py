"""Self-checks for the chapter-1 exercises: the student computes, a function says right or wrong.

Each check returns a :class:`CheckResult`, which prints as ``Right: ...`` or ``Not yet: ...``.
A "Not yet" message gives a hint and the student's own numbers, never the expected answer.
Bad input (an unknown chip, an unknown constraint, a value outside a parameter's declared range)
raises ``ValueError`` naming what is wrong and what is valid; nothing is clamped.

The expected answers are not stored here.  They come from the book's models:

* :func:`check_tpp` compares with :func:`chipcontrols.eccn3a090.classify_chips` applied to
  ``data/chips.csv``;
* :func:`check_binding` and :func:`check_january_2026` compare with
  :func:`chipcontrols.ledger.ledger`;
* :func:`check_ifp_reproduction` evaluates the ledger's closed form
  :data:`chipcontrols.ledger.RATIO` (through :func:`chipcontrols.ledger.ratio_at`) and
  compares with the range IFP published
  (:data:`IFP_RATIO_WITHOUT_EXPORTS`, :data:`IFP_RATIO_WITH_EXPORTS`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import lru_cache

from chipcontrols import ledger as _ledger
from chipcontrols.data import load_chips
from chipcontrols.eccn3a090 import OCTOBER_2023, classify_chips

__all__ = [
    "CheckResult",
    "CONSTRAINTS",
    "EXPORT_VOLUME",
    "IFP_RATIO_WITHOUT_EXPORTS",
    "IFP_RATIO_WITH_EXPORTS",
    "TPP_RELATIVE_TOLERANCE",
    "check_binding",
    "check_ifp_reproduction",
    "check_january_2026",
    "check_tpp",
]

#: Relative tolerance on a student's TPP and density (1%: datasheets round their figures).
TPP_RELATIVE_TOLERANCE = 0.01

#: US:China ratio of compute produced in 2026 with no Hopper exports, as published by IFP.
#:
#: Source: Khan, Burga, Fist and Adamson, "Should the US Sell Hopper Chips to China?",
#: Institute for Progress (IFP), December 2025, https://ifp.org/should-the-us-sell-hopper-chips-to-china/
#: (bibliography key to be chosen by the book's editors).  The range reached us through a
#: secondary summary (research memo ``models.md`` §3), not from the report's own tables, so
#: treat the endpoints as approximate.
IFP_RATIO_WITHOUT_EXPORTS = (21.0, 49.0)
#: US:China ratio of 2026 compute under IFP's export scenarios ("about 1.2-6.7x"); same source
#: and the same caveat as :data:`IFP_RATIO_WITHOUT_EXPORTS`.
IFP_RATIO_WITH_EXPORTS = (1.2, 6.7)

#: The four limits on the volume, as :func:`chipcontrols.ledger.ledger` names them.
CONSTRAINTS = ("Chinese demand", "Nvidia supply", "US cap", "Beijing's approvals")

#: The export volume of the IFP exercise: any volume China could demand in the ledger.
EXPORT_VOLUME = replace(_ledger.EXPORT_VOLUME, name="exports",
                        source="Student's choice, within the ledger's export-volume range.")


# Before 28 January 2026 Beijing had approved no H200 imports (customs, 14 January).
_JANUARY_2026_APPROVALS = 0.0


@dataclass(frozen=True)
class CheckResult:
    """The verdict of one check.

    Attributes
    ----------
    correct : bool
        Whether the answer is right.
    message : str
        What was checked; for a wrong answer, a hint (never the expected answer).

    Examples
    --------
    >>> CheckResult(True, "TPP and class agree with the book's classifier.")
    Right: TPP and class agree with the book's classifier.
    >>> bool(CheckResult(False, "look again at the bit length."))
    False
    """

    correct: bool
    message: str

    def __str__(self) -> str:
        return f"{'Right' if self.correct else 'Not yet'}: {self.message}"

    __repr__ = __str__

    def __bool__(self) -> bool:
        return self.correct


# --- Exercise 1: TPP and class from a datasheet -------------------------------------------

@lru_cache(maxsize=1)
def _classified_chips() -> dict[str, tuple[float, float, str]]:
    """Chip id -> (TPP, density, class) for every chip whose class is determined."""
    table = classify_chips(load_chips())
    return {row.chip_id: (float(row.tpp), float(row.density), row.eccn_class)
            for row in table.itertuples() if row.eccn_class in OCTOBER_2023.labels}


def _positive_number(name: str, value: object, unit: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} = {value!r} is not a number; valid range (0, inf) {unit}") from None
    if not math.isfinite(number) or number <= 0:
        raise ValueError(f"{name} = {value!r} is outside the valid range (0, inf) {unit}")
    return number


def _class_label(value: str) -> str:
    labels = {label.casefold(): label for label in OCTOBER_2023.labels}
    key = " ".join(str(value).split()).casefold()
    if key not in labels:
        raise ValueError(f"eccn_class = {value!r} is not a class of the {OCTOBER_2023.name} rule; "
                         f"valid classes: {list(OCTOBER_2023.labels)}")
    return labels[key]


def _close(value: float, expected: float) -> bool:
    return abs(value - expected) <= TPP_RELATIVE_TOLERANCE * abs(expected)


def _tpp_hint(tpp: float, expected: float) -> str:
    ratio = tpp / expected
    if any(_close(ratio, factor) for factor in (2.0, 4.0)):
        return ("is your throughput figure the sparse one? Datasheets headline 2:4 sparsity; "
                "the rule uses dense throughput.")
    if any(_close(ratio, 1 / bits) for bits in (4.0, 8.0, 16.0)):
        return "TPP multiplies the dense throughput by the bit length of the operation."
    if any(_close(ratio, factor) for factor in (0.5, 2 / 3, 1.5)):
        return ("take the largest product over the 16-, 8- and 4-bit figures, each multiplied "
                "by its own bit length.")
    return ("TPP = dense tera-operations per second x bit length, the largest over the "
            "chip's 16-, 8- and 4-bit figures.")


def check_tpp(chip_id: str, tpp: float, eccn_class: str, density: float | None = None) -> CheckResult:
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
        Right when TPP (and density, if given) are within 1% of the book's values and the
        class matches.

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
    chips = _classified_chips()
    if chip_id not in chips:
        raise ValueError(f"chip_id = {chip_id!r} is not a chip this check knows; "
                         f"valid ids: {sorted(chips)}")
    expected_tpp, expected_density, expected_class = chips[chip_id]
    tpp_value = _positive_number("tpp", tpp, "bit-TOPS")
    label = _class_label(eccn_class)
    problems = []
    if not _close(tpp_value, expected_tpp):
        problems.append(f"your TPP {tpp_value:,.0f} is off by more than 1%: "
                        + _tpp_hint(tpp_value, expected_tpp))
    if density is not None:
        if math.isnan(expected_density):
            raise ValueError(f"the die area of {chip_id} is not published, so its density cannot "
                             "be checked; leave density out")
        density_value = _positive_number("density", density, "TPP per mm²")
        if not _close(density_value, expected_density):
            problems.append(f"your density {density_value:.2f} is off by more than 1%: divide TPP "
                            "by the logic-die area in mm² (memory stacks excluded).")
    if label != expected_class:
        problems.append(f"'{label}' is not the class: compare TPP with 4,800, 2,400 and 1,600 "
                        "and the density with 5.92, 3.2 and 1.6; the strongest class whose "
                        "condition the chip meets wins.")
    if problems:
        return CheckResult(False, " Also, ".join(problems))
    return CheckResult(True, f"{chip_id} has TPP {expected_tpp:,.0f} and is {expected_class} "
                             f"under the {OCTOBER_2023.name} rule.")


# --- Exercise 2: which constraint binds -----------------------------------------------------

def _constraint_name(answer: str) -> str:
    def normal(text: str) -> str:
        return " ".join(str(text).replace("\u2019", "'").split()).casefold()

    names = {normal(name): name for name in CONSTRAINTS}
    if normal(answer) not in names:
        raise ValueError(f"answer = {answer!r} is not one of the ledger's constraints; "
                         f"valid names: {list(CONSTRAINTS)}")
    return names[normal(answer)]


def check_binding(answer: str, **parameters: float) -> CheckResult:
    """Check which limit sets the export volume in a scenario of the ledger.

    Parameters
    ----------
    answer : str
        One of :data:`CONSTRAINTS` (case-insensitive): ``"Chinese demand"``,
        ``"Nvidia supply"``, ``"US cap"`` or ``"Beijing's approvals"``.
    **parameters : float
        The scenario, as keyword arguments of :func:`chipcontrols.ledger.ledger` (e.g.
        ``demand=2.0`` in million chips, ``cap_share=0.5``); parameters left out take the
        ledger's defaults.

    Returns
    -------
    CheckResult
        Right when ``answer`` names the tightest limit (or one of several tied for tightest).

    Raises
    ------
    ValueError
        For an unknown constraint name, an unknown parameter, or a value outside its declared
        range (the message names parameter, value and range).

    Examples
    --------
    >>> check_binding("us cap", approvals=2.5)
    Right: US cap binds: at most 0.50 M H200s can go to China in this scenario.
    >>> check_binding("Chinese demand", approvals=2.5)
    Not yet: Chinese demand allows 2.00 M chips, but another limit is tighter. Work out all four limits (Washington's cap is cap_share x us_volume) and take the smallest.
    """
    name = _constraint_name(answer)
    result = _ledger.ledger(**parameters)
    tightest = result.limits[result.binding]
    tied = [c for c in CONSTRAINTS
            if math.isclose(result.limits[c], tightest, rel_tol=1e-9, abs_tol=1e-12)]
    if name not in tied:
        return CheckResult(False, f"{name} allows {result.limits[name]:.2f} M chips, but another "
                                  "limit is tighter. Work out all four limits (Washington's cap "
                                  "is cap_share x us_volume) and take the smallest.")
    others = [c for c in tied if c != name]
    tie = f" It ties with {' and '.join(others)}." if others else ""
    return CheckResult(True, f"{name} binds: at most {tightest:.2f} M H200s can go to China in "
                             f"this scenario.{tie}")


def check_january_2026(answer: str, **parameters: float) -> CheckResult:
    """Check the binding constraint in mid-January 2026, with the student's own parameters.

    The student sets the ledger's parameters to describe January 2026 (after the BIS rule of
    15 January, before Beijing's first approvals on 28 January) and names the limit that binds.
    The check first asks whether the scenario matches the record on Beijing's approvals, then
    delegates to :func:`check_binding`.

    Parameters
    ----------
    answer : str
        One of :data:`CONSTRAINTS` (case-insensitive).
    **parameters : float
        Keyword arguments of :func:`chipcontrols.ledger.ledger`; ``approvals`` must be given.

    Returns
    -------
    CheckResult

    Raises
    ------
    ValueError
        As :func:`check_binding`.

    Examples
    --------
    >>> check_january_2026("US cap", demand=2.0)
    Not yet: your scenario does not set approvals (the ledger's default is the position after 28 January). What had Beijing approved by mid-January? See the 13 and 14 January entries of the timeline.
    """
    _constraint_name(answer)
    if "approvals" not in parameters:
        return CheckResult(False, "your scenario does not set approvals (the ledger's default is "
                                  "the position after 28 January). What had Beijing approved by "
                                  "mid-January? See the 13 and 14 January entries of the "
                                  "timeline.")
    approvals = _ledger.PARAMETERS["approvals"].check(parameters["approvals"])
    if approvals != _JANUARY_2026_APPROVALS:
        return CheckResult(False, f"approvals = {approvals:g} M does not match the record for "
                                  "mid-January 2026. What had Beijing approved before 28 January? "
                                  "See the 13 and 14 January entries of the timeline.")
    return check_binding(answer, **parameters)


# --- Exercise 3: reproduce IFP's range with the ledger ---------------------------------------

def _inside(value: float, bounds: tuple[float, float]) -> bool:
    low, high = bounds
    return low * (1 - 1e-9) <= value <= high * (1 + 1e-9)


def _verdict(value: float, bounds: tuple[float, float]) -> str:
    if _inside(value, bounds):
        return "inside"
    return "below" if value < bounds[0] else "above"


def check_ifp_reproduction(*, us_added: float, china_other: float, h100e_per_chip: float,
                           displacement: float, exports: float) -> CheckResult:
    """Check whether a ledger scenario lands inside IFP's published range of US:China ratios.

    The ratio is the ledger's closed form ρ(Q) = (C_US − δ·h·Q) / (C_CN + h·Q), evaluated at
    Q = 0 (no exports) and at Q = ``exports``.  Unlike :func:`chipcontrols.ledger.ledger`,
    the volume is not capped by the four limits: the exercise asks what a given volume does.

    Parameters
    ----------
    us_added : float
        C_US, US compute added in the year, million H100-equivalents.
    china_other : float
        C_CN, China's compute added from other sources, million H100-equivalents.
    h100e_per_chip : float
        h, H100-equivalents per exported H200.
    displacement : float
        δ, US deployments displaced per China-bound chip (0 to 1).
    exports : float
        Q, H200s exported to China in the year, million chips.

    Returns
    -------
    CheckResult
        Right when both ratios lie inside IFP's ranges (21-49x without exports, about
        1.2-6.7x with exports; endpoints included).  The message reports both ratios.

    Raises
    ------
    ValueError
        For a value outside the ledger's declared range; the message names the parameter, the
        value and the range.  ``exports`` must lie in [0, 2.5] million chips.

    Notes
    -----
    IFP's range comes via a secondary summary of "Should the US Sell Hopper Chips to China?"
    (IFP, Dec 2025); see :data:`IFP_RATIO_WITHOUT_EXPORTS`.

    Examples
    --------
    >>> check_ifp_reproduction(us_added=13, china_other=0.3, h100e_per_chip=1.0,
    ...                        displacement=0.0, exports=2.0)
    Right: without exports 43.33x (IFP 21-49x: inside); with 2.00 M chips exported 5.65x (IFP about 1.2-6.7x: inside).
    >>> check_ifp_reproduction(us_added=13, china_other=0.3, h100e_per_chip=1.0,
    ...                        displacement=0.0, exports=3.0)
    Traceback (most recent call last):
    ...
    ValueError: exports = 3 is outside the valid range [0, 2.5] million chips (H200s exported to China in the year)
    """
    volume = EXPORT_VOLUME.check(exports)
    # ratio_at evaluates the ledger's RATIO and checks each value against its declaration.
    without, with_exports = (float(r) for r in _ledger.ratio_at(
        [0.0, volume], us_added=us_added, china_other=china_other,
        h100e_per_chip=h100e_per_chip, displacement=displacement))
    verdicts = (_verdict(without, IFP_RATIO_WITHOUT_EXPORTS),
                _verdict(with_exports, IFP_RATIO_WITH_EXPORTS))
    summary = (f"without exports {without:.2f}x (IFP {IFP_RATIO_WITHOUT_EXPORTS[0]:g}-"
               f"{IFP_RATIO_WITHOUT_EXPORTS[1]:g}x: {verdicts[0]}); with {volume:.2f} M chips "
               f"exported {with_exports:.2f}x (IFP about {IFP_RATIO_WITH_EXPORTS[0]:g}-"
               f"{IFP_RATIO_WITH_EXPORTS[1]:g}x: {verdicts[1]}).")
    if verdicts == ("inside", "inside"):
        return CheckResult(True, summary)
    hints = []
    if verdicts[0] != "inside":
        hints.append("the ratio without exports depends only on C_US / C_CN")
    if verdicts[1] == "above":
        hints.append("with exports, China's side grows with h x Q; displacement also shrinks "
                     "the US side")
    elif verdicts[1] == "below":
        hints.append("with exports, fewer H100-equivalents reaching China raise the ratio")
    return CheckResult(False, summary + " Hint: " + "; ".join(hints) + ".")
