"""Chapter 4's glued numbers: every figure its text cites and every formula it typesets.

The chapter's setup cell is ``glue_numbers()``.  Its own figures are named by the model:
``catchup_param_`` (the declared parameters of every part of the clock), ``catchup_prose_``
(derived figures the prose cites), ``catchup_market_`` (``data/domestic_market.csv``),
``catchup_mandate_`` and ``catchup_roadmap_`` (the mandates and the roadmaps),
``catchup_ex_`` (what the exercises give) and ``catchup_eq_`` (formulas); besides those, the
book-wide ``record_``, ``period_``, ``chip_`` and ``book_``.  The worked solutions'
``catchup_sol_`` are glued apart (:func:`widgets.core.teaching.glue_solutions`).
"""

from __future__ import annotations

from chipcontrols import CHAPTER_MODELS, catchup
from chipcontrols.catchup import prose
from chipcontrols.core import figures
from widgets.core.glossary import key_terms_markdown
from widgets.core.glue import glue_groups
from widgets.core.text import equation

__all__ = ["CHAPTER", "GROUPS", "equations", "glue_numbers"]

#: The chapter this module glues for.
CHAPTER = CHAPTER_MODELS.index("catchup") + 1


def _parameter_figures() -> dict[str, float]:
    """The declared parameters of every part of the clock (a parameter two parts share once)."""
    parameters: dict[str, float] = {}
    for declared in prose.parameter_sets():
        parameters.update(figures.parameter_figures(declared))
    return parameters


def equations() -> dict[str, object]:
    """The formulas the chapter's text shows with ``glue:math``, typeset from the model."""
    yields, learning, cost = catchup.yields, catchup.learning, catchup.cost
    performance, reliability, market = catchup.performance, catchup.reliability, catchup.market
    reliability_names = {
        **reliability.LATEX_NAMES,
        reliability.SAVE_HOURS: r"T_s",
        reliability.MTBF: "M",
    }
    return {
        "gross_dies": equation(r"g", yields.GROSS_DIES, yields.LATEX_NAMES),
        "defects_per_die": equation("m", yields.DEFECTS_PER_DIE, yields.LATEX_NAMES),
        "cost_at_yield": equation(r"c_{\mathrm{die}}", yields.COST_AT_YIELD, yields.LATEX_NAMES),
        "poisson_inverse": equation(
            r"D_0", yields.DEFECTS_FROM_YIELD["Poisson"], yields.LATEX_NAMES
        ),
        "exponent": equation("d", learning.EXPONENT["Poisson"], learning.LATEX_NAMES),
        "projected": equation(r"Y(M)", learning.PROJECTED_YIELD["Poisson"], learning.LATEX_NAMES),
        "wright_b": equation("b", cost.LEARNING_EXPONENT, cost.LATEX_NAMES),
        "crossover": equation(r"t_c", cost.CROSSOVER_IN_B, cost.LATEX_NAMES),
        "gamma_min": equation(r"\gamma_{\min}", cost.GAMMA_MIN_IN_B, cost.LATEX_NAMES),
        "sensitivity": equation(
            r"\frac{\partial t_c}{\partial \gamma}", cost.SENSITIVITY_IN_B, cost.LATEX_NAMES
        ),
        "mandate": equation(r"\gamma_{\mathrm{mandate}}", cost.MANDATE_GROWTH, cost.LATEX_NAMES),
        "performance_crossover": equation(
            r"t^{*}", performance.CROSSOVER, performance.LATEX_NAMES
        ),
        "required": equation(
            r"g_H - g_N", performance.REQUIRED_ADVANTAGE, performance.LATEX_NAMES
        ),
        "waste": equation(r"w^{*}", reliability.WASTE_IN_M, reliability_names),
        "waste_of_interval": equation(
            r"w(\tau)", reliability.WASTE_OF_INTERVAL, reliability_names
        ),
        "young": equation(r"\tau^{*}", reliability.YOUNG_INTERVAL_IN_M, reliability_names),
        "cluster_mtbf": equation("M", reliability.CLUSTER_MTBF, reliability.LATEX_NAMES),
        "ratio_path": equation(r"G(t)", performance.RATIO_PATH, performance.LATEX_NAMES),
        "poisson": equation(
            r"Y_{\mathrm{Poisson}}", yields.YIELD_MODELS_OF_M["Poisson"], yields.LATEX_NAMES
        ),
        "murphy": equation(
            r"Y_{\mathrm{Murphy}}", yields.YIELD_MODELS_OF_M["Murphy"], yields.LATEX_NAMES
        ),
        "negative_binomial": equation(
            r"Y_{\mathrm{NB}}", yields.YIELD_MODELS_OF_M["negative binomial"], yields.LATEX_NAMES
        ),
        "nb_inverse": equation(
            r"D_0", yields.DEFECTS_FROM_YIELD["negative binomial"], yields.LATEX_NAMES
        ),
        "compute_share": equation(
            r"s_{\mathrm{compute}}", market.COMPUTE_SHARE, market.LATEX_NAMES
        ),
    }


#: Every group of figures the chapter glues: glue prefix → the function that computes them.
GROUPS = {
    "record": figures.record_figures,
    "period": figures.record_period,
    "chip": figures.chip_figures,
    "book": lambda: {"key_terms": key_terms_markdown(CHAPTER)},
    "catchup_param": _parameter_figures,
    "catchup_prose": prose.prose_figures,
    "catchup_market": prose.market_figures,
    "catchup_mandate": prose.mandate_figures,
    "catchup_roadmap": prose.roadmap_figures,
    "catchup_ex": prose.exercise_figures,
    "catchup_eq": equations,
}


def glue_numbers(*prefixes: str) -> None:
    """Glue the chapter's figures: every group of :data:`GROUPS`, or only those named."""
    glue_groups(GROUPS, *prefixes)
