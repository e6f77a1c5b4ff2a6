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

The test changed over time, and each version is data here:

* October 2022: TPP of 4,800 or more *and* a chip-to-chip ('bidirectional transfer') rate of
  600 GB/s or more (87 FR 62186);
* October 2023: TPP and performance density alone (3A090.a and the 3A090.b 'grey zone');
* January 2026: the 2023 classes, with licence applications for China reviewed case by case
  below TPP 21,000 and total DRAM bandwidth 6,500 GB/s, and under a presumption of denial
  above (91 FR 1684).

A rule version is a list of control classes, each a union of boxes in the space of chip
metrics (TPP, density, interconnect, memory bandwidth).  The same boxes produce the sympy expression (and so the
numpy function and the Vega expression the website evaluates) and the shaded regions of the
chart.
"""

from __future__ import annotations

import itertools
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


#: Aggregate bidirectional chip-to-chip transfer rate, GB/s (tested by the October 2022 rule).
interconnect = sp.Symbol("interconnect", nonnegative=True)
#: Total DRAM (HBM) bandwidth, GB/s (tested by the January 2026 licence-review policy).
memory_bandwidth = sp.Symbol("memory_bandwidth", nonnegative=True)
LATEX_NAMES.update({interconnect: r"\mathrm{IO}", memory_bandwidth: r"\mathrm{BW}_{\mathrm{DRAM}}"})

#: The chip metrics a rule version may test, in the order the class-code function takes them.
METRICS = (tpp, density, interconnect, memory_bandwidth)
#: What a reader is told is missing when a metric's input is unknown.
MISSING_INPUT = {tpp: "throughput", density: "die area", interconnect: "interconnect",
                 memory_bandwidth: "memory bandwidth"}

Bounds = tuple[float | None, float | None]
UNBOUNDED: Bounds = (None, None)


@dataclass(frozen=True)
class Box:
    """A box in the space of chip metrics: lower bounds inclusive, upper bounds exclusive.

    Each field is ``(lower, upper)``; ``None`` means unbounded on that side.  TPP is in
    bit-TOPS, density in TPP per mm², interconnect and memory bandwidth in GB/s.
    """

    tpp: Bounds = UNBOUNDED
    density: Bounds = UNBOUNDED
    interconnect: Bounds = UNBOUNDED
    memory_bandwidth: Bounds = UNBOUNDED

    def bounds(self) -> dict[sp.Symbol, Bounds]:
        """The bounded metrics of the box, by symbol."""
        pairs = zip(METRICS, (self.tpp, self.density, self.interconnect, self.memory_bandwidth))
        return {symbol: pair for symbol, pair in pairs if pair != UNBOUNDED}

    def condition(self) -> sp.Basic:
        """Return the sympy condition a chip's metrics must meet to fall in the box."""
        parts = []
        for symbol, (lower, upper) in self.bounds().items():
            if lower is not None:
                parts.append(symbol >= lower)
            if upper is not None:
                parts.append(symbol < upper)
        return sp.And(*parts)


#: What a licence applicant for China faces, used to colour the rule versions consistently.
TREATMENTS = (
    "licence: presumption of denial",
    "licence required",
    "licence: case-by-case review",
    "grey zone: licence or notification",
    "not controlled by 3A090",
    "undetermined (data missing)",
)


@dataclass(frozen=True)
class ControlClass:
    """One outcome of a rule, e.g. ``3A090.a``: the union of its boxes.

    ``treatment`` is one of :data:`TREATMENTS`.
    """

    label: str
    boxes: tuple[Box, ...]
    meaning: str
    treatment: str

    def __post_init__(self) -> None:
        if self.treatment not in TREATMENTS:
            raise ValueError(f"class {self.label}: treatment {self.treatment!r} is not one of "
                             f"{TREATMENTS}")


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

    def treatment_of(self, label: str) -> str:
        """The :data:`TREATMENTS` entry of a class label this version can return."""
        if label.startswith("undetermined"):
            return TREATMENTS[-1]
        if label == self.uncontrolled_label:
            return "not controlled by 3A090"
        for control in self.classes:
            if control.label == label:
                return control.treatment
        raise ValueError(f"{label!r} is not a class of the {self.name} rule; "
                         f"its classes are {self.labels}")

    @cached_property
    def class_code(self) -> sp.Piecewise:
        """Sympy expression of the class code (index into :attr:`labels`) in the chip metrics."""
        strongest_code = len(self.classes)
        branches = [
            (strongest_code - rank, sp.Or(*(box.condition() for box in control.boxes)))
            for rank, control in enumerate(self.classes)
        ]
        return sp.Piecewise(*branches, (0, True))

    @property
    def metrics(self) -> tuple[sp.Symbol, ...]:
        """The metrics this version tests, in :data:`METRICS` order."""
        used = self.class_code.free_symbols
        return tuple(symbol for symbol in METRICS if symbol in used)

    @cached_property
    def _class_code_numpy(self):
        return sp.lambdify(METRICS, self.class_code, modules="numpy")

    def _code(self, values: dict[sp.Symbol, float]) -> int:
        return int(self._class_code_numpy(*(values[symbol] for symbol in METRICS)))

    def classify(self, tpp_value: float, density_value: float = math.nan, *,
                 interconnect_gbs: float = math.nan,
                 memory_bandwidth_gbs: float = math.nan) -> str:
        """Return the class label of one chip.

        Parameters
        ----------
        tpp_value : float
            Total processing performance, bit-TOPS.
        density_value : float
            Performance density, TPP per mm²; ``nan`` when the die area is unknown.
        interconnect_gbs, memory_bandwidth_gbs : float
            Chip-to-chip transfer rate and DRAM bandwidth, GB/s; ``nan`` when unknown.

        Returns
        -------
        str
            The label.  When an input is unknown the chip is classified anyway if every value
            it could take gives the same class, and is otherwise
            ``"undetermined (<input> unknown)"``.

        Examples
        --------
        >>> OCTOBER_2023.classify(15_832, 19.45)
        '3A090.a'
        >>> OCTOBER_2023.classify(2_368, 2.91)
        'not controlled'
        >>> OCTOBER_2023.classify(20_919, float("nan"))
        '3A090.a'
        >>> OCTOBER_2022.classify(15_832, interconnect_gbs=400)   # the H800
        'not controlled'
        >>> JANUARY_2026.classify(15_832, 19.45, memory_bandwidth_gbs=4_800)   # the H200
        '3A090.a, case-by-case'
        """
        if math.isnan(tpp_value):
            return UNDETERMINED_TPP
        given = dict(zip(METRICS, (tpp_value, density_value, interconnect_gbs,
                                   memory_bandwidth_gbs)))
        unknown = [s for s in self.metrics if math.isnan(given[s])]
        if not unknown:
            return self.labels[self._code({s: 0.0 if math.isnan(v) else v
                                           for s, v in given.items()})]
        # Between consecutive thresholds the class is constant, so probing 0 and every
        # threshold of each unknown metric visits every value it could take.
        probes = [[0.0, *self.thresholds_of(symbol)] for symbol in unknown]
        codes = set()
        for combination in itertools.product(*probes):
            values = {s: 0.0 if math.isnan(v) else v for s, v in given.items()}
            values.update(zip(unknown, combination))
            codes.add(self._code(values))
        if len(codes) == 1:
            return self.labels[codes.pop()]
        return f"undetermined ({' and '.join(MISSING_INPUT[s] for s in unknown)} unknown)"

    def thresholds_of(self, symbol: sp.Symbol) -> list[float]:
        """The values of one metric at which some class boundary lies, sorted."""
        values = {bound for control in self.classes for box in control.boxes
                  for bound in box.bounds().get(symbol, UNBOUNDED) if bound is not None}
        return sorted(values)

    def thresholds(self) -> tuple[list[float], list[float]]:
        """The TPP and density values at which some class boundary lies, each sorted."""
        return self.thresholds_of(tpp), self.thresholds_of(density)

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

        Raises
        ------
        ValueError
            If the version tests a metric other than TPP and density, so the plane alone
            cannot show its classes.

        Examples
        --------
        >>> cells = OCTOBER_2023.regions((500, 100_000), (0.5, 100))
        >>> sorted({cell["label"] for cell in cells})
        ['3A090.a', '3A090.b', 'not controlled']
        """
        beyond_plane = set(self.metrics) - {tpp, density}
        if beyond_plane:
            raise ValueError(f"the {self.name} rule also tests "
                             f"{sorted(MISSING_INPUT[s] for s in beyond_plane)}; "
                             "its classes cannot be drawn in the TPP x density plane")
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

OCTOBER_2022 = RuleVersion(
    name="October 2022",
    effective="2022-10-21",
    classes=(
        ControlClass(
            label="3A090",
            boxes=(Box(tpp=(4800, None), interconnect=(600, None)),),
            meaning="licence required for China: TPP of 4,800 or more and a bidirectional "
            "chip-to-chip transfer rate of 600 GB/s or more",
            treatment="licence required",
        ),
    ),
    uncontrolled_label="not controlled",
    citation="bis2022rule",
)

_LICENCE_BOXES = (Box(tpp=(4800, None)), Box(tpp=(1600, None), density=(5.92, None)))

OCTOBER_2023 = RuleVersion(
    name="October 2023",
    effective="2023-11-17",
    classes=(
        ControlClass(
            label="3A090.a",
            boxes=_LICENCE_BOXES,
            meaning="licence required for China, Macau and arms-embargoed destinations",
            treatment="licence required",
        ),
        ControlClass(
            label="3A090.b",
            boxes=(
                Box(tpp=(2400, 4800), density=(1.6, 5.92)),
                Box(tpp=(1600, None), density=(3.2, 5.92)),
            ),
            meaning="'grey zone': data-centre parts need a licence or a notification (NAC)",
            treatment="grey zone: licence or notification",
        ),
    ),
    uncontrolled_label="not controlled",
    citation="fr2023advcomputing",
)

#: The January 2026 ceiling of case-by-case review: TPP and DRAM bandwidth (GB/s).
CASE_BY_CASE_TPP_LIMIT = 21_000
CASE_BY_CASE_BANDWIDTH_LIMIT = 6_500

JANUARY_2026 = RuleVersion(
    name="January 2026",
    effective="2026-01-15",
    classes=(
        ControlClass(
            label="3A090.a, presumption of denial",
            boxes=(
                Box(tpp=(CASE_BY_CASE_TPP_LIMIT, None)),
                *(Box(tpp=box.tpp, density=box.density,
                      memory_bandwidth=(CASE_BY_CASE_BANDWIDTH_LIMIT, None))
                  for box in _LICENCE_BOXES),
            ),
            meaning="licence applications for China and Macau still reviewed under a "
            "presumption of denial (TPP of 21,000 or more, or DRAM bandwidth of 6,500 GB/s "
            "or more)",
            treatment="licence: presumption of denial",
        ),
        ControlClass(
            label="3A090.a, case-by-case",
            boxes=_LICENCE_BOXES,
            meaning="licence applications for China and Macau reviewed case by case, on the "
            "rule's supply, security, testing and 50% volume conditions",
            treatment="licence: case-by-case review",
        ),
        *OCTOBER_2023.classes[1:],
    ),
    uncontrolled_label="not controlled",
    citation="bis2026h200rule",
)

#: Every rule version, oldest first.
RULE_VERSIONS = (OCTOBER_2022, OCTOBER_2023, JANUARY_2026)


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
    result["eccn_class"] = [
        rule.classify(t, d, interconnect_gbs=io, memory_bandwidth_gbs=bw)
        for t, d, io, bw in zip(result["tpp"], result["density"],
                                chips["interconnect_gbs"].astype(float),
                                chips["memory_bandwidth_gbs"].astype(float))
    ]
    return result


def classify_under_every_version(chips):
    """One row per chip and rule version: the chip's class and what it means for China.

    Parameters
    ----------
    chips : pandas.DataFrame
        As returned by :func:`chipcontrols.data.load_chips`.

    Returns
    -------
    pandas.DataFrame
        Columns ``chip_id``, ``chip``, ``vendor``, ``tpp``, ``rule`` (version name),
        ``effective`` (ISO date), ``eccn_class`` and ``treatment`` (one of
        :data:`TREATMENTS`), versions oldest first.

    Examples
    --------
    >>> from chipcontrols.data import load_chips
    >>> table = classify_under_every_version(load_chips())
    >>> table.query("chip_id == 'nvidia-h800-sxm5'")[["rule", "eccn_class"]].to_dict("records")
    ... # doctest: +NORMALIZE_WHITESPACE
    [{'rule': 'October 2022', 'eccn_class': 'not controlled'},
     {'rule': 'October 2023', 'eccn_class': '3A090.a'},
     {'rule': 'January 2026', 'eccn_class': '3A090.a, case-by-case'}]
    """
    import pandas as pd

    frames = []
    for rule in RULE_VERSIONS:
        classified = classify_chips(chips, rule)
        frame = classified[["chip_id", "chip", "vendor", "tpp", "eccn_class"]].copy()
        frame.insert(3, "rule", rule.name)
        frame.insert(4, "effective", rule.effective)
        frame["treatment"] = [rule.treatment_of(label) for label in frame["eccn_class"]]
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)
