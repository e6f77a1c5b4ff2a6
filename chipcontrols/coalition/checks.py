"""Checks for the chapter-3 exercises: belief thresholds, tipping points, seeds and the data.

The expected answers come from the coalition model (:mod:`chipcontrols.coalition`) and the
holders' data (``data/allied_china_revenue.csv``); none is stored here.  A "Not yet" gives a
hint and the student's own number, never the expected one.
"""

from __future__ import annotations

from functools import partial

import numpy as np

from chipcontrols import coalition
from chipcontrols.coalition import cascade, staghunt
from chipcontrols.core.checking import (
    CheckResult,
    choose,
    close_enough,
    is_unanswered,
    unanswered,
)
from chipcontrols.core.parameters import require_number, strict_keywords
from chipcontrols.reference.allied_revenue import china_share

__all__ = [
    "ANSWER_TOLERANCE",
    "SEED_TOLERANCE",
    "check_belief_threshold",
    "check_cascade_outcome",
    "check_critical_spread",
    "check_final_share",
    "check_holder_data",
    "check_q_star_function",
    "check_tipping_point",
    "check_tipping_seed",
    "check_unravelling_seed",
]

#: Absolute tolerance on thresholds and tipping points (shares of 0–1).
ANSWER_TOLERANCE = 0.005
#: Absolute tolerance on a tipping seed or a critical spread found by trial and error.
SEED_TOLERANCE = 0.005
#: Relative tolerance on revenue figures from the data task.
REVENUE_TOLERANCE = 0.02


#: A share within :data:`ANSWER_TOLERANCE` (unless ``absolute`` says otherwise) of the model's.
_near = partial(close_enough, absolute=ANSWER_TOLERANCE)


@strict_keywords
def check_belief_threshold(
    china_share: float, q_star: float, retained_share: float = 0.0, security_value: float = 1.0
) -> CheckResult:
    """Check a belief threshold q* for a holder whose China share of revenue is ``china_share``.

    Parameters
    ----------
    china_share : float
        China's share of the holder's revenue, a fraction (0.33 for 33%): the cost of restraint.
    q_star : float
        The student's belief threshold.
    retained_share, security_value : float
        β and S of the stag hunt (defaults: a pure weakest link, S = one year's revenue).

    Examples
    --------
    >>> check_belief_threshold(0.33, q_star=0.33)
    Right: q* = 0.330: the holder restrains only if it puts at least 33% on its partner holding.
    >>> check_belief_threshold(0.33, q_star=0.67)
    Not yet: your q* = 0.67 looks like 1 - q*, the share of others selling at which the holder defects. q* is the belief that the partner restrains.
    """
    blank = unanswered(china_share=china_share, q_star=q_star)
    if blank is not None:
        return blank
    expected = coalition.belief_threshold(
        restraint_cost=china_share, retained_share=retained_share, security_value=security_value
    )
    given = require_number("q_star", q_star)
    if _near(given, expected):
        return CheckResult(
            True,
            f"q* = {expected:.3f}: the holder restrains only if it puts at "
            f"least {max(expected, 0):.0%} on its partner holding.",
        )
    if _near(given, 1 - expected):
        hint = (
            "looks like 1 - q*, the share of others selling at which the holder defects. q* "
            "is the belief that the partner restrains."
        )
    elif _near(given, 100 * expected, absolute=0.5):
        hint = "is on a percent scale; q* is a probability between 0 and 1 here."
    elif retained_share > 0 and _near(given, china_share / security_value):
        hint = (
            "is r/S, the pure weakest-link answer; with β > 0 subtract β·S from r and divide "
            "by S(1 - 2β)."
        )
    else:
        hint = "set U_C = U_X and solve for q: q* = (r - βS) / (S(1 - 2β))."
    return CheckResult(False, f"your q* = {given:g} {hint}")


@strict_keywords
def check_tipping_point(
    x_tip: float, threshold_mean: float, threshold_half_width: float
) -> CheckResult:
    """Check the tipping point of uniform thresholds on [μ − w, μ + w].

    Examples
    --------
    >>> check_tipping_point(0.1, threshold_mean=0.3, threshold_half_width=0.25)
    Right: x_tip = 0.100: first defections above it unravel the coalition, smaller ones stay put.
    """
    blank = unanswered(x_tip=x_tip)
    if blank is not None:
        return blank
    expected = coalition.uniform_tipping_point(
        threshold_mean=threshold_mean, threshold_half_width=threshold_half_width
    )
    given = require_number("x_tip", x_tip)
    if np.isnan(expected):
        return CheckResult(
            False,
            "with these thresholds there is no interior tipping point (the "
            "response's slope 1/(2w) is not above 1, or the point lies "
            "outside [0, 1]); choose w below 1/2.",
        )
    if _near(given, expected):
        return CheckResult(
            True,
            f"x_tip = {expected:.3f}: first defections above it unravel the "
            "coalition, smaller ones stay put.",
        )
    hint = (
        "solve (x - μ + w)/(2w) = x for x."
        if not _near(given, threshold_mean)
        else "the mean threshold is not the tipping point; solve (x - μ + w)/(2w) = x."
    )
    return CheckResult(
        False, f"your x_tip = {given:g} is not the fixed point of the uniform response: {hint}"
    )


@strict_keywords
def check_tipping_seed(seed: float, threshold_mean: float, threshold_spread: float) -> CheckResult:
    """Check the smallest seed that unravels a coalition with normal thresholds N(μ, σ²).

    Examples
    --------
    >>> check_tipping_seed(0.1, threshold_mean=0.3, threshold_spread=0.12)
    Not yet: a first defection of 0.1 stays put; the smallest seed that unravels everyone is larger.
    """
    blank = unanswered(seed=seed)
    if blank is not None:
        return blank
    given = require_number("seed", seed, minimum=0, maximum=1)
    expected = coalition.tipping_seed(
        threshold_mean=threshold_mean, threshold_spread=threshold_spread
    )
    if np.isnan(expected):
        return CheckResult(
            False,
            "no seed up to the largest declared one unravels this "
            "coalition; check the mean and spread you were given.",
        )
    if _near(given, expected, absolute=SEED_TOLERANCE):
        return CheckResult(
            True,
            f"about {expected:.3f}: below it the cascade stops where F(x) "
            "first falls under the 45° line; above it nothing stops it.",
        )
    side = "stays put" if given < expected else "unravels everyone, but so does a smaller one"
    detail = (
        "; the smallest seed that unravels everyone is larger."
        if given < expected
        else ". Look for the crossing of F(x) and the 45° line below the mean."
    )
    return CheckResult(False, f"a first defection of {given:g} {side}{detail}")


@strict_keywords
def check_cascade_outcome(
    outcome: str, threshold_mean: float, threshold_spread: float, seed_share: float
) -> CheckResult:
    """Check what a cascade with normal thresholds ends in: holds, partial cascade or unravels.

    Examples
    --------
    >>> check_cascade_outcome("holds", threshold_mean=0.3, threshold_spread=0.08, seed_share=0.2)
    Right: holds: the share selling settles at 20%.
    """
    blank = unanswered(outcome=outcome)
    if blank is not None:
        return blank
    name = choose("outcome", outcome, (coalition.HOLDS, coalition.PARTIAL, coalition.UNRAVELS))
    result = coalition.cascade_outcome(
        threshold_mean=threshold_mean, threshold_spread=threshold_spread, seed_share=seed_share
    )
    if name == result.outcome:
        return CheckResult(True, f"{name}: the share selling settles at {result.final_share:.0%}.")
    return CheckResult(
        False,
        f"not '{name}'. Compare F(x_0) = Φ((x_0 - μ)/σ) with the seed x_0, "
        "then follow the path round by round (cascade_path).",
    )


@strict_keywords
def check_final_share(
    final_share: float,
    threshold_mean: float,
    threshold_spread: float,
    seed_share: float,
    league_coverage: float = 0.0,
) -> CheckResult:
    """Check where a cascade with normal thresholds (and perhaps a league rule) settles.

    Examples
    --------
    >>> check_final_share(0.2, threshold_mean=0.3, threshold_spread=0.12, seed_share=0.2,
    ...                   league_coverage=0.5)
    Right: the share selling settles at 20% (holds): the league rule scales the response down by 1 - λ, so the seed recruits no one.
    """
    blank = unanswered(final_share=final_share)
    if blank is not None:
        return blank
    given = require_number("final_share", final_share, minimum=0, maximum=1)
    result = coalition.cascade_outcome(
        threshold_mean=threshold_mean,
        threshold_spread=threshold_spread,
        seed_share=seed_share,
        league_coverage=league_coverage,
    )
    if _near(given, result.final_share, absolute=0.01):
        why = (
            ": the league rule scales the response down by 1 - λ, so the seed recruits no one"
            if league_coverage > 0 and result.outcome == coalition.HOLDS
            else ""
        )
        return CheckResult(
            True, f"the share selling settles at {result.final_share:.0%} ({result.outcome}){why}."
        )
    return CheckResult(
        False,
        f"your final share {given:g} is not where the path settles. Iterate "
        "x = max(x_0, (1 - λ) Φ((x - μ)/σ)) until it stops moving "
        "(coalition.cascade_path).",
    )


@strict_keywords
def check_critical_spread(sigma: float, threshold_mean: float = 0.3) -> CheckResult:
    """Check the critical spread of normal thresholds at mean μ (found by trial or by solving).

    Examples
    --------
    >>> check_critical_spread(0.12)
    Not yet: at σ = 0.12 the response still crosses the 45° line below the mean, so small seeds stay put; widen it.
    """
    blank = unanswered(sigma=sigma)
    if blank is not None:
        return blank
    given = require_number("sigma", sigma, minimum=0, minimum_included=False)
    expected = coalition.critical_spread(threshold_mean)
    if _near(given, expected, absolute=SEED_TOLERANCE / 2.5):
        return CheckResult(
            True,
            f"σ_c = {expected:.3f}: above it even a first defection of "
            "zero unravels the coalition.",
        )
    if given < expected:
        return CheckResult(
            False,
            f"at σ = {given:g} the response still crosses the 45° line below "
            "the mean, so small seeds stay put; widen it.",
        )
    return CheckResult(
        False,
        f"at σ = {given:g} the response no longer touches the 45° line below "
        "the mean; the critical spread is smaller. Solve F(x) = x and "
        "F'(x) = 1 together.",
    )


@strict_keywords
def check_unravelling_seed(first_movers, bound=()) -> CheckResult:
    """Check the lightest set of first movers that brings every other named holder along.

    Examples
    --------
    >>> check_unravelling_seed(["US chipmakers"])
    Not yet: after US chipmakers defect, only US chipmakers end up selling; the others hold. Add the holder whose threshold the seed comes closest to.
    """
    blank = unanswered(first_movers=first_movers)
    if blank is not None:
        return blank
    if isinstance(first_movers, str):
        first_movers = [first_movers]
    names = [choose("first_movers", name, coalition.HOLDER_GROUPS) for name in first_movers]
    bound_names = [choose("bound", name, coalition.HOLDER_GROUPS) for name in bound]
    named = coalition.holders()
    expected = coalition.smallest_unravelling_seed(named, bound=tuple(bound_names))
    run = coalition.named_cascade(named, seed=tuple(names), bound=tuple(bound_names))
    if expected is None:
        return CheckResult(
            False,
            "with this league rule no set of first movers brings all the "
            "others along; say so in your answer instead.",
        )
    if set(names) == set(expected.names):
        return CheckResult(
            True,
            f"{' and '.join(expected.names)} together carry "
            f"{expected.weight:.0%} of the holders' China revenue, enough to "
            "tip the rest round by round.",
        )
    free = [h.name for h in named if h.name not in set(names) | set(bound_names)]
    if all(name in run.final for name in free):
        return CheckResult(False, "that seed unravels the rest, but a lighter one does too.")
    return CheckResult(
        False,
        f"after {' and '.join(names)} defect, only "
        f"{', '.join(run.final)} end up selling; the others hold. Add the "
        "holder whose threshold the seed comes closest to.",
    )


@strict_keywords
def check_holder_data(
    asml_2024_system_percent: float,
    asml_2024_total_percent: float,
    amat_fy2025_total_usd_bn: float,
) -> CheckResult:
    """Check the data task: ASML's two 2024 China shares and Applied Materials' FY2025 revenue.

    Examples
    --------
    >>> check_holder_data(..., ..., ...)
    Not yet: fill in asml_2024_system_percent, asml_2024_total_percent and amat_fy2025_total_usd_bn: replace each ... with your answer, then run the cell again.
    """
    blank = unanswered(
        asml_2024_system_percent=asml_2024_system_percent,
        asml_2024_total_percent=asml_2024_total_percent,
        amat_fy2025_total_usd_bn=amat_fy2025_total_usd_bn,
    )
    if blank is not None:
        return blank
    system = china_share("ASML", "2024", "calendar_year", "scmp2026asml")
    total = china_share("ASML", "2024", "calendar_year", "volknews2025forges")
    from chipcontrols.coalition.prose import exercise_figures

    figures = exercise_figures()
    revenue = (
        figures["amat_fy2025_china_usd_million"] / 1e3 / (figures["amat_fy2025_share_10k"] / 100)
    )
    problems = []
    given_system = require_number(
        "asml_2024_system_percent", asml_2024_system_percent, minimum=0, maximum=100
    )
    given_total = require_number(
        "asml_2024_total_percent", asml_2024_total_percent, minimum=0, maximum=100
    )
    if (given_system, given_total) == (total, system):
        problems.append(
            "the two ASML shares are swapped: system sales exclude service, where "
            "China weighs less"
        )
    elif given_system != system or given_total != total:
        problems.append(
            "find the 2024 ASML rows whose basis is 'net system sales' and 'total revenue'"
        )
    given_revenue = require_number(
        "amat_fy2025_total_usd_bn",
        amat_fy2025_total_usd_bn,
        minimum=0,
        minimum_included=False,
        unit="billion USD",
    )
    if not close_enough(given_revenue, revenue, relative=REVENUE_TOLERANCE):
        problems.append(
            "Applied Materials' total is its China revenue divided by China's share "
            "(mind million versus billion)"
        )
    if problems:
        return CheckResult(False, "; ".join(problems) + ".")
    return CheckResult(
        True,
        f"ASML 2024: {system:g}% of system sales, {total:g}% of total revenue; "
        f"Applied Materials FY2025 revenue about ${revenue:.1f} bn.",
    )


#: How many parameter sets :func:`check_q_star_function` tries.
FUNCTION_SAMPLES = 50


def check_q_star_function(q_star, seed: int = 2025_12_08) -> CheckResult:
    """Check a student's ``q_star(restraint_cost, security_value, retained_share)``.

    Compared with the model on :data:`FUNCTION_SAMPLES` points drawn inside the declared
    ranges (``seed`` chooses them, so an autograder tests inputs the chapter never shows).

    Examples
    --------
    >>> check_q_star_function(lambda restraint_cost, security_value, retained_share:
    ...                       restraint_cost / security_value)
    Not yet: at restraint_cost=0.234, security_value=0.324, retained_share=0.295 your function gives 0.723, which is not q*. With β > 0 part of the benefit survives a partner's defection: q* = (r - βS) / (S(1 - 2β)).
    """
    blank = unanswered(q_star=q_star)
    if blank is not None:
        return blank
    if not callable(q_star):
        raise ValueError(
            f"q_star = {q_star!r} is not a function: define "
            "def q_star(restraint_cost, security_value, retained_share): ..."
        )
    generator = np.random.default_rng(seed)
    names = ("restraint_cost", "security_value", "retained_share")
    declared = [staghunt.PARAMETERS[name] for name in names]
    for _ in range(FUNCTION_SAMPLES):
        point = {p.name: float(generator.uniform(p.minimum, p.maximum)) for p in declared}
        expected = coalition.belief_threshold(**point)
        returned = q_star(**point)
        if is_unanswered(returned):
            return CheckResult(False, "fill in q_star: its body still returns ...")
        given = require_number("q_star(...)", returned)
        if not close_enough(given, expected, absolute=1e-6 * max(1.0, abs(expected))):
            shown = ", ".join(f"{k}={v:.3g}" for k, v in point.items())
            return CheckResult(
                False,
                f"at {shown} your function gives {given:.3g}, which is not "
                "q*. With β > 0 part of the benefit survives a partner's "
                "defection: q* = (r - βS) / (S(1 - 2β)).",
            )
    return CheckResult(
        True,
        f"your q_star matches the model on {FUNCTION_SAMPLES} points across the declared ranges.",
    )


def _declared(name: str):
    """A declared cascade parameter (for the variants and the assignment)."""
    return cascade.PARAMETERS[name]
