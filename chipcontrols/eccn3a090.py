"""ECCN 3A090: total processing performance, performance density and the control classes.

Definitions (US Export Administration Regulations, ECCN 3A090, as amended 25 Oct 2023,
88 FR 73458):

* 'Total processing performance' (TPP) is 2 × MacTOPS × the bit length of the operation,
  aggregated over the chip's processing units.  A datasheet's dense TOPS or TFLOP/s figure
  already counts a multiply-accumulate as two operations, so at one precision
  TPP = dense tera-operations per second × bit length.  Where a chip supports several
  precisions, the book takes the largest product (the convention of public trackers; the
  rule's own sentence on multi-precision parts was not found — medium confidence).
* 'Performance density' is TPP divided by the 'applicable die area' in mm² (all logic
  dies made on a non-planar-transistor process; HBM stacks excluded).

A rule version is data: a list of control classes, each a union of boxes in the
(TPP, performance density) plane.  The same boxes produce the sympy expression (and so the
numpy function and the Vega expression the website evaluates) and the shaded regions of the
chart.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import sympy as sp

from chipcontrols.parameters import Parameter

#: Dense throughput at one precision, in tera-operations per second (= 2 × MacTOPS).
ops_per_second = sp.Symbol("ops", nonnegative=True)
#: Bit length of the operation.
bit_length = sp.Symbol("bits", positive=True)
#: Total processing performance (bit-TOPS, dimensionless in the rule).
tpp = sp.Symbol("tpp", nonnegative=True)
#: Applicable die area, mm².
die_area = sp.Symbol("die_area", positive=True)
#: Performance density, TPP per mm².
density = sp.Symbol("density", nonnegative=True)
#: Dense 16-bit, 8-bit and 4-bit throughput of a chip, tera-operations per second.
fp16_ops, int8_ops, fp4_ops = sp.symbols("fp16_ops int8_ops fp4_ops", nonnegative=True)

#: How each symbol is typeset in the book's equations.
LATEX_NAMES = {
    ops_per_second: r"\mathrm{OPS}_p",
    bit_length: r"b_p",
    tpp: r"\mathrm{TPP}",
    die_area: r"A_{\mathrm{die}}",
    density: r"\mathrm{PD}",
    fp16_ops: r"\mathrm{OPS}_{16}",
    int8_ops: r"\mathrm{OPS}_{8}",
    fp4_ops: r"\mathrm{OPS}_{4}",
}

#: TPP at one precision: TOPS × bit length (TOPS = 2 × MacTOPS).
TPP_AT_ONE_PRECISION = ops_per_second * bit_length
#: TPP of a chip with 16-, 8- and 4-bit figures: the largest of the three products.
TPP_OF_CHIP = sp.Max(*(TPP_AT_ONE_PRECISION.subs({ops_per_second: ops, bit_length: bits})
                      for ops, bits in ((fp16_ops, 16), (int8_ops, 8), (fp4_ops, 4))))
#: Performance density as a function of TPP and die area.
DENSITY_OF_CHIP = tpp / die_area

HYPOTHETICAL_TPP = Parameter(
    name="tpp",
    label="Hypothetical chip: TPP",
    unit="bit-TOPS",
    default=4000,
    minimum=500,
    maximum=100_000,
    step=50,
    source="Reader's choice. The range spans every accelerator in data/chips.csv "
    "(Cambricon MLU370-X8 2,048 to NVIDIA GB300 60,000).",
)
HYPOTHETICAL_DIE_AREA = Parameter(
    name="die_area",
    label="Hypothetical chip: die area",
    unit="mm²",
    default=800,
    minimum=50,
    maximum=5000,
    step=10,
    source="Reader's choice. One reticle-limited die is at most 858 mm² (26 × 33 mm); "
    "multi-die packages reach a few thousand mm².",
)
#: The parameters of the hypothetical-chip sliders, in display order.
HYPOTHETICAL_CHIP_PARAMETERS = (HYPOTHETICAL_TPP, HYPOTHETICAL_DIE_AREA)


@dataclass(frozen=True)
class Box:
    """A rectangle in the (TPP, density) plane: lower bounds inclusive, upper bounds exclusive.

    ``None`` means unbounded on that side.
    """

    tpp_min: float | None = None
    tpp_max: float | None = None
    density_min: float | None = None
    density_max: float | None = None

    def condition(self) -> sp.Basic:
        """Return the sympy condition ``tpp`` and ``density`` must meet to fall in the box."""
        parts = []
        if self.tpp_min is not None:
            parts.append(tpp >= self.tpp_min)
        if self.tpp_max is not None:
            parts.append(tpp < self.tpp_max)
        if self.density_min is not None:
            parts.append(density >= self.density_min)
        if self.density_max is not None:
            parts.append(density < self.density_max)
        return sp.And(*parts)


@dataclass(frozen=True)
class ControlClass:
    """One outcome of a rule, e.g. ``3A090.a``: the union of its boxes."""

    label: str
    boxes: tuple[Box, ...]
    meaning: str


@dataclass(frozen=True)
class RuleVersion:
    """A dated version of the 3A090 test.

    Parameters
    ----------
    name : str
        Short name, e.g. ``"October 2023"``.
    effective : str
        ISO date the version took effect.
    classes : tuple of ControlClass
        Strongest first; a chip takes the first class whose boxes contain it.
    uncontrolled_label : str
        Label for a chip in none of the classes.
    citation : str
        Bibliography key of the rule text.
    """

    name: str
    effective: str
    classes: tuple[ControlClass, ...]
    uncontrolled_label: str
    citation: str

    @property
    def labels(self) -> tuple[str, ...]:
        """Labels indexed by class code: 0 is uncontrolled, then weakest to strongest."""
        return (self.uncontrolled_label, *(c.label for c in reversed(self.classes)))

    @cached_property
    def class_code(self) -> sp.Piecewise:
        """Sympy expression of the class code (index into :attr:`labels`) in ``tpp``, ``density``."""
        strongest_code = len(self.classes)
        branches = [
            (strongest_code - rank, sp.Or(*(box.condition() for box in control.boxes)))
            for rank, control in enumerate(self.classes)
        ]
        return sp.Piecewise(*branches, (0, True))

    @cached_property
    def _class_code_numpy(self):
        return sp.lambdify((tpp, density), self.class_code, modules="numpy")

    def classify(self, tpp_value: float, density_value: float) -> str:
        """Return the class label of one chip.

        Parameters
        ----------
        tpp_value : float
            Total processing performance.
        density_value : float
            Performance density, TPP per mm²; ``nan`` when the die area is unknown.

        Returns
        -------
        str
            The label, or ``"undetermined (die area unknown)"`` when the class depends on the
            unknown density.

        Examples
        --------
        >>> OCTOBER_2023.classify(15_832, 19.45)
        '3A090.a'
        >>> OCTOBER_2023.classify(2_368, 2.91)
        'not controlled'
        >>> OCTOBER_2023.classify(20_919, float("nan"))
        '3A090.a'
        """
        if math.isnan(tpp_value):
            return UNDETERMINED_TPP
        if math.isnan(density_value):
            low = int(self._class_code_numpy(tpp_value, 0.0))
            high = int(self._class_code_numpy(tpp_value, 1e12))
            return self.labels[low] if low == high else UNDETERMINED_DENSITY
        return self.labels[int(self._class_code_numpy(tpp_value, density_value))]

    def thresholds(self) -> tuple[list[float], list[float]]:
        """The TPP and density values at which some class boundary lies, each sorted."""
        boxes = [box for control in self.classes for box in control.boxes]
        tpp_values = {b for box in boxes for b in (box.tpp_min, box.tpp_max) if b is not None}
        density_values = {b for box in boxes for b in (box.density_min, box.density_max)
                          if b is not None}
        return sorted(tpp_values), sorted(density_values)

    def regions(self, tpp_range: tuple[float, float],
                density_range: tuple[float, float]) -> list[dict]:
        """Partition a window of the (TPP, density) plane into rectangles of one class each.

        The window is cut at every threshold; each cell is classified at its (geometric)
        centre with the same expression the model uses, so the shading cannot disagree with
        :meth:`classify`.

        Returns
        -------
        list of dict
            Keys ``tpp_low``, ``tpp_high``, ``density_low``, ``density_high``, ``label``.

        Examples
        --------
        >>> cells = OCTOBER_2023.regions((500, 100_000), (0.5, 100))
        >>> sorted({cell["label"] for cell in cells})
        ['3A090.a', '3A090.b', 'not controlled']
        """
        tpp_cuts, density_cuts = self.thresholds()

        def edges(cuts: list[float], window: tuple[float, float]) -> list[float]:
            low, high = window
            return [low, *(c for c in cuts if low < c < high), high]

        cells = []
        tpp_edges, density_edges = edges(tpp_cuts, tpp_range), edges(density_cuts, density_range)
        for t_low, t_high in zip(tpp_edges, tpp_edges[1:]):
            for d_low, d_high in zip(density_edges, density_edges[1:]):
                label = self.classify(math.sqrt(t_low * t_high), math.sqrt(d_low * d_high))
                cells.append({"tpp_low": t_low, "tpp_high": t_high, "density_low": d_low,
                              "density_high": d_high, "label": label})
        return cells


UNDETERMINED_DENSITY = "undetermined (die area unknown)"
UNDETERMINED_TPP = "undetermined (throughput unknown)"

OCTOBER_2023 = RuleVersion(
    name="October 2023",
    effective="2023-11-17",
    classes=(
        ControlClass(
            label="3A090.a",
            boxes=(Box(tpp_min=4800), Box(tpp_min=1600, density_min=5.92)),
            meaning="license required for China, Macau and arms-embargoed destinations",
        ),
        ControlClass(
            label="3A090.b",
            boxes=(
                Box(tpp_min=2400, tpp_max=4800, density_min=1.6, density_max=5.92),
                Box(tpp_min=1600, density_min=3.2, density_max=5.92),
            ),
            meaning="'grey zone': data-centre parts need a license or a notification (NAC)",
        ),
    ),
    uncontrolled_label="not controlled",
    citation="fr2023advcomputing",
)


def total_processing_performance(fp16_tflops, int8_tops, fp4_tflops=np.nan):
    """TPP of chips from their dense 16-, 8- and 4-bit throughput.

    Parameters
    ----------
    fp16_tflops, int8_tops, fp4_tflops : float or array_like
        Dense (not sparse) throughput in tera-operations per second; ``nan`` where the chip
        has no such figure.

    Returns
    -------
    float or numpy.ndarray
        The largest of 16 × fp16, 8 × int8 and 4 × fp4, ignoring missing figures; ``nan`` when
        all three are missing.

    Examples
    --------
    >>> float(total_processing_performance(312, 624))          # A100
    4992.0
    >>> float(total_processing_performance(989.5, 1979))       # H100, H200
    15832.0
    """
    figures = np.array(np.broadcast_arrays(
        np.asarray(fp16_tflops, dtype=float),
        np.asarray(int8_tops, dtype=float),
        np.asarray(fp4_tflops, dtype=float),
    ))
    if np.any(figures < 0):
        raise ValueError("throughput must be non-negative (tera-operations per second)")
    all_missing = np.all(np.isnan(figures), axis=0)
    products = _tpp_numpy(*np.nan_to_num(figures, nan=0.0))
    result = np.where(all_missing, np.nan, products)
    return result if result.ndim else float(result)


_tpp_numpy = sp.lambdify((fp16_ops, int8_ops, fp4_ops), TPP_OF_CHIP, modules="numpy")
_density_numpy = sp.lambdify((tpp, die_area), DENSITY_OF_CHIP, modules="numpy")


def performance_density(tpp_value, die_area_mm2):
    """Performance density, TPP per mm² of applicable die area (``nan`` where area is unknown).

    Examples
    --------
    >>> round(performance_density(15_832, 814), 2)
    19.45
    """
    area = np.asarray(die_area_mm2, dtype=float)
    if np.any(area <= 0):
        raise ValueError(f"die_area_mm2 must be positive, got {die_area_mm2!r} mm²")
    result = _density_numpy(np.asarray(tpp_value, dtype=float), area)
    return result if np.ndim(result) else float(result)


def classify_hypothetical_chip(tpp_value: float, die_area_mm2: float,
                               rule: RuleVersion = OCTOBER_2023) -> str:
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
    checked_tpp = HYPOTHETICAL_TPP.check(tpp_value)
    checked_area = HYPOTHETICAL_DIE_AREA.check(die_area_mm2)
    return rule.classify(checked_tpp, performance_density(checked_tpp, checked_area))


def classify_chips(chips, rule: RuleVersion = OCTOBER_2023):
    """Add ``tpp``, ``density`` and ``eccn_class`` columns to a chips table.

    Parameters
    ----------
    chips : pandas.DataFrame
        As returned by :func:`chipcontrols.data.load_chips`.
    rule : RuleVersion
        The rule version to apply.

    Returns
    -------
    pandas.DataFrame
        A copy with TPP (bit-TOPS), performance density (TPP per mm², ``nan`` where the die
        area is unknown) and the class label under ``rule``.
    """
    result = chips.copy()
    result["tpp"] = total_processing_performance(
        chips["dense_fp16_tflops"], chips["dense_8bit_tops"], chips["dense_fp4_tflops"]
    )
    result["density"] = performance_density(result["tpp"], chips["die_area_mm2"].fillna(np.inf))
    result.loc[chips["die_area_mm2"].isna(), "density"] = np.nan
    result["eccn_class"] = [rule.classify(t, d) for t, d in zip(result["tpp"], result["density"])]
    return result
