"""Checks for the chapter-3 exercises: belief thresholds, tipping points, seeds and the data.

The expected answers come from the coalition model (:mod:`chipcontrols.coalition`) and the
holders' data (``data/allied_china_revenue.csv``); none is stored here.  A "Not yet" gives a
hint and the student's own number, never the expected one.  Hints diagnose: they name a
specific mistake (a percent for a share, 1 − q*, the text's scenario for the exercise's) or
point to the section that explains the concept; they never say on which side the answer lies
and never state the formula, so a wrong answer above and one below get the same text.  Every
check is wrapped by :func:`~chipcontrols.core.checking.exercise_check`, so a wrong type or label
gets a hint, not a traceback.
"""

from __future__ import annotations

from functools import partial

import numpy as np

from chipcontrols import coalition
from chipcontrols.coalition import cascade
from chipcontrols.core.checking import (
    CheckResult,
    choose,
    close_enough,
    exercise_check,
    unanswered,
)
from chipcontrols.core.parameters import require_number, strict_keywords

__all__ = [
    "ANSWER_TOLERANCE",
    "FUNCTION_SAMPLES",
    "OUTCOME_RULE",
    "holder_data_answers",
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


@exercise_check
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
        ζ and S of the stag hunt (defaults: a pure weakest link, S = one year's revenue).

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
            "is the pure weakest-link answer: it leaves out the share ζ of the benefit that "
            "survives when the partner sells (Layer A, 'The belief threshold in three lines')."
        )
    elif security_value != 1 and _near(given, china_share):
        hint = (
            "is the China share itself: here the security value S is not one year's revenue, "
            "so the cost must be measured against S."
        )
    else:
        hint = (
            "is not the belief at which the holder is indifferent. Which payoff does the "
            "holder compare with which, and at what belief are they equal? (Layer A, 'The "
            "belief threshold in three lines'.)"
        )
    return CheckResult(False, f"your q* = {given:g} {hint}")


@exercise_check
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
            "with these thresholds there is no interior tipping point (the response's middle "
            "part is not steeper than the diagonal, or the crossing lies outside 0 to 1); "
            "check the mean and half-width you were given.",
        )
    if _near(given, expected):
        return CheckResult(
            True,
            f"x_tip = {expected:.3f}: first defections above it unravel the "
            "coalition, smaller ones stay put.",
        )
    if _near(given, threshold_mean):
        hint = "is the mean threshold, not the point where the response meets the diagonal."
    elif _near(given, threshold_mean - threshold_half_width):
        hint = "is the lowest threshold, where the response starts to rise, not where it meets the diagonal."
    else:
        hint = (
            "is not where the straight middle part of the uniform response meets the "
            "diagonal. Write the share who would sell at x, set it equal to x and solve "
            "('Uniform thresholds' shows the steps)."
        )
    return CheckResult(False, f"your x_tip = {given:g} {hint}")


@exercise_check
@strict_keywords
def check_tipping_seed(seed: float, threshold_mean: float, threshold_spread: float) -> CheckResult:
    """Check the smallest seed that unravels a coalition with normal thresholds N(μ, σ²).

    Examples
    --------
    >>> check_tipping_seed(0.1, threshold_mean=0.3, threshold_spread=0.12)
    Not yet: a first defection of 0.1 is not the smallest seed that unravels everyone. Run coalition.cascade_outcome at a few seeds and read each outcome, or find where the response crosses the diagonal below the mean.
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
            f"about {expected:.3f}: below it the cascade stops where the response "
            "first falls under the diagonal; above it nothing stops it.",
        )
    if _near(given, threshold_mean):
        return CheckResult(
            False, f"{given:g} is the mean threshold, not a seed found from the cascade."
        )
    return CheckResult(
        False,
        f"a first defection of {given:g} is not the smallest seed that unravels everyone. "
        "Run coalition.cascade_outcome at a few seeds and read each outcome, or find where "
        "the response crosses the diagonal below the mean.",
    )


#: What each outcome label means, as the hints and the assignment state it.
OUTCOME_RULE = (
    "'holds' if the path never rises above the seed, 'unravels' if it reaches at least "
    f"{cascade.UNRAVELLED_FRACTION:.0%} of the holders a league rule leaves free, "
    "'partial cascade' in between"
)


@exercise_check
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
        f"not '{name}'. Compare the share of holders whose threshold lies at or below the "
        "seed with the seed itself, then follow the path round by round "
        f"(coalition.cascade_path). The labels: {OUTCOME_RULE}.",
    )


@exercise_check
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
    Right: the share selling settles at 20% (holds): the league rule takes the bound share out of the response, so the seed recruits no one.
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
            ": the league rule takes the bound share out of the response, so the seed "
            "recruits no one"
            if league_coverage > 0 and result.outcome == coalition.HOLDS
            else ""
        )
        return CheckResult(
            True, f"the share selling settles at {result.final_share:.0%} ({result.outcome}){why}."
        )
    if _near(given, 100 * result.final_share, absolute=0.5):
        return CheckResult(
            False, f"your final share {given:g} is a percent; give a share of 0 to 1."
        )
    return CheckResult(
        False,
        f"your final share {given:g} is not where the path settles. Follow it round by "
        "round until it stops moving (coalition.cascade_path): the seed never recants, and "
        "a league rule takes the share it binds out of the response.",
    )


@exercise_check
@strict_keywords
def check_critical_spread(sigma: float, threshold_mean: float) -> CheckResult:
    """Check the critical spread of normal thresholds at mean μ (found by trial or by solving).

    Examples
    --------
    >>> check_critical_spread(0.12, threshold_mean=0.3)
    Not yet: σ_th = 0.12 is not the critical spread at μ = 0.3. There the response just touches the diagonal below the mean: two conditions hold at the same point ('Normal thresholds and Granovetter's flip'); coalition.critical_spread computes it.
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
    default_mean = cascade.PARAMETERS["threshold_mean"].default
    if threshold_mean != default_mean and _near(
        given, coalition.critical_spread(default_mean), absolute=SEED_TOLERANCE / 2.5
    ):
        return CheckResult(
            False,
            f"σ_th = {given:g} is the critical spread at the text's mean, not at this "
            f"exercise's μ = {threshold_mean:g}.",
        )
    return CheckResult(
        False,
        f"σ_th = {given:g} is not the critical spread at μ = {threshold_mean:g}. There the "
        "response just touches the diagonal below the mean: two conditions hold at the "
        "same point ('Normal thresholds and Granovetter's flip'); coalition.critical_spread "
        "computes it.",
    )


@exercise_check
@strict_keywords
def check_unravelling_seed(first_movers, bound=()) -> CheckResult:
    """Check the lightest set of first movers that brings every other named holder along.

    Examples
    --------
    >>> check_unravelling_seed(["US chipmakers"])
    Not yet: US chipmakers is not the lightest set of first movers that brings every other free holder along. Run coalition.named_cascade(coalition.holders(), seed=[...], bound=[...]) to see who follows a set, and compare the China-revenue weights of the sets that bring everyone along.
    """
    blank = unanswered(first_movers=first_movers)
    if blank is not None:
        return blank
    if isinstance(first_movers, str):
        first_movers = [first_movers]
    if isinstance(bound, str):
        bound = [bound]
    names = [choose("first_movers", name, coalition.HOLDER_GROUPS) for name in first_movers]
    bound_names = [choose("bound", name, coalition.HOLDER_GROUPS) for name in bound]
    named = coalition.holders()
    expected = coalition.smallest_unravelling_seed(named, bound=tuple(bound_names))
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
    return CheckResult(
        False,
        f"{' and '.join(names)} is not the lightest set of first movers that brings every "
        "other free holder along. Run coalition.named_cascade(coalition.holders(), "
        "seed=[...], bound=[...]) to see who follows a set, and compare the China-revenue "
        "weights of the sets that bring everyone along.",
    )


def _declared(name: str):
    """A declared cascade parameter (for the variants and the assignment)."""
    return cascade.PARAMETERS[name]


# The data and function checks live in their own module; re-exported for the chapter.
from chipcontrols.coalition.checks_data import (  # noqa: E402
    FUNCTION_SAMPLES,
    check_holder_data,
    check_q_star_function,
    holder_data_answers,
)
