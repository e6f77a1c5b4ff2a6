"""Chapter 5's glued numbers: every figure its text cites and every formula it typesets.

The chapter's setup cell is ``glue_numbers()``.  Its own figures are named by the model:
``hedging_param_`` (the declared parameters), ``hedging_prose_`` (derived figures the prose
cites), ``hedging_ex_`` (what the exercises give), ``hedging_formula_`` (formulas written out
as MyST text with the model's numbers) and ``hedging_eq_`` (formulas typeset from the model);
besides those, the book-wide ``record_`` and ``book_``.  The worked solutions' ``hedging_sol_``
are glued apart (:func:`widgets.core.teaching.glue_solutions`).
"""

from __future__ import annotations

from chipcontrols import CHAPTER_MODELS, hedging
from chipcontrols.core import figures
from chipcontrols.hedging import prose
from widgets.core.glossary import key_terms_markdown
from widgets.core.glue import glue_groups
from widgets.core.text import equation

__all__ = ["CHAPTER", "GROUPS", "equations", "glue_numbers"]

#: The chapter this module glues for.
CHAPTER = CHAPTER_MODELS.index("hedging") + 1


def equations() -> dict[str, object]:
    """The formulas the chapter's text shows with ``glue:math``, typeset from the model."""
    names = hedging.LATEX_NAMES
    return {
        "payoff": equation(r"U_C(s)", hedging.PAYOFF, names),
        "best_reply": equation(r"s^{*}", hedging.BEST_REPLY, names),
        "leverage": equation(r"L\,s^{*2}", hedging.LEVERAGE_INTERIOR, names),
        "levy_star": equation(r"\tau^{*}", hedging.REVENUE_MAXIMISING_LEVY, names),
        "exit": equation(r"t_{\mathrm{exit}}", hedging.EXIT_TIME, names),
    }


#: Every group of figures the chapter glues: glue prefix → the function that computes them.
GROUPS = {
    "record": figures.record_figures,
    "period": figures.record_period,
    "book": lambda: {"key_terms": key_terms_markdown(CHAPTER)},
    "hedging_param": lambda: figures.parameter_figures(hedging.PARAMETERS),
    "hedging_prose": prose.prose_figures,
    "hedging_ex": prose.exercise_figures,
    "hedging_formula": prose.formula_texts,
    "hedging_eq": equations,
}


def glue_numbers(*prefixes: str) -> None:
    """Glue the chapter's figures: every group of :data:`GROUPS`, or only those named."""
    glue_groups(GROUPS, *prefixes)
