"""The rule engine: a version of the 3A090 test is a list of classes, each a union of boxes.

A :class:`Box` bounds some of the chip metrics (TPP, density, interconnect, memory bandwidth).
The same boxes produce the sympy class code (and so the numpy function and the Vega
expression the website evaluates), the shaded regions of the chip map and the typeset
conditions in the text.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from enum import Enum
from functools import cached_property

import sympy as sp

from chipcontrols.core.parameters import require_number, strict_keywords
from chipcontrols.eccn3a090.metrics import (
    density,
    interconnect,
    memory_bandwidth,
    optional_figure,
    tpp,
)

#: The chip metrics a rule version may test, in the order the class-code function takes them.
METRICS = (tpp, density, interconnect, memory_bandwidth)
#: The keyword of :meth:`RuleVersion.classify` for each metric, and its unit.
METRIC_ARGUMENTS = {
    tpp: ("tpp_value", "bit-TOPS"),
    density: ("density_value", "TPP per mm²"),
    interconnect: ("interconnect_gbs", "GB/s"),
    memory_bandwidth: ("memory_bandwidth_gbs", "GB/s"),
}
#: What a reader is told is missing when a metric's input is unknown.
MISSING_INPUT = {
    tpp: "throughput",
    density: "die area",
    interconnect: "interconnect",
    memory_bandwidth: "memory bandwidth",
}

Bounds = tuple[float | None, float | None]
UNBOUNDED: Bounds = (None, None)


class Treatment(Enum):
    """What a license applicant for China faces, strongest first (charts colour by these)."""

    DENIAL = "license: presumption of denial"
    LICENSE = "license required"
    CASE_BY_CASE = "license: case-by-case review"
    GREY_ZONE = "grey zone: license or notification"
    NOT_CONTROLLED = "not controlled by 3A090"
    UNDETERMINED = "undetermined (data missing)"

    @property
    def caught(self) -> bool:
        """True for the treatments under which an exporter needs a license or a notification."""
        return self not in (Treatment.NOT_CONTROLLED, Treatment.UNDETERMINED)


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


@dataclass(frozen=True)
class ControlClass:
    """One outcome of a rule, e.g. ``3A090.a``: the union of its boxes."""

    label: str
    boxes: tuple[Box, ...]
    meaning: str
    treatment: Treatment


def undetermined_label(unknown: list[sp.Symbol]) -> str:
    """The label of a chip whose class depends on unknown metrics."""
    return f"undetermined ({' and '.join(MISSING_INPUT[s] for s in unknown)} unknown)"


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

    @strict_keywords
    def treatment_of(self, label: str) -> Treatment:
        """The :class:`Treatment` of a label this version can return."""
        if isinstance(label, str) and label.startswith("undetermined"):
            return Treatment.UNDETERMINED
        if label == self.uncontrolled_label:
            return Treatment.NOT_CONTROLLED
        for control in self.classes:
            if control.label == label:
                return control.treatment
        raise ValueError(
            f"label = {label!r} is not a class of the {self.name} rule; "
            f"valid labels: {list(self.labels)} or 'undetermined (...)'"
        )

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

    @strict_keywords
    def classify(
        self,
        tpp_value: float | None,
        density_value: float | None = None,
        *,
        interconnect_gbs: float | None = None,
        memory_bandwidth_gbs: float | None = None,
    ) -> str:
        """Return the class label of one chip.

        Parameters
        ----------
        tpp_value : float or None
            Total processing performance, bit-TOPS; ``None`` when unknown.
        density_value : float or None
            Performance density, TPP per mm²; ``None`` when the die area is unknown.
        interconnect_gbs, memory_bandwidth_gbs : float or None
            Chip-to-chip transfer rate and DRAM bandwidth, GB/s; ``None`` when unknown.

        Returns
        -------
        str
            The label.  When an input is unknown the chip is classified anyway if every value
            it could take gives the same class, and is otherwise
            ``"undetermined (<input> unknown)"``.

        Raises
        ------
        ValueError
            For a value that is not a non-negative finite number (the message names it).

        Examples
        --------
        >>> from chipcontrols.eccn3a090 import OCTOBER_2022, OCTOBER_2023, JANUARY_2026
        >>> OCTOBER_2023.classify(15_832, 19.45)
        '3A090.a'
        >>> OCTOBER_2023.classify(2_368, 2.91)
        'not controlled'
        >>> OCTOBER_2023.classify(20_919)
        '3A090.a'
        >>> OCTOBER_2022.classify(15_832, interconnect_gbs=400)   # the H800
        'not controlled'
        >>> JANUARY_2026.classify(15_832, 19.45, memory_bandwidth_gbs=4_800)   # the H200
        '3A090.a, case-by-case'
        >>> OCTOBER_2023.classify(-5, 10)
        Traceback (most recent call last):
        ...
        ValueError: tpp_value = -5 is outside the valid range [0, inf) bit-TOPS
        """
        given = {
            symbol: optional_figure(
                METRIC_ARGUMENTS[symbol][0], value, METRIC_ARGUMENTS[symbol][1]
            )
            for symbol, value in zip(
                METRICS, (tpp_value, density_value, interconnect_gbs, memory_bandwidth_gbs)
            )
        }
        unknown = [s for s in self.metrics if given[s] is None]
        known = {s: (0.0 if v is None else v) for s, v in given.items()}
        # Between consecutive thresholds the class is constant, so probing 0 and every
        # threshold of each unknown metric visits every value it could take.
        probes = [[0.0, *self.thresholds_of(symbol)] for symbol in unknown]
        codes = {
            self._code({**known, **dict(zip(unknown, combination))})
            for combination in itertools.product(*probes)
        }
        if len(codes) == 1:
            return self.labels[codes.pop()]
        return undetermined_label(unknown)

    @strict_keywords
    def thresholds_of(self, symbol: sp.Symbol) -> list[float]:
        """The values of one metric at which some class boundary lies, sorted."""
        if symbol not in METRICS:
            raise ValueError(
                f"symbol = {symbol!r} is not a chip metric; valid: {[s.name for s in METRICS]}"
            )
        values = {
            bound
            for control in self.classes
            for box in control.boxes
            for bound in box.bounds().get(symbol, UNBOUNDED)
            if bound is not None
        }
        return sorted(values)

    @strict_keywords
    def regions(
        self, tpp_range: tuple[float, float], density_range: tuple[float, float]
    ) -> list[dict]:
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
            If a range is not two positive finite numbers, low before high, or if the version
            tests a metric other than TPP and density, so the plane alone cannot show it.

        Examples
        --------
        >>> from chipcontrols.eccn3a090 import OCTOBER_2023
        >>> cells = OCTOBER_2023.regions((500, 100_000), (0.5, 100))
        >>> sorted({cell["label"] for cell in cells})
        ['3A090.a', '3A090.b', 'not controlled']
        """
        beyond_plane = set(self.metrics) - {tpp, density}
        if beyond_plane:
            raise ValueError(
                f"the {self.name} rule also tests "
                f"{sorted(MISSING_INPUT[s] for s in beyond_plane)}; "
                "its classes cannot be drawn in the TPP x density plane"
            )
        windows = {
            tpp: _window("tpp_range", tpp_range, "bit-TOPS"),
            density: _window("density_range", density_range, "TPP per mm²"),
        }

        def edges(symbol: sp.Symbol) -> list[float]:
            low, high = windows[symbol]
            return [low, *(c for c in self.thresholds_of(symbol) if low < c < high), high]

        cells = []
        tpp_edges, density_edges = edges(tpp), edges(density)
        for t_low, t_high in zip(tpp_edges, tpp_edges[1:]):
            for d_low, d_high in zip(density_edges, density_edges[1:]):
                label = self.classify((t_low * t_high) ** 0.5, (d_low * d_high) ** 0.5)
                cells.append(
                    {
                        "tpp_low": t_low,
                        "tpp_high": t_high,
                        "density_low": d_low,
                        "density_high": d_high,
                        "label": label,
                    }
                )
        return cells


def _window(name: str, window: object, unit: str) -> tuple[float, float]:
    """A (low, high) pair of positive finite numbers with low < high."""
    if isinstance(window, (str, bytes)) or not hasattr(window, "__len__") or len(window) != 2:
        raise ValueError(
            f"{name} = {window!r} is not a (low, high) pair; valid range of each "
            f"end (0, inf) {unit}"
        )
    low, high = (
        require_number(name, end, minimum=0, minimum_included=False, unit=unit) for end in window
    )
    if not low < high:
        raise ValueError(f"{name} = {tuple(window)!r}: the low end must be below the high end")
    return low, high
