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
from chipcontrols.catchup import exercises, prose, table_figures
from chipcontrols.core import figures
from widgets.core.glossary import key_terms_markdown
from widgets.core.glue import glue_groups
from widgets.core.notation import notation_markdown
from widgets.core.text import textbook

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
    """The formulas the chapter's text shows with ``glue:math``, each in textbook form.

    Every right-hand side is written by hand (named symbols, ``\\ln``, natural term order) and
    :func:`widgets.core.text.textbook` keeps the model's expression beside it, which
    ``tests/book/test_textbook_forms.py`` proves equal.
    """
    yields, learning, cost = catchup.yields, catchup.learning, catchup.cost
    performance, reliability, market = catchup.performance, catchup.reliability, catchup.market
    y_names = yields.LATEX_NAMES
    m = {yields.DEFECTS_SYMBOL: "m", yields.defects: "D_0", yields.clustering: r"\alpha"}
    l_names = {**learning.LATEX_NAMES, learning.THETA: r"\theta"}
    c_names = {**cost.LATEX_NAMES, cost.B: "b"}
    r_names = {
        reliability.SAVE_HOURS: "T_s",
        reliability.MTBF: r"\mathrm{MTBF}",
        reliability.INTERVAL: r"\tau_c",
    }
    ratio = r"c_{H0}/c_{N0}"
    return {
        "area_ratio": textbook(
            r"\frac{\text{wafer area}}{\text{die area}}",
            r"\frac{\pi d^{2}}{4A}",
            yields.AREA_RATIO,
            y_names,
        ),
        "edge_loss": textbook(
            r"\text{partial dies at the rim}",
            r"\frac{\pi d}{\sqrt{2A}}",
            yields.EDGE_LOSS,
            y_names,
        ),
        "gross_dies": textbook(
            "g", r"\frac{\pi d^{2}}{4A} - \frac{\pi d}{\sqrt{2A}}", yields.GROSS_DIES, y_names
        ),
        "defects_per_die": textbook("m", r"\frac{A D_0}{100}", yields.DEFECTS_PER_DIE, y_names),
        "cost_at_yield": textbook(
            r"c_{\mathrm{die}}",
            r"\frac{c_w}{g Y}",
            yields.COST_AT_YIELD_IN_G,
            {**y_names, yields.GROSS_DIES_SYMBOL: "g"},
        ),
        "poisson_inverse": textbook(
            "D_0",
            r"-\frac{100 \ln Y}{A}",
            yields.DEFECTS_FROM_YIELD["Poisson"],
            y_names,
        ),
        "nb_inverse": textbook(
            "D_0",
            r"\frac{100 \alpha}{A} \cdot (Y^{-1/\alpha} - 1)",
            yields.DEFECTS_FROM_YIELD["negative binomial"],
            y_names,
        ),
        "poisson": textbook(
            r"Y_{\mathrm{Poisson}}", "e^{-m}", yields.YIELD_MODELS_OF_M["Poisson"], m
        ),
        "murphy": textbook(
            r"Y_{\mathrm{Murphy}}",
            r"(\frac{1 - e^{-m}}{m})^{2}",
            yields.YIELD_MODELS_OF_M["Murphy"],
            m,
        ),
        "negative_binomial": textbook(
            r"Y_{\mathrm{NB}}",
            r"(1 + \frac{m}{\alpha})^{-\alpha}",
            yields.YIELD_MODELS_OF_M["negative binomial"],
            m,
        ),
        "exponent": textbook(
            r"\theta",
            r"\frac{\ln(\frac{\ln Y_1}{\ln Y_2})}{\ln k_1}",
            learning.EXPONENT["Poisson"],
            l_names,
        ),
        "projected": textbook(
            r"Y(k_2)",
            r"e^{k_2^{-\theta} \ln Y_2}",
            learning.PROJECTED_YIELD_IN_THETA,
            l_names,
        ),
        "wright_b": textbook(
            "b", r"-\frac{\ln(1 - \mathrm{LR})}{\ln 2}", cost.LEARNING_EXPONENT, c_names
        ),
        "crossover": textbook(
            "t_c", rf"\frac{{\ln({ratio})}}{{b \gamma - r_N}}", cost.CROSSOVER_IN_B, c_names
        ),
        "gamma_min": textbook(r"\gamma_{\min}", r"\frac{r_N}{b}", cost.GAMMA_MIN_IN_B, c_names),
        "sensitivity": textbook(
            r"\frac{\partial t_c}{\partial \gamma}",
            rf"-\frac{{b \ln({ratio})}}{{(b \gamma - r_N)^{{2}}}}",
            cost.SENSITIVITY_IN_B,
            c_names,
        ),
        "mandate": textbook(
            r"\gamma_{\mathrm{mandate}}",
            r"g_m + \frac{\ln(\frac{s_1}{s_0})}{T_{\mathrm{mandate}}}",
            cost.MANDATE_GROWTH,
            c_names,
        ),
        "ratio_path": textbook(
            "G(t)", r"G_0 e^{(g_N - g_H) t}", performance.RATIO_PATH, performance.LATEX_NAMES
        ),
        "performance_crossover": textbook(
            r"t^{*}", r"\frac{\ln G_0}{g_H - g_N}", performance.CROSSOVER, performance.LATEX_NAMES
        ),
        "required": textbook(
            "g_H - g_N",
            r"\frac{\ln G_0}{T_{\mathrm{claim}}}",
            performance.REQUIRED_ADVANTAGE,
            performance.LATEX_NAMES,
        ),
        "cluster_mtbf": textbook(
            r"\mathrm{MTBF}",
            r"\frac{10^{6}}{N \phi \lambda_f}",
            reliability.CLUSTER_MTBF,
            reliability.LATEX_NAMES,
        ),
        "waste_of_interval": textbook(
            r"\eta(\tau_c)",
            r"\frac{T_s}{\tau_c} + \frac{\tau_c}{2 \mathrm{MTBF}}",
            reliability.WASTE_OF_INTERVAL,
            r_names,
        ),
        "young": textbook(
            r"\tau_c^{*}", r"\sqrt{2 T_s \mathrm{MTBF}}", reliability.YOUNG_INTERVAL_IN_M, r_names
        ),
        "waste": textbook(
            r"\eta^{*}", r"\sqrt{\frac{2 T_s}{\mathrm{MTBF}}}", reliability.WASTE_IN_M, r_names
        ),
        "compute_share": textbook(
            r"s_{\mathrm{compute}}",
            r"\frac{s_0 h_d}{s_0 h_d + (1 - s_0) h_f}",
            market.COMPUTE_SHARE,
            market.LATEX_NAMES,
        ),
    }


#: Every group of figures the chapter glues: glue prefix → the function that computes them.
GROUPS = {
    "record": figures.record_figures,
    "period": figures.record_period,
    "chip": figures.chip_figures,
    "book": lambda: {
        "key_terms": key_terms_markdown(CHAPTER),
        "notation": notation_markdown(CHAPTER),
    },
    "catchup_param": _parameter_figures,
    "catchup_prose": prose.prose_figures,
    "catchup_market": table_figures.market_figures,
    "catchup_mandate": table_figures.mandate_figures,
    "catchup_roadmap": table_figures.roadmap_figures,
    "catchup_ex": exercises.exercise_figures,
    "catchup_eq": equations,
}


def glue_numbers(*prefixes: str) -> None:
    """Glue the chapter's figures: every group of :data:`GROUPS`, or only those named."""
    glue_groups(GROUPS, *prefixes)
