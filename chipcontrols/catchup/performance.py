"""The catch-up clock, performance side: when would Huawei's best chip match Nvidia's?

Let ``G`` be the performance of Nvidia's best chip over Huawei's best.  If the two improve at
constant exponential rates ``g_N`` and ``g_H`` per year, the ratio moves as

    G(t) = G₀·e^((g_N − g_H)t),

and it reaches 1 (Huawei level with Nvidia) at ``t* = ln G₀/(g_H − g_N)``, a positive time
only when Huawei's chips improve faster.  "Overtaken in two or three years" from a gap of
``G₀`` therefore needs an advantage of ``g_H − g_N = ln G₀/T`` with T between 2 and 3.

Times are years from December 2025, the date of the seed report, so the claim resolves
between December 2027 and December 2028.  Defaults: CFR's ~5× gap, Epoch AI's long-run
hardware trend for Nvidia, and Huawei's stated cadence of doubling compute every year.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import sympy as sp

from chipcontrols.core import record
from chipcontrols.core.closed_forms import register
from chipcontrols.core.derivations import Derivations
from chipcontrols.core.parameters import Parameter, ParameterSet, require_number, strict_keywords

#: Sympy's solutions, derived once per environment (see :mod:`chipcontrols.core.derivations`).
derive = Derivations(__name__)

_GAP = record.figure("cfr_best_chip_gap_2025")
_TREND = record.figure("ml_hardware_performance_growth_percent")
_CADENCE = record.figure("huawei_ascend_generation_compute_multiple")
#: The seed report's date, from which the claim's "two or three years" is counted.
CLAIM_YEAR = 2025 + 11 / 12  # December 2025, as a decimal year
#: "Two or three years": the band the claim allows.
CLAIM_BAND_YEARS = (2.0, 3.0)

PARAMETERS = ParameterSet(
    Parameter(
        "performance_gap",
        "Nvidia's best chip over Huawei's best, 2025",
        "×",
        _GAP.value,
        1.0,
        20.0,
        0.1,
        f"About {_GAP.value:g}× ({_GAP.citation}, advocacy for controls); the multiple "
        "depends on the metric.",
        latex=r"G_0",
    ),
    Parameter(
        "nvidia_performance_growth",
        "Growth of Nvidia's best chip",
        "log rate per year",
        round(math.log(1 + _TREND.value / 100), 4),
        0.0,
        1.5,
        0.01,
        f"ln(1 + {_TREND.value / 100:g}), rounded to four decimals: Epoch AI's long-run "
        "trend of ML hardware, "
        f"{_TREND.value:g}% a year ({_TREND.citation}); Nvidia's recent flagships have "
        "moved faster.",
        latex=r"g_N",
        per_year="growth",
    ),
    Parameter(
        "huawei_performance_growth",
        "Growth of Huawei's best chip",
        "log rate per year",
        round(math.log(_CADENCE.value), 4),
        -0.5,
        1.5,
        0.01,
        f"ln {_CADENCE.value:g}, rounded to four decimals: Huawei's stated cadence of a new Ascend chip a year with "
        f"compute doubled ({_CADENCE.citation}); a roadmap, not a record.",
        latex=r"g_H",
        per_year="growth",
    ),
    Parameter(
        "claim_years",
        "Years in which the lead is overtaken",
        "years",
        sum(CLAIM_BAND_YEARS) / 2,
        0.5,
        10.0,
        0.5,
        'Chen\'s "two or three years"; the midpoint by default.',
        latex=r"T_{\mathrm{claim}}",
    ),
    Parameter(
        "clock_years",
        "Years from December 2025",
        "years",
        2.5,
        0.0,
        10.0,
        0.5,
        "The time axis of the performance clock.",
        latex="t",
    ),
)
LATEX_NAMES = PARAMETERS.latex_names
gap, nvidia_growth, huawei_growth, claim_years, clock_years = (
    PARAMETERS.symbol(n)
    for n in (
        "performance_gap",
        "nvidia_performance_growth",
        "huawei_performance_growth",
        "claim_years",
        "clock_years",
    )
)

RATIO_PATH = gap * sp.exp((nvidia_growth - huawei_growth) * clock_years)
#: t* solves G(t) = 1.
CROSSOVER = derive(
    "CROSSOVER",
    lambda: sp.solve(sp.Eq(sp.log(RATIO_PATH), 0), clock_years)[0],
)
#: The growth advantage g_H − g_N that puts the crossover at T years.
REQUIRED_ADVANTAGE = derive(
    "REQUIRED_ADVANTAGE",
    lambda: sp.solve(
        sp.Eq(CROSSOVER.subs(huawei_growth, nvidia_growth + sp.Symbol("delta")), claim_years),
        sp.Symbol("delta"),
    )[0],
)
#: The gap at the end of the claim's window, had both grown as assumed.
GAP_AT_CLAIM = RATIO_PATH.subs(clock_years, claim_years)

FORMS = {
    "ratio": register("catch-up performance: Nvidia/Huawei ratio G(t)", RATIO_PATH, PARAMETERS),
    "crossover": register("catch-up performance: crossover t*", CROSSOVER, PARAMETERS),
    "required_advantage": register(
        "catch-up performance: growth advantage the claim needs", REQUIRED_ADVANTAGE, PARAMETERS
    ),
    "gap_at_claim": register(
        "catch-up performance: gap at the claim's horizon", GAP_AT_CLAIM, PARAMETERS
    ),
}
_NUMPY = {key: form.numpy() for key, form in FORMS.items()}
CLOCK_INPUTS = PARAMETERS.subset(
    "performance_gap", "nvidia_performance_growth", "huawei_performance_growth"
)


@dataclass(frozen=True)
class Clock:
    """The performance clock for one set of growth rates.

    Attributes
    ----------
    advantage : float
        g_H − g_N, per year.
    crossover_years : float
        t*, years from December 2025; ``inf`` when Huawei's chips do not improve faster.
    """

    advantage: float
    crossover_years: float

    @property
    def crossover_year(self) -> float:
        """t* as a calendar year (decimal), ``inf`` when there is no crossover."""
        return CLAIM_YEAR + self.crossover_years

    @property
    def within_claim(self) -> bool:
        """Whether the crossover falls in the claim's "two or three years"."""
        low, high = CLAIM_BAND_YEARS
        return low <= self.crossover_years <= high


def clock(**values: float) -> Clock:
    """The crossover of the performance clock; unspecified parameters take their defaults.

    Examples
    --------
    >>> round(clock(nvidia_performance_growth=0.3, huawei_performance_growth=0.5).crossover_years, 2)
    8.05
    >>> clock(nvidia_performance_growth=0.5, huawei_performance_growth=0.5).crossover_years
    inf
    """
    checked = CLOCK_INPUTS.check(values)
    advantage = checked["huawei_performance_growth"] - checked["nvidia_performance_growth"]
    if advantage > 0 and checked["performance_gap"] > 1:
        crossover = float(_NUMPY["crossover"](**checked))
    elif checked["performance_gap"] == 1:
        crossover = 0.0
    else:
        crossover = math.inf
    return Clock(advantage, crossover)


@strict_keywords
def required_advantage(
    claim_years: float = PARAMETERS["claim_years"].default,
    performance_gap: float = PARAMETERS["performance_gap"].default,
) -> float:
    """The growth advantage g_H − g_N (per year) that closes the gap in ``claim_years``.

    Examples
    --------
    >>> round(required_advantage(2.5, 5.0), 3)
    0.644
    """
    checked = PARAMETERS.check({"claim_years": claim_years, "performance_gap": performance_gap})
    return float(
        _NUMPY["required_advantage"](**{k: checked[k] for k in ("claim_years", "performance_gap")})
    )


def ratio_path(years_grid, **values: float) -> np.ndarray:
    """G(t), Nvidia's best over Huawei's best, at each year of ``years_grid``."""
    grid = PARAMETERS["clock_years"].check_array(years_grid)
    checked = CLOCK_INPUTS.check(values)
    return np.asarray(
        np.broadcast_to(_NUMPY["ratio"](**checked, clock_years=grid), grid.shape), dtype=float
    )


@strict_keywords
def growth_between(first: float, last: float, years: float) -> float:
    """The constant exponential growth rate (per year) that takes ``first`` to ``last``.

    Examples
    --------
    >>> round(growth_between(5.0, 17.0, 2.0), 3)        # CFR's 5× to 17× in two years
    0.612
    """
    start, end, span = (
        require_number(name, value, minimum=0.0, minimum_included=False)
        for name, value in (("first", first), ("last", last), ("years", years))
    )
    return math.log(end / start) / span
