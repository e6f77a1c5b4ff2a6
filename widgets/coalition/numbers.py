"""Chapter 3's glued numbers: every figure its text cites and every formula it typesets.

The chapter's setup cell is ``glue_numbers()``.  Its own figures are named by the model: the
prose's as ``coalition_`` and their part (``coalition_data_`` from the holders' filings,
``coalition_hunt_`` from the stag hunt, ``coalition_casc_`` from the cascade,
``coalition_hold_`` from the named holders), ``coalition_param_`` (the declared parameters of
both layers), ``coalition_ex_`` (what the exercises give) and ``coalition_eq_`` (formulas);
besides those, the book-wide ``record_``, ``period_`` and ``book_``.  The worked solutions'
``coalition_sol_`` are glued apart (:func:`widgets.core.teaching.glue_solutions`).
"""

from __future__ import annotations

import sympy as sp

from chipcontrols import CHAPTER_MODELS, coalition
from chipcontrols.coalition import prose
from chipcontrols.core import figures
from widgets.core.glossary import key_terms_markdown
from widgets.core.glue import glue_groups
from widgets.core.text import equation

__all__ = ["CHAPTER", "GROUPS", "equations", "glue_numbers"]

#: The chapter this module glues for.
CHAPTER = CHAPTER_MODELS.index("coalition") + 1


def equations() -> dict[str, object]:
    """The formulas the chapter's text shows with ``glue:math``, typeset from the model."""
    staghunt, cascade = coalition.staghunt, coalition.cascade
    return {
        "q_star": equation(r"q^{*}", staghunt.BELIEF_THRESHOLD, staghunt.LATEX_NAMES),
        "q_star_weakest": equation(
            r"q^{*}\big|_{\beta = 0}",
            staghunt.BELIEF_THRESHOLD.subs(staghunt.retained_share, 0),
            staghunt.LATEX_NAMES,
        ),
        "step": equation(
            r"x_{t+1}",
            cascade.NORMAL_STEP.subs(cascade.seller_share, sp.Symbol("x_t")),
            cascade.LATEX_NAMES,
        ),
        "tip": equation(
            r"x_{\mathrm{tip}}",
            cascade.UNIFORM_TIPPING_POINT.subs(cascade.league_coverage, 0),
            cascade.LATEX_NAMES,
        ),
        "linear": equation(r"x^{*}", cascade.LINEAR_FIXED_POINT, cascade.LATEX_NAMES),
    }


def _parameter_figures() -> dict[str, float]:
    """The declared parameters of the stag hunt and of the cascade, which share no name."""
    staghunt = figures.parameter_figures(coalition.staghunt.PARAMETERS)
    cascade = figures.parameter_figures(coalition.cascade.PARAMETERS)
    shared = sorted(set(staghunt) & set(cascade))
    if shared:
        raise ValueError(f"the stag hunt and the cascade both declare {shared}")
    return {**staghunt, **cascade}


#: Every group of figures the chapter glues: glue prefix → the function that computes them.
GROUPS = {
    "record": figures.record_figures,
    "period": figures.record_period,
    "book": lambda: {"key_terms": key_terms_markdown(CHAPTER)},
    "coalition": prose.prose_figures,
    "coalition_param": _parameter_figures,
    "coalition_ex": prose.exercise_figures,
    "coalition_eq": equations,
}


def glue_numbers(*prefixes: str) -> None:
    """Glue the chapter's figures: every group of :data:`GROUPS`, or only those named."""
    glue_groups(GROUPS, *prefixes)
