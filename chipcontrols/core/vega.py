"""Print sympy expressions in the Vega expression language.

Vega's expression language (https://vega.github.io/vega/docs/expressions/) is a small
JavaScript subset with ``pow``, ``exp``, ``log``, ``sqrt``, ``abs``, ``min``, ``max``, the
normal distribution's ``cumulativeNormal`` (through which ``erf`` is printed) and the ``?:``
operator.  The static website evaluates the book's closed forms in the reader's
browser with expressions printed here from the same sympy objects that numpy evaluates
in Python, so the two cannot drift apart (a browser test checks they agree).
"""

from __future__ import annotations

from collections.abc import Mapping

import sympy as sp
from sympy.printing.precedence import precedence
from sympy.printing.str import StrPrinter

from chipcontrols.core.parameters import strict_keywords


class VegaPrinter(StrPrinter):
    """A sympy printer whose output is a Vega expression string.

    Parameters
    ----------
    names : mapping of sympy.Symbol or str to str, optional
        How each symbol is written: a Vega signal (parameter) name such as ``"tpp"``,
        or a data field such as ``"datum.tpp"``.  Symbols not in the mapping are
        written as their own name.

    Examples
    --------
    >>> x, y = sp.symbols("x y", positive=True)
    >>> VegaPrinter({x: "datum.x"}).doprint(sp.sqrt(x) + y**2)
    'sqrt(datum.x) + pow(y, 2)'
    >>> VegaPrinter().doprint(sp.Piecewise((1, x >= 2), (0, True)))
    '((x >= 2) ? (1) : (0))'
    >>> VegaPrinter().doprint(sp.erf(x))
    '(2*cumulativeNormal((x)*sqrt(2)) - 1)'
    """

    printmethod = "_vega"
    _unary_functions = {
        "exp": "exp",
        "log": "log",
        "sqrt": "sqrt",
        "Abs": "abs",
        "floor": "floor",
        "ceiling": "ceil",
        "sin": "sin",
        "cos": "cos",
        "tan": "tan",
    }

    def __init__(self, names: Mapping[sp.Symbol | str, str] | None = None) -> None:
        super().__init__()
        self._names = {str(key): value for key, value in (names or {}).items()}

    def _print_Symbol(self, expr: sp.Symbol) -> str:
        return self._names.get(expr.name, expr.name)

    def _print_Pow(self, expr: sp.Pow, rational: bool = False) -> str:
        base, exponent = expr.args
        if exponent == sp.S.Half:
            return f"sqrt({self._print(base)})"
        if exponent == -1:
            return f"(1/{self.parenthesize(base, precedence(expr))})"
        return f"pow({self._print(base)}, {self._print(exponent)})"

    def _print_Rational(self, expr: sp.Rational) -> str:
        return f"({expr.p}/{expr.q})"

    def _print_Float(self, expr: sp.Float) -> str:
        return repr(float(expr))

    def _print_Exp1(self, expr: sp.Expr) -> str:
        return "E"

    def _print_Pi(self, expr: sp.Expr) -> str:
        return "PI"

    def _print_Infinity(self, expr: sp.Expr) -> str:
        raise ValueError("Vega expressions have no infinity literal; bound the expression first")

    _print_NegativeInfinity = _print_Infinity

    def _print_BooleanTrue(self, expr: sp.Expr) -> str:
        return "true"

    def _print_BooleanFalse(self, expr: sp.Expr) -> str:
        return "false"

    def _print_Relational(self, expr: sp.core.relational.Relational) -> str:
        operator = {"==": "===", "!=": "!=="}.get(expr.rel_op, expr.rel_op)
        return f"({self._print(expr.lhs)} {operator} {self._print(expr.rhs)})"

    def _print_And(self, expr: sp.And) -> str:
        return "(" + " && ".join(self._print(arg) for arg in expr.args) + ")"

    def _print_Or(self, expr: sp.Or) -> str:
        return "(" + " || ".join(self._print(arg) for arg in expr.args) + ")"

    def _print_Not(self, expr: sp.Not) -> str:
        return f"!({self._print(expr.args[0])})"

    def _print_Max(self, expr: sp.Max) -> str:
        return "max(" + ", ".join(self._print(arg) for arg in expr.args) + ")"

    def _print_Min(self, expr: sp.Min) -> str:
        return "min(" + ", ".join(self._print(arg) for arg in expr.args) + ")"

    def _print_Piecewise(self, expr: sp.Piecewise) -> str:
        *branches, (last_value, last_condition) = expr.args
        if last_condition != sp.true:
            raise ValueError("a Piecewise printed to Vega needs a final (value, True) branch")
        text = f"({self._print(last_value)})"
        for value, condition in reversed(branches):
            text = f"({self._print(condition)} ? ({self._print(value)}) : {text})"
        return text

    def _print_erf(self, expr: sp.Function) -> str:
        # Vega has the normal CDF, not erf: erf(x) = 2*Phi(x*sqrt(2)) - 1.
        return f"(2*cumulativeNormal(({self._print(expr.args[0])})*sqrt(2)) - 1)"

    def _print_Function(self, expr: sp.Function) -> str:
        name = type(expr).__name__
        if name in self._unary_functions:
            return f"{self._unary_functions[name]}({self._print(expr.args[0])})"
        raise ValueError(f"no Vega equivalent for the sympy function {name}")


@strict_keywords
def to_vega(expr: sp.Basic, names: Mapping[sp.Symbol | str, str] | None = None) -> str:
    """Return ``expr`` as a Vega expression string (see :class:`VegaPrinter`).

    Examples
    --------
    >>> tpp, area = sp.symbols("tpp die_area", positive=True)
    >>> to_vega(tpp / area, {"tpp": "tpp", "die_area": "die_area"})
    'tpp/die_area'
    """
    if not isinstance(expr, sp.Basic):
        raise ValueError(f"expr = {expr!r:.60} is not a sympy expression")
    return VegaPrinter(names).doprint(expr)
