"""Check for assignment 5, question 1: the best reply as a function.

A student's ``s_star(...)`` is tried on parameter sets drawn in the declared ranges.
"""

from __future__ import annotations

from chipcontrols import hedging
from chipcontrols.core.checking import CheckResult, exercise_check, unanswered
from chipcontrols.core.student_functions import (
    call_student_function,
    require_function,
    sample_points,
    shown_point,
)
from chipcontrols.hedging.checks.common import _near

#: How many parameter sets :func:`check_best_reply_function` tries.
FUNCTION_SAMPLES = 30
_REPLY_ARGUMENTS = (
    "value_scale",
    "us_advantage",
    "domestic_value",
    "cutoff_probability",
    "cutoff_loss",
)


@exercise_check
def check_best_reply_function(s_star, seed: int = 2026_01_28) -> CheckResult:
    """Check a student's ``s_star(value_scale, us_advantage, domestic_value, cutoff_probability,
    cutoff_loss)`` against the interior best reply, on parameter sets drawn in the declared ranges.

    Examples
    --------
    >>> check_best_reply_function(lambda value_scale, us_advantage, domestic_value,
    ...     cutoff_probability, cutoff_loss: (us_advantage - 1) / (2 * cutoff_probability))
    Not yet: at value_scale=1.28, us_advantage=1.48, domestic_value=0.615, cutoff_probability=0.0646, cutoff_loss=2.92 your s_star gives 3.74, not the interior best reply. Where is Beijing's payoff highest? Keep every parameter in your answer (section "Beijing's side").
    """
    blank = unanswered(s_star=s_star)
    if blank is not None:
        return blank
    require_function(s_star, "s_star", "s_star", _REPLY_ARGUMENTS)
    declared = [hedging.PARAMETERS[name] for name in _REPLY_ARGUMENTS]
    for point in sample_points(declared, seed, FUNCTION_SAMPLES):
        expected = hedging.best_reply(**point).interior
        shown = shown_point(point)
        given, hint = call_student_function(
            s_star,
            "s_star",
            point,
            when_raising="it must accept the five keyword arguments and return a number for "
            "any values in the declared ranges.",
        )
        if hint is not None:
            return hint
        if not _near(given, expected):
            return CheckResult(
                False,
                f"at {shown} your s_star gives {given:.3g}, not the interior "
                "best reply. Where is Beijing's payoff highest? Keep every "
                'parameter in your answer (section "Beijing\'s side").',
            )
    return CheckResult(
        True,
        f"your s_star matches the interior best reply on {FUNCTION_SAMPLES} "
        "parameter sets across the declared ranges.",
    )
