"""Chapter 2's glued numbers: every figure its text cites and every formula it typesets.

The chapter's setup cell is ``glue_numbers()``.  Its own figures are named by the model:
``tools_vs_chips_param_`` (the declared parameters), ``tools_vs_chips_model_`` (the model at
its defaults), ``tools_vs_chips_capacity_`` (the published estimates),
``tools_vs_chips_validation_`` (the model against them), ``tools_vs_chips_shift_`` (the tally of
coded control events), ``tools_vs_chips_ex_`` (what the exercises give) and
``tools_vs_chips_eq_`` (formulas); besides those, the book-wide ``record_``, ``period_`` and
``book_``.  The worked solutions' ``tools_vs_chips_sol_`` are glued apart
(:func:`widgets.core.teaching.glue_solutions`).
"""

from __future__ import annotations

from chipcontrols import CHAPTER_MODELS, tools_vs_chips
from chipcontrols.core import figures
from chipcontrols.tools_vs_chips import prose
from widgets.core.glossary import key_terms_markdown
from widgets.core.glue import glue_groups
from widgets.core.notation import notation_markdown
from widgets.tools_vs_chips.formulas import equations

__all__ = ["CHAPTER", "GROUPS", "glue_numbers"]

#: The chapter this module glues for.
CHAPTER = CHAPTER_MODELS.index("tools_vs_chips") + 1

#: Every group of figures the chapter glues: glue prefix → the function that computes them.
GROUPS = {
    "record": figures.record_figures,
    "period": figures.record_period,
    "book": lambda: {
        "key_terms": key_terms_markdown(CHAPTER),
        "notation": notation_markdown(CHAPTER),
    },
    "tools_vs_chips_param": lambda: figures.parameter_figures(tools_vs_chips.PARAMETERS),
    "tools_vs_chips_model": prose.model_figures,
    "tools_vs_chips_capacity": prose.capacity_figures,
    "tools_vs_chips_validation": prose.validation_figures,
    "tools_vs_chips_shift": prose.shift_figures,
    "tools_vs_chips_ex": prose.exercise_figures,
    "tools_vs_chips_eq": equations,
}


def glue_numbers(*prefixes: str) -> None:
    """Glue the chapter's figures: every group of :data:`GROUPS`, or only those named."""
    glue_groups(GROUPS, *prefixes)
