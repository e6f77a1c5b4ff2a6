"""Equations and tables for the chapter text, rendered from the model's own objects."""

from __future__ import annotations

import html

import pandas as pd
import sympy as sp
from IPython.display import HTML, Math

from chipcontrols.core.data import load_chips
from chipcontrols.eccn3a090 import LATEX_NAMES, OCTOBER_2023, RuleVersion, classify_chips


def equation(left: str, expr: sp.Basic, names: dict | None = None) -> Math:
    """Display ``left = expr`` as LaTeX, typeset from the sympy expression itself.

    Parameters
    ----------
    left : str
        LaTeX of the left-hand side.
    expr : sympy.Basic
        The expression the code evaluates.
    names : dict, optional
        Symbol → LaTeX name; defaults to the classifier's :data:`LATEX_NAMES`.
    """
    body = sp.latex(expr, symbol_names=names or LATEX_NAMES)
    return Math(f"{left} = {body}")


class TextbookMath(Math):
    """A formula typeset from LaTeX written by hand, carrying the model expression it states.

    ``tests/core/test_textbook_forms.py`` parses :attr:`textbook` and proves it equal to
    :attr:`expression`, and checks that every symbol of :attr:`names` is in the chapter's
    notation table, so the hand-written form a student reads cannot drift from what the code
    computes.
    """

    def __init__(self, left: str, textbook: str, expression: sp.Basic, names: dict) -> None:
        super().__init__(f"{left} = {textbook}")
        self.left = left
        self.textbook = textbook
        self.expression = expression
        self.names = dict(names)


def textbook(left: str, latex: str, expression: sp.Basic, names: dict) -> TextbookMath:
    """Display ``left = latex``: a formula in textbook form, checked equal to ``expression``.

    Parameters
    ----------
    left : str
        LaTeX of the left-hand side (free text, not parsed).
    latex : str
        The right-hand side as a textbook writes it: named symbols, ``\\ln``, natural term
        order.  Write multiplication before a parenthesis with ``\\cdot`` or a space-free
        product of symbols only: sympy's LaTeX parser reads ``S(1 - 2\\beta)`` as a function.
    expression : sympy.Basic
        The model's expression the formula states.
    names : dict
        Each free symbol of ``expression`` → its LaTeX in ``latex`` (the notation table's
        symbol).

    Examples
    --------
    >>> r, S = sp.symbols("r S", positive=True)
    >>> textbook("q^{*}", r"\\frac{r}{S}", r / S, {r: "r", S: "S"}).data == r"q^{*} = \\frac{r}{S}"
    True
    """
    missing = sorted(str(s) for s in expression.free_symbols if s not in names)
    if missing:
        raise ValueError(f"textbook form of {left}: symbols {missing} have no LaTeX name")
    return TextbookMath(left, latex, expression, names)


def rule_conditions(rule: RuleVersion = OCTOBER_2023) -> Math:
    """Display a rule version's classes, one line per box, typeset from the sympy conditions.

    Each line is one of the boxes the model's class expression is built from, so the text
    shows exactly what the code evaluates; a chip takes the first class whose box it is in.
    """
    lines = []
    for control in rule.classes:
        lines.append(rf"\textbf{{{control.label}}}\text{{ if}}")
        for number, box in enumerate(control.boxes):
            condition = sp.latex(box.condition(), symbol_names=LATEX_NAMES)
            joiner = "" if number == 0 else r"\text{or }"
            lines.append(rf"\qquad {joiner}{condition}")
    lines.append(rf"\textbf{{{rule.uncontrolled_label}}}\text{{ otherwise}}")
    return Math(r"\begin{array}{l}" + r" \\ ".join(lines) + r"\end{array}")


def chip_table(chips: pd.DataFrame | None = None, rule: RuleVersion = OCTOBER_2023) -> HTML:
    """HTML table of every chip with its TPP, density, class and linked source.

    Figures missing from the data are shown as "n/a", never filled in.
    """
    classified = classify_chips(load_chips() if chips is None else chips, rule)
    rows = []
    for chip in classified.itertuples():
        tpp_text = "n/a" if pd.isna(chip.tpp) else f"{chip.tpp:,.0f}"
        density_text = "n/a" if pd.isna(chip.density) else f"{chip.density:.2f}"
        source = f'<a href="{html.escape(chip.source_url)}">{html.escape(chip.source_title)}</a>'
        rows.append(
            f"<tr><td>{html.escape(chip.chip)}</td><td>{html.escape(chip.vendor)}</td>"
            f'<td class="num">{tpp_text}</td><td class="num">{density_text}</td>'
            f"<td>{html.escape(chip.eccn_class)}</td><td>{chip.confidence}</td><td>{source}</td></tr>"
        )
    header = (
        "<tr><th>Chip</th><th>Vendor</th><th>TPP</th><th>Density (TPP/mm²)</th>"
        f"<th>Class ({html.escape(rule.name)} rule)</th><th>Confidence</th><th>Source</th></tr>"
    )
    return HTML(
        f'<div class="h200-table"><table class="table">'
        f"<thead>{header}</thead><tbody>{''.join(rows)}</tbody></table></div>"
    )
