"""The rule applied to chips: a hypothetical chip, the chips table, and every version at once."""

from __future__ import annotations

import pandas as pd

from chipcontrols.core.data import require_table
from chipcontrols.core.parameters import strict_keywords
from chipcontrols.eccn3a090.metrics import (
    DIE_AREA,
    TPP,
    is_known,
    optional_figure,
    performance_density,
    total_processing_performance,
)
from chipcontrols.eccn3a090.rules import RuleVersion
from chipcontrols.eccn3a090.versions import OCTOBER_2023, RULE_VERSIONS

#: Columns of ``data/chips.csv`` the classifier reads.
CHIP_COLUMNS = (
    "chip_id",
    "chip",
    "vendor",
    "dense_fp16_tflops",
    "dense_8bit_tops",
    "dense_fp4_tflops",
    "die_area_mm2",
    "interconnect_gbs",
    "memory_bandwidth_gbs",
)


#: The figures of a chip the classifier reads, with their units.
FIGURE_UNITS = {
    "dense_fp16_tflops": "TFLOPS",
    "dense_8bit_tops": "TOPS",
    "dense_fp4_tflops": "TFLOPS",
    "die_area_mm2": "mm²",
    "interconnect_gbs": "GB/s",
    "memory_bandwidth_gbs": "GB/s",
}


def require_rule(rule: object) -> RuleVersion:
    """Return ``rule`` if it is a :class:`RuleVersion`, else raise ``ValueError``."""
    if not isinstance(rule, RuleVersion):
        raise ValueError(
            f"rule = {rule!r:.60} is not a rule version; valid: "
            f"{[version.name for version in RULE_VERSIONS]} (chipcontrols.eccn3a090)"
        )
    return rule


@strict_keywords
def classify_hypothetical_chip(
    tpp_value: float, die_area_mm2: float, rule: RuleVersion = OCTOBER_2023
) -> str:
    """Class of a hypothetical chip, with inputs checked against the slider declarations.

    Raises
    ------
    ValueError
        If ``tpp_value`` or ``die_area_mm2`` lies outside its declared range; the message
        names the parameter, the value and the range.

    Examples
    --------
    >>> classify_hypothetical_chip(4_700, 4_000)
    'not controlled'
    >>> classify_hypothetical_chip(4_800, 4_000)
    '3A090.a'
    >>> classify_hypothetical_chip(4_800, 20_000)
    Traceback (most recent call last):
    ...
    ValueError: die_area = 20000 is outside the valid range [50, 5000] mm² (Hypothetical chip: die area)
    """
    checked_tpp = TPP.check(tpp_value)
    checked_area = DIE_AREA.check(die_area_mm2)
    return require_rule(rule).classify(checked_tpp, performance_density(checked_tpp, checked_area))


def _known(value: object) -> object:
    """A table's figure as given, or ``None`` where the table marks it missing (``NaN``)."""
    return value if is_known(value) else None


@strict_keywords
def classify_chips(chips: pd.DataFrame, rule: RuleVersion = OCTOBER_2023) -> pd.DataFrame:
    """Add ``tpp``, ``density`` and ``eccn_class`` columns to a chips table.

    Parameters
    ----------
    chips : pandas.DataFrame
        As returned by :func:`chipcontrols.core.data.load_chips` (missing figures are ``NaN``).
    rule : RuleVersion
        The rule version to apply.

    Returns
    -------
    pandas.DataFrame
        A copy with TPP (bit-TOPS), performance density (TPP per mm², ``NaN`` where the die
        area is unknown) and the class label under ``rule``.

    Raises
    ------
    ValueError
        If ``chips`` is not a table with the classifier's columns, ``rule`` is not a rule
        version, or a figure is negative or infinite (the message names the chip and column).
    """
    require_table(chips, "chips", CHIP_COLUMNS)
    require_rule(rule)
    tpps, densities, labels = [], [], []
    for row in chips.itertuples(index=False):
        try:
            figures = {
                column: optional_figure(column, _known(getattr(row, column)), unit)
                for column, unit in FIGURE_UNITS.items()
            }
            chip_tpp = total_processing_performance(
                figures["dense_fp16_tflops"],
                figures["dense_8bit_tops"],
                figures["dense_fp4_tflops"],
            )
            area = figures["die_area_mm2"]
            chip_density = (
                performance_density(chip_tpp, area)
                if chip_tpp is not None and area is not None
                else None
            )
            label = rule.classify(
                chip_tpp,
                chip_density,
                interconnect_gbs=figures["interconnect_gbs"],
                memory_bandwidth_gbs=figures["memory_bandwidth_gbs"],
            )
        except ValueError as error:
            raise ValueError(f"chips, chip {row.chip_id!r}: {error}") from None
        tpps.append(chip_tpp)
        densities.append(chip_density)
        labels.append(label)
    result = chips.copy()
    result["tpp"] = pd.Series(tpps, index=chips.index, dtype=float)
    result["density"] = pd.Series(densities, index=chips.index, dtype=float)
    result["eccn_class"] = labels
    return result


@strict_keywords
def classify_under_every_version(chips: pd.DataFrame) -> pd.DataFrame:
    """One row per chip and rule version: the chip's class and what it means for China.

    Parameters
    ----------
    chips : pandas.DataFrame
        As returned by :func:`chipcontrols.core.data.load_chips`.

    Returns
    -------
    pandas.DataFrame
        Columns ``chip_id``, ``chip``, ``vendor``, ``tpp``, ``rule`` (version name),
        ``effective`` (ISO date), ``eccn_class`` and ``treatment`` (a
        :class:`~chipcontrols.eccn3a090.rules.Treatment`), versions oldest first.

    Examples
    --------
    >>> from chipcontrols.core.data import load_chips
    >>> table = classify_under_every_version(load_chips())
    >>> table.query("chip_id == 'nvidia-h800-sxm5'")[["rule", "eccn_class"]].to_dict("records")
    ... # doctest: +NORMALIZE_WHITESPACE
    [{'rule': 'October 2022', 'eccn_class': 'not controlled'},
     {'rule': 'October 2023', 'eccn_class': '3A090.a'},
     {'rule': 'January 2026', 'eccn_class': '3A090.a, case-by-case'}]
    """
    frames = []
    for rule in RULE_VERSIONS:
        classified = classify_chips(chips, rule)
        frame = classified[["chip_id", "chip", "vendor", "tpp", "eccn_class"]].copy()
        frame.insert(3, "rule", rule.name)
        frame.insert(4, "effective", rule.effective)
        frame["treatment"] = [rule.treatment_of(label) for label in frame["eccn_class"]]
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


@strict_keywords
def chip_metric(classified: pd.DataFrame, chip_id: str, column: str) -> float:
    """One figure of one chip of a classified table, refusing unknown chips and blanks."""
    require_table(classified, "classified", ("chip_id", column))
    rows = classified[classified["chip_id"] == chip_id]
    if rows.empty:
        raise ValueError(
            f"chip_id = {chip_id!r} is not in the table; valid ids: "
            f"{sorted(classified['chip_id'])}"
        )
    figure = rows.iloc[0][column]
    if not is_known(figure):
        raise ValueError(f"chip {chip_id!r} has no published {column}")
    return float(figure)
