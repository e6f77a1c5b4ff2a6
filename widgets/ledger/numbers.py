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

from chipcontrols import CHAPTER_MODELS, eccn3a090, ledger
from chipcontrols.core import figures
from chipcontrols.ledger import prose
from widgets.core.glossary import key_terms_markdown
from widgets.core.glue import glue_groups
from widgets.core.notation import notation_markdown
from widgets.core.text import textbook

__all__ = ["CHAPTER", "GROUPS", "equations", "glue_numbers"]

#: The chapter this module glues for.
CHAPTER = CHAPTER_MODELS.index("ledger") + 1


def equations() -> dict[str, object]:
    """The formulas the chapter shows with ``glue:math``, in textbook form.

    Each right-hand side is written by hand and proved equal to the model's sympy expression
    by ``tests/book/test_textbook_forms.py``; the names are the notation table's symbols.
    """
    names = ledger.LATEX_NAMES
    rule = eccn3a090.LATEX_NAMES
    gain = r"\left(\tau + \omega (1 - \tau)\right) p_{\mathrm{H200}}"
    harm = r"\ln\left(1 + \frac{h Q}{C_{\mathrm{CN}}}\right)"
    forms = {
        "tpp_at_precision": (
            r"\mathrm{TPP}_p",
            r"b_p \mathrm{OPS}_p",
            eccn3a090.TPP_AT_ONE_PRECISION,
            rule,
        ),
        "density": (
            r"\mathrm{PD}",
            r"\frac{\mathrm{TPP}}{A_{\mathrm{die}}}",
            eccn3a090.DENSITY_OF_CHIP,
            rule,
        ),
        "treasury": (
            r"R_{\mathrm{Treasury}}",
            r"\tau p_{\mathrm{H200}} Q",
            ledger.TREASURY_REVENUE,
            names,
        ),
        "nvidia": (
            r"R_{\mathrm{Nvidia}}",
            r"(1 - \tau) p_{\mathrm{H200}} Q",
            ledger.NVIDIA_REVENUE,
            names,
        ),
        "ratio": (
            r"\rho(Q)",
            r"\frac{C_{\mathrm{US}} - \delta h Q}{C_{\mathrm{CN}} + h Q}",
            ledger.RATIO,
            names,
        ),
        "q_star": (
            r"Q^{*}",
            r"\frac{C_{\mathrm{US}} - \bar{\rho} C_{\mathrm{CN}}}{h (\bar{\rho} + \delta)}",
            ledger.VOLUME_FOR_TARGET_RATIO,
            names,
        ),
        "marginal": (
            r"\frac{\partial \rho}{\partial Q}",
            r"-\frac{h (C_{\mathrm{US}} + \delta C_{\mathrm{CN}})}{(C_{\mathrm{CN}} + h Q)^{2}}",
            ledger.MARGINAL_RATIO,
            names,
        ),
        "marginal_no_displacement": (
            r"\frac{\partial \rho}{\partial Q}\Big|_{\delta = 0}",
            r"-\frac{h C_{\mathrm{US}}}{(C_{\mathrm{CN}} + h Q)^{2}}",
            sp.factor(ledger.MARGINAL_RATIO.subs(ledger.displacement, 0)),
            names,
        ),
        "gain": (r"g_{\mathrm{chip}}", gain, ledger.US_GAIN_PER_CHIP, names),
        "welfare": (
            r"G_{\mathrm{US}}(Q)",
            gain + r" Q - \sigma " + harm,
            ledger.WELFARE,
            names,
        ),
        "sigma_star": (
            r"\sigma^{*}",
            r"\frac{" + gain + r" Q}{" + harm + "}",
            ledger.BREAK_EVEN_VALUATION,
            names,
        ),
    }
    return {
        key: textbook(left, latex, expression, {s: n[s] for s in expression.free_symbols})
        for key, (left, latex, expression, n) in forms.items()
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
