"""Chapter 5's glued numbers: every figure its text cites and every formula it typesets.

The chapter's setup cell is ``glue_numbers()``.  Its own figures are named by the model:
``hedging_param_`` (the declared parameters), ``hedging_prose_`` (derived figures the prose
cites), ``hedging_ex_`` (what the exercises give), ``hedging_formula_`` (short formulas in textbook
form, as MyST text) and ``hedging_eq_`` (display formulas in textbook form, each proved equal
to the model's);
besides those, the book-wide ``record_`` and ``book_``.  The worked solutions' ``hedging_sol_``
are glued apart (:func:`widgets.core.teaching.glue_solutions`).
"""

from __future__ import annotations

from chipcontrols import CHAPTER_MODELS, hedging
from chipcontrols.core import figures
from chipcontrols.hedging import prose
from widgets.core.glossary import key_terms_markdown
from widgets.core.glue import glue_groups
from widgets.core.notation import notation_markdown
from widgets.hedging.formulas import display_forms, inline_texts

__all__ = ["CHAPTER", "GROUPS", "equations", "glue_numbers"]

#: The chapter this module glues for.
CHAPTER = CHAPTER_MODELS.index("hedging") + 1


def equations() -> dict[str, object]:
    """The formulas the chapter's text shows with ``glue:math``, in textbook form."""
    return display_forms()


#: Every group of figures the chapter glues: glue prefix → the function that computes them.
GROUPS = {
    "record": figures.record_figures,
    "period": figures.record_period,
    "book": lambda: {
        "key_terms": key_terms_markdown(CHAPTER),
        "notation": notation_markdown(CHAPTER),
    },
    "hedging_param": lambda: figures.parameter_figures(hedging.PARAMETERS),
    "hedging_prose": prose.prose_figures,
    "hedging_ex": prose.exercise_figures,
    "hedging_formula": inline_texts,
    "hedging_eq": equations,
}


def glue_numbers(*prefixes: str) -> None:
    """Glue the chapter's figures: every group of :data:`GROUPS`, or only those named."""
    glue_groups(GROUPS, *prefixes)
