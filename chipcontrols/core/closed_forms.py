"""The registry of closed forms: the only way an expression reaches the website.

A model registers each sympy expression the website evaluates with :func:`register`, naming
the :class:`~chipcontrols.core.parameters.ParameterSet` its symbols are declared in.  A view asks
the registered :class:`ClosedForm` for its Vega expression (:meth:`ClosedForm.vega`); the
views never print sympy themselves.  Because every expression the browser computes passes
through here, the browser parity test, which evaluates each registered form in Chromium at
random points of its parameters' declared ranges and compares with numpy, covers everything
the site computes.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass, field

import sympy as sp

from chipcontrols.core.parameters import ParameterSet
from chipcontrols.core.vega import to_vega

#: Every registered closed form, by name.
_REGISTRY: dict[str, ClosedForm] = {}
#: The model modules that register closed forms (imported by :func:`registered`).
MODEL_MODULES = (
    "chipcontrols.eccn3a090",
    "chipcontrols.ledger.model",
    "chipcontrols.tools_vs_chips.model",
    "chipcontrols.coalition.staghunt",
    "chipcontrols.coalition.cascade",
    "chipcontrols.catchup.yields",
    "chipcontrols.catchup.learning",
    "chipcontrols.catchup.cost",
    "chipcontrols.catchup.performance",
    "chipcontrols.catchup.reliability",
    "chipcontrols.catchup.market",
    "chipcontrols.hedging.china",
    "chipcontrols.hedging.us",
)


@dataclass(frozen=True)
class ClosedForm:
    """A sympy expression whose symbols are all declared parameters.

    Parameters
    ----------
    name : str
        Unique name, ``"<model>: <what it is>"``.
    expression : sympy.Basic
        The expression.
    parameters : ParameterSet
        Declarations of (at least) every free symbol; their ranges are the sampling box of
        the parity test.
    log_scale : tuple of str
        Parameters sampled uniformly in log space by the parity test (wide positive ranges).
    """

    name: str
    expression: sp.Basic
    parameters: ParameterSet = field(repr=False)
    log_scale: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        declared = set(self.parameters.symbols.values())
        missing = self.expression.free_symbols - declared
        if missing:
            raise ValueError(
                f"closed form {self.name}: symbols {sorted(map(str, missing))} are "
                "not declared parameters"
            )

    @property
    def symbols(self) -> tuple[sp.Symbol, ...]:
        """The free symbols, sorted by name."""
        return tuple(sorted(self.expression.free_symbols, key=lambda s: s.name))

    @property
    def domain(self) -> dict[sp.Symbol, tuple[float, float]]:
        """The declared range of each free symbol: the box the parity test samples."""
        return {
            s: (self.parameters.of_symbol(s).minimum, self.parameters.of_symbol(s).maximum)
            for s in self.symbols
        }

    def vega(self, fields: Mapping[str, str] | None = None) -> str:
        """The expression in Vega's expression language.

        Each symbol is written as its parameter's name, which is the name of the Vega signal
        (slider) of that parameter; ``fields`` maps a parameter name to something else, e.g.
        ``{"volume": "datum.volume"}`` to read it from a data field.
        """
        unknown = set(fields or {}) - {s.name for s in self.symbols}
        if unknown:
            raise ValueError(
                f"closed form {self.name}: fields {sorted(unknown)} name no symbol "
                f"of the expression; its symbols: {[s.name for s in self.symbols]}"
            )
        return to_vega(self.expression, dict(fields or {}))

    def numpy(self):
        """A numpy function of the parameters by keyword (the symbols' names)."""
        function = sp.lambdify(self.symbols, self.expression, modules="numpy")
        names = [s.name for s in self.symbols]
        return lambda **values: function(*(values[name] for name in names))


def register(
    name: str, expression: sp.Basic, parameters: ParameterSet, log_scale: tuple[str, ...] = ()
) -> ClosedForm:
    """Register a closed form under a unique name and return it."""
    form = ClosedForm(name, expression, parameters, log_scale)
    existing = _REGISTRY.get(name)
    if existing is not None and existing.expression != expression:
        raise ValueError(f"closed form {name!r} is registered twice with different expressions")
    _REGISTRY[name] = form
    return form


def registered() -> tuple[ClosedForm, ...]:
    """Every registered closed form, after importing every model module."""
    for module in MODEL_MODULES:
        importlib.import_module(module)
    return tuple(_REGISTRY.values())
