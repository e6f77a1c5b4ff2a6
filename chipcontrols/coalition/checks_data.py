"""Chapter 3's checks on the holders' file and on a student's own q* function.

Re-exported by :mod:`chipcontrols.coalition.checks`, where the chapter imports them; the same
rules hold: answers come from the data and the model, hints diagnose without a direction or a
formula, and every mistake becomes a hint (:func:`~chipcontrols.core.checking.exercise_check`).
"""

from __future__ import annotations

import numpy as np

from chipcontrols import coalition
from chipcontrols.coalition import staghunt
from chipcontrols.core.checking import (
    CheckResult,
    close_enough,
    exercise_check,
    unanswered,
)
from chipcontrols.core.parameters import require_number, strict_keywords
from chipcontrols.core.student_functions import (
    call_student_function,
    require_function,
    sample_points,
    shown_point,
)
from chipcontrols.reference.allied_revenue import china_share

__all__ = [
    "FUNCTION_SAMPLES",
    "REVENUE_TOLERANCE",
    "TEL_FY2025_QUARTERS",
    "check_holder_data",
    "check_q_star_function",
    "holder_data_answers",
]

#: Relative tolerance on revenue figures from the data task.
REVENUE_TOLERANCE = 0.02


#: The Tokyo Electron quarters whose mean the data exercise asks for (its fiscal 2025).
TEL_FY2025_QUARTERS = ("FY2025Q1", "FY2025Q2", "FY2025Q3", "FY2025Q4")


def holder_data_answers() -> dict[str, float]:
    """The data exercise's three answers, from the holders' file (also used by the solutions).

    Examples
    --------
    >>> sorted(holder_data_answers())
    ['amat_fy2025_total_usd_bn', 'asml_2023_gap_points', 'tel_fy2025_mean_percent']
    """
    from chipcontrols.coalition.exercises import exercise_figures

    figures = exercise_figures()
    return {
        "asml_2023_gap_points": china_share(
            "ASML", "2023", "calendar_year", "trendforce2024asmlq4"
        )
        - china_share("ASML", "2023", "calendar_year", "asml2024form20f"),
        "tel_fy2025_mean_percent": float(
            np.mean([china_share("Tokyo Electron", q, "quarter") for q in TEL_FY2025_QUARTERS])
        ),
        "amat_fy2025_total_usd_bn": figures["amat_fy2025_china_usd_million"]
        / 1e3
        / (figures["amat_fy2025_share_10k"] / 100),
    }


@exercise_check
@strict_keywords
def check_holder_data(
    asml_2023_gap_points: float,
    tel_fy2025_mean_percent: float,
    amat_fy2025_total_usd_bn: float,
) -> CheckResult:
    """Check the data task: ASML's 2023 gap between bases, Tokyo Electron's FY2025 mean share
    and Applied Materials' FY2025 revenue.

    Examples
    --------
    >>> check_holder_data(..., ..., ...)
    Not yet: fill in asml_2023_gap_points, tel_fy2025_mean_percent and amat_fy2025_total_usd_bn: replace each ... with your answer, then run the cell again.
    """
    blank = unanswered(
        asml_2023_gap_points=asml_2023_gap_points,
        tel_fy2025_mean_percent=tel_fy2025_mean_percent,
        amat_fy2025_total_usd_bn=amat_fy2025_total_usd_bn,
    )
    if blank is not None:
        return blank
    answers = holder_data_answers()
    gap = require_number("asml_2023_gap_points", asml_2023_gap_points, minimum=-100, maximum=100)
    tel = require_number(
        "tel_fy2025_mean_percent", tel_fy2025_mean_percent, minimum=0, maximum=100
    )
    revenue = require_number(
        "amat_fy2025_total_usd_bn",
        amat_fy2025_total_usd_bn,
        minimum=0,
        minimum_included=False,
        unit="billion USD",
    )
    problems = []
    expected_gap = answers["asml_2023_gap_points"]
    if close_enough(gap, -expected_gap, absolute=0.05) and not close_enough(
        gap, expected_gap, absolute=0.05
    ):
        problems.append(
            "the ASML gap has the bases the other way round: subtract the total-net-sales "
            "share from the system-sales share"
        )
    elif not close_enough(gap, expected_gap, absolute=0.05):
        problems.append(
            "the ASML gap is not the difference of the two 2023 rows whose basis is "
            "'net system sales' and 'total net sales'"
        )
    if close_enough(tel, answers["tel_fy2025_mean_percent"] / 100, absolute=0.001):
        problems.append("Tokyo Electron's mean share is asked in percent, not as a fraction")
    elif not close_enough(tel, answers["tel_fy2025_mean_percent"], absolute=0.05):
        problems.append(
            "Tokyo Electron's mean is not the plain mean of its four fiscal-2025 quarters "
            "(FY2025Q1 to FY2025Q4 in the period column)"
        )
    expected_revenue = answers["amat_fy2025_total_usd_bn"]
    if close_enough(revenue, 1e3 * expected_revenue, relative=REVENUE_TOLERANCE):
        problems.append(
            "Applied Materials' total is in million dollars; the question asks billions"
        )
    elif not close_enough(revenue, expected_revenue, relative=REVENUE_TOLERANCE):
        problems.append(
            "Applied Materials' total does not match its China revenue and China's share of "
            "it: which one is a part of the other?"
        )
    if problems:
        return CheckResult(False, "; ".join(problems) + ".")
    return CheckResult(
        True,
        f"ASML 2023: system sales {expected_gap:.1f} points above total net sales; Tokyo "
        f"Electron FY2025 about {answers['tel_fy2025_mean_percent']:.1f}%; Applied Materials "
        f"FY2025 revenue about ${expected_revenue:.1f} bn.",
    )


#: How many parameter sets :func:`check_q_star_function` tries.
FUNCTION_SAMPLES = 50


@exercise_check
def check_q_star_function(q_star, seed: int = 2025_12_08) -> CheckResult:
    """Check a student's ``q_star(restraint_cost, security_value, retained_share)``.

    Compared with the model on :data:`FUNCTION_SAMPLES` points drawn inside the declared
    ranges (``seed`` chooses them, so an autograder tests inputs the chapter never shows).

    Examples
    --------
    >>> check_q_star_function(lambda restraint_cost, security_value, retained_share:
    ...                       restraint_cost / security_value)
    Not yet: at restraint_cost=0.234, security_value=0.324, retained_share=0.295 your function gives 0.723, which is not q*. Does it account for the share ζ of the benefit that survives a partner's defection (Layer A)?
    """
    blank = unanswered(q_star=q_star)
    if blank is not None:
        return blank
    names = ("restraint_cost", "security_value", "retained_share")
    require_function(q_star, "q_star", "q_star", names)
    declared = [staghunt.PARAMETERS[name] for name in names]
    for point in sample_points(declared, seed, FUNCTION_SAMPLES):
        expected = coalition.belief_threshold(**point)
        given, hint = call_student_function(q_star, "q_star", point)
        if hint is not None:
            return hint
        if not close_enough(given, expected, absolute=1e-6 * max(1.0, abs(expected))):
            return CheckResult(
                False,
                f"at {shown_point(point)} your function gives {given:.3g}, which is not "
                "q*. Does it account for the share ζ of the benefit that survives a "
                "partner's defection (Layer A)?",
            )
    return CheckResult(
        True,
        f"your q_star matches the model on {FUNCTION_SAMPLES} points across the declared ranges.",
    )
