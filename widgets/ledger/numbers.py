"""Chapter 1's glued numbers: every figure its text cites and every formula it typesets.

The chapter's setup cell is ``glue_numbers()``.  Its own figures are named by the model:
``ledger_param_`` (the declared parameters), ``ledger_model_`` (the ledger's figures),
``ledger_prose_`` (the record and the data as the prose cites them), ``ledger_ex_`` (what the
exercises give), ``ledger_eq_`` (formulas) and the rule engine's thresholds ``eccn3a090_``;
besides those, the book-wide ``record_``, ``period_``, ``chip_`` and ``book_``.  The worked
solutions' ``ledger_sol_`` are glued apart (:func:`widgets.core.teaching.glue_solutions`).
"""

from __future__ import annotations

import sympy as sp

from chipcontrols import CHAPTER_MODELS, ledger
from chipcontrols.core import figures
from chipcontrols.ledger import prose
from widgets.core.glossary import key_terms_markdown
from widgets.core.glue import glue_groups
from widgets.core.text import equation

__all__ = ["CHAPTER", "GROUPS", "equations", "glue_numbers"]

#: The chapter this module glues for.
CHAPTER = CHAPTER_MODELS.index("ledger") + 1


def equations() -> dict[str, object]:
    """The formulas the chapter's text shows with ``glue:math``, typeset from the model."""
    names = ledger.LATEX_NAMES
    return {
        "ratio": equation(r"\rho(Q)", ledger.RATIO, names),
        "welfare": equation(r"W(Q)", ledger.WELFARE, names),
        "gain": equation(r"A_W", ledger.US_GAIN_PER_CHIP, names),
        "sigma_star": equation(r"\sigma^{*}", ledger.BREAK_EVEN_VALUATION, names),
        "marginal_no_displacement": equation(
            r"\left.\frac{\partial \rho}{\partial Q}\right|_{\delta = 0}",
            sp.factor(ledger.MARGINAL_RATIO.subs(ledger.displacement, 0)),
            names,
        ),
    }


#: Every group of figures the chapter glues: glue prefix → the function that computes them.
GROUPS = {
    "record": figures.record_figures,
    "period": figures.record_period,
    "chip": figures.chip_figures,
    "book": lambda: {"key_terms": key_terms_markdown(CHAPTER)},
    "eccn3a090": figures.rule_figures,
    "ledger_param": lambda: figures.parameter_figures(ledger.PARAMETERS),
    "ledger_model": ledger.figures.key_figures,
    "ledger_prose": prose.prose_figures,
    "ledger_ex": prose.exercise_figures,
    "ledger_eq": equations,
}


def glue_numbers(*prefixes: str) -> None:
    """Glue the chapter's figures: every group of :data:`GROUPS`, or only those named.

    The preface, for instance, glues ``glue_numbers("record", "period", "ledger_prose")``.
    """
    glue_groups(GROUPS, *prefixes)
