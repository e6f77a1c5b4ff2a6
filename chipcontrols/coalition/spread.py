"""The critical spread of normal thresholds: where the cascade's response touches the diagonal.

With thresholds ``N(μ, σ²)`` the response ``F(x) = Φ((x − μ)/σ)`` has, for small ``σ``, a low
stable equilibrium that stops small first defections.  As ``σ`` grows it rises to meet the
unstable one; they merge where ``F`` is tangent to the 45° line, ``F(x) = x`` and
``F'(x) = 1`` (sympy's :data:`~chipcontrols.coalition.cascade.TANGENCY_LEVEL` and
:data:`~chipcontrols.coalition.cascade.TANGENCY_SLOPE`), solved here by bisection on the reduced equation.
Above that critical spread any seed unravels the coalition (Granovetter 1978).
"""

from __future__ import annotations

import math
from functools import lru_cache

import sympy as sp

from chipcontrols.coalition.cascade import (
    PARAMETERS,
    TANGENCY_LEVEL,
    TANGENCY_SLOPE,
    seller_share,
    threshold_mean,
    threshold_spread,
)
from chipcontrols.core.parameters import strict_keywords

#: Above this spread the response's slope never reaches 1 (its peak slope is 1/(σ√(2π))).
LARGEST_TANGENT_SPREAD = 1 / math.sqrt(2 * math.pi)


@lru_cache(maxsize=1)
def _lower_tangency():
    """The tangency reduced to one equation in σ: sympy solves F'(x) = 1 for x (two roots,
    μ ± σ√(−2 ln(σ√(2π)))), takes the lower one and puts it into F(x) = x."""
    roots = sp.solve(TANGENCY_SLOPE, seller_share)
    lower = min(roots, key=lambda r: float(r.subs({threshold_mean: 0.3, threshold_spread: 0.1})))
    gap = (TANGENCY_LEVEL.lhs - TANGENCY_LEVEL.rhs).subs(seller_share, lower)
    return lower, gap


@lru_cache(maxsize=1)
def _gap_function():
    """The reduced tangency condition as a numpy function of (μ, σ) (sympy's ``lambdify``)."""
    _, gap = _lower_tangency()
    return sp.lambdify((threshold_mean, threshold_spread), gap, modules="numpy")


#: Bisection steps: enough to pin σ_c to the last bit of a double.
_BISECTION_STEPS = 200


@lru_cache(maxsize=256)
def _critical_spread(mean: float) -> tuple[float, float]:
    lower, _ = _lower_tangency()
    gap = _gap_function()
    low, high = 1e-3, LARGEST_TANGENT_SPREAD * (1 - 1e-9)
    at_low, at_high = float(gap(mean, low)), float(gap(mean, high))
    if at_low * at_high > 0:
        return float("nan"), float("nan")  # no tangency below the mean: no tipping point
    for _ in range(_BISECTION_STEPS):  # the gap changes sign once on (low, high)
        middle = (low + high) / 2
        if float(gap(mean, middle)) * at_low > 0:
            low = middle
        else:
            high = middle
    sigma = (low + high) / 2
    return sigma, float(lower.subs({threshold_mean: mean, threshold_spread: sigma}))


@strict_keywords
def critical_spread(threshold_mean: float = PARAMETERS["threshold_mean"].default) -> float:
    """σ_c: the spread of normal thresholds above which any seed unravels the coalition.

    At σ_c the response Φ((x − μ)/σ) touches the 45° line from above at a point below μ
    (``F(x) = x`` and ``F'(x) = 1``): sympy reduces them to one equation in σ, solved by bisection.  Below σ_c a low stable
    equilibrium protects the coalition from small seeds; above it that equilibrium is gone.

    Returns ``nan`` for means of about one half and above, where no such tangency exists (the
    low equilibrium then rises smoothly with σ instead of vanishing).

    Examples
    --------
    >>> round(critical_spread(0.3), 3)
    0.157
    """
    mean = PARAMETERS["threshold_mean"].check(threshold_mean)
    return _critical_spread(round(mean, 12))[0]


@strict_keywords
def tangency_share(threshold_mean: float = PARAMETERS["threshold_mean"].default) -> float:
    """The share x at which the response touches the 45° line at the critical spread."""
    mean = PARAMETERS["threshold_mean"].check(threshold_mean)
    return _critical_spread(round(mean, 12))[1]


def critical_spread_table(step: float = 0.01):
    """σ_c over the declared range of the mean, for the website's readout (a small table).

    Returns
    -------
    list of dict
        ``{"threshold_mean": μ, "critical_spread": σ_c}`` every ``step`` from the smallest
        declared mean, for each mean that has a critical spread.
    """
    declared = PARAMETERS["threshold_mean"]
    count = int(round((declared.maximum - declared.minimum) / step))
    means = [round(declared.minimum + i * step, 10) for i in range(count + 1)]
    table = [{"threshold_mean": m, "critical_spread": critical_spread(m)} for m in means]
    return [row for row in table if not math.isnan(row["critical_spread"])]
