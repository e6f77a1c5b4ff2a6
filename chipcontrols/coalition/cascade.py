"""Layer B of the coalition cascade: a Granovetter threshold cascade (chapter 3).

Holders of chokepoints are weighted by the China revenue they have at stake.  Each holder
sells once the weighted share ``x`` of holders already selling reaches its threshold; with
``F`` the distribution of thresholds (weighted), a first defection ``x_0`` (the seed) spreads
as

* ``x_{t+1} = max(x_0, (1 − λ)·F(x_t))``,

where ``λ`` is the share of the coalition bound by a *league rule* (a binding multilateral
rule, or the MATCH Act's forcing mechanism, Schelling's helmet rule): covered holders cannot
sell whatever others do.  Closed forms (sympy; rendered to LaTeX, numpy and Vega):

* uniform thresholds on ``[μ − w, μ + w]``: tipping point ``x_tip = (μ − w)/(1 − 2w)``
  (with a league rule, ``(1 − λ)(μ − w)/(1 − λ − 2w)``), unstable while the slope
  ``(1 − λ)/(2w)`` exceeds 1: seeds above it unravel the coalition, seeds below stay put;
* linear response ``F(x) = a + b·x``: fixed point ``a/(1 − b)``, stable iff ``b < 1``;
* normal thresholds ``F(x) = Φ((x − μ)/σ)``: the critical spread where ``F`` touches the 45°
  line (``F(x) = x`` and ``F'(x) = 1``), solved numerically (:mod:`chipcontrols.coalition.spread`).

The iteration itself runs here in Python; the website gets the one-step map as a registered
closed form and chains it a fixed number of times (:data:`BROWSER_STEPS`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import sympy as sp

from chipcontrols.coalition.normal import Phi
from chipcontrols.coalition.staghunt import same_as
from chipcontrols.core.closed_forms import register
from chipcontrols.core.derivations import Derivations
from chipcontrols.core.parameters import Parameter, ParameterSet, require_number, strict_keywords

#: Sympy's solutions, derived once per environment (see :mod:`chipcontrols.core.derivations`).
derive = Derivations(__name__)

PARAMETERS = ParameterSet(
    Parameter(
        "seller_share",
        "Weighted share of holders selling",
        "",
        0.2,
        0.0,
        1.0,
        0.01,
        "The cascade's state variable: China revenue of the holders selling, as a share "
        "of all holders' China revenue.",
        latex="x",
    ),
    Parameter(
        "seed_share",
        "First defection (seed)",
        "",
        0.2,
        0.0,
        0.5,
        0.01,
        "The weight of the first mover(s), e.g. the US chip decision; research memo range "
        "0–0.5, default 0.2 (models.md §5).",
        latex="x_{0}",
    ),
    Parameter(
        "threshold_mean",
        "Mean threshold",
        "",
        0.3,
        0.1,
        0.6,
        0.01,
        "The book's illustrative calibration (research memo, models.md §5), not Granovetter's: "
        "his normal example has mean 25 in a crowd of 100, i.e. 0.25 (record "
        "granovetter1978_normal_mean_threshold).",
        latex=r"\mu",
    ),
    Parameter(
        "threshold_spread",
        "Spread of thresholds (normal σ)",
        "",
        0.12,
        0.02,
        0.3,
        0.01,
        "The book's illustrative calibration (research memo, models.md §5): at its mean 0.3 a "
        "0.2 seed stays put at 0.08 and unravels everyone at 0.12.  Granovetter's own normal "
        "example flips at a spread of about 12.2 in a crowd of 100 (record "
        "granovetter1978_critical_spread).",
        latex=r"\sigma_{\mathrm{th}}",
    ),
    Parameter(
        "threshold_half_width",
        "Half-width of uniform thresholds",
        "",
        0.25,
        0.02,
        0.45,
        0.01,
        "Calibration: research memo default 0.25 (models.md §5).",
        latex="w",
    ),
    Parameter(
        "league_coverage",
        "Share bound by a league rule",
        "",
        0.0,
        0.0,
        1.0,
        0.05,
        "Policy lever: 0 with no binding rule; the MATCH Act would bind the Dutch and "
        "Japanese toolmakers (Schelling 1973; models.md §5).",
        latex=r"\ell",
    ),
    Parameter(
        "response_intercept",
        "Linear response: holders who sell regardless",
        "",
        0.05,
        0.0,
        0.5,
        0.01,
        "Illustrative (models.md §5).",
        latex="c_{0}",
    ),
    Parameter(
        "response_slope",
        "Linear response: slope",
        "",
        0.5,
        0.0,
        0.95,
        0.01,
        "Illustrative; the fixed point is stable while the slope is below 1.",
        latex="c_{1}",
    ),
)
LATEX_NAMES = PARAMETERS.latex_names
(
    seller_share,
    seed_share,
    threshold_mean,
    threshold_spread,
    threshold_half_width,
    league_coverage,
    response_intercept,
    response_slope,
) = (PARAMETERS.symbol(n) for n in PARAMETERS)

#: Share of holders whose threshold is at most x, for normal and for uniform thresholds.
NORMAL_THRESHOLDS = Phi((seller_share - threshold_mean) / threshold_spread)
UNIFORM_THRESHOLDS = sp.Min(
    1,
    sp.Max(0, (seller_share - threshold_mean + threshold_half_width) / (2 * threshold_half_width)),
)
#: The response F: the share that would sell at x, once a league rule binds a share λ.
NORMAL_RESPONSE = (1 - league_coverage) * NORMAL_THRESHOLDS
UNIFORM_RESPONSE = (1 - league_coverage) * UNIFORM_THRESHOLDS
#: One round of the cascade: the seed never recants.
NORMAL_STEP = sp.Max(seed_share, NORMAL_RESPONSE)
UNIFORM_STEP = sp.Max(seed_share, UNIFORM_RESPONSE)
#: The interior fixed point of the uniform response (its linear middle part solved for x).
_UNIFORM_MIDDLE = (
    (1 - league_coverage)
    * (seller_share - threshold_mean + threshold_half_width)
    / (2 * threshold_half_width)
)
UNIFORM_TIPPING_POINT = derive(
    "UNIFORM_TIPPING_POINT",
    lambda: same_as(
        (1 - league_coverage)
        * (threshold_mean - threshold_half_width)
        / (1 - league_coverage - 2 * threshold_half_width),
        sp.solve(sp.Eq(_UNIFORM_MIDDLE, seller_share), seller_share)[0],
    ),
)
#: The slope of the uniform response's middle part: the tipping point is unstable above 1.
UNIFORM_SLOPE = sp.diff(_UNIFORM_MIDDLE, seller_share)
#: Linear response and its fixed point.
LINEAR_RESPONSE = response_intercept + response_slope * seller_share
LINEAR_FIXED_POINT = derive(
    "LINEAR_FIXED_POINT",
    lambda: same_as(
        response_intercept / (1 - response_slope),
        sp.solve(sp.Eq(LINEAR_RESPONSE, seller_share), seller_share)[0],
    ),
)
#: Tangency of normal thresholds to the 45° line (no league rule): F(x) = x and F'(x) = 1.
TANGENCY_LEVEL = sp.Eq(NORMAL_THRESHOLDS, seller_share)
TANGENCY_SLOPE = sp.Eq(sp.diff(NORMAL_THRESHOLDS, seller_share), 1)

FORMS = {
    "normal_response": register(
        "cascade: response with normal thresholds", NORMAL_RESPONSE, PARAMETERS
    ),
    "uniform_response": register(
        "cascade: response with uniform thresholds", UNIFORM_RESPONSE, PARAMETERS
    ),
    "normal_step": register("cascade: one round with normal thresholds", NORMAL_STEP, PARAMETERS),
    "uniform_step": register(
        "cascade: one round with uniform thresholds", UNIFORM_STEP, PARAMETERS
    ),
    "uniform_tipping_point": register(
        "cascade: tipping point with uniform thresholds", UNIFORM_TIPPING_POINT, PARAMETERS
    ),
    "uniform_slope": register("cascade: slope of the uniform response", UNIFORM_SLOPE, PARAMETERS),
    "linear_fixed_point": register(
        "cascade: fixed point of a linear response", LINEAR_FIXED_POINT, PARAMETERS
    ),
}
_NUMPY = {key: form.numpy() for key, form in FORMS.items()}

#: Rounds the website chains the one-step map (and :func:`cascade_path`'s default).
BROWSER_STEPS = 60
#: The iteration in :func:`cascade_outcome` stops when a round moves x by less than this.
CONVERGENCE = 1e-12
#: At most this many rounds in :func:`cascade_outcome` (near a tangency escape is slow).
MAX_ROUNDS = 100_000
#: A coalition has unravelled when the final share reaches this fraction of what can sell.
UNRAVELLED_FRACTION = 0.95
#: What a cascade can end in, as :func:`cascade_outcome` names it.
HOLDS, PARTIAL, UNRAVELS = "holds", "partial cascade", "unravels"
DISTRIBUTIONS = ("normal", "uniform")

_STEP_INPUTS = {
    "normal": ("seed_share", "threshold_mean", "threshold_spread", "league_coverage"),
    "uniform": ("seed_share", "threshold_mean", "threshold_half_width", "league_coverage"),
}


def _inputs(distribution: str, values: dict) -> dict[str, float]:
    if distribution not in DISTRIBUTIONS:
        raise ValueError(f"distribution = {distribution!r} is not one of {list(DISTRIBUTIONS)}")
    names = _STEP_INPUTS[distribution]
    unknown = sorted(set(values) - set(names))
    if unknown:
        raise ValueError(
            f"unknown parameter(s) {unknown} for {distribution} thresholds; valid "
            f"names: {list(names)}"
        )
    return {
        name: PARAMETERS[name].check(values[name])
        if name in values
        else float(PARAMETERS[name].default)
        for name in names
    }


@strict_keywords
def response(shares, distribution: str = "normal", **values: float):
    """F(x): the weighted share of holders who would sell once a share x sells.

    Examples
    --------
    >>> round(response(0.3), 3)                             # half the thresholds lie below μ
    0.5
    >>> [round(float(v), 3) for v in response([0.0, 0.3, 0.55], "uniform")]
    [0.0, 0.5, 1.0]
    """
    checked = _inputs(distribution, values)
    x = PARAMETERS["seller_share"].check_array(shares)
    result = np.asarray(_NUMPY[f"{distribution}_response"](seller_share=x, **checked), dtype=float)
    result = np.broadcast_to(result, x.shape)
    return float(result) if result.ndim == 0 else result.copy()


@strict_keywords
def cascade_path(
    steps: int = BROWSER_STEPS, distribution: str = "normal", **values: float
) -> np.ndarray:
    """x_0, x_1, …, x_steps: the cascade round by round from the seed.

    Exactly the iteration the website chains (the registered one-round map), so the chart
    and this function agree round for round.

    Examples
    --------
    >>> path = cascade_path(5, threshold_spread=0.08)      # the book's narrow case: a 0.2 seed stays put
    >>> [round(float(x), 3) for x in path]
    [0.2, 0.2, 0.2, 0.2, 0.2, 0.2]
    """
    rounds = int(require_number("steps", steps, minimum=0, maximum=MAX_ROUNDS))
    checked = _inputs(distribution, values)
    step = _NUMPY[f"{distribution}_step"]
    path = [checked["seed_share"]]
    for _ in range(rounds):
        path.append(float(step(seller_share=path[-1], **checked)))
    return np.array(path)


@dataclass(frozen=True)
class CascadeOutcome:
    """Where a cascade ends.

    Attributes
    ----------
    final_share : float
        The weighted share selling when rounds stop changing it.
    rounds : int
        Rounds until then.
    outcome : str
        :data:`HOLDS` (no one follows the seed), :data:`PARTIAL` (some follow, most hold) or
        :data:`UNRAVELS` (the final share reaches :data:`UNRAVELLED_FRACTION` of the share not
        bound by a league rule).
    """

    final_share: float
    rounds: int
    outcome: str


@strict_keywords
def cascade_outcome(distribution: str = "normal", **values: float) -> CascadeOutcome:
    """Iterate the cascade to its end (see :func:`cascade_path`).

    Examples
    --------
    >>> [cascade_outcome(threshold_spread=s).outcome for s in (0.08, 0.12)]
    ['holds', 'unravels']
    >>> cascade_outcome(threshold_spread=0.16, seed_share=0.05).outcome
    'unravels'
    """
    checked = _inputs(distribution, values)
    step = _NUMPY[f"{distribution}_step"]
    x, rounds = checked["seed_share"], 0
    while rounds < MAX_ROUNDS:
        following = float(step(seller_share=x, **checked))
        rounds += 1
        if abs(following - x) < CONVERGENCE:
            x = following
            break
        x = following
    else:
        raise RuntimeError(f"the cascade did not settle in {MAX_ROUNDS} rounds: {checked}")
    reachable = 1 - checked["league_coverage"]
    if x >= UNRAVELLED_FRACTION * reachable and reachable > checked["seed_share"]:
        outcome = UNRAVELS
    elif x - checked["seed_share"] < 1e-9:
        outcome = HOLDS
    else:
        outcome = PARTIAL
    return CascadeOutcome(x, rounds, outcome)


@strict_keywords
def tipping_seed(distribution: str = "normal", tolerance: float = 1e-6, **values: float) -> float:
    """The smallest seed that unravels the coalition (bisection on :func:`cascade_outcome`).

    Returns ``nan`` when no seed in the declared range unravels it, and 0 when even no seed
    does (the spread is past critical: some holders sell unprompted and pull in the rest).

    Examples
    --------
    >>> round(tipping_seed("uniform", threshold_mean=0.3, threshold_half_width=0.25), 4)
    0.1
    """
    if "seed_share" in values:
        raise ValueError("tipping_seed searches over seed_share; do not give it")
    low, high = PARAMETERS["seed_share"].minimum, PARAMETERS["seed_share"].maximum

    def unravels(seed):
        return (
            cascade_outcome(
                distribution,
                seed_share=seed,
                **values,
            ).outcome
            == UNRAVELS
        )

    if unravels(low):
        return float(low)
    if not unravels(high):
        return float("nan")
    while high - low > tolerance:
        middle = (low + high) / 2
        low, high = (low, middle) if unravels(middle) else (middle, high)
    return float(high)


def uniform_tipping_point(**values: float) -> float:
    """x_tip for uniform thresholds (closed form); ``nan`` when no interior tipping point.

    The fixed point is a tipping point only while the slope ``(1 − λ)/(2w)`` exceeds 1 and it
    lies in [0, 1]; otherwise ``nan``.

    Examples
    --------
    >>> round(uniform_tipping_point(threshold_mean=0.3, threshold_half_width=0.25), 3)
    0.1
    >>> round(uniform_tipping_point(threshold_mean=0.35, threshold_half_width=0.20), 3)
    0.25
    """
    names = ("threshold_mean", "threshold_half_width", "league_coverage")
    unknown = sorted(set(values) - set(names))
    if unknown:
        raise ValueError(f"unknown parameter(s) {unknown}; valid names: {list(names)}")
    checked = {
        n: PARAMETERS[n].check(values[n]) if n in values else float(PARAMETERS[n].default)
        for n in names
    }
    slope = float(_NUMPY["uniform_slope"](**checked))
    if slope <= 1:
        return float("nan")
    point = float(_NUMPY["uniform_tipping_point"](**checked))
    return point if 0 <= point <= 1 else float("nan")


def linear_fixed_point(**values: float) -> float:
    """x* = a/(1 − b) for a linear response (stable: the slope is below 1 in its range).

    Examples
    --------
    >>> round(linear_fixed_point(response_intercept=0.05, response_slope=0.5), 3)
    0.1
    """
    names = ("response_intercept", "response_slope")
    unknown = sorted(set(values) - set(names))
    if unknown:
        raise ValueError(f"unknown parameter(s) {unknown}; valid names: {list(names)}")
    checked = {
        n: PARAMETERS[n].check(values[n]) if n in values else float(PARAMETERS[n].default)
        for n in names
    }
    return float(_NUMPY["linear_fixed_point"](**checked))


@strict_keywords
def discrete_cascade(thresholds, seed_count: int = 0) -> CascadeOutcome:
    """The same cascade counted person by person, as Granovetter's own examples are.

    ``thresholds`` gives each of N people the number already acting that he or she needs to
    see before joining; ``seed_count`` people act whatever others do.  Each round the number
    acting becomes ``max(seed_count, #{i : threshold_i <= n})``: the rule of
    :func:`cascade_outcome` with F the crowd's own distribution of thresholds (shares are
    counts divided by N), and no league rule.

    Returns
    -------
    CascadeOutcome
        ``final_share`` is the final count divided by N.

    Examples
    --------
    >>> crowd = list(range(100))                  # thresholds 0, 1, ..., 99: everyone joins
    >>> discrete_cascade(crowd).final_share
    1.0
    >>> crowd[1] = 2                              # one person's threshold raised by one
    >>> discrete_cascade(crowd).final_share       # the first person acts alone
    0.01
    """
    try:
        values = np.asarray(thresholds, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(
            f"thresholds = {thresholds!r} is not a sequence of numbers (each person's threshold, "
            "a count of people already acting, 0 or more)"
        ) from None
    if values.ndim != 1 or values.size == 0:
        raise ValueError(
            f"thresholds = {thresholds!r} must be a non-empty list of numbers, one per person"
        )
    bad = values[~np.isfinite(values) | (values < 0)]
    if bad.size:
        raise ValueError(
            f"thresholds contain {float(bad[0]):g}, outside the valid range [0, inf): a threshold is a "
            "count of people already acting"
        )
    people = int(values.size)
    seed = int(require_number("seed_count", seed_count, minimum=0, maximum=people))
    acting, rounds = seed, 0
    while True:
        following = max(seed, int(np.count_nonzero(values <= acting)))
        rounds += 1
        if following == acting:
            break
        acting = following
    share = acting / people
    if share >= UNRAVELLED_FRACTION and people > seed:
        outcome = UNRAVELS
    elif acting == seed:
        outcome = HOLDS
    else:
        outcome = PARTIAL
    return CascadeOutcome(float(share), rounds, outcome)
