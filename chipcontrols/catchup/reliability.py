"""The catch-up clock, reliability side: what failures cost a training cluster.

A synchronous training job stops when any chip fails, so a cluster of N chips, each failing
at rate kλ per million hours, fails every ``M = 10⁶/(N·k·λ)`` hours on average.  The job saves a
checkpoint every τ hours at a cost of T_s hours each time and, after a failure, loses on
average half an interval of work.  The share of time wasted is about ``T_s/τ + τ/(2M)``,
smallest at Young's interval ``τ* = √(2·T_s·M)``, where it equals ``√(2·T_s/M)`` (Young
1974).  Because M falls as 1/N, the waste grows like √N: big clusters of failure-prone chips
pay most.

The first-order rule holds while T_s ≪ M.  With failures as a Poisson process, the expected
wall time to finish an interval τ plus its checkpoint is ``M(e^((τ+T_s)/M) − 1)``; the waste
at Young's interval is then ``1 − τ*/(M(e^((τ*+T_s)/M) − 1))``, which stays below 1 where
the first-order formula would pass it.

Calibration: Meta's Llama 3 run, 419 unexpected interruptions in 54 days on 16,384 H100s
(about one every three hours); with one-minute checkpoints the H100 cluster wastes about
10%, consistent with Meta's "more than 90%" effective training time.  The Ascend failure
multiple k has no published value; it is a contested slider.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import sympy as sp

from chipcontrols.core import record
from chipcontrols.core.closed_forms import register
from chipcontrols.core.derivations import Derivations
from chipcontrols.core.parameters import Parameter, ParameterSet, require_number, strict_keywords

#: Sympy's solutions, derived once per environment (see :mod:`chipcontrols.core.derivations`).
derive = Derivations(__name__)

_INTERRUPTIONS = record.figure("llama3_unexpected_interruptions")
_DAYS = record.value("llama3_snapshot_days")
_GPUS = record.value("llama3_cluster_gpus")
#: Interruptions per GPU-hour in the Llama 3 run (all causes, not only GPUs).
LLAMA3_FAILURE_RATE = _INTERRUPTIONS.value / (_DAYS * 24 * _GPUS)
#: Interruptions per GPU-hour in the Llama 3 run (all causes, not only GPUs).
MINUTES_PER_HOUR = 60
#: The failure rate is declared per million chip-hours, so the slider reads in whole numbers.
PER_MILLION = 1e6

PARAMETERS = ParameterSet(
    Parameter(
        "gpu_failure_rate",
        "Interruptions per million H100-hours",
        "per million GPU-hours",
        round(LLAMA3_FAILURE_RATE * PER_MILLION, 2),
        2.0,
        200.0,
        0.1,
        f"{_INTERRUPTIONS.value:g} unexpected interruptions in {_DAYS:g} days on "
        f"{_GPUS:,.0f} H100s ({_INTERRUPTIONS.citation}); every cause counted; rounded to "
        "two decimals.",
        latex=r"\lambda_f",
    ),
    Parameter(
        "ascend_failure_multiple",
        "Ascend failures per H100 failure",
        "×",
        3.0,
        1.0,
        10.0,
        0.1,
        "Contested assumption: no failure rate for Ascend clusters is published; "
        "DeepSeek's failed R2 run and the models trained fully on Ascend pull in "
        "opposite directions (data/reliability_evidence.csv).",
        latex=r"\phi",
    ),
    Parameter(
        "cluster_size",
        "Chips in one training job",
        "chips",
        _GPUS,
        256.0,
        131_072.0,
        256.0,
        f"Default: the Llama 3 run's {_GPUS:,.0f} H100s. Huawei's Atlas 950 "
        "SuperPoD has 8,192 chips.",
        latex="N",
    ),
    Parameter(
        "checkpoint_minutes",
        "Time to save one checkpoint",
        "minutes",
        1.0,
        0.1,
        15.0,
        0.1,
        "Chosen so that the H100 baseline reproduces Llama 3's ~90% effective training "
        "time (research memo).",
        latex=r"T_s",
    ),
)
LATEX_NAMES = PARAMETERS.latex_names
failure_rate, multiple, cluster, checkpoint = (
    PARAMETERS.symbol(n)
    for n in ("gpu_failure_rate", "ascend_failure_multiple", "cluster_size", "checkpoint_minutes")
)

#: Display symbols: the mean time between failures M, the checkpoint interval τ and the time
#: to save a checkpoint S, all in hours.
MTBF, INTERVAL, SAVE_HOURS = sp.symbols("M tau S", positive=True)
_SAVE_HOURS = checkpoint / MINUTES_PER_HOUR
#: Share of time wasted with interval τ: checkpoints plus half an interval lost per failure.
WASTE_OF_INTERVAL = SAVE_HOURS / INTERVAL + INTERVAL / (2 * MTBF)
#: Young's interval minimises it.
YOUNG_INTERVAL_IN_M = derive(
    "YOUNG_INTERVAL_IN_M",
    lambda: [s for s in sp.solve(sp.diff(WASTE_OF_INTERVAL, INTERVAL), INTERVAL) if s.is_positive][
        0
    ],
)
WASTE_IN_M = derive(
    "WASTE_IN_M",
    lambda: sp.simplify(WASTE_OF_INTERVAL.subs(INTERVAL, YOUNG_INTERVAL_IN_M)),
)
#: The exact expected waste at Young's interval when failures arrive as a Poisson process.
EXPONENTIAL_WASTE_IN_M = 1 - YOUNG_INTERVAL_IN_M / (
    MTBF * (sp.exp((YOUNG_INTERVAL_IN_M + SAVE_HOURS) / MTBF) - 1)
)
#: The cluster's mean time between failures (hours), for chips failing k times as often.
CLUSTER_MTBF = sp.Integer(10) ** 6 / (cluster * multiple * failure_rate)


def _for_cluster(expression: sp.Basic) -> sp.Basic:
    return expression.subs({MTBF: CLUSTER_MTBF, SAVE_HOURS: _SAVE_HOURS})


#: Each quantity for the Ascend cluster (multiple k) and the H100 cluster (k = 1).
ASCEND = {
    "mtbf": CLUSTER_MTBF,
    "interval": _for_cluster(YOUNG_INTERVAL_IN_M),
    "waste": _for_cluster(WASTE_IN_M),
    "exact_waste": _for_cluster(EXPONENTIAL_WASTE_IN_M),
}
H100 = {key: value.subs(multiple, 1) for key, value in ASCEND.items()}

FORMS = {
    **{
        f"ascend_{key}": register(
            f"catch-up reliability: {key}, Ascend cluster",
            form,
            PARAMETERS,
            log_scale=("gpu_failure_rate", "cluster_size"),
        )
        for key, form in ASCEND.items()
    },
    **{
        f"h100_{key}": register(
            f"catch-up reliability: {key}, H100 cluster",
            form,
            PARAMETERS,
            log_scale=("gpu_failure_rate", "cluster_size"),
        )
        for key, form in H100.items()
    },
}
_NUMPY = {key: form.numpy() for key, form in FORMS.items()}


@dataclass(frozen=True)
class ClusterReliability:
    """One cluster's failures and the time they cost.

    Attributes
    ----------
    mtbf_hours : float
        Mean time between failures of the whole job (hours).
    interval_hours : float
        Young's checkpoint interval (hours).
    waste : float
        Share of time wasted, first-order (Young); may exceed 1 where the rule breaks down.
    exact_waste : float
        Share of time wasted at Young's interval with Poisson failures (always below 1).
    """

    mtbf_hours: float
    interval_hours: float
    waste: float
    exact_waste: float

    @property
    def effective_time(self) -> float:
        """Share of time spent on useful training (1 − exact waste)."""
        return 1 - self.exact_waste


def _check_chip(chip: object) -> None:
    if chip not in ("ascend", "h100"):
        raise ValueError(f"chip = {chip!r} is not one of the valid chips: ['ascend', 'h100']")


def cluster_reliability(chip: str = "ascend", **values: float) -> ClusterReliability:
    """Failures and waste for an ``"ascend"`` (multiple k) or ``"h100"`` (k = 1) cluster.

    Examples
    --------
    >>> h100 = cluster_reliability("h100")
    >>> round(h100.mtbf_hours, 2), round(h100.waste, 3), round(h100.exact_waste, 3)
    (3.09, 0.104, 0.1)
    >>> round(cluster_reliability("ascend").waste, 3)           # k = 3
    0.18
    """
    _check_chip(chip)
    checked = PARAMETERS.check(values)
    return ClusterReliability(
        *(
            float(_NUMPY[f"{chip}_{key}"](**checked))
            for key in ("mtbf", "interval", "waste", "exact_waste")
        )
    )


def waste_by_size(sizes, chip: str = "ascend", exact: bool = False, **values: float) -> np.ndarray:
    """The wasted share of time for each cluster size in ``sizes`` (chips).

    ``exact`` chooses the Poisson-failure waste at Young's interval over the first-order one.
    """
    _check_chip(chip)
    grid = PARAMETERS["cluster_size"].check_array(sizes)
    checked = {**PARAMETERS.check(values), "cluster_size": grid}
    form = _NUMPY[f"{chip}_{'exact_waste' if exact else 'waste'}"]
    return np.asarray(np.broadcast_to(form(**checked), grid.shape), dtype=float)


def chips_to_match(h100_chips: float, h100e_per_chip: float, **values: float) -> float:
    """Ascend chips whose useful compute equals that of ``h100_chips`` H100s.

    Each Ascend chip counts ``h100e_per_chip`` H100-equivalents and, like the H100 cluster,
    loses the exact waste at Young's interval; the count solves
    ``N·h·(1 − w_A(N)) = N_H·(1 − w_H(N_H))`` by bisection (useful compute rises with N).

    Raises
    ------
    ValueError
        If no cluster inside the declared range of ``cluster_size`` matches.
    """
    declared = PARAMETERS["cluster_size"]
    target_chips = declared.check(h100_chips)
    h = require_number(
        "h100e_per_chip",
        h100e_per_chip,
        minimum=0.0,
        minimum_included=False,
        maximum=10.0,
        unit="H100e",
    )
    target = (
        target_chips
        * cluster_reliability("h100", **{**values, "cluster_size": target_chips}).effective_time
    )

    def useful(size: float) -> float:
        return (
            size
            * h
            * cluster_reliability("ascend", **{**values, "cluster_size": size}).effective_time
        )

    low, high = declared.minimum, declared.maximum
    if useful(high) < target:
        raise ValueError(
            f"even {high:,.0f} Ascend chips do not match {target_chips:,.0f} H100s "
            f"at h = {h:g}; the range of cluster_size is "
            f"{declared.describe_range()}"
        )
    for _ in range(100):
        middle = (low + high) / 2
        low, high = (middle, high) if useful(middle) < target else (low, middle)
    return (low + high) / 2


@strict_keywords
def young_check(checkpoint_hours: float, mtbf_hours: float) -> tuple[float, float]:
    """Brute-force minimum of the first-order waste over intervals: (best τ, its waste).

    An independent check of Young's rule: a dense grid of intervals, no calculus.
    """
    checkpoint_hours, mtbf_hours = (
        require_number(name, value, minimum=0.0, minimum_included=False, unit="hours")
        for name, value in (("checkpoint_hours", checkpoint_hours), ("mtbf_hours", mtbf_hours))
    )
    taus = np.geomspace(checkpoint_hours / 100, mtbf_hours * 10, 200_001)
    waste = checkpoint_hours / taus + taus / (2 * mtbf_hours)
    best = int(np.argmin(waste))
    return float(taus[best]), float(waste[best])


@strict_keywords
def failure_rate_per_chip_hour(interruptions: float, days: float, chips: float) -> float:
    """Interruptions per chip per hour: interruptions / (days × 24 × chips).

    Examples
    --------
    >>> round(failure_rate_per_chip_hour(419, 54, 16384) * 1e5, 3)
    1.973
    """
    count = require_number("interruptions", interruptions, minimum=0.0)
    span, size = (
        require_number(name, value, minimum=0.0, minimum_included=False)
        for name, value in (("days", days), ("chips", chips))
    )
    return count / (span * 24 * size)
