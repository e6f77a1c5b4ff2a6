"""Every display formula is written in textbook form and proved equal to the model's expression.

Each chapter's ``<model>_eq`` glue group (its ``equations()``) must hold only
:class:`widgets.core.text.TextbookMath`: LaTeX written by hand, never sympy's printout.  This
test parses each hand-written right-hand side with sympy's LaTeX parser and proves it equal to
the expression the model computes, symbolically or, where sympy cannot simplify the difference,
at random points of the parameters' declared ranges.  It also checks that every symbol a
chapter's formulas typeset is in that chapter's notation table (``data/notation.csv``), whose
key is the symbol, so one symbol has one meaning across the book.

The LaTeX parser (ANTLR runtime) is a test dependency of the book environment, so this test is
in the book tier, not the model tier the Binder environment runs.
"""

from __future__ import annotations

import importlib
import math
import random
import re

import pytest
import sympy as sp
from sympy.core.function import AppliedUndef

from chipcontrols import CHAPTER_MODELS
from chipcontrols.core.closed_forms import registered
from chipcontrols.reference.notation import symbols_of_chapter
from widgets.core.text import TextbookMath

#: Random points tried where the symbolic difference does not simplify to zero.
POINTS = 40
#: Points at which both sides must be finite and real for the numeric comparison to count.
MINIMUM_POINTS = 8


def chapter_equations(model: str) -> dict[str, object]:
    """The formulas chapter ``model`` glues as ``<model>_eq_*``."""
    groups = importlib.import_module(f"widgets.{model}.numbers").GROUPS
    return groups[f"{model}_eq"]()


def _declared_latex() -> dict[str, str]:
    """Every declared parameter's LaTeX, by symbol name (its ``latex`` declaration)."""
    return {
        symbol.name: form.parameters.of_symbol(symbol).latex
        for form in registered()
        for symbol in form.symbols
        if form.parameters.of_symbol(symbol).latex
    }


def _declared_ranges() -> dict[str, tuple[float, float]]:
    """Every declared parameter's range, by symbol name, from the registered closed forms."""
    ranges = {}
    for form in registered():
        for symbol, (low, high) in form.domain.items():
            if math.isfinite(low) and math.isfinite(high) and high > low:
                ranges[symbol.name] = (low, high)
    return ranges


def parse_textbook(latex: str, names: dict[sp.Symbol, str]) -> sp.Expr:
    """The sympy expression of a hand-written right-hand side, in the model's symbols.

    Each symbol's LaTeX is replaced by a placeholder the parser reads as one symbol, longest
    first; a symbol written before a parenthesis, which the parser reads as a function call, is
    read as a product; ``e`` is Euler's number and ``\\pi`` is π.
    """
    from sympy.parsing.latex import parse_latex

    placeholders = {}
    text = latex
    for number, (symbol, name) in enumerate(sorted(names.items(), key=lambda item: -len(item[1]))):
        token = f"Z_{{{number}}}"
        pattern = r"(?<![\\A-Za-z])" + re.escape(name) + r"(?![A-Za-z])"
        text = re.sub(pattern, f" {token} ".replace("\\", "\\\\"), text)
        placeholders[sp.Symbol(f"Z_{{{number}}}")] = symbol
    parsed = parse_latex(text)
    parsed = parsed.replace(
        lambda node: isinstance(node, AppliedUndef),
        lambda node: sp.Symbol(node.func.__name__) * sp.Mul(*node.args),
    )
    parsed = parsed.subs({sp.Symbol("e"): sp.E, sp.Symbol("pi"): sp.pi})
    unknown = parsed.free_symbols - set(placeholders)
    if unknown:
        raise AssertionError(
            f"{latex!r}: symbols {sorted(map(str, unknown))} are not among the formula's "
            f"names {sorted(names.values())}"
        )
    return parsed.subs(placeholders)


def equal(textbook: sp.Expr, model: sp.Expr, ranges: dict) -> bool:
    """Whether two expressions agree: symbolically, or at random points of declared ranges."""
    try:
        if sp.simplify(textbook - model) == 0:
            return True
    except (TypeError, ValueError):
        pass
    free = sorted(textbook.free_symbols | model.free_symbols, key=str)
    left = sp.lambdify(free, textbook, modules="mpmath")
    right = sp.lambdify(free, model, modules="mpmath")
    generator = random.Random(22)
    agreed = 0
    for _ in range(POINTS):
        point = [generator.uniform(*ranges.get(s.name, (0.05, 0.95))) for s in free]
        try:
            a, b = complex(left(*point)), complex(right(*point))
        except (ZeroDivisionError, ValueError, TypeError, OverflowError):
            continue
        if not all(map(math.isfinite, (a.real, a.imag, b.real, b.imag))):
            continue
        if abs(a.imag) > 1e-12 or abs(b.imag) > 1e-12:
            continue
        if not math.isclose(a.real, b.real, rel_tol=1e-9, abs_tol=1e-12):
            return False
        agreed += 1
    return agreed >= MINIMUM_POINTS


CASES = [
    (number, model, key)
    for number, model in enumerate(CHAPTER_MODELS, 1)
    for key in chapter_equations(model)
]


@pytest.mark.parametrize(
    ("chapter", "model", "key"), CASES, ids=[f"{m}_eq_{k}" for _, m, k in CASES]
)
def test_formula_is_in_textbook_form_and_equals_the_model(chapter, model, key):
    formula = chapter_equations(model)[key]
    assert isinstance(formula, TextbookMath), (
        f"{model}_eq_{key} is typeset by sympy's printer; write it in textbook form with "
        "widgets.core.text.textbook"
    )
    parsed = parse_textbook(formula.textbook, formula.names)
    assert equal(parsed, formula.expression, _declared_ranges()), (
        f"{model}_eq_{key}: the textbook form {formula.textbook!r} reads as {parsed}, which is "
        f"not the model's {formula.expression}"
    )
    declared = _declared_latex()
    renamed = {
        str(s): (formula.names[s], declared[s.name])
        for s in formula.expression.free_symbols
        if s.name in declared and formula.names[s] != declared[s.name]
    }
    assert not renamed, (
        f"{model}_eq_{key} typesets declared parameters with other LaTeX than their "
        f"declaration (typeset, declared): {renamed}"
    )
    listed = {entry.symbol for entry in symbols_of_chapter(chapter)}
    used = {formula.names[s] for s in formula.expression.free_symbols}
    missing = sorted(used - listed)
    assert not missing, (
        f"{model}_eq_{key} typesets {missing}, which data/notation.csv does not list for "
        f"chapter {chapter}"
    )


def test_textbook_forms_use_ln_for_the_natural_log():
    plain_log = [
        f"{model}_eq_{key}"
        for _, model, key in CASES
        if isinstance(formula := chapter_equations(model)[key], TextbookMath)
        and re.search(r"\\log\b", formula.textbook)
    ]
    assert not plain_log, f"write the natural log as \\ln: {plain_log}"


def test_parser_tells_a_wrong_form_from_a_right_one():
    r, beta, S = sp.symbols("r beta S", positive=True)
    names = {r: "r", beta: r"\beta", S: "S"}
    model = (r - beta * S) / (S * (1 - 2 * beta))
    right = parse_textbook(r"\frac{r - \beta S}{S(1 - 2\beta)}", names)
    wrong = parse_textbook(r"\frac{r - \beta S}{S(1 - \beta)}", names)
    assert equal(right, model, {}) and not equal(wrong, model, {})
