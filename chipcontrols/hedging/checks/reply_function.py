"""Check for assignment 5, question 1: the best reply as a function.

A student's ``s_star(...)`` is tried on parameter sets drawn in the declared ranges.
"""

from __future__ import annotations

import numpy as np

from chipcontrols import hedging
from chipcontrols.core.checking import CheckResult, exercise_check, is_unanswered, unanswered
from chipcontrols.core.parameters import require_number
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
    Not yet: at value_scale=1.3, us_advantage=1.5, domestic_value=0.62, cutoff_probability=0.065, cutoff_loss=2.9 your s_star gives 3.74, not the interior best reply. Where is Beijing's payoff highest? Keep every parameter in your answer (section "Beijing's side").
    """
    blank = unanswered(s_star=s_star)
    if blank is not None:
        return blank
    if not callable(s_star):
        raise ValueError(
            f"s_star = {s_star!r} is not a function: define "
            f"def s_star({', '.join(_REPLY_ARGUMENTS)}): ..."
        )
    generator = np.random.default_rng(seed)
    declared = [hedging.PARAMETERS[name] for name in _REPLY_ARGUMENTS]
    for _ in range(FUNCTION_SAMPLES):
        point = {p.name: float(generator.uniform(p.minimum, p.maximum)) for p in declared}
        expected = hedging.best_reply(**point).interior
        shown = ", ".join(f"{k}={v:.2g}" for k, v in point.items())
        try:
            returned = s_star(**point)
        except Exception as error:  # noqa: BLE001 - the student's function, reported as a hint
            return CheckResult(
                False,
                f"your s_star raised {type(error).__name__} ({error}) at {shown}. It must "
                "accept the five keyword arguments and return a number for any values in "
                "the declared ranges.",
            )
        if is_unanswered(returned):
            return CheckResult(False, "fill in s_star: its body still returns ...")
        given = require_number("s_star(...)", returned)
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
