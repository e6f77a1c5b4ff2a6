"""The chip metrics ECCN 3A090 tests: total processing performance and performance density.

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

Every metric is a declared :class:`~chipcontrols.core.parameters.Parameter`; TPP and die area are
also the sliders of the chapter's hypothetical chip.
"""

from __future__ import annotations

import math

import sympy as sp

from chipcontrols.core.closed_forms import register
from chipcontrols.core.parameters import Parameter, ParameterSet, require_number, strict_keywords

_DATA_SPAN = "The range spans every accelerator in data/chips.csv (a test checks that it does)."

TPP = Parameter(
    "tpp",
    "Hypothetical chip: TPP",
    "bit-TOPS",
    4000,
    500,
    100_000,
    50,
    "Reader's choice. " + _DATA_SPAN,
    latex=r"\mathrm{TPP}",
)
DIE_AREA = Parameter(
    "die_area",
    "Hypothetical chip: die area",
    "mm²",
    800,
    50,
    5000,
    10,
    "Reader's choice. One reticle-limited die is at most 858 mm² (26 × 33 mm); multi-die "
    "packages reach a few thousand mm².",
    latex=r"A_{\mathrm{die}}",
)
DENSITY = Parameter(
    "density",
    "Performance density",
    "TPP per mm²",
    TPP.default / DIE_AREA.default,
    TPP.minimum / DIE_AREA.maximum,
    TPP.maximum / DIE_AREA.minimum,
    0.01,
    "Derived: TPP ÷ die area over the hypothetical chip's slider ranges.",
    latex=r"\mathrm{PD}",
)
OPS = Parameter(
    "ops",
    "Dense throughput at one precision",
    "TOPS",
    989.5,
    0,
    20_000,
    0.5,
    "Datasheet figure (2 × MacTOPS). " + _DATA_SPAN,
    latex=r"\mathrm{OPS}_p",
)
BITS = Parameter(
    "bits",
    "Bit length of the operation",
    "bits",
    16,
    1,
    64,
    1,
    "ECCN 3A090 technical note: TPP weights throughput by the operation's bit length.",
    latex=r"b_p",
)
FP16_OPS = Parameter(
    "fp16_ops",
    "Dense 16-bit throughput",
    "TFLOPS",
    989.5,
    0,
    5_000,
    0.5,
    _DATA_SPAN,
    latex=r"\mathrm{OPS}_{16}",
)
INT8_OPS = Parameter(
    "int8_ops",
    "Dense 8-bit throughput",
    "TOPS",
    1979,
    0,
    10_000,
    1,
    _DATA_SPAN,
    latex=r"\mathrm{OPS}_{8}",
)
FP4_OPS = Parameter(
    "fp4_ops",
    "Dense 4-bit throughput",
    "TFLOPS",
    0,
    0,
    20_000,
    1,
    _DATA_SPAN,
    latex=r"\mathrm{OPS}_{4}",
)
INTERCONNECT = Parameter(
    "interconnect",
    "Chip-to-chip transfer rate",
    "GB/s",
    900,
    10,
    20_000,
    10,
    "Aggregate bidirectional rate, tested by the October 2022 rule. " + _DATA_SPAN,
    latex=r"\mathrm{IO}",
)
MEMORY_BANDWIDTH = Parameter(
    "memory_bandwidth",
    "Total DRAM bandwidth",
    "GB/s",
    3350,
    100,
    50_000,
    10,
    "Tested by the January 2026 license-review policy. " + _DATA_SPAN,
    latex=r"\mathrm{BW}_{\mathrm{DRAM}}",
)

#: Every declared quantity of the classifier.
PARAMETERS = ParameterSet(
    TPP, DIE_AREA, DENSITY, OPS, BITS, FP16_OPS, INT8_OPS, FP4_OPS, INTERCONNECT, MEMORY_BANDWIDTH
)
#: The parameters of the hypothetical-chip sliders, in display order.
HYPOTHETICAL_CHIP_PARAMETERS = (TPP, DIE_AREA)

tpp, die_area, density = TPP.symbol, DIE_AREA.symbol, DENSITY.symbol
ops_per_second, bit_length = OPS.symbol, BITS.symbol
fp16_ops, int8_ops, fp4_ops = FP16_OPS.symbol, INT8_OPS.symbol, FP4_OPS.symbol
interconnect, memory_bandwidth = INTERCONNECT.symbol, MEMORY_BANDWIDTH.symbol

#: The precisions whose dense throughput enters TPP, with their bit lengths.
PRECISIONS = ((FP16_OPS, 16), (INT8_OPS, 8), (FP4_OPS, 4))
#: TPP at one precision: TOPS × bit length (TOPS = 2 × MacTOPS).
TPP_AT_ONE_PRECISION = ops_per_second * bit_length
#: TPP of a chip with 16-, 8- and 4-bit figures: the largest of the three products.
TPP_OF_CHIP = sp.Max(
    *(
        TPP_AT_ONE_PRECISION.subs({ops_per_second: p.symbol, bit_length: bits})
        for p, bits in PRECISIONS
    )
)
#: Performance density as a function of TPP and die area.
DENSITY_OF_CHIP = tpp / die_area

TPP_AT_ONE_PRECISION_FORM = register(
    "3A090: TPP at one precision", TPP_AT_ONE_PRECISION, PARAMETERS
)
TPP_FORM = register("3A090: TPP of a chip", TPP_OF_CHIP, PARAMETERS)
DENSITY_FORM = register(
    "3A090: performance density", DENSITY_OF_CHIP, PARAMETERS, log_scale=("tpp", "die_area")
)

_tpp_numpy = TPP_FORM.numpy()
_density_numpy = DENSITY_FORM.numpy()


def optional_figure(name: str, value: object, unit: str) -> float | None:
    """``None`` for an unknown figure, otherwise a checked non-negative finite number."""
    if value is None:
        return None
    return require_number(name, value, minimum=0, unit=unit)


@strict_keywords
def total_processing_performance(
    fp16_tflops: float | None = None,
    int8_tops: float | None = None,
    fp4_tflops: float | None = None,
) -> float | None:
    """TPP of a chip from its dense 16-, 8- and 4-bit throughput.

    Parameters
    ----------
    fp16_tflops, int8_tops, fp4_tflops : float or None
        Dense (not sparse) throughput in tera-operations per second; ``None`` where the chip
        has no such figure.

    Returns
    -------
    float or None
        The largest of 16 × fp16, 8 × int8 and 4 × fp4 over the figures given (bit-TOPS);
        ``None`` when all three are unknown.

    Raises
    ------
    ValueError
        For a figure that is not a non-negative finite number (the message names it).

    Examples
    --------
    >>> total_processing_performance(312, 624)          # A100
    4992.0
    >>> total_processing_performance(989.5, 1979)       # H100, H200
    15832.0
    >>> total_processing_performance(-1, 624)
    Traceback (most recent call last):
    ...
    ValueError: fp16_tflops = -1 is outside the valid range [0, inf) TFLOPS
    """
    figures = {
        "fp16_ops": optional_figure("fp16_tflops", fp16_tflops, "TFLOPS"),
        "int8_ops": optional_figure("int8_tops", int8_tops, "TOPS"),
        "fp4_ops": optional_figure("fp4_tflops", fp4_tflops, "TFLOPS"),
    }
    if all(value is None for value in figures.values()):
        return None
    return float(_tpp_numpy(**{name: value or 0.0 for name, value in figures.items()}))


@strict_keywords
def performance_density(tpp_value: float, die_area_mm2: float) -> float:
    """Performance density: TPP per mm² of applicable die area.

    Raises
    ------
    ValueError
        For a TPP that is not a non-negative finite number or a die area that is not a positive
        finite number.

    Examples
    --------
    >>> round(performance_density(15_832, 814), 2)
    19.45
    >>> performance_density(15_832, 0)
    Traceback (most recent call last):
    ...
    ValueError: die_area_mm2 = 0 is outside the valid range (0, inf) mm²
    """
    checked_tpp = require_number("tpp_value", tpp_value, minimum=0, unit="bit-TOPS")
    area = require_number(
        "die_area_mm2", die_area_mm2, minimum=0, minimum_included=False, unit="mm²"
    )
    return float(_density_numpy(tpp=checked_tpp, die_area=area))


def is_known(value: object) -> bool:
    """False for ``None`` and for a float ``nan`` (how a table marks a missing figure)."""
    return value is not None and not (isinstance(value, float) and math.isnan(value))
